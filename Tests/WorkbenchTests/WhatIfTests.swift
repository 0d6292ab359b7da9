import Analytics
import Foundation
import HTTPTypes
import Hummingbird
import Workbench
import XCTest

/// What-ifs: common random numbers, the levers' effect against theory, and their errors.
/// The first channel's overlay in a what-if answer.
private func overlay(_ body: Any?) -> [String: Any] {
    ((body as? [String: Any])?["channels"] as? [[String: Any]])?.first ?? [:]
}

final class WhatIfTests: XCTestCase {
    /// No change: the same seed gives the same customers, so base and what-if agree exactly,
    /// interval by interval, and the second call reuses the base.
    func testNoChangeGivesZeroDifferenceEverywhere() async throws {
        let server = try Fixture.server(self)
        try await server.withClient { client in
            let (status, body) = try await client.send(.post, "/api/whatif", json: ["path": "queue.yaml", "changes": [:] as [String: Any]])
            XCTAssertEqual(status, .ok)
            let channel = overlay(body)
            let intervals = channel["intervals"] as? [[String: Any]] ?? []
            XCTAssertEqual(intervals.count, 8, "4 h in 30-minute intervals")
            for interval in intervals {
                let c = interval["comparison"] as? [String: Any] ?? [:]
                XCTAssertEqual(c["difference"] as? Double, 0)
                XCTAssertEqual(c["base"] as? Double, c["changed"] as? Double)
            }
            XCTAssertEqual((body as? [String: Any])?["baseFromCache"] as? Bool, false)
            let (_, again) = try await client.send(.post, "/api/whatif", json: ["path": "queue.yaml", "changes": ["volumePercent": 10]])
            XCTAssertEqual((again as? [String: Any])?["baseFromCache"] as? Bool, true)
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
            let (_, more) = try await client.send(.post, "/api/whatif",
                                                  json: ["path": "queue.yaml", "changes": ["agentsPerTeam": ["desk": 3]]])
            let whole = overlay(more)["whole"] as? [String: Any] ?? [:]
            XCTAssertGreaterThan(try XCTUnwrap(whole["differenceLow"] as? Double), 0, "\(whole)")
            XCTAssertEqual(whole["pairs"] as? Int, 4)
            // Abandonment and ASA are overlaid too: both fall, their intervals below zero.
            for figure in ["wholeAbandonment", "wholeASA"] {
                let change = overlay(more)[figure] as? [String: Any] ?? [:]
                XCTAssertLessThan(try XCTUnwrap(change["differenceHigh"] as? Double), 0, "\(figure): \(change)")
                XCTAssertLessThan(try XCTUnwrap(change["changed"] as? Double), try XCTUnwrap(change["base"] as? Double), figure)
            }
            let first = (overlay(more)["intervals"] as? [[String: Any]])?.first ?? [:]
            XCTAssertNotNil((first["abandonment"] as? [String: Any])?["base"] as? Double)
            XCTAssertNotNil((first["asa"] as? [String: Any])?["base"] as? Double)

            let (status, less) = try await client.send(.post, "/api/whatif", json: ["path": "mmc.yaml", "changes": ["volumePercent": -10]])
            XCTAssertEqual(status, .ok)
            let changed = try XCTUnwrap((overlay(less)["whole"] as? [String: Any])?["changed"] as? Double)
            let theory = ErlangC(agents: 10, arrivalRate: 90.0 / 3600, meanHandleTime: 300).serviceLevel(answerWithin: 20)
            // 20 replications of 8 h at 90/h: about 14,000 calls; the replication-mean's standard error
            // is about 1.5 points at this load, so 5 points is more than 3 standard errors.
            XCTAssertEqual(changed, theory, accuracy: 0.05, "what-if \(changed) vs Erlang C \(theory)")
        }
    }

    func testBadLeversAreRefusedWithTheirField() async throws {
        let server = try Fixture.server(self)
        try await server.withClient { client in
            let (status, body) = try await client.send(.post, "/api/whatif", json: ["path": "queue.yaml", "changes": ["agentsPerTeam": ["dsk": 1]]])
            XCTAssertEqual(status, .badRequest)
            XCTAssertTrue(((body as? [String: Any])?["error"] as? String ?? "").contains("did you mean 'desk'"), "\(String(describing: body))")
            try await client.expect(.post, "/api/whatif", json: ["path": "queue.yaml", "changes": ["volumePercent": 500]], .badRequest)
            try await client.expect(.post, "/api/whatif", json: ["path": "queue.yaml", "changes": ["volumePercent": "lots"]], .badRequest)
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
                let (_, body) = try await client.send(.post, "/api/runs", json: ["path": "queue.yaml", "seed": seed,
                                                                                  "yaml": Fixture.singleQueue(agents: agents)])
                let id = (body as? [String: Any])?["id"] as? String ?? ""
                try await client.expectEnd(id, "done")
                ids.append(id)
            }
            let (status, paired) = try await client.send(.get, "/api/compare?a=\(ids[0])&b=\(ids[1])")
            XCTAssertEqual(status, .ok)
            let comparison = paired as? [String: Any] ?? [:]
            XCTAssertEqual(comparison["paired"] as? Bool, true)
            let inputs = comparison["inputs"] as? [[String: Any]] ?? []
            XCTAssertEqual(inputs.map { $0["path"] as? String }, ["team.agents"])
            XCTAssertEqual(inputs.first?["a"] as? String, "10")
            let level = (comparison["metrics"] as? [[String: Any]])?.first { $0["metric"] as? String == "service_level" } ?? [:]
            XCTAssertEqual(level["pairs"] as? Int, 4)
            XCTAssertGreaterThan(try XCTUnwrap(level["low"] as? Double), 0, "two more agents: \(level)")
            // Same scenario, other seed: not paired, no input differs but the seed was set on the run.
            let (_, unpaired) = try await client.send(.get, "/api/compare?a=\(ids[0])&b=\(ids[2])")
            XCTAssertEqual((unpaired as? [String: Any])?["paired"] as? Bool, false)
            let (_, same) = try await client.send(.get, "/api/compare?a=\(ids[0])&b=\(ids[0])")
            let zero = ((same as? [String: Any])?["metrics"] as? [[String: Any]])?.first ?? [:]
            XCTAssertEqual(zero["difference"] as? Double, 0)
        }
    }
}
