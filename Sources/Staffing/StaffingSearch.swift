import ContactCenter
import Experiments
import Foundation
import Scenarios

/// The smallest-cost staffing plan that meets every channel's targets in simulation.
///
/// Starts from the Erlang plan (`AnalyticStaffing`) and runs the full model, untouched, on the
/// plan's stacked shifts (`StaffingPlan.applied(to:)`) with the same seed every time (common
/// random numbers: two neighbouring plans see the same customers, so their difference is the
/// staffing's, not the dice's). Each iteration simulates the whole horizon, `replications`
/// times, and then, interval by interval:
/// - a failing check group (see `CheckGroup`) gets agents for the team charged with the tier
///   that contributed most to the failing target in it, at its worst slot, a step proportional to
///   the shortfall (doubled, tripled... when it failed in the previous evaluations too);
///   if that team was just trimmed there (or in the slot before: queues carry over), the trim is
///   undone instead (halved when it was larger than one agent; a failed one-agent trim locks
///   the slot, so the search cannot cycle);
/// - a team whose groups pass in a slot and the next one by at least `trimSlack` under the rule
///   loses agents there, in proportion to the margin.
/// The plan is re-checked as a whole every iteration (later intervals feel earlier changes), the
/// cheapest plan that passed everywhere is kept, and the search stops when nothing is left to
/// trim, or after `maxIterations` (the last few repair only, so a passing plan is found if one
/// is within reach). Cost: evaluations × replications × horizon simulated days.
public struct StaffingSearch: Sendable {
    public var scenario: Scenario
    public var rule: ConfidenceRule
    public var replications: Int
    public var jobs: Int
    public var maxIterations: Int
    /// Pooling threshold of `CheckGroup`: expected first contacts per replication in a check.
    public var minContacts: Double
    /// Whether to run the chosen plan once more on an independent seed (one more evaluation).
    public var recheck: Bool

    public init(scenario: Scenario, rule: ConfidenceRule = .lowerBound, replications: Int = 20,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, maxIterations: Int = 60, minContacts: Double = 20, recheck: Bool = true) {
        self.scenario = scenario
        self.rule = rule
        self.replications = replications
        self.jobs = jobs
        self.maxIterations = maxIterations
        self.minContacts = minContacts
        self.recheck = recheck
    }

    /// The planning grid and check groups of the scenario, and the Erlang starting plan.
    public func analytic() throws -> (calendar: RunCalendar, analytic: AnalyticStaffing, groups: [CheckGroup]) {
        let run = scenario.run
        guard (86_400 / run.interval).rounded() * run.interval == 86_400 else {
            throw StaffingError("run.interval must divide 24 h to plan staffing by interval, got \(run.interval) s")
        }
        guard (run.warmup / run.interval).rounded() * run.interval == run.warmup else {
            throw StaffingError("run.warmup must be a whole number of intervals to plan staffing, got \(run.warmup) s")
        }
        let grid = WeekGrid(intervalLength: run.interval)
        let calendar = RunCalendar(grid: grid, run: run, startWeekday: scenario.center.startWeekday)
        let analytic = AnalyticStaffing(center: scenario.center, calendar: calendar)
        let groups = scenario.center.channels.indices.flatMap { c in
            CheckGroup.build(channel: c, answerWithin: scenario.center.channels[c].serviceLevel.answerWithin,
                             flows: analytic.flows, calendar: calendar, minContacts: minContacts)
        }
        return (calendar, analytic, groups)
    }

    /// Simulates a plan: `replications` runs of the scenario with the plan's shifts, same seed.
    public func evaluate(_ plan: StaffingPlan, calendar: RunCalendar, groups: [CheckGroup]) throws -> (ServiceEvaluation, [CenterResult]) {
        let candidate = plan.applied(to: scenario)
        let results = try ReplicationRunner.run(candidate, replications: replications, jobs: jobs)
        return (ServiceEvaluation(center: scenario.center, calendar: calendar, groups: groups, rule: rule, results: results), results)
    }

