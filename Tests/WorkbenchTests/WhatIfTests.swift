import Analytics
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Workbench
import XCTest

/// What-ifs: common random numbers, the levers' effect against theory, and their errors.
final class WhatIfTests: XCTestCase {
    /// No change: the same seed gives the same customers, so base and what-if agree exactly,
    /// interval by interval, and the second call reuses the base.
    func testNoChangeGivesZeroDifferenceEverywhere() async throws {
        let server = try Fixture.server(self)
        try await server.withClient { client in
            let answer = try await client.decode(WhatIfAnswer.self, .post, "/api/whatif", json: ["path": "queue.yaml", "changes": [:] as [String: Any]])
            XCTAssertEqual(answer.file, "queue.yaml")
            XCTAssertEqual(answer.seed, 3)
            XCTAssertEqual(answer.replications, 4)
            XCTAssertEqual(answer.confidenceLevel, 0.95)
            XCTAssertEqual(answer.changes, WhatIfChanges())
            XCTAssertFalse(answer.baseFromCache)
            let channel = try XCTUnwrap(answer.channels.first)
            XCTAssertEqual(channel.name, "voice")
            XCTAssertEqual(channel.target, 0.8)
            XCTAssertEqual(channel.answerWithinSeconds, 20)
            XCTAssertEqual(channel.intervals.count, 8, "4 h in 30-minute intervals")
            for interval in channel.intervals {
                XCTAssertEqual(interval.comparison.difference, 0)
                XCTAssertEqual(interval.comparison.base, interval.comparison.changed)
            }
            XCTAssertEqual(channel.whole.difference, 0)
            let again = try await client.decode(WhatIfAnswer.self, .post, "/api/whatif", json: ["path": "queue.yaml", "changes": ["volumePercent": 10]])
            XCTAssertTrue(again.baseFromCache)
            XCTAssertEqual(again.changes.volumePercent, 10)
        }
    }

    /// Three more agents on a loaded queue: the paired difference is positive and its interval
    /// excludes zero; ten fewer per cent of volume moves the service level to Erlang C's figure
    /// for the new rate (no abandonment: M/M/c), within a statistical tolerance.
    func testLeversMoveTheServiceLevelAsTheoryAndDirectionSay() async throws {
        let path = try Fixture.workspace(self)
        let noPatience = Fixture.singleQueue(replications: 20).replacingOccurrences(of: "patience:\n  exponential: {mean: 3m}\n", with: "")
            .replacingOccurrences(of: "horizon: 4h", with: "horizon: 8h")
        try noPatience.write(toFile: path + "/mmc.yaml", atomically: true, encoding: .utf8)
        let server = try Fixture.server(self, path: path)
        try await server.withClient { client in
            let more = try await client.decode(WhatIfAnswer.self, .post, "/api/whatif",
                                               json: ["path": "queue.yaml", "changes": ["agentsPerTeam": ["desk": 3]]])
            let overlay = try XCTUnwrap(more.channels.first)
            XCTAssertGreaterThan(try XCTUnwrap(overlay.whole.differenceLow), 0, "\(overlay.whole)")
            XCTAssertEqual(overlay.whole.pairs, 4)
            // Abandonment and ASA are overlaid too: both fall, their intervals below zero.
            for (figure, change) in [("abandonment", overlay.wholeAbandonment), ("ASA", overlay.wholeASA)] {
                XCTAssertLessThan(try XCTUnwrap(change.differenceHigh), 0, "\(figure): \(change)")
                XCTAssertLessThan(try XCTUnwrap(change.changed), try XCTUnwrap(change.base), figure)
            }
            let first = try XCTUnwrap(overlay.intervals.first)
            XCTAssertNotNil(first.abandonment.base)
            XCTAssertNotNil(first.asa.base)

            let less = try await client.decode(WhatIfAnswer.self, .post, "/api/whatif", json: ["path": "mmc.yaml", "changes": ["volumePercent": -10]])
            let changed = try XCTUnwrap(less.channels.first?.whole.changed)
            let theory = ErlangC(agents: 10, arrivalRate: 90.0 / 3600, meanHandleTime: 300).serviceLevel(answerWithin: 20)
            // 20 replications of 8 h at 90/h: about 14,000 calls; the replication-mean's standard error
            // is about 1.5 points at this load, so 5 points is more than 3 standard errors.
            XCTAssertEqual(changed, theory, accuracy: 0.05, "what-if \(changed) vs Erlang C \(theory)")
        }
    }

