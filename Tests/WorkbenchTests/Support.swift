import Foundation
import HTTPTypes
import Hummingbird
import Workbench
import XCTest

/// A workspace in a fresh temporary folder, with a small single queue and a nested scenario.
enum Fixture {
    /// An M/M/c queue: 10 agents, 100/h, 5 min handle time (load 8.3 Erlangs), 4 h in 30-minute intervals.
    static func singleQueue(agents: Int = 10, replications: Int = 4, seed: Int = 3) -> String {
        """
        name: small-queue
        run:
          horizon: 4h
          warmup: 30m
          interval: 30m
          replications: \(replications)
          seed: \(seed)
        arrivals:
          rate: 100/h
        team:
          name: desk
          agents: \(agents)
        handle_time:
          exponential: {mean: 5m}
        patience:
          exponential: {mean: 3m}

        """
    }

    static func workspace(_ test: XCTestCase) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("workbench-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("nested"), withIntermediateDirectories: true)
        try singleQueue().write(to: directory.appendingPathComponent("queue.yaml"), atomically: true, encoding: .utf8)
        try singleQueue(agents: 12).write(to: directory.appendingPathComponent("nested/bigger.yml"), atomically: true, encoding: .utf8)
        try "not a scenario".write(to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return directory.path
    }

    static func server(_ test: XCTestCase, path: String? = nil, concurrentRuns: Int = 2, jobs: Int = 2,
                       maxBodyBytes: Int = 2 * Workspace.maxFileBytes) throws -> WorkbenchServer {
        try WorkbenchServer(workspace: try Workspace(path: path ?? workspace(test)), concurrentRuns: concurrentRuns, jobs: jobs,
                            maxBodyBytes: maxBodyBytes, token: "test-token")
    }
}

extension HTTPFields {
    /// What the page sends with every change: the session token, as JSON.
    static let page: HTTPFields = [HTTPField.Name("X-CCSim-Token")!: "test-token", .contentType: "application/json"]
}

extension RouterClient {
    /// Sends `body` as JSON with the page's headers; returns the status and the parsed JSON.
    func send(_ method: HTTPRequest.Method, _ uri: String, json body: Any? = nil, headers: HTTPFields = .page) async throws
        -> (HTTPResponse.Status, Any?) {
        let buffer = try body.map { ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: $0)) }
        return try await execute(uri: uri, method: method, headers: headers, body: buffer) { response in
            (response.status, try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView), options: [.fragmentsAllowed]))
        }
    }

    /// Polls a run until it has ended; fails after `seconds`.
    func waitForEnd(_ id: String, seconds: Double = 60) async throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let (_, body) = try await send(.get, "/api/runs/\(id)")
            let run = (body as? [String: Any])?["run"] as? [String: Any] ?? [:]
            if let state = run["state"] as? String, !["queued", "running"].contains(state) { return run }
            try await Task.sleep(for: .milliseconds(50))
        }
        XCTFail("run \(id) did not end within \(seconds) s")
        return [:]
    }
}


extension RouterClient {
    /// Asserts the status of a JSON request (XCTest's assertions cannot await).
    func expect(_ method: HTTPRequest.Method, _ uri: String, json body: Any? = nil, headers: HTTPFields = .page,
                _ expected: HTTPResponse.Status, file: StaticString = #filePath, line: UInt = #line) async throws {
        let (status, answer) = try await send(method, uri, json: body, headers: headers)
        XCTAssertEqual(status, expected, "\(method) \(uri): \(String(describing: answer))", file: file, line: line)
    }

    func expect(_ method: HTTPRequest.Method, _ uri: String, _ expected: HTTPResponse.Status,
                file: StaticString = #filePath, line: UInt = #line) async throws {
        try await expect(method, uri, json: nil, expected, file: file, line: line)
    }

    /// Asserts the status of a page.
    func expectPage(_ uri: String, _ expected: HTTPResponse.Status, file: StaticString = #filePath, line: UInt = #line) async throws {
        let status = try await execute(uri: uri, method: .get) { $0.status }
        XCTAssertEqual(status, expected, uri, file: file, line: line)
    }

    /// Waits for a run to end and asserts its final state.
    func expectEnd(_ id: String, _ state: String, file: StaticString = #filePath, line: UInt = #line) async throws {
        let run = try await waitForEnd(id)
        XCTAssertEqual(run["state"] as? String, state, "\(run)", file: file, line: line)
    }
}
