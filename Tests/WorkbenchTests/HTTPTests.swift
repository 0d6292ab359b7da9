import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Workbench
import XCTest

/// Every endpoint through HummingbirdTesting: status codes, JSON shapes (decoded into the
/// server's own Codable types), errors, refusals.
final class HTTPTests: XCTestCase {
    func testPageCarriesTheSessionTokenAndTheScriptIsServed() async throws {
        let server = try Fixture.server(self)
        try await server.withClient { client in
            try await client.execute(uri: "/", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentType], "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                XCTAssertTrue(html.contains(#"<meta name="ccsim-token" content="test-token">"#))
                XCTAssertFalse(html.contains("{{SESSION_TOKEN}}"))
                XCTAssertFalse(html.contains("http://") || html.contains("https://"), "the page must need no network")
            }
            try await client.execute(uri: "/app.js", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentType], "text/javascript; charset=utf-8")
            }
            try await client.execute(uri: "/nothing", method: .get) { XCTAssertEqual($0.status, .notFound) }
        }
    }

    func testStatusReportsSlotsQueueAndWorkspace() async throws {
        let server = try Fixture.server(self, concurrentRuns: 3)
        try await server.withClient { client in
            let status = try await client.decode(WorkbenchServer.Status.self, .get, "/api/status")
            XCTAssertEqual(status.slots, 3)
            XCTAssertEqual(status.running, 0)
            XCTAssertEqual(status.queued, 0)
            XCTAssertEqual(status.workspace, server.workspace.root.path)
        }
    }

    func testScenarioFilesAreListedReadAndRefusedOutsideTheWorkspace() async throws {
        let server = try Fixture.server(self)
        try await server.withClient { client in
            let list = try await client.decode(WorkbenchServer.ScenarioList.self, .get, "/api/scenarios")
            XCTAssertEqual(list.files, ["nested/bigger.yml", "queue.yaml"])
            XCTAssertEqual(list.sweeps, [])
            let file = try await client.decode(WorkbenchServer.ScenarioText.self, .get, "/api/scenario?path=nested/bigger.yml")
            XCTAssertEqual(file.path, "nested/bigger.yml")
            XCTAssertEqual(file.yaml, Fixture.singleQueue(agents: 12))
            // Parent folders (plain and percent-encoded, any case), absolute paths, the history's own files.
            for bad in ["..%2F..%2Fetc%2Fpasswd", "../queue.yaml", "%2e%2e%2fqueue.yaml", "%2E%2E/%2E%2E/etc/passwd.yaml",
                        "nested/%2e%2e/%2e%2e/x.yaml", "%2Fetc%2Fpasswd", "/etc/passwd", "nested%2F..%2F..%2Fx.yaml",
                        ".ccsim%2Fhistory.sqlite", "notes.txt"] {
                let message = try await client.expect(.get, "/api/scenario?path=\(bad)", .forbidden)
                XCTAssertFalse(message.isEmpty, bad)
            }
            try await client.expect(.get, "/api/scenario?path=absent.yaml", .notFound)
            try await client.expect(.get, "/api/scenario", .badRequest)
        }
    }

    /// A symbolic link out of the workspace is neither read, nor written through, nor run.
    func testSymbolicLinksOutOfTheWorkspaceAreRefusedOverHTTP() async throws {
        let path = try Fixture.workspace(self)
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: outside) }
        try Fixture.singleQueue().write(to: outside.appendingPathComponent("secret.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: path + "/link.yaml", withDestinationPath: outside.path + "/secret.yaml")
        try FileManager.default.createSymbolicLink(atPath: path + "/linkdir", withDestinationPath: outside.path)
        let server = try Fixture.server(self, path: path)
        try await server.withClient { client in
            for bad in ["link.yaml", "linkdir/secret.yaml"] {
                try await client.expect(.get, "/api/scenario?path=\(bad)", .forbidden)
                try await client.expect(.put, "/api/scenario", json: ["path": bad, "yaml": "name: x"], .forbidden)
                try await client.expect(.post, "/api/runs", json: ["path": bad], .forbidden)
            }
            let list = try await client.decode(WorkbenchServer.ScenarioList.self, .get, "/api/scenarios")
            XCTAssertFalse(list.files.contains("link.yaml"))
        }
        XCTAssertEqual(try String(contentsOf: outside.appendingPathComponent("secret.yaml"), encoding: .utf8), Fixture.singleQueue())
    }

    /// A FIFO named like a scenario is refused, not read (a read would wait for a writer forever)
    /// nor written as a stream.
    func testAFIFONamedLikeAScenarioIsRefused() async throws {
        let path = try Fixture.workspace(self)
        XCTAssertEqual(mkfifo(path + "/pipe.yaml", 0o644), 0)
        let server = try Fixture.server(self, path: path)
        try await server.withClient { client in
            let message = try await client.expect(.get, "/api/scenario?path=pipe.yaml", .forbidden)
            XCTAssertTrue(message.contains("not a regular file"), message)
            try await client.expect(.put, "/api/scenario", json: ["path": "pipe.yaml", "yaml": "name: x"], .forbidden)
            try await client.expect(.post, "/api/runs", json: ["path": "pipe.yaml"], .forbidden)
        }
    }

    /// Every state-changing route refuses a request without the token or from another origin, and
    /// changes nothing.
    func testChangesNeedTheTokenAndTheServersOwnOrigin() async throws {
        let server = try Fixture.server(self)
        let routes: [(HTTPRequest.Method, String)] = [
            (.put, "/api/scenario"), (.post, "/api/validate"), (.post, "/api/form"), (.post, "/api/runs"), (.post, "/api/runs/r1-x/cancel"),
            (.patch, "/api/runs/r1-x"), (.delete, "/api/runs/r1-x"), (.post, "/api/whatif"), (.post, "/api/roi/programs"), (.post, "/api/roi"),
            (.post, "/api/staff"), (.post, "/api/schedule"),
        ]
        try await server.withClient { client in
            let body: [String: Any] = ["path": "queue.yaml", "yaml": "name: x"]
            var wrong = HTTPFields.page
            wrong[HTTPField.Name("X-CCSim-Token")!] = "guess"
            var foreign = HTTPFields.page
            foreign[.origin] = "http://evil.example"
            for (method, uri) in routes {
                let message = try await client.expect(method, uri, json: body, headers: [.contentType: "application/json"], .forbidden)
                XCTAssertTrue(message.contains("token"), "\(uri): \(message)")
                try await client.expect(method, uri, json: body, headers: wrong, .forbidden)
                let crossSite = try await client.expect(method, uri, json: body, headers: foreign, .forbidden)
                XCTAssertTrue(crossSite.contains("cross-origin"), "\(uri): \(crossSite)")
            }
            var own = HTTPFields.page
            own[.origin] = "http://localhost"
            _ = try await client.decode(ScenarioCheck.self, .post, "/api/validate", json: body, headers: own)
            // Nothing was changed or started by the refused requests.
            XCTAssertEqual(try server.workspace.read("queue.yaml"), Fixture.singleQueue())
            XCTAssertEqual(try server.history.runs().count, 0)
        }
    }

    func testValidationReportsEachProblemAtItsLine() async throws {
        let server = try Fixture.server(self)
        let broken = Fixture.singleQueue().replacingOccurrences(of: "agents: 10", with: "agents: -3")
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("agents: -3") }! + 1
        try await server.withClient { client in
            let check = try await client.decode(ScenarioCheck.self, .post, "/api/validate", json: ["path": "queue.yaml", "yaml": broken])
            XCTAssertFalse(check.valid)
            XCTAssertNil(check.outline)
            let issue = try XCTUnwrap(check.issues.first)
            XCTAssertEqual(issue.line, line)
            XCTAssertEqual(issue.path, "team.agents")
            XCTAssertTrue(issue.text.hasPrefix("queue.yaml:\(line):\(issue.column ?? 0): team.agents: "), issue.text)
            let good = try await client.decode(ScenarioCheck.self, .post, "/api/validate", json: ["path": "queue.yaml", "yaml": Fixture.singleQueue()])
            XCTAssertTrue(good.valid)
            XCTAssertEqual(good.issues, [])
            let outline = try XCTUnwrap(good.outline)
            XCTAssertEqual(outline.channels, ["voice"])
            XCTAssertEqual(outline.teams.map(\.name), ["desk"])
            XCTAssertEqual(outline.teams.first?.agents, 10)
            XCTAssertEqual(outline.seed, 3)
            XCTAssertEqual(outline.replications, 4)
            XCTAssertTrue(outline.hasPatience)
            // A YAML syntax error is located too.
            let syntax = try await client.decode(ScenarioCheck.self, .post, "/api/validate", json: ["path": "queue.yaml", "yaml": "name: [unclosed\n"])
            XCTAssertFalse(syntax.valid)
            XCTAssertNotNil(syntax.issues.first?.line)
            XCTAssertTrue(syntax.issues.first?.text.hasPrefix("queue.yaml:") ?? false, "\(syntax.issues)")
            // Malformed requests.
            let missing = try await client.expect(.post, "/api/validate", json: ["yaml": "x"], .badRequest)
            XCTAssertTrue(missing.contains("missing field 'path'"), missing)
            try await client.expect(.post, "/api/validate", json: ["path": "../x.yaml", "yaml": "x"], .forbidden)
        }
    }

    /// Every route that reads a body: a body that is not JSON, or JSON of the wrong shape, is a
    /// 400 naming the problem; a body over the limit is a 413, read no further.
    func testOversizeAndMalformedBodiesAreRefusedOnEveryRoute() async throws {
        let server = try Fixture.server(self, maxBodyBytes: 4096)
        let routes: [(HTTPRequest.Method, String)] = [
            (.put, "/api/scenario"), (.post, "/api/validate"), (.post, "/api/form"), (.post, "/api/runs"), (.post, "/api/whatif"),
            (.post, "/api/roi/programs"), (.post, "/api/roi"), (.post, "/api/staff"), (.post, "/api/schedule"),
        ]
        try await server.withClient { client in
            let id = try await client.start("/api/runs", json: ["path": "queue.yaml", "replications": 1]).id
            try await client.expectEnd(id, .done)
            let big = String(repeating: "# filler\n", count: 1000)
            for (method, uri) in routes + [(.patch, "/api/runs/\(id)")] {
                let tooLarge = try await client.expect(method, uri, json: ["path": "queue.yaml", "yaml": big, "name": big], .contentTooLarge)
                XCTAssertTrue(tooLarge.contains("4096"), "\(uri): \(tooLarge)")
                let garbage = try await client.execute(uri: uri, method: method, headers: .page, body: ByteBuffer(string: "{not json")) { response in
                    (response.status, try? JSONDecoder().decode(Failure.self, from: Data(response.body.readableBytesView)))
                }
                XCTAssertEqual(garbage.0, .badRequest, uri)
                XCTAssertTrue(garbage.1?.error.hasPrefix("the request body is not the JSON expected") ?? false, "\(uri): \(String(describing: garbage.1))")
                let shape = try await client.expect(method, uri, json: ["path": 42, "name": ["x"]], .badRequest)
                XCTAssertTrue(shape.contains("path") || shape.contains("name"), "\(uri): \(shape)")
                try await client.expect(method, uri, json: [1, 2], .badRequest)
            }
        }
    }

    /// A scenario that is not in the workspace is a 404 for every route that takes one.
    func testUnknownScenarioIsNotFoundEverywhere() async throws {
        let server = try Fixture.server(self)
        try await server.withClient { client in
            try await client.expect(.get, "/api/scenario?path=absent.yaml", .notFound)
            for (uri, extra) in [("/api/runs", [:]), ("/api/whatif", ["changes": [:] as [String: Any]]), ("/api/staff", [:]),
                                 ("/api/schedule", [:]), ("/api/roi", ["programName": "course"])] as [(String, [String: Any])] {
                let message = try await client.expect(.post, uri, json: extra.merging(["path": "absent.yaml"]) { $1 }, .notFound)
                XCTAssertTrue(message.contains("absent.yaml"), "\(uri): \(message)")
            }
            XCTAssertEqual(try server.history.runs().count, 0)
        }
    }

    /// A scenario the loader refuses is a 422 whose problems are `file:line:col: path: problem`,
    /// for every route that simulates.
    func testInvalidScenarioIsRefusedWithItsLocatedProblemEverywhere() async throws {
        let server = try Fixture.server(self)
        let broken = Fixture.singleQueue().replacingOccurrences(of: "rate: 100/h", with: "rate: fast")
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("rate: fast") }! + 1
        try await server.withClient { client in
            for (uri, extra) in [("/api/runs", [:]), ("/api/whatif", ["changes": [:] as [String: Any]]), ("/api/staff", [:]),
                                 ("/api/schedule", [:]), ("/api/roi", ["programName": "course"])] as [(String, [String: Any])] {
                let text = try await client.expect(.post, uri, json: extra.merging(["path": "queue.yaml", "yaml": broken]) { $1 }, .unprocessableContent)
                XCTAssertTrue(text.hasPrefix("queue.yaml:\(line):"), "\(uri): \(text)")
                XCTAssertTrue(text.contains(": arrivals.rate: "), "\(uri): \(text)")
            }
            // Invalid YAML (a syntax error) likewise.
            let syntax = try await client.expect(.post, "/api/runs", json: ["path": "queue.yaml", "yaml": "run: {horizon: 4h\nteam: [\n"], .unprocessableContent)
            XCTAssertTrue(syntax.hasPrefix("queue.yaml:"), syntax)
            XCTAssertEqual(try server.history.runs().count, 0)
        }
    }

    func testSaveWritesInsideTheWorkspaceOnly() async throws {
        let server = try Fixture.server(self)
        let edited = Fixture.singleQueue(agents: 11)
        try await server.withClient { client in
            let check = try await client.decode(ScenarioCheck.self, .put, "/api/scenario", json: ["path": "queue.yaml", "yaml": edited])
            XCTAssertTrue(check.valid)
            XCTAssertEqual(try server.workspace.read("queue.yaml"), edited)
            // An invalid scenario is saved (the editor keeps the user's work) and its problems come back.
            let broken = edited.replacingOccurrences(of: "agents: 11", with: "agents: many")
            let saved = try await client.decode(ScenarioCheck.self, .put, "/api/scenario", json: ["path": "nested/bigger.yml", "yaml": broken])
            XCTAssertFalse(saved.valid)
            XCTAssertEqual(saved.issues.first?.path, "team.agents")
            XCTAssertEqual(try server.workspace.read("nested/bigger.yml"), broken)
            for bad in ["../escape.yaml", "/tmp/escape.yaml", "nested/../../escape.yaml", "missing/../../escape.yaml"] {
                try await client.expect(.put, "/api/scenario", json: ["path": bad, "yaml": "x"], .forbidden)
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: server.workspace.root.deletingLastPathComponent().path + "/escape.yaml"))
            XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/escape.yaml"))
        }
    }
}
