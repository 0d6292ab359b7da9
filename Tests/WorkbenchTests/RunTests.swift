import Foundation
import HTTPTypes
import Hummingbird
import Workbench
import XCTest

/// Runs from the page: queued, run with progress, cancelled, kept in the history, rendered by Report.
final class RunTests: XCTestCase {
    func testARunEndsDoneWithItsReportAndHistoryEntry() async throws {
        let server = try Fixture.server(self)
        try await server.withClient { client in
            let (status, started) = try await client.send(.post, "/api/runs", json: ["path": "queue.yaml", "name": "baseline"])
            XCTAssertEqual(status, .accepted)
            let id = try XCTUnwrap((started as? [String: Any])?["id"] as? String)
            let run = try await client.waitForEnd(id)
            XCTAssertEqual(run["state"] as? String, "done")
            XCTAssertEqual(run["name"] as? String, "baseline")
            let headline = try JSONSerialization.jsonObject(with: Data((run["headline"] as? String ?? "").utf8)) as? [[String: Any]]
            XCTAssertEqual(headline?.first?["channel"] as? String, "voice")
            let level = try XCTUnwrap(headline?.first?["serviceLevel"] as? Double)
            XCTAssertTrue((0...1).contains(level))
            // The result page is the Report module's page of the run's summary.json.
            try await client.execute(uri: "/runs/\(id)/report", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let html = String(buffer: response.body)
                XCTAssertTrue(html.contains("<svg"))
                XCTAssertTrue(html.contains("Service level"))
            }
            XCTAssertTrue(FileManager.default.fileExists(atPath: server.history.folder(of: id).path + "/summary.json"))
            // The event stream of an ended run is one `end` event.
            try await client.execute(uri: "/api/runs/\(id)/events", method: .get) { response in
                XCTAssertEqual(response.headers[.contentType], "text/event-stream")
                XCTAssertTrue(String(buffer: response.body).hasPrefix("event: end\ndata: {"))
            }
            let (_, list) = try await client.send(.get, "/api/runs")
            XCTAssertEqual((list as? [[String: Any]])?.map { $0["id"] as? String }, [id])
            // Rename, then delete: the row and the folder go.
            let (renamed, record) = try await client.send(.patch, "/api/runs/\(id)", json: ["name": "  more agents  "])
            XCTAssertEqual(renamed, .ok)
            XCTAssertEqual((record as? [String: Any])?["name"] as? String, "more agents")
            try await client.expect(.patch, "/api/runs/\(id)", json: ["name": " "], .badRequest)
            try await client.expect(.delete, "/api/runs/\(id)", .ok)
            try await client.expect(.get, "/api/runs/\(id)", .notFound)
            try await client.expect(.delete, "/api/runs/\(id)", .notFound)
            XCTAssertFalse(FileManager.default.fileExists(atPath: server.history.folder(of: id).path))
        }
    }

    func testUnknownAndMalformedRunIDsAreNotFound() async throws {
        let server = try Fixture.server(self)
        try await server.withClient { client in
            for id in ["r1-none", "..", "..%2F..%2Fetc", "a.b"] {
                try await client.expect(.get, "/api/runs/\(id)", .notFound)
                try await client.expectPage("/runs/\(id)/report", .notFound)
            }
            try await client.expect(.post, "/api/runs/r1-none/cancel", .notFound)
            try await client.expect(.get, "/api/compare?a=r1&b=r2", .notFound)
        }
    }

    func testAnInvalidScenarioIsNotRunAndItsProblemsComeBack() async throws {
        let server = try Fixture.server(self)
        let broken = Fixture.singleQueue().replacingOccurrences(of: "rate: 100/h", with: "rate: fast")
        try await server.withClient { client in
            let (status, body) = try await client.send(.post, "/api/runs", json: ["path": "queue.yaml", "yaml": broken])
            XCTAssertEqual(status, .unprocessableContent)
            XCTAssertEqual(((body as? [String: Any])?["issues"] as? [[String: Any]])?.first?["path"] as? String, "arrivals.rate")
            try await client.expect(.post, "/api/runs", json: ["path": "queue.yaml", "replications": 0], .badRequest)
            XCTAssertEqual(try server.history.runs().count, 0)
        }
    }

