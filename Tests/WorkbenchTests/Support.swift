import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
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

    /// A single queue long enough (1000 replications of 400 h) to be still running when cancelled.
    static let longQueue = singleQueue(replications: 1000).replacingOccurrences(of: "horizon: 4h", with: "horizon: 400h")
        .replacingOccurrences(of: "interval: 30m", with: "interval: 8h")

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

/// The client HummingbirdTesting hands a test.
typealias Client = any TestClientProtocol

extension WorkbenchServer {
    /// Runs `test` against this server's router (loopback-only, as served by default) through
    /// HummingbirdTesting's `.router` mode: the middleware, routes and responses, without a socket.
    func withClient<T: Sendable>(_ test: @Sendable (Client) async throws -> T) async throws -> T {
        try await Application(router: router()).test(.router, test)
    }
}

extension HTTPFields {
    /// What the page sends with every change: the session token, as JSON.
    static let page: HTTPFields = [HTTPField.Name("X-CCSim-Token")!: "test-token", .contentType: "application/json"]
}

typealias Failure = JSONReply.Failure

extension TestClientProtocol {
    /// Sends `body` as JSON with the page's headers; returns the status and the raw answer.
    func raw(_ method: HTTPRequest.Method, _ uri: String, json body: Any? = nil, headers: HTTPFields = .page) async throws
        -> (HTTPResponse.Status, Data) {
        let buffer = try body.map { ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: $0, options: [.fragmentsAllowed])) }
        return try await execute(uri: uri, method: method, headers: headers, body: buffer) { response in
            (response.status, Data(response.body.readableBytesView))
        }
    }

    /// Sends a request, asserts the status, and decodes the answer as `T` (failing the test when
    /// the answer is not that shape).
    func decode<T: Decodable>(_ type: T.Type, _ method: HTTPRequest.Method, _ uri: String, json body: Any? = nil,
                              headers: HTTPFields = .page, status expected: HTTPResponse.Status = .ok,
                              file: StaticString = #filePath, line: UInt = #line) async throws -> T {
        let (status, data) = try await raw(method, uri, json: body, headers: headers)
        XCTAssertEqual(status, expected, "\(method) \(uri): \(String(decoding: data, as: UTF8.self))", file: file, line: line)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            XCTFail("\(method) \(uri): the answer is not a \(T.self): \(error)\n\(String(decoding: data, as: UTF8.self))", file: file, line: line)
            throw error
        }
    }

    /// Asserts an error status and returns the error's message (`{"error": …}`), or, for 422, the
    /// loader's first problem as `file:line:col: path: problem`.
    @discardableResult
    func expect(_ method: HTTPRequest.Method, _ uri: String, json body: Any? = nil, headers: HTTPFields = .page,
                _ expected: HTTPResponse.Status, file: StaticString = #filePath, line: UInt = #line) async throws -> String {
        if expected == .unprocessableContent {
            let check = try await decode(ScenarioCheck.self, method, uri, json: body, headers: headers, status: expected, file: file, line: line)
            XCTAssertFalse(check.valid, file: file, line: line)
            return check.issues.first?.text ?? ""
        }
        if (200..<300).contains(expected.code) {
            let (status, data) = try await raw(method, uri, json: body, headers: headers)
            XCTAssertEqual(status, expected, "\(method) \(uri): \(String(decoding: data, as: UTF8.self))", file: file, line: line)
            return String(decoding: data, as: UTF8.self)
        }
        return try await decode(Failure.self, method, uri, json: body, headers: headers, status: expected, file: file, line: line).error
    }

    /// Asserts the status of a page.
    func expectPage(_ uri: String, _ expected: HTTPResponse.Status, file: StaticString = #filePath, line: UInt = #line) async throws {
        let status = try await execute(uri: uri, method: .get) { $0.status }
        XCTAssertEqual(status, expected, uri, file: file, line: line)
    }

    /// Starts a job (`POST` answering 202 with its record) and returns the record.
    func start(_ uri: String, json body: Any, file: StaticString = #filePath, line: UInt = #line) async throws -> HistoryStore.RunRecord {
        try await decode(HistoryStore.RunRecord.self, .post, uri, json: body, status: .accepted, file: file, line: line)
    }

    /// A run and its progress, as the page polls it.
    func state(_ id: String, file: StaticString = #filePath, line: UInt = #line) async throws -> WorkbenchServer.RunState {
        try await decode(WorkbenchServer.RunState.self, .get, "/api/runs/\(id)", file: file, line: line)
    }

    /// Polls a run until it has ended; fails after `seconds`.
    func waitForEnd(_ id: String, seconds: Double = 60, file: StaticString = #filePath, line: UInt = #line) async throws -> HistoryStore.RunRecord {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let run = try await state(id, file: file, line: line).run
            if ![.queued, .running].contains(run.state) { return run }
            if Date() > deadline {
                XCTFail("run \(id) did not end within \(seconds) s", file: file, line: line)
                return run
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Waits for a run to end and asserts its final state.
    func expectEnd(_ id: String, _ state: HistoryStore.State, file: StaticString = #filePath, line: UInt = #line) async throws {
        let run = try await waitForEnd(id, file: file, line: line)
        XCTAssertEqual(run.state, state, "\(run)", file: file, line: line)
    }

    /// Waits until a job is running and has done at least one progress step.
    func waitUntilRunning(_ id: String, file: StaticString = #filePath, line: UInt = #line) async throws {
        for _ in 0..<800 {
            if let progress = try await state(id, file: file, line: line).progress, progress.state == .running, progress.stepsDone > 0 { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        XCTFail("run \(id) did not start within 20 s", file: file, line: line)
    }
}

extension HistoryStore.RunRecord {
    /// The headline figures, one per channel.
    var headlines: [HistoryStore.Headline] {
        get throws { try JSONDecoder().decode([HistoryStore.Headline].self, from: Data((headline ?? "null").utf8)) }
    }
}
