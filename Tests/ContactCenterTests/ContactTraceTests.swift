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
}
