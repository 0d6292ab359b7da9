import ArgumentParser
import Foundation
import Scenarios
import Sweeps

/// The scenario file argument shared by commands that read one.
struct ScenarioArgument: ParsableArguments {
    @Argument(help: "A scenario file (YAML). See scenarios/README.md.")
    var scenario: String

    /// Loads and validates the file. Each problem is reported on one line
    /// (`file:line:column: field.path: problem`), then the command exits with status 2.
    func load() throws -> Scenario {
        try Self.load(path: scenario)
    }

    /// Loads a scenario named by another option (`--with`), reporting problems the same way.
    static func load(path scenario: String, overrides: [String] = []) throws -> Scenario {
        do {
            return try overrides.isEmpty ? ScenarioLoader.load(path: scenario) : ScenarioOverrides.apply(overrides, toScenarioAt: scenario)
        } catch {
            let lines = error.issues.map { "error: \($0)" }
            let count = error.countLine(in: scenario).map { $0 + "\n" } ?? ""
            Console.note((lines.joined(separator: "\n") + "\n" + count))
            throw ExitCode(2)
        }
    }
}
