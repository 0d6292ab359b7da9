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
    /// The ccsim name of the column at fault, when one is (nil for a wrong field count).
    public var column: String?
    public var reason: String
    public init(line: Int, column: String? = nil, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }
    public var description: String { "line \(line): \(reason)" }
    /// `file:line: reason`, the shape of a scenario error.
    public func located(in file: String) -> String { "\(file):\(line): \(reason)" }
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

    /// Reads and parses the file at `path`; every error names the file (and the line, where there is one).
    /// - Parameter interval: the arrival profile's interval (see `parse`).
    /// - Parameter unit: the unit of the log's times and durations. A median handle time no call
    ///   or chat has in it (over 3 hours, under 10 seconds) is refused, naming the unit that fits.
    public static func read(path: String, columns: [String: String] = [:], interval: Double? = nil, unit: LogTimeUnit = .seconds) throws -> ContactLog {
        let text = try readText(path: path)
        do {
            let log = try parse(text, columns: columns, interval: interval, unit: unit)
            try log.requireMostRowsUsable()
            try log.requirePlausibleHandleTimes(unit: unit, header: columns["handle_s"] ?? "handle_s")
            return log
        } catch let error as FittingError {
            throw error.located(in: path)
        }
    }

    /// The UTF-8 text of the file at `path`, or `unreadable` with the system's one-line reason
    /// ("it is a folder", "Too many levels of symbolic links"), never a Foundation error dump.
    /// A FIFO with no writer reads as empty rather than waiting.
    public static func readText(path: String) throws -> String {
        func failure(_ reason: String) -> FittingError { .unreadable(path: path, reason: reason) }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw failure(String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw failure("it is a folder; name a file")
        case S_IFREG, S_IFIFO: break
        default: throw failure("it is a device, not a file")  // /dev/zero would be read forever
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            if count < 0 { throw failure(String(cString: strerror(errno))) }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
            if data.count > maxLogBytes { throw failure("it is more than \(maxLogBytes >> 30) GiB; fit a shorter period of the log") }
        }
        guard let text = String(data: data, encoding: .utf8) else { throw failure("it is not UTF-8 text") }
        return text
    }

    /// The largest log read (a FIFO has no size to check first): about 45 million rows of a trace.
    public static let maxLogBytes = 4 << 30

    /// The columns every log needs (under these names or mapped with `--column`).
    public static let requiredColumns = ["channel", "arrival_s", "wait_s", "handle_s", "outcome"]

    /// The latest arrival a fit accepts with profile interval `interval`: no later than
    /// `RunSettings.maxIntervals` intervals from the log's time 0 (the most intervals a scenario's
    /// horizon holds, so the arrival fit's arrays stay small) and `DomainLimits.longestDuration`.
    public static func latestArrival(interval: Double?) -> Double {
        guard let interval, interval.isFinite, interval > 0 else { return DomainLimits.longestDuration }
        return min(DomainLimits.longestDuration, interval * Double(RunSettings.maxIntervals))
    }

    /// The ccsim column names a log may map (`--column`).
    public static let columnNames = ["replication", "issue", "contact", "channel", "tier", "stage", "arrival_s", "queued_s",
                                     "wait_s", "handle_s", "outcome"]

    /// Parses CSV text (RFC 4180: quoted fields, embedded commas and line breaks, CRLF, a BOM)
    /// whose first record is the header; rejected rows are returned as `badRows` (`read`
    /// refuses the file when they are more than `maxRejectedShare`).
    ///
    /// Every time and duration must be finite, at least 0 and at most `DomainLimits.longestDuration`
    /// (100 years); `queued_s` cannot be before `arrival_s`; with `interval`, `arrival_s` is at most
    /// `latestArrival(interval:)`. A row that breaks a limit is a bad row naming its column.
    public static func parse(_ text: String, columns: [String: String] = [:], interval: Double? = nil, unit: LogTimeUnit = .seconds) throws -> ContactLog {
        let records: [CSVReader.Record]
        do { records = try CSVReader.records(text) } catch { throw FittingError.malformed(line: error.line, reason: "a quoted field is never closed") }
        guard let headerRecord = records.first,
              headerRecord.fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { throw FittingError.empty }
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
        let longest = DomainLimits.longestDuration
        let latest = latestArrival(interval: interval)
        let latestText: String
        if latest < longest, let interval {
            latestText = "\(Quantity.describe(duration: latest)) (\(RunSettings.maxIntervals) intervals of \(Quantity.describe(duration: interval))), the longest history a fit spans; check the row, or fit with a longer --interval"
        } else {
            latestText = "\(DomainLimits.longestDurationText), the longest time ccsim simulates"
        }
        let longestText = "\(DomainLimits.longestDurationText), the longest duration ccsim simulates"

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
            func duration(_ c: Int, _ name: String, atMost limit: Double, _ limitText: String) -> Result<Double, BadRow> {
                guard let raw = Double(fields[c].trimmingCharacters(in: .whitespaces)), raw.isFinite else {
                    return .failure(BadRow(line: lineNumber, column: name, reason: "\(name) '\(fields[c])' is not a number"))
                }
                let x = raw * unit.seconds
                guard x >= 0 else { return .failure(BadRow(line: lineNumber, column: name, reason: "\(name) \(fields[c]) is negative")) }
                guard x <= limit else {
                    return .failure(BadRow(line: lineNumber, column: name, reason: "\(name) \(fields[c]) is beyond \(limitText)"))
                }
                return .success(x)
            }
            func whole(_ c: Int?, _ name: String, atMost limit: Int) throws -> Int? {
                guard let c else { return nil }
                let text = fields[c].trimmingCharacters(in: .whitespaces)
                if text.isEmpty { return nil }
                guard let n = Int(text), n >= 0, n <= limit else {
                    throw BadRow(line: lineNumber, column: name, reason: "\(name) '\(text)' is not a whole number from 0 to \(limit)")
                }
                return n
            }
            do {
                let arrival = try duration(cArrival, "arrival_s", atMost: latest, latestText).get()
                let wait = try duration(cWait, "wait_s", atMost: longest, longestText).get()
                let queued = try cQueued.map { try duration($0, "queued_s", atMost: longest, longestText).get() } ?? arrival
                guard queued >= arrival else {
                    throw BadRow(line: lineNumber, column: "queued_s", reason: "queued_s \(fields[cQueued!]) is before arrival_s \(fields[cArrival]): a contact queues after it arrives")
                }
                let handleText = fields[cHandle].trimmingCharacters(in: .whitespaces)
                let handle = handleText.isEmpty ? nil : try duration(cHandle, "handle_s", atMost: longest, longestText).get()
                let outcome = fields[cOutcome].trimmingCharacters(in: .whitespaces)
                guard Self.outcomes.contains(outcome) else {
                    throw BadRow(line: lineNumber, column: "outcome", reason: "unknown outcome '\(outcome)' (accepted: \(accepted))")
                }
                // An unresolved row may lack a handle time (lost while waiting for a transfer);
                // resolved and escalated contacts were handled, so they must have one.
                if (outcome == "resolved" || outcome == "escalated") && handle == nil {
                    throw BadRow(line: lineNumber, column: "handle_s", reason: "outcome \(outcome) without handle_s")
                }
                if fields[cChannel].isEmpty { throw BadRow(line: lineNumber, column: "channel", reason: "channel is empty") }
                if let cTier, fields[cTier].isEmpty { throw BadRow(line: lineNumber, column: "tier", reason: "tier is empty") }
                let replication = try whole(cReplication, "replication", atMost: RunSettings.maxReplications) ?? 0
                let issue = try whole(cIssue, "issue", atMost: DomainLimits.largestInteger)
                let contact = try whole(cContact, "contact", atMost: DomainLimits.largestInteger)
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
    /// Fewest handle times the unit check looks at: below this, a median says little.
    static let unitCheckMinimum = 20
    /// Median handle times no contact center has: above 3 hours the log is in milliseconds (a
    /// 5-minute call is 300,000), under 10 seconds in minutes (a 5-minute call is 5).
    static let plausibleMedianHandle = 10.0...10_800

    /// Refuses a log whose median handle time (read in `unit`) no contact center has, naming
    /// the unit that would give a plausible one, or, when none does, the column to check.
    public func requirePlausibleHandleTimes(unit: LogTimeUnit = .seconds, header: String = "handle_s") throws {
        let handled = rows.compactMap(\.handle).filter { $0 > 0 }.sorted()
        guard handled.count >= Self.unitCheckMinimum else { return }
        let median = handled[handled.count / 2]
        guard !Self.plausibleMedianHandle.contains(median) else { return }
        let written = median / unit.seconds
        let stated = "the median \(header) is \(Quantity.describe(number: written)) (read in \(unit.name): \(Quantity.describe(duration: median)))"
        let what = median > Self.plausibleMedianHandle.upperBound ? "longer" : "shorter"
        let reason: String
        if let fits = LogTimeUnit.allCases.first(where: { $0 != unit && Self.plausibleMedianHandle.contains(written * $0.seconds) }) {
            reason = "\(stated), \(what) than any call or chat: is the log in \(fits.name)? Fit with --time-unit \(fits.rawValue)"
        } else {
            reason = "\(stated), \(what) than any call or chat in any unit (\(LogTimeUnit.allCases.map(\.rawValue).joined(separator: ", "))): check that \(header) is the handle-time column (--column handle_s=HEADER)"
        }
        throw FittingError.outOfRange(what: "time unit", reason: reason)
    }

    public func requireMostRowsUsable() throws {
        let total = rows.count + badRows.count
        if total > 0, Double(badRows.count) > Self.maxRejectedShare * Double(total) {
            throw FittingError.tooManyRejected(rejected: badRows.count, total: total, examples: badRows.prefix(3).map(\.description))
        }
    }
}

extension BadRow: Error {}
