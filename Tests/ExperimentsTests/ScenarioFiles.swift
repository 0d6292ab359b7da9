import ContactCenter
import Experiments
import Foundation
import Scenarios
import XCTest

/// Scenarios that read side files (forecast.csv, roster.csv), written to a scratch folder for one test.
extension XCTestCase {
    /// A scratch directory holding `files` (name → text), removed when the test ends.
    func directory(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir.path
    }

    /// `yaml` loaded as `s.yaml` beside `files`.
    func load(_ yaml: String, files: [String: String] = [:]) throws -> Scenario {
        try ScenarioLoader.parse(yaml: yaml, file: "s.yaml", baseDirectory: try directory(files))
    }

    /// The scenario's own replications, summarised.
    func summary(_ scenario: Scenario) throws -> CenterSummary {
        CenterSummary(scenario: scenario, replications: try ReplicationRunner.run(scenario, replications: scenario.run.replications, jobs: 2))
    }
}
