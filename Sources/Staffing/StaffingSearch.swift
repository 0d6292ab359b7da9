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
    /// Whether to confirm the chosen plan on independent seeds and re-check it on one more.
    public var recheck: Bool
    /// Most confirmation rounds (each one evaluation on a fresh seed).
    public var confirmationRounds: Int
    /// Occupancy ceiling (see `AnalyticStaffing`): the search never trims a team below the
    /// agents that keep its expected occupancy under it. Nil: the scenario's
    /// `scheduling.max_occupancy`, if any.
    public var maxOccupancy: Double?
    /// Runs one replication of a plan (default: `ContactCenterSimulator.run`). The workbench's
    /// replacement runs the same simulation but throws when its job is cancelled, so a cancel
    /// stops the search inside a plan's replications rather than after the plan.
    public var replicate: (@Sendable (Scenario, Int) throws -> CenterResult)?

    public init(scenario: Scenario, rule: ConfidenceRule = .lowerBound, replications: Int = 20,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, maxIterations: Int = 60, minContacts: Double = 20, recheck: Bool = true,
                confirmationRounds: Int = 4) {
        self.scenario = scenario
        self.rule = rule
        self.replications = replications
        self.jobs = jobs
        self.maxIterations = maxIterations
        self.minContacts = minContacts
        self.recheck = recheck
        self.confirmationRounds = confirmationRounds
        maxOccupancy = scenario.scheduling?.maxOccupancy
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
        let analytic = AnalyticStaffing(center: scenario.center, calendar: calendar, maxOccupancy: maxOccupancy)
        let groups = scenario.center.channels.indices.flatMap { c in
            CheckGroup.build(channel: c, answerWithin: scenario.center.channels[c].serviceLevel.answerWithin,
                             flows: analytic.flows, calendar: calendar, minContacts: minContacts,
                             backlog: !scenario.center.channels[c].kind.isLive)
        }
        return (calendar, analytic, groups)
    }

    /// Simulates a plan: `replications` runs of the scenario with the plan's shifts, same seed.
    public func evaluate(_ plan: StaffingPlan, calendar: RunCalendar, groups: [CheckGroup]) throws -> (ServiceEvaluation, [CenterResult]) {
        let candidate = plan.applied(to: scenario)
        let results = try replicate.map { try ReplicationRunner.run(candidate, replications: replications, jobs: jobs, $0) }
            ?? ReplicationRunner.run(candidate, replications: replications, jobs: jobs)
        return (ServiceEvaluation(center: scenario.center, calendar: calendar, groups: groups, rule: rule, results: results), results)
    }

    public func run(progress: ((String) -> Void)? = nil) throws -> StaffingResult {
        let (calendar, analytic, groups) = try analytic()
        let center = scenario.center
        let grid = calendar.grid
        let teams = center.teams.count
        let erlangPlan = StaffingPlan(grid: grid, agents: analytic.scheduled)
        var plan = erlangPlan
        var locked = Array(repeating: Array(repeating: false, count: grid.slotCount), count: teams)
        var lastTrim = Array(repeating: Array(repeating: 0, count: grid.slotCount), count: teams)
        // group index of (channel, slot)
        var groupOf = Array(repeating: Array(repeating: -1, count: grid.slotCount), count: center.channels.count)
        for (g, group) in groups.enumerated() { for s in group.slots { groupOf[group.channel][s] = g } }
        let channelsOfTeam = center.teams.map { Set($0.skills.map(\.channel)) }
        let floor = analytic.occupancyFloor

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
                guard let t = Self.blamed(result, center: center, analytic: analytic)?.team else { continue }
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
                    for (s, n) in raise(result, streak: failStreak[g], plan: plan, erlangPlan: erlangPlan, analytic: analytic) {
                        change[t][s] = max(change[t][s] ?? 0, n)
                        touched[t].insert(s)
                    }
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
                        guard n > floor[t][s] else { continue }
                        let amount = min(n - floor[t][s], max(1, Int((Double(n) * min(0.3, margin * 0.5)).rounded(.down))))
                        plan.agents[t][s] -= amount
                        lastTrim[t][s] = amount
                        removed += amount
                    }
                }
            }
            progress?("iteration \(iteration + 1) of at most \(maxIterations): \(failing.count) of \(groups.count) checks short; +\(added) −\(removed) agent-intervals; plan \(Self.size(plan, center))")
            if added == 0 && removed == 0 { break }
        }
        let chosen = best ?? last!
        guard recheck else {
            return StaffingResult(
                scenario: scenario, rule: rule, replications: replications, calendar: calendar, analytic: analytic, groups: groups,
                erlangPlan: erlangPlan, erlangEvaluation: erlangEvaluation!, searchPlan: chosen.plan, plan: chosen.plan,
                evaluation: chosen.evaluation, results: chosen.results, feasible: best != nil, confirmation: nil, recheck: nil,
                evaluations: evaluations,
                simulatedDays: Double(evaluations * replications) * (scenario.run.warmup + scenario.run.horizon) / 86_400)
        }

        // Confirmation. The search chose the plan on one sample of customers, so a check that
        // passed there is biased towards passing: its lower bound is not a 95% statement any
        // more. Each round runs the plan on a seed nothing was chosen with. A check that passes
        // the rule there is confirmed, and stays confirmed: later rounds only add agents, which
        // does not lower its service level. Checks not yet confirmed are raised where they fall
        // and run again on the next seed. When every check is confirmed, each met its target on
        // replications independent of the choices made for it (the rule's lower bound is a
        // two-sided 95% interval's, so one-sided 97.5%).
        var confirmedPlan = chosen.plan
        var confirmation: Confirmation?
        var streak = Array(repeating: 0, count: groups.count)
        var confirmedCheck = Array(repeating: false, count: groups.count)
        var seed = scenario.run.seed
        for round in 1...max(1, confirmationRounds) {
            seed = (seed + 1) % (RunSettings.maxSeed + 1)
            var fresh = self
            fresh.scenario.run.seed = seed
            let (evaluation, results) = try fresh.evaluate(confirmedPlan, calendar: calendar, groups: groups)
            evaluations += 1
            for g in groups.indices where evaluation.groups[g].passes { confirmedCheck[g] = true }
            let open = groups.indices.filter { !confirmedCheck[$0] }
            confirmation = Confirmation(plan: confirmedPlan, seed: seed, round: round, evaluation: evaluation, results: results,
                                        unconfirmed: open)
            progress?("confirmation round \(round) (seed \(seed)): \(evaluation.groups.filter { !$0.passes }.count) of \(groups.count) checks short, \(open.count) not yet confirmed")
            if open.isEmpty || round >= confirmationRounds { break }
            var change = Array(repeating: [Int: Int](), count: center.teams.count)
            for g in groups.indices { streak[g] = confirmedCheck[g] ? 0 : streak[g] + 1 }
            for g in open {
                guard let t = Self.blamed(evaluation.groups[g], center: center, analytic: analytic)?.team else { continue }
                for (s, n) in raise(evaluation.groups[g], streak: streak[g], plan: confirmedPlan, erlangPlan: erlangPlan, analytic: analytic) {
                    change[t][s] = max(change[t][s] ?? 0, n)
                }
            }
            for t in change.indices { for (s, n) in change[t] { confirmedPlan.agents[t][s] += n } }
        }

        // The re-check: one more independent seed, counted against the stated rate (see `Recheck`).
        seed = (seed + 1) % (RunSettings.maxSeed + 1)
        var fresh = self
        fresh.scenario.run.seed = seed
        let recheckEvaluation = try fresh.evaluate(confirmedPlan, calendar: calendar, groups: groups).0
        evaluations += 1
        let confirmed = confirmation!
        return StaffingResult(
            scenario: scenario, rule: rule, replications: replications, calendar: calendar, analytic: analytic, groups: groups,
            erlangPlan: erlangPlan, erlangEvaluation: erlangEvaluation!, searchPlan: chosen.plan, plan: confirmedPlan,
            evaluation: confirmed.evaluation, results: confirmed.results, feasible: best != nil, confirmation: confirmed,
            recheck: Recheck(seed: seed, evaluation: recheckEvaluation), evaluations: evaluations,
            simulatedDays: Double(evaluations * replications) * (scenario.run.warmup + scenario.run.horizon) / 86_400)
    }

    /// The tier that contributed most to a failing check, and the team charged with its queue.
    static func blamed(_ result: ServiceEvaluation.GroupResult, center: CenterSpec, analytic: AnalyticStaffing) -> (tier: Int, team: Int)? {
        let tiers = center.tiers.count
        var byTier = Array(repeating: 0.0, count: tiers)
        for (_, blame) in result.blame { for k in 0..<tiers { byTier[k] += blame[k] } }
        let k = byTier.indices.max { byTier[$0] < byTier[$1] } ?? 0
        guard let t = analytic.queueTeam[result.group.channel * tiers + k] else { return nil }
        return (k, t)
    }

    /// Agents to add for a failing check (slot → agents, for the blamed team), `streak` times the
    /// base step when it failed in earlier evaluations too:
    /// - a live check: a step proportional to the shortfall at its worst slot;
    /// - a backlog day: the workload of the contacts that missed T, spread over the intervals
    ///   the team works that day (a backlog is answered when agents are there, not when it arrives).
    func raise(_ result: ServiceEvaluation.GroupResult, streak: Int, plan: StaffingPlan, erlangPlan: StaffingPlan,
               analytic: AnalyticStaffing) -> [Int: Int] {
        let center = scenario.center
        let grid = plan.grid
        guard let blamed = Self.blamed(result, center: center, analytic: analytic) else { return [:] }
        let k = blamed.tier, t = blamed.team
        let factor = max(1, min(streak, 4))
        if result.group.backlog {
            let perReplication = result.blame.values.reduce(0.0) { $0 + $1[k] } / Double(max(1, replications))
            let handle = center.tiers[k].handleTimes[safe: result.group.channel].flatMap { $0?.mean } ?? grid.intervalLength
            let agentIntervals = perReplication * handle / grid.intervalLength / AnalyticStaffing.presence(center.teams[t])
            let amount = max(1, Int(agentIntervals.rounded(.up))) * factor
            return Self.spread(amount, over: Self.workingSlots(team: t, day: result.group.slots[0] / grid.slotsPerDay,
                                                                plan: plan, erlang: erlangPlan))
        }
        let slot = result.group.slots.max { (result.blame[$0]?[k] ?? 0) < (result.blame[$1]?[k] ?? 0) } ?? result.group.slots[0]
        let n = plan.agents[t][slot]
        return [slot: max(1, Int((Double(n) * min(0.3, -result.margin * 0.5)).rounded(.up))) * factor]
    }

    /// The slots of `day` in which team t works in the plan (else in the Erlang plan, else all
    /// day): where a backlog day's extra workload can be answered without a phantom shift.
    package static func workingSlots(team t: Int, day: Int, plan: StaffingPlan, erlang: StaffingPlan) -> [Int] {
        let slots = Array((day * plan.grid.slotsPerDay)..<((day + 1) * plan.grid.slotsPerDay))
        let working = slots.filter { plan.agents[t][$0] > 0 }
        if !working.isEmpty { return working }
        let erlangWorking = slots.filter { erlang.agents[t][$0] > 0 }
        return erlangWorking.isEmpty ? slots : erlangWorking
    }

    /// `amount` agent-intervals over `slots`, as evenly as whole agents allow (the remainder to
    /// slots spaced evenly through the list): slot → agents added.
    package static func spread(_ amount: Int, over slots: [Int]) -> [Int: Int] {
        guard !slots.isEmpty, amount > 0 else { return [:] }
        var out: [Int: Int] = [:]
        let each = amount / slots.count, rest = amount % slots.count
        if each > 0 { for s in slots { out[s] = each } }
        for j in 0..<rest { out[slots[(2 * j + 1) * slots.count / (2 * rest)], default: 0] += 1 }
        return out
    }

    /// Service-level points a check must clear its target by before its team loses agents there:
    /// a plan sitting exactly on every bound would fail some checks on the next run's noise.
    public static let trimSlack = 0.01

    /// A plan's size for the progress lines: its scheduled agent-hours, and its cost per week when
    /// the teams have an hourly cost (a center without costs printed "plan 0/week").
    static func size(_ plan: StaffingPlan, _ center: CenterSpec) -> String {
        let hours = center.teams.indices.reduce(0.0) { $0 + plan.agentHours(team: $1) }
        let cost = plan.weeklyCost(center)
        return ValueText.count(hours) + " agent-hours" + (cost > 0 ? ", \(Formatting.money(cost))/week" : "")
    }
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
    /// The cheapest plan the search found meeting every check on its own seed (or the last one
    /// tried when none did: see `feasible`), before confirmation raised it.
    public var searchPlan: StaffingPlan
    /// The plan to publish: the search's, raised where confirmation found it short.
    public var plan: StaffingPlan
    /// What `plan` achieved: on the last confirmation seed when there was one (independent of
    /// the choices), else on the search's seed.
    public var evaluation: ServiceEvaluation
    /// The replications of that run (for summary.json).
    public var results: [CenterResult]
    /// Whether the search met every check on its seed.
    public var feasible: Bool
    public var confirmation: Confirmation?
    public var recheck: Recheck?
    /// Plans simulated, and the days simulated in all (evaluations × replications × run length).
    public var evaluations: Int
    public var simulatedDays: Double

    /// The plan met every check on replications independent of every choice: the 95% claim holds.
    public var confirmed: Bool { confirmation?.unconfirmed.isEmpty ?? false }
}

