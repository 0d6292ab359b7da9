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

    private let handle: FileHandle
    private var buffer = ""
    private let replication: Int
    private let channelNames: [String]
    private let tierNames: [String]
    private let teamNames: [String]

    public init(path: String, replication: Int, channels: [String], tiers: [String], teams: [String]) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
        self.replication = replication
        channelNames = channels
        tierNames = tiers
        teamNames = teams
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        flush()
        try? handle.close()
    }

    func record(_ contact: ContactRecord, issue: Int, at time: Double, handleTime: Double?, outcome: Outcome, team: Int?) {
        let stage: String = switch contact.stage {
        case .first: "first"
        case .transfer: "transfer"
        case .ticket: "ticket"
        }
        let wait = outcome == .abandoned ? time - contact.queuedAt : time - contact.queuedAt - (handleTime ?? 0)
        buffer += "\(replication),\(issue),\(contact.contactNumber),\(channelNames[Int(contact.channel)]),\(tierNames[Int(contact.tier)]),\(stage),"
        buffer += "\(Self.number(contact.arrival)),\(Self.number(contact.queuedAt)),\(Self.number(max(0, wait))),"
        buffer += "\(handleTime.map(Self.number) ?? ""),\(outcome.rawValue),\(team.map { teamNames[$0] } ?? "")\n"
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Three decimals (milliseconds) keep the file compact and exact enough for fitting.
    private static func number(_ x: Double) -> String {
        String(format: "%.3f", x)
    }

    /// Joins part files (in order) under one header into `path`, atomically, and removes the parts.
    public static func combine(parts: [String], into path: String) throws {
        let temporary = path + ".tmp"
        FileManager.default.createFile(atPath: temporary, contents: Data(header.utf8))
        guard let out = FileHandle(forWritingAtPath: temporary) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        out.seekToEndOfFile()
        for part in parts {
            guard let input = FileHandle(forReadingAtPath: part) else { continue }
            while case let chunk = input.readData(ofLength: 1 << 20), !chunk.isEmpty { out.write(chunk) }
            try? input.close()
        }
        try out.synchronize()
        try out.close()
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
        for part in parts { try? FileManager.default.removeItem(atPath: part) }
    }
}
