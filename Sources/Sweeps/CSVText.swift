/// CSV fields (RFC 4180): numbers at full precision, text quoted when it must be.
enum CSVText {
    static func row(_ fields: [String]) -> String { fields.joined(separator: ",") + "\n" }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Shortest text that reads back as the same Double; integers without a fraction; empty for nil.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    static func value(_ value: StoredValue) -> String {
        switch value {
        case .number(let d): number(d)
        case .text(let s): field(s)
        case .null: ""
        }
    }
}
