import ArgumentParser
import Experiments
import Foundation
import Scenarios
import Scheduling
import Staffing
import Stochastics

/// `ccsim schedule`: shifts chosen by an integer program (GLPK) to cover a requirement per
/// interval at least cost, written back as a scenario and checked by simulation.
struct Schedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Choose shifts that cover a staffing requirement at least cost (integer program, GLPK), then simulate them.",
        usage: "ccsim schedule <scenario> [<options>]",
        discussion: """
        The scenario's `scheduling` section gives each team's shift templates (start times, length, \
        breaks, weekly patterns such as five_of_seven), a cap on agents and the price of missing \
        coverage; the requirement gives the agents needed on duty per team and interval \
        (day,start,team,required — `ccsim staff` writes it as staffing.csv). The plan is written \
        back into a copy of the scenario and simulated; if a channel misses its service level, the \
        requirement is raised in the failing intervals (max(+1 agent, +10%)) and solved once more. \
        A scheduled team's published roster gives way to the chosen shifts; the file names that \
        --out's scenario.yaml keeps are rewritten to resolve from that folder.

        Examples:
          ccsim schedule scenarios/tiered-support.yaml \\
              --requirement scenarios/tiered-support-requirement.csv
          ccsim schedule scenarios/tiered-support.yaml --requirement staffing.csv \\
              --out results/schedule --replications 5
          # the requirement found by the staffing search first:
          ccsim schedule scenarios/tiered-support.yaml --out results/schedule
        """
    )

    @OptionGroup var input: ScenarioArgument

    @Option(help: "Agents required on duty per team and interval: CSV with columns day,start,team,required (or scheduled_agents). Without it, the requirement is found first by `ccsim staff`'s search (default settings).")
    var requirement: String?

    @Option(help: "Directory to write schedule.csv, coverage.csv, roster.csv (one row per agent and working day), scenario.yaml and summary.json into (each atomically).")
    var out: String?

    @Option(help: "Replications of the simulation; overrides run.replications.")
    var replications: Int?

    @Option(help: "Replications run at once; the default is the number of cores here.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Time GLPK may search per team before taking its best plan (the gap is reported).", transform: DurationArgument.parse)
    var timeLimit: DurationArgument = try! DurationArgument.parse("30s")

    @Option(help: "Relative MIP gap at which GLPK stops and takes its plan as optimal, e.g. 0.1% or 0%.")
    var mipGap: String = "0.1%"

    @Option(name: .customLong("max-occupancy"), help: "Occupancy ceiling, e.g. 85%: the requirement is raised wherever the expected work would keep a team busier than this (overrides scheduling.max_occupancy).")
    var maxOccupancy: String?

    @Flag(help: "Plan and write the scenario only; do not simulate it.")
    var noSimulate = false

    @OptionGroup var progressOptions: QuietOption

    @OptionGroup var budget: BudgetOption

    func validate() throws {
        if let out { _ = try OutputFolder.validated(out) }
        if let replications, replications < 1 || replications > StreamPlan.maxReplications {
            throw ValidationError("--replications must be between 1 and \(StreamPlan.maxReplications), got \(replications)")
        }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard let gap = try? Quantity.fraction(mipGap), gap >= 0, gap < 1 else {
            throw ValidationError("--mip-gap must be a percentage from 0% to below 100%, got '\(mipGap)'")
        }
        _ = try occupancyCeiling(maxOccupancy)
    }

    /// The ceiling in force: the option, else the scenario's `scheduling.max_occupancy`.
    private func ceiling(_ scenario: Scenario) -> Double? {
        ((try? occupancyCeiling(maxOccupancy)) ?? nil) ?? scenario.scheduling?.maxOccupancy
    }

    /// No requirement given: `ccsim staff`'s search, then its staffing.csv read as the requirement
    /// (written to --out too, so the plan can be traced back to it).
    private func searchedRequirement(_ scenario: Scenario, folder: OutputFolder?) throws -> WeeklyRequirement {
        if !progressOptions.quiet { Console.note("no --requirement: finding one with the staffing search (as `ccsim staff`)…\n") }
        let result: StaffingResult
        do {
            var search = StaffingSearch(scenario: scenario, jobs: jobs)
            search.maxOccupancy = ceiling(scenario)
            result = try search.run()
        } catch let error as StaffingError {
            Console.note("error: \(error)\n")
            throw ExitCode(2)
        }
        let csv = StaffingTable.csv(result)
        try folder?.write(csv, named: "staffing.csv")
        let verdict = result.confirmed ? "meets every target with 95% confidence" : "does not meet every target with 95% confidence: see `ccsim staff`"
        print("Requirement: the staffing search's plan (\(result.evaluations) plans simulated; \(verdict)).\n")
        return try RequirementCSV.parse(csv, file: "staffing.csv", scenario: scenario)
    }

    private var options: ShiftScheduler.Options {
        ShiftScheduler.Options(timeLimit: timeLimit.seconds, gapTolerance: (try? Quantity.fraction(mipGap)) ?? 0.001)
    }

    func run() throws {
        let scenario = try input.load()
        try budget.check(scenario, replications: replications)
        let folder = try outputFolder(out)
        do {
            try schedule(scenario, requirementPath: requirement, folder: folder)
            if let folder, let out {
                try folder.commit()
                let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.url.path))?.sorted().joined(separator: ", ") ?? ""
                Console.note("wrote \(files) in \(out)")
            }
        } catch let error as RequirementError {
            Console.note((error.description.split(separator: "\n").map { "error: \($0)" }.joined(separator: "\n") + "\n"))
            throw ExitCode(2)
        } catch let error as ScheduleError {
            Console.note("error: \(error)\n")
            throw ExitCode(2)
        }
    }

    private func schedule(_ scenario: Scenario, requirementPath: String?, folder: OutputFolder?) throws {
        try ShiftScheduler.requireScheduling(scenario)
        let text = try scenarioText()
        let given = try requirementPath.map { try RequirementCSV.read(path: $0, scenario: scenario) }
        if let requirementPath {
            // `ccsim staff`'s staffing.csv goes with the plan made from it (also when --out is the
            // staffing folder itself, which the new folder replaces): the report shows both.
            if let folder, (requirementPath as NSString).lastPathComponent == "staffing.csv",
               let text = try? String(contentsOfFile: requirementPath, encoding: .utf8) {
                try folder.write(text, named: "staffing.csv")
            }
        }
        // Whatever would stop the plan from being written is refused before the search and the solve.
        try checkWritable(scenario, text: text, requirement: given, folder: folder)
        let weekly: WeeklyRequirement
        if var given {
            if let ceiling = ceiling(scenario) {
                let raised = try raiseToOccupancyFloor(ceiling, &given, scenario)
                print("Occupancy ceiling \(Formatting.percent(ceiling, digits: 0)): requirement raised in \(raised) team-intervals to keep the expected work under it.\n")
            }
            weekly = given
        } else {
            weekly = try searchedRequirement(scenario, folder: folder)
        }
        guard !noSimulate else {
            _ = try plan(scenario, text, weekly, round: nil, folder: folder)
            return
        }
        let outcome = try ScheduleRounds.run(
            requirement: weekly,
            plan: { requirement, round in try plan(scenario, text, requirement, round: round == 1 ? nil : round, folder: folder) },
            simulate: { scheduled, round in
                let summary = try simulate(scheduled)
                print("\nSimulated \(summary.replications) replications of \(round == 1 ? "the scheduled scenario" : "the second plan"):")
                print(ScheduleTable.render(serviceLevels: summary), terminator: "")
                return summary
            },
            raised: { raise in
                let teams = Set(raise.changes.map(\.team)).sorted().map { scenario.center.teams[$0].name }
                print("\nBelow target: \(raise.channels.joined(separator: ", ")). Raised the requirement to max(+1 agent, +10%) in \(raise.changes.count) team-intervals (\(teams.joined(separator: ", "))) where the service level fell short; solving again.\n")
            })
        guard let second = outcome.second else {
            if !outcome.raise.channels.isEmpty {
                print("Below target: \(outcome.raise.channels.joined(separator: ", ")), but no failing interval had a requirement to raise; not re-solved.")
            }
            try writeSummary(outcome.first.summary, folder)
            return
        }
        let first = outcome.first
        print("\nFirst plan: \(first.plan.headcount) agents, weekly cost \(Formatting.money(first.plan.weeklyCost)); second plan: \(second.plan.headcount) agents, weekly cost \(Formatting.money(second.plan.weeklyCost)).")
        for (a, b) in zip(first.summary.channels, second.summary.channels) {
            let before = a.serviceLevel.achieved.mean.map { Formatting.percent($0) } ?? "–"
            let after = b.serviceLevel.achieved.mean.map { Formatting.percent($0) } ?? "–"
            print("  \(a.name): service level \(before) → \(after) (target \(Formatting.percent(a.serviceLevel.limit, digits: 0)))")
        }
        try writeSummary(second.summary, folder)
    }

    /// The input scenario's text, into which the plan is written.
    private func scenarioText() throws -> String {
        guard let text = try? String(contentsOfFile: input.scenario, encoding: .utf8) else {
            throw ScheduleError("\(input.scenario): cannot read the scenario to write the plan into it")
        }
        return text
    }

    /// The input scenario's folder, against which its relative file names resolve.
    private var inputDirectory: String {
        let directory = (input.scenario as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    /// With --out, the written scenario lives there: its relative file names are rewritten for it.
    private func relocation(_ folder: OutputFolder?) -> ScheduledScenario.Relocation? {
        folder.map { ScheduledScenario.Relocation(source: inputDirectory, target: $0.url.path) }
    }

    /// Refuses, before anything is searched or solved, a plan that could not be written: a team
    /// to be scheduled whose `shifts` or `roster` cannot be replaced, a file name that cannot be
    /// rewritten for the --out folder, or one naming a file there that this command replaces.
    /// Says which published rosters give way to the chosen shifts.
    private func checkWritable(_ scenario: Scenario, text: String, requirement: WeeklyRequirement?, folder: OutputFolder?) throws {
        let teams = scenario.center.teams
        // Teams with templates and a requirement (the search's requirement covers every team).
        let planned = teams.indices.filter { t in scenario.scheduling?.team(t) != nil && (requirement.map { $0.agents[t] != nil } ?? true) }
        let path = input.scenario
        let names = planned.map { teams[$0].name }
        try ScheduledScenario.check(text, file: path, teams: names, relocation: relocation(folder))
        if let folder {
            for ref in try ScheduledScenario.keptReferences(text, file: path, scheduling: names) {
                let file = ref.isRelative ? (inputDirectory as NSString).appendingPathComponent(ref.name) : ref.name
                let resolved = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath()
                let outFolder = URL(fileURLWithPath: folder.url.path).standardizedFileURL.resolvingSymlinksInPath()
                if resolved.deletingLastPathComponent().path == outFolder.path, folder.replaces.contains(resolved.lastPathComponent) {
                    throw ScheduleError("\(path):\(ref.line):\(ref.column): \(ref.path): \(ref.name) is in the --out folder \(out ?? ""), where `ccsim schedule` writes its own \(resolved.lastPathComponent); write the plan into another folder")
                }
            }
        }
        let rostered = planned.filter { teams[$0].roster != nil }
        if !rostered.isEmpty {
            let list = rostered.map { "\(teams[$0].name) (\(teams[$0].roster!.file))" }.joined(separator: ", ")
            Console.note("note: the scheduled scenario replaces the published roster\(rostered.count == 1 ? "" : "s") of \(list) with the chosen shifts: "
                         + "the team's skills, shrinkage and absenteeism stay, the agents' own skill profiles and activities do not\n")
        }
    }

    /// Solves, prints, writes the scenario (and files with --out) and loads it back: from where
    /// --out writes it when there is one, so a file name that does not resolve from there is caught.
    private func plan(_ scenario: Scenario, _ text: String, _ weekly: WeeklyRequirement, round: Int?, folder: OutputFolder?) throws -> (plan: SchedulePlan, scenario: Scenario) {
        let plan = try ShiftScheduler.schedule(scenario, requirement: weekly, options: options)
        if let round { print("Plan \(round):") }
        print(ScheduleTable.render(plan), terminator: "")

        let path = input.scenario
        let names = scenario.center.teams.map(\.name)
        let note = "Shifts of \(plan.teams.map(\.name).joined(separator: ", ")) chosen by `ccsim schedule` for \(requirement ?? "the requirement") (weekly cost \(Formatting.money(plan.weeklyCost)))."
        let yaml = try ScheduledScenario.yaml(text, file: path, replacingShiftsWith: plan, teamNames: names, note: note,
                                              relocation: relocation(folder))
        let written = out.map { "\($0)/scenario.yaml" } ?? "<scheduled \(path)>"
        // With --out, from the staging folder the file is written into: a sibling of DIR, so its
        // relative names resolve alike, and it exists already (`..` out of a folder that does not
        // exist yet resolves to nothing). Messages name DIR.
        let base = folder?.staging.path ?? inputDirectory
        let scheduled: Scenario
        do {
            scheduled = try ScenarioLoader.parse(yaml: yaml, file: written, baseDirectory: base)
        } catch {
            let issues = error.issues.map { "  \($0)".replacingOccurrences(of: base, with: out ?? base) }
            throw ScheduleError("the scheduled scenario does not validate:\n" + issues.joined(separator: "\n"))
        }
        for team in plan.teams where scheduled.center.teams[team.team].shifts != team.shifts || scheduled.center.teams[team.team].roster != nil {
            throw ScheduleError("the scheduled scenario's shifts of \(team.name) differ from the plan (internal error)")
        }
        if let folder {
            try folder.write(ScheduleFiles.scheduleCSV(plan), named: "schedule.csv")
            try folder.write(ScheduleFiles.coverageCSV(plan), named: "coverage.csv")
            try folder.write(yaml, named: "scenario.yaml")
            let runDays = Int(((scenario.run.warmup + scenario.run.horizon) / 86_400).rounded(.up))
            try folder.write(PublishedRoster.csv(plan, startDate: scenario.center.startDate, startWeekday: scenario.center.startWeekday,
                                                 days: max(1, runDays)), named: "roster.csv")
        }
        return (plan, scheduled)
    }

    /// Raises a given requirement to the agents that keep each team's expected occupancy under
    /// the ceiling (`AnalyticStaffing.occupancyFloor`); returns how many team-intervals rose.
    private func raiseToOccupancyFloor(_ ceiling: Double, _ weekly: inout WeeklyRequirement, _ scenario: Scenario) throws -> Int {
        var search = StaffingSearch(scenario: scenario)
        search.maxOccupancy = ceiling
        let floor: [[Int]]
        do { floor = try search.analytic().analytic.occupancyFloor } catch let error as StaffingError { throw ScheduleError(error.description) }
        return weekly.raise(toFloor: floor)
    }

    private func simulate(_ scenario: Scenario) throws -> CenterSummary {
        let count = replications ?? scenario.run.replications
        let progress = ProgressLine(total: count * 100, unit: "replications", style: progressOptions.progressStyle, stepsPerUnit: 100)
        defer { progress.finish() }
        let results = try ReplicationRunner.run(scenario, replications: count, jobs: jobs, progress: progress)
        return CenterSummary(scenario: scenario, replications: results)
    }

    private func writeSummary(_ summary: CenterSummary, _ folder: OutputFolder?) throws {
        try folder?.write(try SummaryFiles.json(summary), named: "summary.json")
    }
}