    public func run(progress: ((String) -> Void)? = nil) throws -> StaffingResult {
        let (calendar, analytic, groups) = try analytic()
        let center = scenario.center
        let grid = calendar.grid
        let teams = center.teams.count, tiers = center.tiers.count
        let erlangPlan = StaffingPlan(grid: grid, agents: analytic.scheduled)
        var plan = erlangPlan
        var locked = Array(repeating: Array(repeating: false, count: grid.slotCount), count: teams)
        var lastTrim = Array(repeating: Array(repeating: 0, count: grid.slotCount), count: teams)
        // group index of (channel, slot)
        var groupOf = Array(repeating: Array(repeating: -1, count: grid.slotCount), count: center.channels.count)
        for (g, group) in groups.enumerated() { for s in group.slots { groupOf[group.channel][s] = g } }
        let channelsOfTeam = center.teams.map { Set($0.skills.map(\.channel)) }

        var erlangEvaluation: ServiceEvaluation?
        var best: (plan: StaffingPlan, evaluation: ServiceEvaluation, results: [CenterResult])?
        var last: (plan: StaffingPlan, evaluation: ServiceEvaluation, results: [CenterResult])?
        var evaluations = 0
        // Consecutive failed evaluations of each check: a check that keeps failing gets bigger steps.
        var failStreak = Array(repeating: 0, count: groups.count)
        let repairOnlyFrom = max(1, maxIterations - max(8, maxIterations / 3))

        for iteration in 0..<maxIterations {
            let (evaluation, results) = try evaluate(plan, calendar: calendar, groups: groups)
            evaluations += 1
            if erlangEvaluation == nil { erlangEvaluation = evaluation }
            last = (plan, evaluation, results)
            let failing = evaluation.groups.indices.filter { !evaluation.groups[$0].passes }
            for g in groups.indices { failStreak[g] = evaluation.groups[g].passes ? 0 : failStreak[g] + 1 }
            if failing.isEmpty, best == nil || plan.weeklyCost(center) <= best!.plan.weeklyCost(center) {
                best = (plan, evaluation, results)
            }

            // Repairs: one change per (team, slot), the largest asked for.
            var change = Array(repeating: [Int: Int](), count: teams)
            var touched = Array(repeating: Set<Int>(), count: teams)
            for g in failing {
                let result = evaluation.groups[g]
                let c = result.group.channel
                var byTier = Array(repeating: 0.0, count: tiers)
                for (_, blame) in result.blame { for k in 0..<tiers { byTier[k] += blame[k] } }
                let k = byTier.indices.max { byTier[$0] < byTier[$1] } ?? 0
                guard let t = analytic.queueTeam[c * tiers + k] else { continue }
                let slot = result.group.slots.max { (result.blame[$0]?[k] ?? 0) < (result.blame[$1]?[k] ?? 0) } ?? result.group.slots[0]
                let suspects = [(result.group.slots.first! + grid.slotCount - 1) % grid.slotCount] + result.group.slots
                let trimmed = suspects.filter { lastTrim[t][$0] > 0 }
                if !trimmed.isEmpty {
                    for s in trimmed {
                        let amount = lastTrim[t][s]
                        change[t][s] = max(change[t][s] ?? 0, amount == 1 ? 1 : (amount + 1) / 2)
                        if amount == 1 { locked[t][s] = true }
                        touched[t].insert(s)
                    }
                } else {
                    let n = plan.agents[t][slot]
                    let step = max(1, Int((Double(n) * min(0.3, -result.margin * 0.5)).rounded(.up))) * min(failStreak[g], 4)
                    change[t][slot] = max(change[t][slot] ?? 0, step)
                    touched[t].insert(slot)
                }
            }
            var added = 0, removed = 0
            for t in 0..<teams { for (s, n) in change[t] { plan.agents[t][s] += n; added += n } }
            lastTrim = Array(repeating: Array(repeating: 0, count: grid.slotCount), count: teams)

            // Trims, while there is time to repair what they break.
            if iteration + 1 < repairOnlyFrom {
                for t in 0..<teams {
                    for s in 0..<grid.slotCount where plan.agents[t][s] > 0 && !locked[t][s] && !touched[t].contains(s) {
                        let next = (s + 1) % grid.slotCount
                        var margin = Double.infinity
                        var ok = true, checked = false
                        for c in channelsOfTeam[t] {
                            for slot in [s, next] where groupOf[c][slot] >= 0 {
                                let r = evaluation.groups[groupOf[c][slot]]
                                if !r.passes { ok = false }
                                if !r.group.intervals.isEmpty { checked = true }
                                margin = min(margin, r.margin)
                            }
                        }
                        // Slots no check measures (warm-up, censored backlog) keep the Erlang level.
                        guard ok, checked, margin >= Self.trimSlack else { continue }
                        let n = plan.agents[t][s]
                        let amount = min(n, max(1, Int((Double(n) * min(0.3, margin * 0.5)).rounded(.down))))
                        plan.agents[t][s] -= amount
                        lastTrim[t][s] = amount
                        removed += amount
                    }
                }
            }
            progress?("iteration \(iteration + 1): \(failing.count) of \(groups.count) checks short; +\(added) −\(removed) agent-intervals; plan \(Self.money(plan.weeklyCost(center)))/week")
            if added == 0 && removed == 0 { break }
        }
        let chosen = best ?? last!
        // Re-check on fresh random numbers: the search tuned the plan to one sample of customers.
        var fresh = self
        fresh.scenario.run.seed = (scenario.run.seed + 1) % (RunSettings.maxSeed + 1)
        let recheck = recheck ? try fresh.evaluate(chosen.plan, calendar: calendar, groups: groups).0 : nil
        if recheck != nil { evaluations += 1 }
        return StaffingResult(
            scenario: scenario, rule: rule, replications: replications, calendar: calendar, analytic: analytic, groups: groups,
            erlangPlan: erlangPlan, erlangEvaluation: erlangEvaluation!, plan: chosen.plan, evaluation: chosen.evaluation,
            results: chosen.results, feasible: best != nil, recheck: recheck, evaluations: evaluations,
            simulatedDays: Double(evaluations * replications) * (scenario.run.warmup + scenario.run.horizon) / 86_400)
    }

