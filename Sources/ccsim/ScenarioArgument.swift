import ArgumentParser
import Foundation
import Scenarios

/// The scenario file argument shared by commands that read one.
struct ScenarioArgument: ParsableArguments {
    @Argument(help: "A scenario file (YAML). See scenarios/README.md.")
    var scenario: String

    /// Loads and validates the file; a bad file is reported on one line and exits with status 2.
    func load() throws -> Scenario {
        do {
            return try ScenarioLoader.load(path: scenario)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
