import ContactCenter
import Experiments
import Foundation
import ResultsSchema
import Scenarios
import Scheduling
import Staffing

/// `ccsim staff` and `ccsim schedule` started from the page, writing what their `--out` writes
/// (staffing.csv and the final plan's summary.json; schedule.csv, coverage.csv, roster.csv,
/// scenario.yaml, staffing.csv and summary.json), so the page shows them with the Report module's
/// staffing and schedule pages, as `ccsim report` does.
///
/// The staffing search reports each plan it simulates (the page shows its line and counts plans
/// against `maxIterations`); a cancel stops it inside a plan's replications (at the next
/// hundredth of a replication: `StaffingSearch.replicate`), the run ending cancelled, its folder
/// removed. A schedule's simulations are cancellable between
/// hundredths of a replication; GLPK's solve is bounded by its time limit, the cancel taking effect
/// after it.
enum StaffingJob {
    struct Request: Codable {
        var path: String
        var yaml: String?
        /// Replications per simulated plan (staff) or of the scheduled scenario's run (schedule).
        var replications: Int?
        var seed: UInt64?
        /// Staff: most plans the search simulates.
        var maxIterations: Int?
        /// Schedule: a finished staffing job whose staffing.csv is the requirement; without it,
        /// the staffing search finds one first (as `ccsim schedule` without `--requirement`).
        var requirementRun: String?
        var name: String?
    }

    static let maxIterationsLimit = 200

    static func staffControl(maxIterations: Int) -> Replications.Control {
        Replications.Control(total: maxIterations, unit: "plans (at most)", stepsPerUnit: 1)
    }

    /// `ccsim staff FILE --replications N --max-iterations M --out DIR`.
    static func staff(_ scenario: Scenario, replications: Int, maxIterations: Int, jobs: Int) -> RunManager.Work {
        { folder, control in
            let result = try search(scenario, replications: replications, maxIterations: maxIterations, jobs: jobs, control: control)
            try AtomicFile.write(Data(StaffingTable.csv(result).utf8), to: folder.appendingPathComponent("staffing.csv").path)
            let summary = CenterSummary(scenario: result.plan.applied(to: scenario), replications: result.results)
            try SummaryFiles.write(summary, to: folder.path)
            let note = StaffingPlan.rosterNote(for: scenario).map { " — " + $0 } ?? ""
            return RunManager.Outcome(headline: RunManager.headline(summary), values: [], message: verdict(result) + note)
        }
    }

    /// The search, `step` progress steps a plan (its lines shown as the job's message); at the end
    /// the progress is moved to its planned end (most plans), as the search usually stops early.
    static func search(_ scenario: Scenario, replications: Int, maxIterations: Int, jobs: Int,
                       control: Replications.Control, step: Int = 1) throws -> StaffingResult {
        var search = StaffingSearch(scenario: scenario, replications: replications, jobs: jobs, maxIterations: maxIterations)
        // The same simulation, stopped by a cancel before each replication and at each hundredth of one.
        search.replicate = { scenario, r in
            if control.isCancelled { throw Replications.Cancelled() }
            return try ContactCenterSimulator.run(scenario, replication: r, progress: { _ in
                if control.isCancelled { throw Replications.Cancelled() }
            })
        }
        let end = control.stepsDone + maxIterations * step
        control.message = "Erlang plan, then the simulation search"
        let result = try search.run { line in
            control.message = line
            if control.stepsDone + step < end { control.advance(step) }
        }
        control.advance(end - control.stepsDone)
        return result
    }

    static func verdict(_ result: StaffingResult) -> String {
        let plans = "\(result.evaluations) plans simulated"
        if result.confirmed { return "the plan meets every target with 95% confidence (\(plans))" }
        return result.feasible ? "the plan meets every target on the search's seed but is not confirmed on fresh seeds (\(plans))"
            : "no plan met every target within the search's limits (\(plans))"
    }

    /// Steps of a schedule: the search when there is one, two solves (100 steps each) and at most
    /// two simulations (a second when the first plan misses a target, as `ccsim schedule`).
    static func scheduleControl(replications: Int, searching: Bool, maxIterations: Int) -> Replications.Control {
        Replications.Control(total: 2 * replications * 100 + (searching ? maxIterations * 100 : 0) + 200, unit: "steps", stepsPerUnit: 1)
    }

