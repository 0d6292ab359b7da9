/// Reads CSV text as RFC 4180 says, the way exports from ACDs, WFM suites and spreadsheets write it.
///
/// Fields may be quoted (`"front, line"`), a quote inside a quoted field is doubled (`""`), and a
/// quoted field may hold commas and line breaks. Records end with LF or CRLF (a lone CR too); a
/// UTF-8 byte-order mark before the header is skipped; a blank line is no record. Each record keeps
/// the 1-based line it starts on, so a rejected row is reported where an editor shows it.
/// Shared by every CSV reader of the project (contact logs, empirical samples, requirements).
public enum CSVReader {
    /// One record: its fields (unquoted) and the line it starts on.
    public struct Record: Sendable, Hashable {
        public var fields: [String]
        public var line: Int
    }

    /// A quote was opened and never closed; the text is malformed from `line` on.
    public struct UnclosedQuote: Error, Sendable, Hashable, CustomStringConvertible {
        public let line: Int
        public init(line: Int) { self.line = line }
        public var description: String { "line \(line): a quoted field is never closed (a \" without its closing \")" }
    }

    /// The records of `text`, header included.
    public static func records(_ text: String) throws(UnclosedQuote) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var quoted = false        // inside a quoted field
        var wasQuoted = false     // the current field was quoted (so an empty one still counts)
        var quoteLine = 1
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            if !(fields.isEmpty && field.isEmpty && !wasQuoted) {
                endField()
                records.append(Record(fields: fields, line: recordLine))
            }
            fields.removeAll(keepingCapacity: true)
        }

        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < n, bytes[i + 1] == UInt8(ascii: "\"") { field.append(b); i += 2; continue }
                    quoted = false
                } else {
                    if b == UInt8(ascii: "\n") || (b == UInt8(ascii: "\r") && !(i + 1 < n && bytes[i + 1] == UInt8(ascii: "\n"))) { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "\""):
                if field.isEmpty && !wasQuoted {
                    quoted = true
                    wasQuoted = true
                    quoteLine = line
                } else {
                    field.append(b)  // a stray quote inside an unquoted field is kept as written
                }
            case UInt8(ascii: ","):
                endField()
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                if b == UInt8(ascii: "\r"), i + 1 < n, bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(b)
            }
            i += 1
        }
        if quoted { throw UnclosedQuote(line: quoteLine) }
        endRecord()
        return records
    }
}
