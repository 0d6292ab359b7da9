import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Workbench
import XCTest

/// Runs from the page: queued, run with progress, cancelled, kept in the history, rendered by Report.
final class RunTests: XCTestCase {
    func testARunEndsDoneWithItsReportAndHistoryEntry() async throws {
        let server = try Fixture.server(self)
        try await server.withClient { client in
            let started = try await client.start("/api/runs", json: ["path": "queue.yaml", "name": "baseline"])
            XCTAssertEqual(started.kind, .run)
            XCTAssertEqual(started.file, "queue.yaml")
            XCTAssertEqual(started.replications, 4)
            XCTAssertEqual(started.seed, 3)
            let id = started.id
            // The event stream follows the run to its end: progress events, then one `end` event
            // carrying the finished record.
            let stream = try await client.execute(uri: "/api/runs/\(id)/events", method: .get) { response in
                XCTAssertEqual(response.headers[.contentType], "text/event-stream")
                return String(buffer: response.body)
            }
            let events = stream.components(separatedBy: "\n\n").filter { !$0.isEmpty }
            XCTAssertEqual(events.filter { $0.hasPrefix("event: end\n") }.count, 1, stream)
            XCTAssertTrue(events.last?.hasPrefix("event: end\ndata: ") ?? false, stream)
            for event in events.dropLast() {
                XCTAssertTrue(event.hasPrefix("event: progress\ndata: "), event)
                let progress = try JSONDecoder().decode(RunManager.Progress.self, from: Data(event.dropFirst("event: progress\ndata: ".count).utf8))
                XCTAssertEqual(progress.id, id)
                XCTAssertLessThanOrEqual(progress.stepsDone, progress.total)
            }
            let ended = try JSONDecoder().decode(HistoryStore.RunRecord.self, from: Data(events.last!.dropFirst("event: end\ndata: ".count).utf8))
            XCTAssertEqual(ended.state, .done)

            let run = try await client.waitForEnd(id)
            XCTAssertEqual(run.state, .done)
            XCTAssertEqual(run.name, "baseline")
            XCTAssertNotNil(run.seconds)
            let headline = try XCTUnwrap(try run.headlines.first)
            XCTAssertEqual(headline.channel, "voice")
            XCTAssertTrue((0...1).contains(try XCTUnwrap(headline.serviceLevel)))
            XCTAssertEqual(headline.target, 0.8)
            let after = try await client.state(id)
            XCTAssertNil(after.progress, "an ended run has no progress")
            // The result page is the Report module's page of the run's summary.json.
            try await client.execute(uri: "/runs/\(id)/report", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let html = String(buffer: response.body)
                XCTAssertTrue(html.contains("<svg"))
                XCTAssertTrue(html.contains("Service level"))
            }
            XCTAssertTrue(FileManager.default.fileExists(atPath: server.history.folder(of: id).path + "/summary.json"))
            let list = try await client.decode([HistoryStore.RunRecord].self, .get, "/api/runs")
            XCTAssertEqual(list, [run])
            // Rename, then delete: the row and the folder go.
            let renamed = try await client.decode(HistoryStore.RunRecord.self, .patch, "/api/runs/\(id)", json: ["name": "  more agents  "])
            XCTAssertEqual(renamed.name, "more agents")
            XCTAssertEqual(try server.history.run(id)?.name, "more agents")
            try await client.expect(.patch, "/api/runs/\(id)", json: ["name": " "], .badRequest)
            try await client.expect(.patch, "/api/runs/\(id)", json: ["name": String(repeating: "x", count: 201)], .badRequest)
            try await client.expect(.patch, "/api/runs/r1-none", json: ["name": "x"], .notFound)
            let deleted = try await client.decode(WorkbenchServer.Deleted.self, .delete, "/api/runs/\(id)")
            XCTAssertEqual(deleted.deleted, id)
            try await client.expect(.get, "/api/runs/\(id)", .notFound)
            try await client.expect(.delete, "/api/runs/\(id)", .notFound)
            try await client.expect(.get, "/api/runs/\(id)/events", .notFound)
            XCTAssertFalse(FileManager.default.fileExists(atPath: server.history.folder(of: id).path))
            let empty = try await client.decode([HistoryStore.RunRecord].self, .get, "/api/runs")
            XCTAssertEqual(empty, [])
        }
    }

    func testUnknownAndMalformedRunIDsAreNotFound() async throws {
        let server = try Fixture.server(self)
        try await server.withClient { client in
            for id in ["r1-none", "..", "..%2F..%2Fetc", "%2e%2e", "a.b"] {
                try await client.expect(.get, "/api/runs/\(id)", .notFound)
                try await client.expectPage("/runs/\(id)/report", .notFound)
                try await client.expect(.delete, "/api/runs/\(id)", .notFound)
            }
            try await client.expect(.post, "/api/runs/r1-none/cancel", .notFound)
            try await client.expect(.get, "/api/compare?a=r1&b=r2", .notFound)
            try await client.expect(.get, "/api/compare?b=r1", .badRequest)
        }
    }

    func testAnInvalidScenarioIsNotRunAndItsProblemsComeBack() async throws {
        let server = try Fixture.server(self)
        let broken = Fixture.singleQueue().replacingOccurrences(of: "rate: 100/h", with: "rate: fast")
        try await server.withClient { client in
            let check = try await client.decode(ScenarioCheck.self, .post, "/api/runs", json: ["path": "queue.yaml", "yaml": broken],
                                                status: .unprocessableContent)
            XCTAssertEqual(check.issues.first?.path, "arrivals.rate")
            try await client.expect(.post, "/api/runs", json: ["path": "queue.yaml", "replications": 0], .badRequest)
            try await client.expect(.post, "/api/runs", json: ["path": "queue.yaml", "replications": 1001], .badRequest)
            XCTAssertEqual(try server.history.runs().count, 0)
        }
    }