    /// What would stop the plan from being written into the scenario's text (a team to be
    /// scheduled whose `shifts` or `roster` cannot be replaced), refused before the job starts,
    /// as `ccsim schedule` refuses it before solving.
    static func checkWritable(_ scenario: Scenario, yaml: String, file: String, requirementCSV: String?) throws {
        let teams = scenario.center.teams
        // A requirement that does not parse fails the job with its own message, as before.
        let requirement = requirementCSV.flatMap { try? RequirementCSV.parse($0, file: "staffing.csv", scenario: scenario) }
        let planned = teams.indices.filter { t in scenario.scheduling?.team(t) != nil && (requirement.map { $0.agents[t] != nil } ?? true) }
        do {
            try ScheduledScenario.check(yaml, file: file, teams: planned.map { teams[$0].name })
        } catch {
            throw WorkbenchError.badRequest("\(error)")
        }
    }

    /// `ccsim schedule FILE [--requirement staffing.csv] --replications N --out DIR`, through the
    /// command's own rounds (`ScheduleRounds`): solve, simulate, and when a channel misses its
    /// service level, raise the requirement where it fell short and solve and simulate once more.
    /// The scenario's `scheduling.max_occupancy` raises the requirement first, as the command does.
    static func schedule(_ scenario: Scenario, yaml: String, file: String, requirementCSV: String?, replications: Int,
                         maxIterations: Int, baseDirectory: String, jobs: Int) -> RunManager.Work {
        { folder, control in
            func write(_ text: String, _ name: String) throws {
                try AtomicFile.write(Data(text.utf8), to: folder.appendingPathComponent(name).path)
            }
            let ceiling = scenario.scheduling?.maxOccupancy
            let requirementText: String
            if let requirementCSV {
                requirementText = requirementCSV
            } else {
                let result = try search(scenario, replications: replications, maxIterations: maxIterations, jobs: jobs, control: control,
                                        step: 100)
                requirementText = StaffingTable.csv(result)
            }
            if control.isCancelled { throw Replications.Cancelled() }
            try write(requirementText, "staffing.csv")
            var weekly = try RequirementCSV.parse(requirementText, file: "staffing.csv", scenario: scenario)
            if let ceiling, requirementCSV != nil {
                var floorSearch = StaffingSearch(scenario: scenario)
                floorSearch.maxOccupancy = ceiling
                _ = weekly.raise(toFloor: try floorSearch.analytic().analytic.occupancyFloor)
            }
            let end = control.total
            let outcome = try ScheduleRounds.run(
                requirement: weekly,
                plan: { requirement, round in
                    control.message = round == 1 ? "choosing shifts (integer program, GLPK)"
                        : "below target: requirement raised where the service level fell short; choosing shifts again"
                    let plan = try ShiftScheduler.schedule(scenario, requirement: requirement)
                    if control.isCancelled { throw Replications.Cancelled() }
                    control.advance(100)
                    let note = "Shifts of \(plan.teams.map(\.name).joined(separator: ", ")) chosen by the workbench's schedule (as `ccsim schedule`)."
                    let text = try ScheduledScenario.yaml(yaml, file: file, replacingShiftsWith: plan,
                                                          teamNames: scenario.center.teams.map(\.name), note: note)
                    var scheduled = try ScenarioLoader.parse(yaml: text, file: "\(file) (scheduled)", baseDirectory: baseDirectory)
                    scheduled.run.replications = replications
                    scheduled.run.seed = scenario.run.seed
                    try write(ScheduleFiles.scheduleCSV(plan), "schedule.csv")
                    try write(ScheduleFiles.coverageCSV(plan), "coverage.csv")
                    try write(text, "scenario.yaml")
                    let runDays = Int(((scenario.run.warmup + scenario.run.horizon) / 86_400).rounded(.up))
                    try write(PublishedRoster.csv(plan, startDate: scenario.center.startDate, startWeekday: scenario.center.startWeekday,
                                                  days: max(1, runDays)), "roster.csv")
                    return (plan, scheduled)
                },
                simulate: { scheduled, round in
                    control.message = round == 1 ? "simulating the scheduled scenario" : "simulating the second plan"
                    return CenterSummary(scenario: scheduled, replications: try Replications.runBlocking(scheduled, jobs: jobs, control: control))
                })
            control.advance(max(0, end - control.stepsDone))
            let summary = outcome.final.summary
            try SummaryFiles.write(summary, to: folder.path)
            let plan = outcome.final.plan
            let missed = summary.channels.filter { channel in
                (channel.metrics[.serviceLevel]?.mean).map { $0 < channel.serviceLevelTarget.target } ?? false
            }.map(\.name)
            let money = ValueText.money(plan.weeklyCost)
            let rounds = outcome.second == nil ? "" : "second plan (the first, \(outcome.first.plan.headcount) agents, missed a target); "
            return RunManager.Outcome(headline: RunManager.headline(summary), values: [],
                                      message: rounds + "\(plan.headcount) agents, weekly cost \(money)"
                                          + (missed.isEmpty ? "; every channel meets its service level" : "; below target: \(missed.joined(separator: ", "))"))
        }
    }
}
