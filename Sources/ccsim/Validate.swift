import ArgumentParser
import Scenarios

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario file without running it.",
        discussion: "Exits with status 0 and prints a one-line summary when the file is valid; otherwise prints the error (file:line:column: field.path: problem) and exits with status 2."
    )

    @OptionGroup var input: ScenarioArgument

    func run() throws {
        let scenario = try input.load()
        print("\(input.scenario): valid (scenario '\(scenario.name)', \(scenario.team.agents) agents, \(scenario.run.replications) replications)")
    }
}
