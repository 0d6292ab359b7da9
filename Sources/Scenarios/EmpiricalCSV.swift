import Foundation
import ResultsSchema

/// Reads the sample values of an `{empirical: {file: …}}` distribution from a CSV file.
///
/// Records come from the project's `CSVReader` (RFC 4180: quoted cells, `""` for a quote, CRLF,
/// a byte-order mark); blank records and records starting with `#` are skipped. The file either
/// has one column (a header row is allowed and detected by its first cell not being a number)
/// or a header row and `column:` naming the column to use.
enum EmpiricalCSV {
    struct Failure: Error {
        /// Message, already naming the CSV file and line where there is one.
        let message: String
        /// True when the problem is the requested column rather than the file.
        var concernsColumn = false
    }

    /// The values in seconds (durations) or as written (numbers).
    ///
    /// - Parameters:
    ///   - path: the path to open (already resolved against the scenario's directory).
    ///   - displayName: how to name the file in messages.
    ///   - column: header name of the column to read; nil for a one-column file.
    ///   - unitSeconds: when set, cells are bare numbers in this unit; otherwise they are read
    ///     with the grammar of `kind` (so duration cells then need their own unit, `120s`).
    static func values(path: String, displayName: String, column: String?, unitSeconds: Double?,
                       kind: QuantityKind) -> Result<[Double], Failure> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.init(message: "cannot read '\(displayName)': no such file"))
        }
        guard !isDirectory.boolValue else {
            return .failure(.init(message: "cannot read '\(displayName)': it is a directory"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.init(message: "cannot read '\(displayName)': permission denied or I/O error"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(.init(message: "cannot read '\(displayName)': not UTF-8 text"))
        }
        return values(csv: text, displayName: displayName, column: column, unitSeconds: unitSeconds, kind: kind)
    }

    static func values(csv text: String, displayName: String, column: String?, unitSeconds: Double?,
                       kind: QuantityKind) -> Result<[Double], Failure> {
        let records: [CSVReader.Record]
        do { records = try CSVReader.records(text) } catch {
            return .failure(.init(message: "\(displayName):\(error.line): a quoted cell is never closed (a \" without its closing \")"))
        }
        var rows: [(line: Int, cells: [String])] = []
        for record in records {
            let cells = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.allSatisfy(\.isEmpty) || cells[0].hasPrefix("#") { continue }
            rows.append((record.line, cells))
        }
        guard let first = rows.first else {
            return .failure(.init(message: "'\(displayName)' has no values"))
        }

        let columnIndex: Int
        var data = rows[...]
        if let column {
            guard let found = first.cells.firstIndex(of: column) else {
                let names = first.cells.map { "'\($0)'" }.joined(separator: ", ")
                return .failure(.init(message: "no column '\(column)' in the header of '\(displayName)' (line \(first.line) has \(names))",
                                      concernsColumn: true))
            }
            columnIndex = found
            data = rows.dropFirst()
        } else {
            guard first.cells.count == 1 else {
                return .failure(.init(message: "'\(displayName)' has \(first.cells.count) columns on line \(first.line); choose one with 'column:'"))
            }
            columnIndex = 0
            if Quantity.leadingNumber(first.cells[0]) == nil { data = rows.dropFirst() }  // a header
        }

        var values: [Double] = []
        var firstBad: String?
        var badCount = 0
        for row in data {
            let problem: String?
            if columnIndex >= row.cells.count {
                problem = "row has \(row.cells.count) cell\(row.cells.count == 1 ? "" : "s"), no column \(column.map { "'\($0)'" } ?? "\(columnIndex + 1)")"
            } else if row.cells.count > first.cells.count {
                // `10,5` (a decimal comma) would otherwise be read as 10 with a stray cell.
                problem = "row has \(row.cells.count) cells, but line \(first.line) has \(first.cells.count) (a comma inside a cell needs quotes, and decimals a point: 10.5)"
            } else {
                switch parse(row.cells[columnIndex], unitSeconds: unitSeconds, kind: kind) {
                case .success(let value): values.append(value); problem = nil
                case .failure(let failure): problem = failure.message
                }
            }
            if let problem {
                badCount += 1
                if firstBad == nil { firstBad = "\(displayName):\(row.line): \(problem)" }
            }
        }
        if let firstBad {
            let more = badCount > 1 ? " (and \(badCount - 1) more bad row\(badCount == 2 ? "" : "s"))" : ""
            return .failure(.init(message: firstBad + more))
        }
        guard !values.isEmpty else {
            return .failure(.init(message: "'\(displayName)' has no values"))
        }
        return .success(values)
    }

    private static func parse(_ cell: String, unitSeconds: Double?, kind: QuantityKind) -> Result<Double, QuantityError> {
        let text = cell.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .failure(QuantityError("empty cell")) }
        let value: Double
        do {
            if let unitSeconds {
                value = try Quantity.number(text) * unitSeconds
            } else {
                value = try Quantity.parse(text, as: kind)
            }
        } catch {
            if kind == .duration, unitSeconds == nil, (try? Quantity.number(text)) != nil {
                return .failure(QuantityError("'\(text)' has no unit; add 'unit: s' (or m, h…) to the empirical entry, or write '\(text)s' in the file"))
            }
            return .failure(error)
        }
        if kind == .duration, value < 0 {
            return .failure(QuantityError("a duration cannot be negative, got '\(text)'"))
        }
        return .success(value)
    }
}