/// The last confirmation round: the plan, run on a seed nothing was chosen with, and the checks
/// no round confirmed.
public struct Confirmation: Sendable {
    public var plan: StaffingPlan
    public var seed: UInt64
    /// 1 when the search's plan passed at once; more when it had to be raised.
    public var round: Int
    public var evaluation: ServiceEvaluation
    public var results: [CenterResult]
    /// Checks never confirmed in any round (indices into `groups`): where the plan does not
    /// meet its target with 95% confidence.
    public var unconfirmed: [Int]
}

/// The published plan on one more independent seed, against the stated rate.
///
/// What is stated: each check's true service level (ASA, abandonment) meets its target, with
/// 95% confidence. What can refute it on new data: a check whose whole 95% interval lies on the
/// wrong side of the target ("clearly short"); if every check meets its target, each does so by
/// chance with probability at most 2.5%, so more than `statedRate` of the checks clearly short
/// means the claim does not hold. Checks whose lower bound merely dips under the target ("not
/// re-confirmed") are reported too: a check sitting just above its target does that about half
/// the time on fresh numbers, so that count measures how tight the plan is, not whether it holds.
public struct Recheck: Sendable {
    public var seed: UInt64
    public var evaluation: ServiceEvaluation
    public static let statedRate = 0.05

    public var clearlyShort: [ServiceEvaluation.GroupResult] { evaluation.groups.filter(\.clearlyShort) }
    public var notReconfirmed: [ServiceEvaluation.GroupResult] { evaluation.groups.filter { !$0.passes } }
    public var checked: Int { evaluation.groups.filter { !$0.group.intervals.isEmpty }.count }
    public var clearlyShortRate: Double { checked > 0 ? Double(clearlyShort.count) / Double(checked) : 0 }
    public var keepsStatedRate: Bool { clearlyShortRate <= Self.statedRate }
}

public struct StaffingError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
