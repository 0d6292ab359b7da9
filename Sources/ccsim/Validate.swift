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
        let center = scenario.center
        let agents = center.teams.map { $0.constantAgents + $0.shifts.reduce(0) { $0 + $1.agents } + ($0.roster?.agents.count ?? 0) }.reduce(0, +)
        for note in scenario.notes { Console.note("note: \(note)") }
        print("\(input.scenario): valid (scenario '\(scenario.name)': \(center.channels.count) channel(s), \(center.tiers.count) tier(s), \(center.teams.count) team(s), \(agents) agents, \(scenario.run.replications) replications)")
    }
}