    /// One slot and one thread: the second run waits queued; a running run cannot be deleted;
    /// cancelling both ends them cancelled, the queued one without running, and the history says so.
    func testRunsQueueBeyondTheSlotsAndCanBeCancelled() async throws {
        let server = try Fixture.server(self, concurrentRuns: 1, jobs: 1)
        try await server.withClient { client in
            let first = try await client.start("/api/runs", json: ["path": "queue.yaml", "yaml": Fixture.longQueue]).id
            let second = try await client.start("/api/runs", json: ["path": "queue.yaml", "yaml": Fixture.longQueue]).id
            try await client.waitUntilRunning(first)
            let queued = try await client.state(second)
            XCTAssertEqual(queued.progress?.state, .queued)
            XCTAssertEqual(queued.progress?.stepsDone, 0)
            XCTAssertEqual(queued.progress?.total, 1000 * 100)
            let status = try await client.decode(WorkbenchServer.Status.self, .get, "/api/status")
            XCTAssertEqual([status.running, status.queued], [1, 1])
            try await client.expect(.delete, "/api/runs/\(first)", .conflict)
            let cancelling = try await client.decode(WorkbenchServer.Cancelling.self, .post, "/api/runs/\(second)/cancel", status: .accepted)
            XCTAssertEqual(cancelling.cancelling, second)
            try await client.expect(.post, "/api/runs/\(first)/cancel", .accepted)
            try await client.expectEnd(first, .cancelled)
            try await client.expectEnd(second, .cancelled)
            try await client.expect(.post, "/api/runs/\(first)/cancel", .conflict)
            try await client.expectPage("/runs/\(first)/report", .conflict)
            XCTAssertFalse(FileManager.default.fileExists(atPath: server.history.folder(of: first).path), "a cancelled run leaves no folder")
            // Once ended, a cancelled run can be deleted.
            try await client.expect(.delete, "/api/runs/\(first)", .ok)
        }
    }

    /// Seven runs sent together on two slots: all are accepted, the ones beyond the slots wait
    /// queued, never more than two run at once, and all end done.
    func testConcurrentRunsAllFinishWithinTheSlotLimit() async throws {
        let server = try Fixture.server(self, concurrentRuns: 2, jobs: 1)
        try await server.withClient { client in
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for seed in 1...7 {
                    // 200 h each: long enough (a few tenths of a second) that the later ones are seen waiting.
                    let yaml = Fixture.singleQueue().replacingOccurrences(of: "horizon: 4h", with: "horizon: 200h")
                    group.addTask { try await client.start("/api/runs", json: ["path": "queue.yaml", "yaml": yaml, "seed": seed]).id }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            XCTAssertEqual(Set(ids).count, 7)
            var most = 0, queuedSeen = 0
            while await server.runs.activeCount > 0 {
                let load = await server.slots.load
                most = max(most, load.running)
                queuedSeen = max(queuedSeen, load.queued)
                try await Task.sleep(for: .milliseconds(5))
            }
            XCTAssertLessThanOrEqual(most, 2)
            XCTAssertGreaterThan(queuedSeen, 0, "runs beyond the two slots wait queued")
            for id in ids { try await client.expectEnd(id, .done) }
            XCTAssertEqual(Set(try server.history.runs().map(\.seed)), Set(1...7))
        }
    }

    /// The history survives a restart (names, states, per-replication values, result pages); a run
    /// the server never finished is marked interrupted.
    func testHistorySurvivesARestart() async throws {
        let path = try Fixture.workspace(self)
        let first = try Fixture.server(self, path: path)
        let (id, gone) = try await first.withClient { client in
            let id = try await client.start("/api/runs", json: ["path": "queue.yaml"]).id
            let gone = try await client.start("/api/runs", json: ["path": "queue.yaml", "seed": 9]).id
            try await client.expectEnd(id, .done)
            try await client.expectEnd(gone, .done)
            _ = try await client.decode(HistoryStore.RunRecord.self, .patch, "/api/runs/\(id)", json: ["name": "kept"])
            try await client.expect(.delete, "/api/runs/\(gone)", .ok)
            return (id, gone)
        }
        try first.history.insert(.init(id: "r1-stale", name: "stale", file: "queue.yaml", yaml: "", createdAt: "2026-01-01T00:00:00Z",
                                       state: .running, message: nil, seed: 1, replications: 1, seconds: nil, headline: nil))
        let second = try Fixture.server(self, path: path)
        XCTAssertEqual(try second.history.values(of: id).count, 4 * 3, "4 replications × service level, ASA, abandonment")
        try await second.withClient { client in
            let runs = try await client.decode([HistoryStore.RunRecord].self, .get, "/api/runs")
            XCTAssertEqual(Set(runs.map(\.id)), [id, "r1-stale"])
            let kept = try await client.state(id).run
            XCTAssertEqual(kept.name, "kept")
            XCTAssertEqual(kept.state, .done)
            let stale = try await client.state("r1-stale").run
            XCTAssertEqual(stale.state, .interrupted)
            try await client.expect(.get, "/api/runs/\(gone)", .notFound)
            try await client.expectPage("/runs/\(id)/report", .ok)
            _ = try await client.decode(RunComparison.self, .get, "/api/compare?a=\(id)&b=\(id)")
        }
    }
}