    func testBadLeversAreRefusedWithTheirField() async throws {
        let server = try Fixture.server(self)
        try await server.withClient { client in
            let message = try await client.expect(.post, "/api/whatif", json: ["path": "queue.yaml", "changes": ["agentsPerTeam": ["dsk": 1]]], .badRequest)
            XCTAssertTrue(message.contains("did you mean 'desk'"), message)
            try await client.expect(.post, "/api/whatif", json: ["path": "queue.yaml", "changes": ["volumePercent": 500]], .badRequest)
            try await client.expect(.post, "/api/whatif", json: ["path": "queue.yaml", "changes": ["volumePercent": "lots"]], .badRequest)
            try await client.expect(.post, "/api/whatif", json: ["path": "queue.yaml"], .badRequest)
            try await client.expect(.post, "/api/whatif", json: ["path": "../q.yaml", "changes": [:] as [String: Any]], .forbidden)
            try await client.expect(.post, "/api/whatif", json: ["path": "queue.yaml", "replications": 100_000, "changes": [:] as [String: Any]], .badRequest)
        }
    }

    /// The levers change the scenario value as stated.
    func testChangesApplyToTheScenarioValue() throws {
        let scenario = try ScenarioCheck.load(yaml: Fixture.singleQueue(), file: "q.yaml", baseDirectory: ".").get()
        let changed = try WhatIfChanges(volumePercent: 20, handleTimePercent: -10, patiencePercent: 50,
                                        agentsPerTeam: ["desk": -4], shrinkagePoints: 5).applied(to: scenario)
        guard case .constant(let rate) = changed.center.channels[0].demand.pattern else { return XCTFail("pattern") }
        XCTAssertEqual(rate * 3600, 120, accuracy: 1e-9)
        XCTAssertEqual(changed.center.tiers[0].handleTimes[0]?.mean ?? 0, 270, accuracy: 1e-9)
        XCTAssertEqual(changed.center.channels[0].patience?.mean ?? 0, 270, accuracy: 1e-9)
        XCTAssertEqual(changed.center.teams[0].constantAgents, 6)
        XCTAssertEqual(changed.center.teams[0].shrinkage, 0.05, accuracy: 1e-12)
        XCTAssertEqual(changed.run.seed, scenario.run.seed)
    }

    /// Comparing two saved runs: the input that differs, and paired differences when the seed is shared.
    func testCompareTwoRunsPairsThemOnASharedSeed() async throws {
        let server = try Fixture.server(self)
        try await server.withClient { client in
            var ids: [String] = []
            for (agents, seed) in [(10, 3), (12, 3), (10, 4)] {
                let id = try await client.start("/api/runs", json: ["path": "queue.yaml", "seed": seed, "yaml": Fixture.singleQueue(agents: agents)]).id
                try await client.expectEnd(id, .done)
                ids.append(id)
            }
            let comparison = try await client.decode(RunComparison.self, .get, "/api/compare?a=\(ids[0])&b=\(ids[1])")
            XCTAssertEqual([comparison.a.id, comparison.b.id], [ids[0], ids[1]])
            XCTAssertTrue(comparison.paired)
            XCTAssertEqual(comparison.inputs.map(\.path), ["team.agents"])
            XCTAssertEqual(comparison.inputs.first?.a, "10")
            XCTAssertEqual(comparison.inputs.first?.b, "12")
            let level = try XCTUnwrap(comparison.metrics.first { $0.metric == "service_level" })
            XCTAssertEqual(level.channel, "voice")
            XCTAssertEqual(level.pairs, 4)
            XCTAssertGreaterThan(try XCTUnwrap(level.low), 0, "two more agents: \(level)")
            // Same scenario, other seed: not paired.
            let unpaired = try await client.decode(RunComparison.self, .get, "/api/compare?a=\(ids[0])&b=\(ids[2])")
            XCTAssertFalse(unpaired.paired)
            let same = try await client.decode(RunComparison.self, .get, "/api/compare?a=\(ids[0])&b=\(ids[0])")
            XCTAssertEqual(same.metrics.first?.difference, 0)
            try await client.expect(.get, "/api/compare?b=\(ids[0])", .badRequest)
        }
    }
}
