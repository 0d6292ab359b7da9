import ArgumentParser
import Experiments
import Foundation
import Scenarios
import Staffing
import Stochastics

struct Staff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Required agents per interval and team: Erlang first, then a simulation search for the cheapest plan meeting every SLA.",
        discussion: """
        The Erlang plan (Erlang C/A per queue, chat on slots, email as workload, summed per team and \
        grossed up for shrinkage and absenteeism) is the starting point; the full model then runs it, and \
        the search adds agents where an interval misses its target and removes them where it has slack, \
        with the same seed for every plan (common random numbers). --max-iterations 1 only simulates the \
        Erlang plan. staffing.csv's scheduled_agents column is what `ccsim schedule` reads. A team \
        staffed by a published roster is planned from scratch with its own skills: the plan \
        replaces the roster (a note says so); `ccsim run` checks the roster itself.

        Examples:
          ccsim staff scenarios/tiered-support.yaml
          ccsim staff scenarios/tiered-support.yaml --rule mean --replications 10
          ccsim staff scenarios/igaming.yaml --out results/igaming-staff
        """
    )

    enum Rule: String, ExpressibleByArgument, CaseIterable {
        case lowerBound = "lower-bound", mean
    }

    @OptionGroup var input: ScenarioArgument

    @Option(help: "When an interval meets its target: lower-bound (the lower end of the 95% CI of its service level) or mean.")
    var rule: Rule = .lowerBound

    @Option(help: "Replications per simulated plan (all with the same seed).")
    var replications: Int = 20

    @Option(help: "Random seed (0…\(StreamPlan.maxSeed)); overrides run.seed.")
    var seed: UInt64?

    @Option(name: .customLong("max-iterations"), help: "Most plans simulated by the search.")
    var maxIterations: Int = 60

    @Option(name: .customLong("min-contacts"), help: "Consecutive intervals are pooled for a check until they expect this many contacts per replication.")
    var minContacts: Double = 20

    @Option(name: .customLong("max-occupancy"), help: "Occupancy ceiling, e.g. 85%: no team planned busier than this in any interval (overrides scheduling.max_occupancy).")
    var maxOccupancy: String?

    @Option(help: "Peak intervals and disagreements printed.")
    var peaks: Int = 8

    @Option(name: .customLong("fte-hours"), help: "Paid hours per week of one full-time equivalent.")
    var fteHours: Double = 40

    @Option(help: "Directory to write staffing.csv and summary.json (the final plan's run) into.")
    var out: String?

    @Option(help: "Replications run at once; the default is the number of cores here.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var progressOptions: QuietOption
    var quiet: Bool { progressOptions.quiet }

    @OptionGroup var budget: BudgetOption

    func validate() throws {
        if let out { _ = try OutputFolder.validated(out) }
        if let seed, seed > StreamPlan.maxSeed { throw ValidationError("--seed must be between 0 and \(StreamPlan.maxSeed), got \(seed)") }
        if replications < 2 || replications > 100_000 { throw ValidationError("--replications must be between 2 and 100000, got \(replications)") }
        if maxIterations < 1 { throw ValidationError("--max-iterations must be at least 1, got \(maxIterations)") }
        if !(minContacts > 0 && minContacts.isFinite) { throw ValidationError("--min-contacts must be a number greater than 0, got \(minContacts)") }
        if peaks < 0 { throw ValidationError("--peaks must be 0 or more, got \(peaks)") }
        if !(fteHours > 0 && fteHours <= 168) { throw ValidationError("--fte-hours must be more than 0 and at most 168 (the hours of a week), got \(fteHours)") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        _ = try occupancyCeiling(maxOccupancy)
    }

    func run() throws {
        var scenario = try input.load()
        if let seed { scenario.run.seed = seed }
        try budget.check(scenario, replications: replications, what: "each plan the search simulates")
        let folder = try outputFolder(out)
        var search = StaffingSearch(scenario: scenario, rule: rule == .mean ? .mean : .lowerBound, replications: replications,
                                    jobs: jobs, maxIterations: maxIterations, minContacts: minContacts)
        if let ceiling = try occupancyCeiling(maxOccupancy) { search.maxOccupancy = ceiling }
        let started = Date()
        let result: StaffingResult
        do {
            result = try search.run { line in
                if !quiet { Console.note("staff: \(line)\n") }
            }
        } catch let error as StaffingError {
            Console.note("error: \(error)\n")
            throw ExitCode(2)
        }
        let seconds = Date().timeIntervalSince(started)
        try Console.write(StaffingTable.render(result, peaks: peaks, fteHours: fteHours, seconds: seconds))
        if let folder, let out {
            try folder.write(StaffingTable.csv(result), named: "staffing.csv")
            let summary = CenterSummary(scenario: result.plan.applied(to: scenario), replications: result.results)
            try SummaryFiles.write(summary, into: folder)
            try folder.commit()
            Console.note("wrote staffing.csv, summary.json and intervals.csv in \(out)")
        }
        // Exit 3: the plan does not meet every target (on the confirmation seed, when confirmed).
        if result.confirmation.map({ !$0.unconfirmed.isEmpty }) ?? !result.feasible { throw ExitCode(3) }
    }
}

/// `--max-occupancy 85%` of `staff` and `schedule`, checked against the scenario field's limits.
func occupancyCeiling(_ text: String?) throws -> Double? {
    guard let text else { return nil }
    guard let value = try? Quantity.fraction(text), DomainLimits.occupancyCeiling.contains(value) else {
        throw ValidationError("--max-occupancy must be a percentage from 50% to 100%, such as 85%, got '\(text)'")
    }
    return value
}
