import Foundation

/// Writes CSV as `CSVReader` reads it (RFC 4180): the one place ccsim's output files get their
/// quoting and their numbers, so `summary.csv`, `intervals.csv`, `staffing.csv`, `schedule.csv`,
/// `roster.csv` and a sweep's exports read back the same everywhere (Python, a spreadsheet, the report).
public enum CSVWriter {
    /// One record: the fields, each quoted when it must be, and a line feed.
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// A field holding a comma, a quote or a line break is quoted, its quotes doubled; others as written.
    public static func field(_ text: String) -> String {
        // By bytes: "\r\n" is one Character in Swift, equal to neither "\r" nor "\n".
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
        else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The shortest text that reads back as the same Double, whole numbers without a decimal
    /// point; empty when there is no value (nil, NaN or infinite), as pandas reads a missing value.
    public static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
