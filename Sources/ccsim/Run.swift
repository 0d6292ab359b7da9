import ArgumentParser
import Experiments
import Foundation
import Scenarios
import Staffing
import Stochastics
import Sweeps

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate a scenario and report service level, ASA, abandonment, resolution, occupancy and cost with confidence intervals.",
        usage: "ccsim run <scenario> [<options>]",
        discussion: """
        Replications run in parallel (--jobs); each draws from its own random streams, derived from \
        the seed, so the results do not depend on the number of jobs.

        Examples:
          ccsim run scenarios/erlang-a.yaml --replications 10
          ccsim run scenarios/mmc-basic.yaml --seed 7 --format json
          ccsim run scenarios/mmc-basic.yaml --out results/mmc-basic
          ccsim run scenarios/erlang-a.yaml --set team.agents=50 \\
              --set patience.exponential.mean=2m
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @OptionGroup var input: ScenarioArgument

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Replace a field of the scenario, addressed as in sweep files (team.agents=50, teams.phones.shifts[*].agents=12, handle_time={exponential: {mean: 5m}}); repeatable.",
        valueName: "path=value"))
    var assignments: [String] = []

    @Option(help: "Random seed (0…\(StreamPlan.maxSeed)); overrides run.seed.")
    var seed: UInt64?

    @Option(help: "Number of independent replications; overrides run.replications.")
    var replications: Int?

    @Option(help: "What to print: table, json (summary.json's content) or csv (whole-run metrics of every channel, tier, team and the center).")
    var format: Format = .table

    @Option(help: "Folder to write summary.json, intervals.csv and staffing-check.csv into, as a set: complete or absent (see results/README.md). It must be new, empty or hold only ccsim's files.")
    var out: String?

    @Flag(help: "With --out, also stream one row per finished contact visit to contacts.csv (see results/README.md).")
    var trace = false

    @Option(help: "Replications run at once; the default is the number of cores here.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var progressOptions: QuietOption

    @OptionGroup var budget: BudgetOption

    func validate() throws {
        if let seed, seed > StreamPlan.maxSeed {
            throw ValidationError("--seed must be between 0 and \(StreamPlan.maxSeed), got \(seed)")
        }
        if let replications, replications < 1 || replications > StreamPlan.maxReplications {
            throw ValidationError("--replications must be between 1 and \(StreamPlan.maxReplications), got \(replications)")
        }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if trace && out == nil { throw ValidationError("--trace writes contacts.csv into the --out directory: give --out too") }
        if let out { _ = try OutputFolder.validated(out) }
    }

    func run() throws {
        var scenario = try assignments.isEmpty ? input.load() : ScenarioArgument.load(path: input.scenario, overrides: assignments)
        if let seed { scenario.run.seed = seed }
        if let replications { scenario.run.replications = replications }
        try budget.check(scenario, tracing: trace)
        for unstable in ResourceBudget.unstableQueues(scenario) { Console.note("warning: \(unstable)") }
        for note in scenario.notes { Console.note("note: \(note)") }
        let folder = try outputFolder(out)
        let progress = ProgressLine(total: scenario.run.replications * 100, unit: "replications", style: progressOptions.progressStyle,
                                    stepsPerUnit: 100)
        let results = try ReplicationRunner.run(scenario, replications: scenario.run.replications, jobs: jobs,
                                                      traceTo: trace ? folder?.file("contacts.csv").path : nil,
                                                      progress: progress)
        progress.finish()
        let summary = CenterSummary(scenario: scenario, replications: results)
        switch format {
        case .table: try Console.write(SummaryTable.render(summary))
        case .json: try Console.write(String(decoding: try SummaryFiles.json(summary), as: UTF8.self))
        case .csv: try Console.write(SummaryFiles.metricsCSV(summary))
        }
        if let folder, let out {
            try folder.write(NetStaffing(summary: summary).csv(summary), named: "staffing-check.csv")
            try SummaryFiles.write(summary, into: folder)
            try folder.commit()
            let files = trace ? "summary.json, intervals.csv, staffing-check.csv and contacts.csv" : "summary.json, intervals.csv and staffing-check.csv"
            Console.note("wrote \(files) in \(out)")
        }
    }
}
