import Foundation
import HTTPTypes
import Hummingbird
import Workbench
import XCTest

/// Every endpoint through the router: status codes, JSON shapes, errors, refusals.
final class HTTPTests: XCTestCase {
    func testPageCarriesTheSessionTokenAndTheScriptIsServed() async throws {
        let server = try Fixture.server(self)
        try await server.withClient { client in
            try await client.execute(uri: "/", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
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

    func testScenarioFilesAreListedReadAndRefusedOutsideTheWorkspace() async throws {
        let server = try Fixture.server(self)
        try await server.withClient { client in
            let (status, list) = try await client.send(.get, "/api/scenarios")
            XCTAssertEqual(status, .ok)
            XCTAssertEqual((list as? [String: Any])?["files"] as? [String], ["nested/bigger.yml", "queue.yaml"])
            let (ok, file) = try await client.send(.get, "/api/scenario?path=nested/bigger.yml")
            XCTAssertEqual(ok, .ok)
            XCTAssertEqual((file as? [String: Any])?["yaml"] as? String, Fixture.singleQueue(agents: 12))
            for bad in ["..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "nested%2F..%2F..%2Fx.yaml", ".ccsim%2Fhistory.sqlite"] {
                let (status, body) = try await client.send(.get, "/api/scenario?path=\(bad)")
                XCTAssertEqual(status, .forbidden, bad)
                XCTAssertNotNil((body as? [String: Any])?["error"] as? String, bad)
            }
            try await client.expect(.get, "/api/scenario?path=absent.yaml", .notFound)
            try await client.expect(.get, "/api/scenario", .badRequest)
        }
    }

    func testChangesNeedTheTokenAndTheServersOwnOrigin() async throws {
        let server = try Fixture.server(self)
        let body: [String: Any] = ["path": "queue.yaml", "yaml": "name: x"]
        try await server.withClient { client in
            let (noToken, error) = try await client.send(.post, "/api/validate", json: body, headers: [.contentType: "application/json"])
            XCTAssertEqual(noToken, .forbidden)
            XCTAssertTrue(((error as? [String: Any])?["error"] as? String ?? "").contains("token"))
            var wrong = HTTPFields.page
            wrong[HTTPField.Name("X-CCSim-Token")!] = "guess"
            try await client.expect(.put, "/api/scenario", json: body, headers: wrong, .forbidden)
            var foreign = HTTPFields.page
            foreign[.origin] = "http://evil.example"
            try await client.expect(.post, "/api/validate", json: body, headers: foreign, .forbidden)
            var own = HTTPFields.page
            own[.origin] = "http://localhost"
            try await client.expect(.post, "/api/validate", json: body, headers: own, .ok)
            // The file was not changed by the refused PUT.
            XCTAssertEqual(try server.workspace.read("queue.yaml"), Fixture.singleQueue())
        }
    }

    func testValidationReportsEachProblemAtItsLine() async throws {
        let server = try Fixture.server(self)
        let broken = Fixture.singleQueue().replacingOccurrences(of: "agents: 10", with: "agents: -3")
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("agents: -3") }! + 1
        try await server.withClient { client in
            let (status, answer) = try await client.send(.post, "/api/validate", json: ["path": "queue.yaml", "yaml": broken])
            XCTAssertEqual(status, .ok)
            let check = answer as? [String: Any] ?? [:]
            XCTAssertEqual(check["valid"] as? Bool, false)
            let issue = (check["issues"] as? [[String: Any]])?.first ?? [:]
            XCTAssertEqual(issue["line"] as? Int, line)
            XCTAssertEqual(issue["path"] as? String, "team.agents")
            XCTAssertTrue((issue["text"] as? String ?? "").hasPrefix("queue.yaml:\(line):"), "\(issue)")
            let (_, good) = try await client.send(.post, "/api/validate", json: ["path": "queue.yaml", "yaml": Fixture.singleQueue()])
            let outline = (good as? [String: Any])?["outline"] as? [String: Any] ?? [:]
            XCTAssertEqual(outline["channels"] as? [String], ["voice"])
            XCTAssertEqual((outline["teams"] as? [[String: Any]])?.first?["agents"] as? Int, 10)
            XCTAssertEqual(outline["hasPatience"] as? Bool, true)
            // A YAML syntax error is located too.
            let (_, syntax) = try await client.send(.post, "/api/validate", json: ["path": "queue.yaml", "yaml": "name: [unclosed\n"])
            XCTAssertNotNil(((syntax as? [String: Any])?["issues"] as? [[String: Any]])?.first?["line"] as? Int)
            // Malformed requests.
            try await client.expect(.post, "/api/validate", json: ["yaml": "x"], .badRequest)
            try await client.expect(.post, "/api/validate", json: ["path": "../x.yaml", "yaml": "x"], .forbidden)
        }
    }

    func testOversizeAndMalformedBodiesAreRefused() async throws {
        let server = try Fixture.server(self, maxBodyBytes: 4096)
        try await server.withClient { client in
            let big = String(repeating: "# filler\n", count: 1000)
            let (status, body) = try await client.send(.post, "/api/validate", json: ["path": "queue.yaml", "yaml": big])
            XCTAssertEqual(status, .contentTooLarge)
            XCTAssertNotNil((body as? [String: Any])?["error"] as? String)
            let garbage = try await client.execute(uri: "/api/validate", method: .post, headers: .page,
                                                   body: ByteBuffer(string: "{not json")) { $0.status }
            XCTAssertEqual(garbage, .badRequest)
        }
    }

    func testSaveWritesInsideTheWorkspaceOnly() async throws {
        let server = try Fixture.server(self)
        let edited = Fixture.singleQueue(agents: 11)
        try await server.withClient { client in
            let (status, check) = try await client.send(.put, "/api/scenario", json: ["path": "queue.yaml", "yaml": edited])
            XCTAssertEqual(status, .ok)
            XCTAssertEqual((check as? [String: Any])?["valid"] as? Bool, true)
            XCTAssertEqual(try server.workspace.read("queue.yaml"), edited)
            try await client.expect(.put, "/api/scenario", json: ["path": "../escape.yaml", "yaml": "x"], .forbidden)
            try await client.expect(.put, "/api/scenario", json: ["path": "/tmp/escape.yaml", "yaml": "x"], .forbidden)
            XCTAssertFalse(FileManager.default.fileExists(atPath: server.workspace.root.deletingLastPathComponent().path + "/escape.yaml"))
        }
    }
}
