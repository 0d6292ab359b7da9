import ContactCenter
import Foundation
import Scenarios
import Stochastics
import XCTest

final class ContactTraceTests: XCTestCase {
    func testTraceHasOneRowPerFinishedVisitAndCombinesParts() throws {
        let directory = NSTemporaryDirectory() + "ccsim-trace-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let exp = Distribution.exponential(mean: 300)
        let center = CenterFixtures.center(
            channels: [CenterFixtures.voice(ratePerHour: 100, patience: .exponential(mean: 60), tierShares: [0.8, 0.2])],
            tiers: [CenterFixtures.tier(handle: [exp], resolved: 0.7, escalated: 0.3, escalation: Escalation(toTier: 1, mode: .warmTransfer)),
                    CenterFixtures.tier("tier2", handle: [exp])],
            teams: [CenterFixtures.team("front", agents: 9, skills: [Skill(channel: 0, tier: 0), Skill(channel: 0, tier: 1)])])
        let run = RunSettings(horizon: 4 * 3600, warmup: 0, interval: 3600, replications: 2, seed: 8)
        var parts: [String] = []
        var expectedRows = 0
        for r in 0..<2 {
            let part = "\(directory)/part-\(r)"
            let result = try ContactCenterSimulator.run(center, run: run, replication: r, tracePath: part)
            parts.append(part)
            // Every handling and every abandonment, including customers lost while waiting for tier 2
            // (counted as unresolved without a handling). No warm-up: every visit is in the window.
            let r = result.allResolutions
            let lostInTransfer = r.resolved + r.escalated + r.unresolved - r.handled
            expectedRows += r.handled + result.allOutcomes.abandoned + lostInTransfer
        }
        try ContactTrace.combine(parts: parts, into: "\(directory)/contacts.csv")
        let lines = try String(contentsOfFile: "\(directory)/contacts.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(String(lines[0]) + "\n", ContactTrace.header)
        XCTAssertEqual(lines.count - 1, expectedRows)
        XCTAssertTrue(lines.contains { $0.hasPrefix("1,") && $0.contains(",transfer,") }, "escalated visits are traced")
        XCTAssertTrue(lines.contains { $0.hasSuffix(",abandoned,") })
        XCTAssertFalse(FileManager.default.fileExists(atPath: parts[0]), "parts are removed")
    }

    /// The columns the trace keeps itself (the table's rows leave them out): issues are numbered
    /// in the order customers first arrive; a repeat carries its issue's number, the next contact
    /// number and its own arrival; a transfer keeps the arrival of the contact it continues.
    func testIssueAndArrivalColumnsFollowRepeatsAndTransfers() throws {
        let directory = NSTemporaryDirectory() + "ccsim-trace-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let exp = Distribution.exponential(mean: 240)
        let comeBack = RepeatContacts(afterUnresolved: 1, afterAbandonment: 0.5, delay: .exponential(mean: 600))
        let center = CenterFixtures.center(
            channels: [CenterFixtures.voice(ratePerHour: 120, patience: .exponential(mean: 90), tierShares: [0.8, 0.2])],
            tiers: [CenterFixtures.tier(handle: [exp], resolved: 0.5, escalated: 0.2, escalation: Escalation(toTier: 1, mode: .warmTransfer),
                                        repeats: comeBack),
                    CenterFixtures.tier("tier2", handle: [exp], resolved: 0.7, repeats: comeBack)],
            teams: [CenterFixtures.team("front", agents: 8, skills: [Skill(channel: 0, tier: 0), Skill(channel: 0, tier: 1)])])
        let run = RunSettings(horizon: 6 * 3600, warmup: 0, interval: 3600, replications: 1, seed: 21)
        let path = "\(directory)/part-0"
        _ = try ContactCenterSimulator.run(center, run: run, replication: 0, tracePath: path)
        struct Row { let issue: Int, contact: Int, stage: Substring, arrival: Double, queued: Double }
        let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return Row(issue: Int(f[1])!, contact: Int(f[2])!, stage: f[5], arrival: Double(f[6])!, queued: Double(f[7])!)
        }
        XCTAssertTrue(rows.contains { $0.contact > 1 }, "the scenario makes repeats")
        XCTAssertTrue(rows.contains { $0.stage == "transfer" }, "and transfers")
        for row in rows {
            if row.stage == "first" { XCTAssertEqual(row.arrival, row.queued, "a first visit queues when it arrives") }
            if row.stage == "transfer" { XCTAssertLessThan(row.arrival, row.queued, "a transfer keeps the contact's arrival") }
        }
        // Issues are numbered 1, 2, ... in the order their first contacts arrived.
        let firstContacts = rows.filter { $0.contact == 1 && $0.stage == "first" }.sorted { $0.arrival < $1.arrival }
        XCTAssertEqual(firstContacts.map(\.issue), Array(1...firstContacts.count))
        // Contact k + 1 of an issue arrives after contact k of the same issue.
        var firstArrival: [Int: [Int: Double]] = [:]
        for row in rows where row.stage == "first" { firstArrival[row.issue, default: [:]][row.contact] = row.arrival }
        var repeats = 0
        for row in rows where row.contact > 1 && row.stage == "first" {
            let previous = try XCTUnwrap(firstArrival[row.issue]?[row.contact - 1], "issue \(row.issue) contact \(row.contact) has a predecessor")
            XCTAssertGreaterThan(row.arrival, previous)
            repeats += 1
        }
        XCTAssertGreaterThan(repeats, 20)
    }
}