    /// One slot and one thread: the second run waits queued; cancelling both ends them cancelled,
    /// the queued one without running, and the history says so.
    func testRunsQueueBeyondTheSlotsAndCanBeCancelled() async throws {
        let server = try Fixture.server(self, concurrentRuns: 1, jobs: 1)
        let long = Fixture.singleQueue(replications: 1000).replacingOccurrences(of: "horizon: 4h", with: "horizon: 400h")
            .replacingOccurrences(of: "interval: 30m", with: "interval: 8h")
        try await server.withClient { client in
            let (_, a) = try await client.send(.post, "/api/runs", json: ["path": "queue.yaml", "yaml": long])
            let (_, b) = try await client.send(.post, "/api/runs", json: ["path": "queue.yaml", "yaml": long])
            let first = try XCTUnwrap((a as? [String: Any])?["id"] as? String)
            let second = try XCTUnwrap((b as? [String: Any])?["id"] as? String)
            try await Task.sleep(for: .milliseconds(300))
            let (_, state) = try await client.send(.get, "/api/runs/\(second)")
            XCTAssertEqual(((state as? [String: Any])?["progress"] as? [String: Any])?["state"] as? String, "queued")
            let load = await server.slots.load
            XCTAssertEqual(load.running, 1)
            XCTAssertEqual(load.queued, 1)
            try await client.expect(.delete, "/api/runs/\(first)", .conflict)
            try await client.expect(.post, "/api/runs/\(second)/cancel", .accepted)
            try await client.expect(.post, "/api/runs/\(first)/cancel", .accepted)
            try await client.expectEnd(first, "cancelled")
            try await client.expectEnd(second, "cancelled")
            try await client.expect(.post, "/api/runs/\(first)/cancel", .conflict)
            try await client.expectPage("/runs/\(first)/report", .conflict)
        }
    }

    /// Five runs sent together on two slots: all end done, never more than two at once.
    func testConcurrentRunsAllFinishWithinTheSlotLimit() async throws {
        let server = try Fixture.server(self, concurrentRuns: 2, jobs: 1)
        try await server.withClient { client in
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for seed in 1...5 {
                    group.addTask {
                        let (_, body) = try await client.send(.post, "/api/runs", json: ["path": "queue.yaml", "seed": seed])
                        return (body as? [String: Any])?["id"] as? String ?? ""
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            var most = 0
            while await server.runs.activeCount > 0 {
                most = max(most, await server.slots.load.running)
                try await Task.sleep(for: .milliseconds(5))
            }
            XCTAssertLessThanOrEqual(most, 2)
            for id in ids { try await client.expectEnd(id, "done") }
            XCTAssertEqual(Set(try server.history.runs().map(\.seed)), [1, 2, 3, 4, 5])
        }
    }

    /// The history survives a restart; a run the server never finished is marked interrupted.
    func testHistorySurvivesARestart() async throws {
        let path = try Fixture.workspace(self)
        let first = try Fixture.server(self, path: path)
        let id = try await first.withClient { client in
            let (_, body) = try await client.send(.post, "/api/runs", json: ["path": "queue.yaml"])
            let id = (body as? [String: Any])?["id"] as? String ?? ""
            _ = try await client.waitForEnd(id)
            return id
        }
        try first.history.insert(.init(id: "r1-stale", name: "stale", file: "queue.yaml", yaml: "", createdAt: "2026-01-01T00:00:00Z",
                                       state: .running, message: nil, seed: 1, replications: 1, seconds: nil, headline: nil))
        let second = try Fixture.server(self, path: path)
        XCTAssertEqual(try second.history.run(id)?.state, .done)
        XCTAssertEqual(try second.history.run("r1-stale")?.state, .interrupted)
        XCTAssertEqual(try second.history.values(of: id).count, 4 * 3, "4 replications × service level, ASA, abandonment")
        try await second.withClient { client in
            try await client.expectPage("/runs/\(id)/report", .ok)
        }
    }
}
