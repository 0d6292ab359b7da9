/// A CSV file as written by ccsim (RFC 4180: comma-separated, fields with commas or quotes in
/// double quotes): a header and rows, read by column name so a producer may add columns.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// Parses the text; blank lines are skipped. nil for a file without a header.
    public init?(text: String) {
        var records: [[String]] = []
        var field = "", record: [String] = [], quoted = false, afterQuote = false
        var chars = text.makeIterator()
        func endRecord() {
            record.append(field)
            if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
            field = ""; record = []
        }
        while let ch = chars.next() {
            if quoted {
                if ch == "\"" { quoted = false; afterQuote = true } else { field.append(ch) }
                continue
            }
            switch ch {
            case "\"":
                if afterQuote { field.append("\"") }
                quoted = true
            case ",": record.append(field); field = ""
            case "\n", "\r\n": endRecord()
            case "\r": break
            default: field.append(ch)
            }
            afterQuote = false
        }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        guard let first = records.first else { return nil }
        header = first
        rows = Array(records.dropFirst())
    }

    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The text in a column of a row ("" when the row is short).
    public func text(_ row: [String], _ column: Int?) -> String {
        guard let column, column < row.count else { return "" }
        return row[column]
    }

    /// The number in a column of a row, nil when empty or not a number.
    public func number(_ row: [String], _ column: Int?) -> Double? {
        Double(text(row, column).trimmingCharacters(in: .whitespaces))
    }
}

import Foundation
