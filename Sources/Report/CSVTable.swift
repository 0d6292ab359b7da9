import Foundation
import ResultsSchema

/// A CSV file as written by ccsim (`CSVWriter`): a header and rows, read by column name so a producer may add columns.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// Parses the text with the project's `CSVReader` (quoted fields over lines, CRLF, a byte-order
    /// mark); blank lines are no rows. nil for a file without a header; a quote never closed throws.
    public init?(text: String) throws(CSVReader.UnclosedQuote) {
        let records = try CSVReader.records(text)
        guard let first = records.first else { return nil }
        header = first.fields
        rows = records.dropFirst().map(\.fields)
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

extension CSVTable {
    /// The index of a column named by one of the results schema's column enums.
    public func column<Column: RawRepresentable>(_ column: Column) -> Int? where Column.RawValue == String {
        self.column(column.rawValue)
    }
}
