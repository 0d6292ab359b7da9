import Foundation
import ResultsSchema
import Scenarios

/// One usable row of a contact log (ccsim's `contacts.csv` layout).
public struct ContactRow: Sendable, Hashable {
    public var replication: Int
    /// Issue and contact numbers, when the log has them: visits of one contact share both.
    public var issue: Int?
    public var contact: Int?
    public var channel: String
    public var tier: String
    public var stage: String
    public var arrival: Double
    public var queued: Double
    public var wait: Double
    /// Absent for abandoned contacts (never answered).
    public var handle: Double?
    public var outcome: String
}

/// A row that was not used, with its 1-based line number in the file and why.
/// Bad rows are reported, never silently dropped.
public struct BadRow: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var reason: String
    public var description: String { "line \(line): \(reason)" }
}

/// A parsed contact log: the usable rows and the rejected ones.
///
/// Columns are found by header name, so extra columns or another order are fine;
/// `channel, arrival_s, wait_s, handle_s, outcome` are required. A log from another
/// system names its columns through `columns` (ccsim's name → the log's header);
/// without a `tier` column every contact is `tier1`, without `stage` every row is a
/// first contact.
public struct ContactLog: Sendable {
    public static let outcomes: Set<String> = ["resolved", "escalated", "unresolved", "abandoned"]
    /// Largest share of data rows that may be rejected before the log is refused as a whole:
    /// a few bad rows are normal in an export, a tenth means the columns or values are not understood.
    public static let maxRejectedShare = 0.1
    public var rows: [ContactRow]
    public var badRows: [BadRow]

    public init(rows: [ContactRow], badRows: [BadRow] = []) {
        self.rows = rows
        self.badRows = badRows
    }

    /// Reads and parses the file at `path`.
    public static func read(path: String, columns: [String: String] = [:]) throws -> ContactLog {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw FittingError.unreadable(path: path, reason: error.localizedDescription)
        }
        let log = try parse(text, columns: columns)
        try log.requireMostRowsUsable()
        return log
    }

    /// The ccsim column names a log may map (`--column`).
    public static let columnNames = ["replication", "issue", "contact", "channel", "tier", "stage", "arrival_s", "queued_s",
                                     "wait_s", "handle_s", "outcome"]

    /// Parses CSV text (RFC 4180: quoted fields, embedded commas and line breaks, CRLF, a BOM)
    /// whose first record is the header; rejected rows are returned as `badRows` (`read`
    /// refuses the file when they are more than `maxRejectedShare`).
    public static func parse(_ text: String, columns: [String: String] = [:]) throws -> ContactLog {
        let records: [CSVReader.Record]
        do { records = try CSVReader.records(text) } catch { throw FittingError.malformed(line: error.line, reason: "a quoted field is never closed") }
        guard let headerRecord = records.first else { throw FittingError.missingColumn("channel") }
        let header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        func optionalColumn(_ name: String) -> Int? { header.firstIndex(of: columns[name] ?? name) }
        func column(_ name: String) throws -> Int {
            guard let i = optionalColumn(name) else { throw FittingError.missingColumn(columns[name] ?? name) }
            return i
        }
        let cChannel = try column("channel"), cTier = optionalColumn("tier"), cStage = optionalColumn("stage")
        let cArrival = try column("arrival_s"), cWait = try column("wait_s"), cHandle = try column("handle_s")
        let cOutcome = try column("outcome")
        let cQueued = optionalColumn("queued_s"), cReplication = optionalColumn("replication")
        let cIssue = optionalColumn("issue"), cContact = optionalColumn("contact")
        let accepted = outcomes.sorted().joined(separator: ", ")

        var rows: [ContactRow] = []
        var bad: [BadRow] = []
        rows.reserveCapacity(records.count)
        for record in records.dropFirst() {
            let lineNumber = record.line
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == header.count else {
                bad.append(BadRow(line: lineNumber, reason: "\(fields.count) fields, header has \(header.count)"))
                continue
            }
            func duration(_ c: Int, _ name: String) -> Result<Double, BadRow> {
                guard let x = Double(fields[c].trimmingCharacters(in: .whitespaces)), x.isFinite else {
                    return .failure(BadRow(line: lineNumber, reason: "\(name) '\(fields[c])' is not a number"))
                }
                guard x >= 0 else { return .failure(BadRow(line: lineNumber, reason: "\(name) \(fields[c]) is negative")) }
                return .success(x)
            }
            do {
                let arrival = try duration(cArrival, "arrival_s").get()
                let wait = try duration(cWait, "wait_s").get()
                let queued = try cQueued.map { try duration($0, "queued_s").get() } ?? arrival
                let handleText = fields[cHandle].trimmingCharacters(in: .whitespaces)
                let handle = handleText.isEmpty ? nil : try duration(cHandle, "handle_s").get()
                let outcome = fields[cOutcome].trimmingCharacters(in: .whitespaces)
                guard Self.outcomes.contains(outcome) else {
                    throw BadRow(line: lineNumber, reason: "unknown outcome '\(outcome)' (accepted: \(accepted))")
                }
                // An unresolved row may lack a handle time (lost while waiting for a transfer);
                // resolved and escalated contacts were handled, so they must have one.
                if (outcome == "resolved" || outcome == "escalated") && handle == nil {
                    throw BadRow(line: lineNumber, reason: "outcome \(outcome) without handle_s")
                }
                let replication = cReplication.flatMap { Int(fields[$0].trimmingCharacters(in: .whitespaces)) } ?? 0
                let issue = cIssue.flatMap { Int(fields[$0].trimmingCharacters(in: .whitespaces)) }
                let contact = cContact.flatMap { Int(fields[$0].trimmingCharacters(in: .whitespaces)) }
                rows.append(ContactRow(replication: replication, issue: issue, contact: contact, channel: fields[cChannel], tier: cTier.map { fields[$0] } ?? "tier1",
                                       stage: cStage.map { fields[$0] } ?? "first",
                                       arrival: arrival, queued: queued, wait: wait, handle: handle, outcome: outcome))
            } catch let row as BadRow {
                bad.append(row)
            }
        }
        return ContactLog(rows: rows, badRows: bad)
    }

    /// Throws `tooManyRejected` when more than `maxRejectedShare` of the data rows were rejected.
    public func requireMostRowsUsable() throws {
        let total = rows.count + badRows.count
        if total > 0, Double(badRows.count) > Self.maxRejectedShare * Double(total) {
            throw FittingError.tooManyRejected(rejected: badRows.count, total: total, examples: badRows.prefix(3).map(\.description))
        }
    }
}

extension BadRow: Error {}