    /// Service-level points a check must clear its target by before its team loses agents there:
    /// a plan sitting exactly on every bound would fail some checks on the next run's noise.
    public static let trimSlack = 0.01

    static func money(_ x: Double) -> String { String(format: "%.0f", x) }
}

/// The search's answer, with everything the table and files report.
public struct StaffingResult: Sendable {
    public var scenario: Scenario
    public var rule: ConfidenceRule
    public var replications: Int
    public var calendar: RunCalendar
    public var analytic: AnalyticStaffing
    public var groups: [CheckGroup]
    /// The Erlang plan (whole scheduled agents) and what it achieved in simulation.
    public var erlangPlan: StaffingPlan
    public var erlangEvaluation: ServiceEvaluation
    /// The cheapest plan that met every check (or the last one tried when none did: see `feasible`).
    public var plan: StaffingPlan
    public var evaluation: ServiceEvaluation
    /// The replications of `plan`'s run (for summary.json).
    public var results: [CenterResult]
    public var feasible: Bool
    /// The chosen plan run again with the next seed (independent random numbers), when asked for:
    /// how many checks it would fail on another sample of customers.
    public var recheck: ServiceEvaluation?
    /// Plans simulated, and the days simulated in all (evaluations × replications × run length).
    public var evaluations: Int
    public var simulatedDays: Double
}

public struct StaffingError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
