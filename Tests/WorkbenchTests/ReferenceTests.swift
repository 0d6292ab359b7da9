import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Workbench
import XCTest

/// Files named inside a scenario (empirical CSVs, forecasts, rosters) are held to the workspace
/// like the scenario files themselves: reported at their line, never read from outside.
final class ReferenceTests: XCTestCase {
    /// The single queue with its handle times read from `file` (column `seconds`).
    static func scenario(handleTimes file: String) -> String {
        Fixture.singleQueue().replacingOccurrences(of: "handle_time:\n  exponential: {mean: 5m}",
                                                   with: "handle_time:\n  empirical: {file: \"\(file)\", column: seconds, unit: s}")
    }

    func testFileNamesThatLeaveTheWorkspaceAreRefusedAtTheirLine() async throws {
        let path = try Fixture.workspace(self)
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: outside) }
        let csv = "seconds\n" + (1...50).map { "\(200 + 4 * $0)" }.joined(separator: "\n") + "\n"
        try csv.write(to: outside.appendingPathComponent("times.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: path + "/data", withIntermediateDirectories: true)
        try csv.write(toFile: path + "/data/times.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: path + "/data/link.csv", withDestinationPath: outside.path + "/times.csv")
        try FileManager.default.createSymbolicLink(atPath: path + "/outdir", withDestinationPath: outside.path)
        let climb = String(repeating: "../", count: path.split(separator: "/").count) + String(outside.path.dropFirst()) + "/times.csv"
        let server = try Fixture.server(self, path: path)
        let line = Self.scenario(handleTimes: "x").split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("empirical") }! + 1
        try await server.withClient { client in
            for bad in [outside.path + "/times.csv", "../" + outside.lastPathComponent + "/times.csv", climb, "data/link.csv",
                        "outdir/times.csv", ".ccsim/history.sqlite", "~/times.csv"] {
                for (file, up) in [("queue.yaml", ""), ("nested/bigger.yml", "../")] {
                    // From the nested scenario, the same file is one folder further up.
                    let name = bad.hasPrefix("/") || bad.hasPrefix("~") ? bad : up + bad
                    let check = try await client.decode(ScenarioCheck.self, .post, "/api/validate",
                                                        json: ["path": file, "yaml": Self.scenario(handleTimes: name)])
                    XCTAssertFalse(check.valid, bad)
                    let issue = try XCTUnwrap(check.issues.first, bad)
                    XCTAssertEqual(issue.path, "handle_time.empirical.file", bad)
                    XCTAssertEqual(issue.line, line, bad)
                    XCTAssertTrue(issue.message.contains("refused"), "\(bad): \(issue)")
                }
                // Nothing runs from such a text either.
                try await client.expect(.post, "/api/runs", json: ["path": "queue.yaml", "yaml": Self.scenario(handleTimes: bad)],
                                        .unprocessableContent)
                try await client.expect(.post, "/api/whatif", json: ["path": "queue.yaml", "yaml": Self.scenario(handleTimes: bad),
                                                                     "changes": [String: Any]()], .unprocessableContent)
            }
            // Inside the workspace, also through `..` from a nested scenario, the file is read.
            for (file, name) in [("queue.yaml", "data/times.csv"), ("nested/bigger.yml", "../data/times.csv")] {
                let check = try await client.decode(ScenarioCheck.self, .post, "/api/validate", json: ["path": file, "yaml": Self.scenario(handleTimes: name)])
                XCTAssertTrue(check.valid, "\(file) → \(name): \(check.issues)")
            }
        }
    }

    func testSweepSpecsAreListedApartAndNotRunAsScenarios() async throws {
        let path = try Fixture.workspace(self)
        let spec = "name: agents\nbase: queue.yaml\nparameters:\n  - {path: team.agents, set: [9, 10]}\n"
        try spec.write(toFile: path + "/sweep.yaml", atomically: true, encoding: .utf8)
        let server = try Fixture.server(self, path: path)
        try await server.withClient { client in
            let list = try await client.decode(WorkbenchServer.ScenarioList.self, .get, "/api/scenarios")
            XCTAssertEqual(list.files, ["nested/bigger.yml", "queue.yaml"])
            XCTAssertEqual(list.sweeps, ["sweep.yaml"])
            let check = try await client.decode(ScenarioCheck.self, .post, "/api/validate", json: ["path": "sweep.yaml", "yaml": spec])
            XCTAssertFalse(check.valid)
            let issue = try XCTUnwrap(check.issues.first)
            XCTAssertTrue(issue.message.contains("ccsim sweep run sweep.yaml"), "\(issue)")
            try await client.expect(.post, "/api/runs", json: ["path": "sweep.yaml"], .badRequest)
            try await client.expect(.post, "/api/whatif", json: ["path": "sweep.yaml", "changes": [String: Any]()], .badRequest)
        }
    }
}
