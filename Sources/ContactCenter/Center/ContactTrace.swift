import Foundation

/// Streams one CSV row per finished contact visit to a file, for `--trace`.
///
/// Rows are formatted into a buffer and written in 64 KiB blocks, so tracing
/// costs a few string appends per contact and memory stays constant. Each
/// replication writes its own part file; `combine` joins the parts in
/// replication order into the final file, atomically.
public final class ContactTrace {
    public static let header = "replication,issue,contact,channel,tier,stage,arrival_s,queued_s,wait_s,handle_s,outcome,team\n"

    public enum Outcome: String {
        case resolved, escalated, unresolved, abandoned
    }

    private let descriptor: Int32
    private let path: String
    private var buffer = ""
    private let replication: Int
    private let channelNames: [String]
    private let tierNames: [String]
    private let teamNames: [String]
    /// The first failed write; later rows are dropped and `finish()` throws it, so a full
    /// disk ends the run with `cannot write PATH: reason` rather than a trap or a short file.
    private var failure: WriteFailure?
    private var finished = false
    /// What only the trace prints about a contact in the system, by its contact-table slot: kept
    /// here rather than in the table's rows, which then fit one cache line each.
    private var origins: [Origin] = []
    /// Issues begun (new contacts and the initial queue): the last one's number.
    private var issuesStarted: Int32 = 0

    /// When a contact arrived (before any transfer; a repeat is a new contact) and which customer issue it is about.
    private struct Origin {
        var arrival: Double
        var issue: Int32
    }

    /// Why a trace file could not be written, as `cannot write PATH: reason`.
    public struct WriteFailure: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public init(path: String, replication: Int, channels: [String], tiers: [String], teams: [String]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteFailure(path: path, reason: String(cString: strerror(errno))) }
        self.descriptor = descriptor
        self.path = path
        self.replication = replication
        channelNames = channels
        tierNames = tiers
        teamNames = teams
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        close(descriptor)
    }

    /// A contact about a new issue arrived (a new customer, or one waiting when the run starts).
    func beganIssue(_ ref: ContactRef, arrival: Double) {
        issuesStarted += 1
        note(ref, Origin(arrival: arrival, issue: issuesStarted))
    }

    /// A customer came back about `issue` (read with ``issue(of:)`` from their previous contact).
    func cameBack(_ ref: ContactRef, arrival: Double, issue: Int32) {
        note(ref, Origin(arrival: arrival, issue: issue))
    }

    /// The issue of the contact in `ref`'s slot (still readable after it left the table, until the slot is reused).
    func issue(of ref: ContactRef) -> Int32 { origins[Int(ref.slot)].issue }

    private func note(_ ref: ContactRef, _ origin: Origin) {
        let slot = Int(ref.slot)
        if slot >= origins.count { origins.append(contentsOf: repeatElement(origin, count: slot + 1 - origins.count)) }
        origins[slot] = origin
    }

    /// One row: the contact `ref` (in the table or just out of it) ended a visit at `time`.
    func record(_ contact: ContactRecord, _ ref: ContactRef, at time: Double, handleTime: Double?, outcome: Outcome, team: Int?) {
        let origin = origins[Int(ref.slot)]
        let stage: String = switch contact.stage {
        case .first: "first"
        case .transfer: "transfer"
        case .ticket: "ticket"
        }
        let wait = outcome == .abandoned ? time - contact.queuedAt : time - contact.queuedAt - (handleTime ?? 0)
        buffer += "\(replication),\(origin.issue),\(contact.contactNumber),\(channelNames[Int(contact.channel)]),\(tierNames[Int(contact.tier)]),\(stage),"
        buffer += "\(Self.number(origin.arrival)),\(Self.number(contact.queuedAt)),\(Self.number(max(0, wait))),"
        buffer += "\(handleTime.map(Self.number) ?? ""),\(outcome.rawValue),\(team.map { teamNames[$0] } ?? "")\n"
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    /// Writes the buffered rows; a failure is kept for `finish()`.
    public func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        if let reason = Self.writeAll(descriptor, Data(buffer.utf8)) { failure = WriteFailure(path: path, reason: reason) }
    }

    /// Flushes the last rows to disk; throws the first write failure of the whole trace.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        flush()
        if failure == nil, fsync(descriptor) != 0 { failure = WriteFailure(path: path, reason: String(cString: strerror(errno))) }
        if let failure { throw failure }
    }

    /// Writes every byte of `data`, retrying short writes; nil, or the reason of the failure.
    static func writeAll(_ descriptor: Int32, _ data: Data) -> String? {
        data.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                if written == 0 { return "no bytes written" }
                offset += written
            }
            return nil
        }
    }

    /// Three decimals (milliseconds) keep the file compact and exact enough for fitting.
    private static func number(_ x: Double) -> String {
        String(format: "%.3f", x)
    }

    /// Joins part files (in order) under one header into `path` and removes the parts.
    /// Every read and write is checked: a short disk throws `cannot write PATH: reason` and
    /// leaves no `path` (the caller writes into a staging folder, see `OutputFolder`).
    public static func combine(parts: [String], into path: String) throws {
        let temporary = path + ".\(getpid()).tmp"
        let out = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard out >= 0 else { throw WriteFailure(path: path, reason: String(cString: strerror(errno))) }
        var failed: String?
        defer {
            close(out)
            if failed != nil { unlink(temporary) }
        }
        failed = writeAll(out, Data(header.utf8))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        for part in parts where failed == nil {
            let input = open(part, O_RDONLY | O_CLOEXEC)
            guard input >= 0 else { failed = "cannot read \(part): \(String(cString: strerror(errno)))"; break }
            defer { close(input) }
            while failed == nil {
                let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
                if count < 0 { if errno == EINTR { continue }; failed = String(cString: strerror(errno)); break }
                if count == 0 { break }
                failed = writeAll(out, Data(chunk[0..<count]))
            }
        }
        if failed == nil, fsync(out) != 0 { failed = String(cString: strerror(errno)) }
        if failed == nil, rename(temporary, path) != 0 { failed = String(cString: strerror(errno)) }
        if let failed { throw WriteFailure(path: path, reason: failed) }
        for part in parts { unlink(part) }
    }
}
