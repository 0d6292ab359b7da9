import Dispatch
import Foundation
import Scenarios

/// Chooses how many agents work each allowed shift so that every interval of the week has its
/// required agents on duty at least cost: one integer program per team, solved by GLPK.
///
/// For team t, with x_j the agents on candidate shift j (a template, a start, a set of working
/// days) and u_i the agents missing in slot i of the week:
///
///     minimise   Σ_j cost_j · x_j  +  penalty · (interval in hours) · Σ_i u_i
///     subject to Σ_j duty_ij · x_j + u_i ≥ required_i   for every slot i with a requirement
///                Σ_j x_j ≤ max_agents                   (when capped)
///                Σ_{j starts at s} x_j ≤ M·y_s, ≥ min_agents_per_start·y_s, Σ_s y_s ≤ max_start_times
///                                                        (when set; y_s ∈ {0, 1}: start s is used)
///                Σ_{j of contract c} x_j within [min_c, max_c]       (contract counts)
///                x_j ≥ 0 integer, u_i ≥ 0
///
/// Each column is a tour family (a contract, a template, a set of working days that keeps
/// `max_consecutive_days` and makes the contract's weekly hours) at one start. By default an
/// agent keeps that start all week, so rest between shifts is 24h − length (+ days off) and a
/// family that breaks `min_rest` is not offered. With `daily_start: free` a column is one day of a
/// family at one start; rows tie the family's days to the same agents and keep every agent's
/// rest (`addFreeTourRows`). Simplification: one tour uses one template (one shift length).
///
/// cost_j is paid hours (unpaid breaks excluded) × hourly cost × working days; duty_ij is the
/// expected share of an agent on duty in slot i (`ShiftCoverage`, breaks spread over their
/// windows). The week is cyclic: a shift past midnight covers the next day, Sunday's into
/// Monday. Teams share no agents, so each team's program is solved on its own.
public enum ShiftScheduler {
    public struct Options: Sendable {
        /// Seconds GLPK may search per team before returning its best plan.
        public var timeLimit: Double
        /// Relative gap between the plan and the best bound at which the search stops, taking the
        /// plan as optimal: 0.1% of a week's cost is far below what the requirement's own error
        /// moves, and proving the last 0.1% can take GLPK minutes on a three-team center.
        public var gapTolerance: Double

        public init(timeLimit: Double = 30, gapTolerance: Double = 0.001) {
            self.timeLimit = timeLimit
            self.gapTolerance = gapTolerance
        }
    }

    /// Refuses a scenario without shift templates: checked first by the command, before a
    /// staffing search that would otherwise run for nothing.
    public static func requireScheduling(_ scenario: Scenario) throws(ScheduleError) {
        guard scenario.scheduling == nil else { return }
        throw ScheduleError("\(scenario.source ?? scenario.name): the scenario has no 'scheduling' section; add shift templates per team (see scenarios/README.md, \"Shift scheduling\")")
    }

    /// Plans every team that has both shift templates (`scheduling.teams`) and a requirement.
    public static func schedule(_ scenario: Scenario, requirement: WeeklyRequirement,
                                options: Options = Options()) throws(ScheduleError) -> SchedulePlan {
        try requireScheduling(scenario)
        let spec = scenario.scheduling!  // just checked
        let teams = scenario.center.teams
        guard requirement.agents.count == teams.count, requirement.interval == scenario.run.interval else {
            throw ScheduleError("the requirement was read for another scenario (teams or interval differ)")
        }
        let unplannable = teams.indices.filter { requirement.agents[$0] != nil && spec.team($0) == nil }
        if !unplannable.isEmpty {
            let names = unplannable.map { teams[$0].name }
            throw ScheduleError("the requirement covers \(names.joined(separator: ", ")), which \(names.count == 1 ? "has" : "have") no shift templates; add scheduling.teams.\(names[0]) to the scenario")
        }
        // Teams share no agents: their programs are solved at once, one thread each (GLPK keeps
        // its state per thread), so the wall time is the slowest team's, not the sum.
        let work = teams.indices.compactMap { t in spec.team(t).flatMap { entry in requirement.agents[t].map { (t, entry, $0) } } }
        let slots = TeamSlots(count: work.count)
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            let (t, entry, required) = work[i]
            let result = Result { () throws(ScheduleError) -> TeamSchedule in
                try scheduleTeam(t, entry: entry, spec: spec, team: teams[t], required: required,
                                 requirement: requirement, options: options)
            }
            slots.store(result, at: i)
        }
        let planned = try slots.collected()
        guard !planned.isEmpty else {
            throw ScheduleError("no team has both shift templates and a requirement: the requirement names none of \(spec.teams.map { teams[$0.team].name }.joined(separator: ", "))")
        }
        return SchedulePlan(requirement: requirement, teams: planned)
    }

    static func scheduleTeam(_ t: Int, entry: TeamScheduling, spec: SchedulingSpec, team: AgentTeamSpec,
                             required: [Double], requirement: WeeklyRequirement,
                             options: Options) throws(ScheduleError) -> TeamSchedule {
        let slots = requirement.slots
        let demanded = Set(required.indices.filter { required[$0] > 0 })
        let families = entry.tourFamilies
        let free = entry.dailyStart == .free
        var candidates = ShiftCandidate.all(for: entry, families: families, hourlyCost: team.hourlyCost, requirement: requirement)
        if !free {
            // A tour that covers no demanded slot only adds cost; leaving it out shrinks the
            // program. (A free tour's days are tied together, so none of its columns may go.)
            // Under contract minimums an idle tour may still be the cheapest way to meet them.
            let minimums = entry.contracts.contains { ($0.minAgents ?? 0) > 0 }
            if !minimums { candidates = candidates.filter { $0.coverage.contains { demanded.contains($0.slot) } } }
        }
        let penalty = entry.penalty(in: spec, hourlyCost: team.hourlyCost)
        let intervalHours = requirement.interval / 3600

        var program = IntegerProgram()
        // Bounds on the columns keep GLPK's branching short. With one start all week, more agents
        // on a column than cover every interval it touches by themselves (ceil(required / duty))
        // could lose one agent at no loss of coverage: never optimal, unless a minimum (per start,
        // per contract) needs them. Free-start columns are tied across days: only the cap bounds them.
        let cap = Double(entry.maxAgents ?? DomainLimits.maxAgents)
        let floorBound = Double(max(entry.minAgentsPerStart ?? 0, entry.contracts.compactMap(\.minAgents).max() ?? 0))
        let bounds = candidates.map { candidate -> Double in
            guard !free else { return cap }
            let most = candidate.coverage.filter { demanded.contains($0.slot) && $0.duty > 1e-9 }
                .map { (required[$0.slot] / $0.duty - 1e-9).rounded(.up) }.max() ?? 0
            return min(cap, max(most, floorBound))
        }
        let x = candidates.indices.map { program.addColumn("x\($0)", cost: candidates[$0].cost, isInteger: true, upper: bounds[$0]) }
        var terms: [Int: [(column: Int, coefficient: Double)]] = [:]
        for (j, candidate) in candidates.enumerated() {
            for cell in candidate.coverage where demanded.contains(cell.slot) {
                terms[cell.slot, default: []].append((x[j], cell.duty))
            }
        }
        for slot in demanded.sorted() {
            // Whole missing agents: with every costed column integer GLPK can round its bounds
            // (see GLPKSolver); a fractional shortfall is priced as the next whole agent.
            let u = program.addColumn("u\(slot)", cost: penalty * intervalHours, isInteger: true, upper: required[slot].rounded(.up))
            program.addRow("cover\(slot)", (terms[slot] ?? []) + [(u, 1)], lower: required[slot])
        }

        // Agents of each family: its columns (same start) or its first day's columns (free).
        var agentsOf: [Int: [Int]] = [:]
        for (j, candidate) in candidates.enumerated() {
            if let day = candidate.day, day != families[candidate.family].days.min() { continue }
            agentsOf[candidate.family, default: []].append(x[j])
        }
        let allAgents = agentsOf.keys.sorted().flatMap { agentsOf[$0]! }
        if let cap = entry.maxAgents {
            program.addRow("cap", allAgents.map { ($0, 1) }, upper: Double(cap))
        }
        for (c, contract) in entry.contracts.enumerated() where contract.minAgents != nil || contract.maxAgents != nil {
            let members = families.indices.filter { families[$0].contract == c }.flatMap { agentsOf[$0] ?? [] }
            program.addRow("contract\(c)", members.map { ($0, 1) }, lower: contract.minAgents.map(Double.init),
                           upper: contract.maxAgents.map(Double.init))
        }
        if free { addFreeTourRows(&program, entry: entry, families: families, candidates: candidates, x: x) }
        addStartRows(&program, entry: entry, candidates: candidates, x: x, bounds: bounds)

        let solution = GLPKSolver(timeLimit: options.timeLimit, gapTolerance: options.gapTolerance).solve(program)
        guard solution.status != .noSolution else {
            throw ScheduleError("team \(team.name): GLPK found no plan within \(Quantity.describe(duration: options.timeLimit)) (\(candidates.count) shift variables, \(program.rows.count) rows); raise --time-limit, offer fewer start times, or check that the contracts' minimums fit under max_agents")
        }

        var covered = Array(repeating: 0.0, count: slots)
        var paidHours = 0.0
        for (j, candidate) in candidates.enumerated() {
            let agents = Int(solution.values[x[j]])
            guard agents > 0 else { continue }
            for cell in candidate.coverage { covered[cell.slot] += Double(agents) * cell.duty }
            paidHours += Double(agents) * candidate.paidHours
        }
        let tours = tours(entry: entry, families: families, candidates: candidates, values: candidates.indices.map { Int(solution.values[x[$0]]) })
        var chosen = merged(tours.flatMap(\.shifts))
        if chosen.isEmpty, let template = entry.templates.first, let start = template.starts.first {
            // A team keeps at least one shift to stay a valid scenario; nobody works it.
            chosen.append(Shift(start: start, length: template.length, agents: 0,
                                days: template.daySets.first ?? Set(Weekday.allCases), breaks: template.breaks))
        }
        let report = SolveReport(status: solution.status == .optimal ? .optimal : .timeLimit, gap: solution.gap,
                                 objective: solution.objective, seconds: solution.seconds,
                                 shiftVariables: candidates.count, rows: program.rows.count)
        return TeamSchedule(team: t, name: team.name, shifts: chosen, tours: tours, contracts: entry.contracts.map(\.name),
                            maxAgents: entry.maxAgents, hourlyCost: team.hourlyCost, paidHours: paidHours,
                            weeklyCost: paidHours * team.hourlyCost, penaltyPerAgentHour: penalty,
                            required: required, covered: covered, solve: report)
    }

    /// Free-start tours: every day of a family has as many agents as its first (each agent works
    /// all its days), and every agent keeps `min_rest` between consecutive working days.
    ///
    /// Rest is kept in aggregate and exactly: give the k-th agent of a family the k-th latest
    /// start of each of its days. Agents that start at τ or later on day d then need as many
    /// starts at τ + g or later on the next working day d′ (g = length + rest − days apart ×
    /// 24h), for every τ; conversely these counts let the k-th latest pair up for every k. So
    ///     Σ_{s ≥ τ} x_{d,s} ≤ Σ_{s′ ≥ τ + g} x_{d′,s′}   for every start τ of the template,
    /// and `tours(…)` reads each agent's week back by that ranking.
    static func addFreeTourRows(_ program: inout IntegerProgram, entry: TeamScheduling, families: [TourFamily],
                                candidates: [ShiftCandidate], x: [Int]) {
        for (f, family) in families.enumerated() {
            var columns: [Weekday: [(start: Double, column: Int)]] = [:]
            for (j, candidate) in candidates.enumerated() where candidate.family == f {
                columns[candidate.day!, default: []].append((candidate.start, x[j]))
            }
            let days = family.days.sorted()
            guard let first = days.first, let firstColumns = columns[first] else { continue }
            for day in days.dropFirst() {
                program.addRow("f\(f)same\(day.rawValue)", (columns[day] ?? []).map { ($0.column, 1.0) } + firstColumns.map { ($0.column, -1.0) },
                               lower: 0, upper: 0)
            }
            guard let rest = family.rules.minRest else { continue }
            let length = entry.templates[family.template].length
            for pair in TourRules.successions(family.days) {
                let gap = length + rest - Double(pair.apart) * 86_400
                let from = columns[pair.from] ?? [], to = columns[pair.to] ?? []
                guard let earliest = to.map(\.start).min() else { continue }
                for tau in Set(from.map(\.start)).sorted() where tau + gap > earliest + 1e-6 {
                    let late = from.filter { $0.start >= tau }.map { ($0.column, 1.0) }
                    let next = to.filter { $0.start >= tau + gap - 1e-6 }.map { ($0.column, -1.0) }
                    program.addRow("f\(f)rest\(pair.from.rawValue)@\(Int(tau))", late + next, upper: 0)
                }
            }
        }
    }

    /// Start times: y = 1 when a start is used. Σ x ≤ M·y links them; ≥ min·y gives a used start
    /// its minimum agents; Σ y ≤ the cap on start times. With one start all week a start is used
    /// by the tours that have it; with free starts, by each day's shifts (the minimum is per day).
    static func addStartRows(_ program: inout IntegerProgram, entry: TeamScheduling, candidates: [ShiftCandidate],
                             x: [Int], bounds: [Double]) {
        guard entry.maxStartTimes != nil || entry.minAgentsPerStart != nil else { return }
        let starts = Array(Set(candidates.map { clock($0.start) })).sorted()
        var used: [Int] = []
        for start in starts {
            let y = program.addColumn("y\(Int(start))", cost: 0, isInteger: true, upper: 1)
            used.append(y)
            let groups: [[Int]]
            if entry.dailyStart == .free {
                groups = Weekday.allCases.map { day in candidates.indices.filter { candidates[$0].day == day && clock(candidates[$0].start) == start } }
                    .filter { !$0.isEmpty }
            } else {
                groups = [candidates.indices.filter { clock(candidates[$0].start) == start }]
            }
            for (g, group) in groups.enumerated() {
                let members = group.map { (x[$0], 1.0) }
                let bigM = min(Double(entry.maxAgents ?? Int.max), group.reduce(0) { $0 + bounds[$1] })
                // One day's y under the week's y when the minimum is per day.
                var flag = y
                if groups.count > 1, entry.minAgentsPerStart != nil {
                    flag = program.addColumn("y\(Int(start))d\(g)", cost: 0, isInteger: true, upper: 1)
                    program.addRow("y\(Int(start))d\(g)<=y", [(flag, 1), (y, -1)], upper: 0)
                }
                program.addRow("link\(Int(start))d\(g)", members + [(flag, -bigM)], upper: 0)
                if let least = entry.minAgentsPerStart {
                    program.addRow("least\(Int(start))d\(g)", members + [(flag, -Double(least))], lower: 0)
                }
            }
        }
        if let most = entry.maxStartTimes {
            program.addRow("starts", used.map { ($0, 1) }, upper: Double(most))
        }
    }

    /// The agents' weeks of a solution: each same-start column is a tour; a free family's k-th
    /// agent takes the k-th latest start of each of its days (the ranking the rest rows keep).
    static func tours(entry: TeamScheduling, families: [TourFamily], candidates: [ShiftCandidate], values: [Int]) -> [Tour] {
        var out: [Tour] = []
        func name(_ c: Int?) -> String? { c.map { entry.contracts[$0].name } }
        if entry.dailyStart == .same {
            for (j, candidate) in candidates.enumerated() where values[j] > 0 {
                out.append(Tour(contract: name(candidate.contract), length: candidate.length, breaks: candidate.breaks,
                                starts: Dictionary(uniqueKeysWithValues: candidate.days.map { ($0, candidate.start) }), agents: values[j]))
            }
        } else {
            for (f, family) in families.enumerated() {
                var ranked: [Weekday: [Double]] = [:]
                for (j, candidate) in candidates.enumerated() where candidate.family == f && values[j] > 0 {
                    ranked[candidate.day!, default: []] += Array(repeating: candidate.start, count: values[j])
                }
                let days = family.days.sorted()
                let count = ranked[days[0]]?.count ?? 0
                guard count > 0 else { continue }
                for day in days { ranked[day]!.sort(by: >) }
                var weeks: [[Weekday: Double]: Int] = [:]
                var order: [[Weekday: Double]] = []
                for k in 0..<count {
                    let week = Dictionary(uniqueKeysWithValues: days.map { ($0, ranked[$0]![k]) })
                    if weeks[week] == nil { order.append(week) }
                    weeks[week, default: 0] += 1
                }
                let template = entry.templates[family.template]
                for week in order {
                    out.append(Tour(contract: name(family.contract), length: template.length, breaks: template.breaks,
                                    starts: week, agents: weeks[week]!))
                }
            }
        }
        // Identical weeks from different families (a pattern listed twice) as one tour.
        var merged: [Tour] = []
        for tour in out {
            if let i = merged.firstIndex(where: { $0.contract == tour.contract && $0.length == tour.length && $0.breaks == tour.breaks && $0.starts == tour.starts }) {
                merged[i].agents += tour.agents
            } else {
                merged.append(tour)
            }
        }
        func mask(_ days: Set<Weekday>) -> Int { days.reduce(0) { $0 | 1 << $1.rawValue } }
        return merged.enumerated().sorted { a, b in
            if a.element.firstStart != b.element.firstStart { return a.element.firstStart < b.element.firstStart }
            if a.element.length != b.element.length { return a.element.length < b.element.length }
            let ma = mask(a.element.days).bitReversed7, mb = mask(b.element.days).bitReversed7
            return ma != mb ? ma > mb : a.offset < b.offset
        }.map(\.element)
    }

    /// A start as a clock time of the day (a start given past midnight is the same clock start).
    static func clock(_ start: Double) -> Double {
        let r = start.truncatingRemainder(dividingBy: 86_400)
        return r < 0 ? r + 86_400 : r
    }

    /// Identical shifts from different templates or patterns as one, in a stable order.
    static func merged(_ shifts: [Shift]) -> [Shift] {
        var out: [Shift] = []
        for shift in shifts {
            if let i = out.firstIndex(where: { $0.start == shift.start && $0.length == shift.length && $0.days == shift.days && $0.breaks == shift.breaks }) {
                out[i].agents += shift.agents
            } else {
                out.append(shift)
            }
        }
        func mask(_ days: Set<Weekday>) -> Int { days.reduce(0) { $0 | 1 << $1.rawValue } }
        return out.sorted { a, b in
            if a.start != b.start { return a.start < b.start }
            if a.length != b.length { return a.length < b.length }
            return mask(a.days).bitReversed7 > mask(b.days).bitReversed7
        }
    }
}

private extension Int {
    /// The low 7 bits reversed, so sets starting earlier in the week sort first.
    var bitReversed7: Int { (0..<7).reduce(0) { $0 | ((self >> $1) & 1) << (6 - $1) } }
}

/// A problem that stops scheduling (no templates, a requirement for another scenario, no plan).
public struct ScheduleError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Each team's result, filled from the solving threads.
private final class TeamSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<TeamSchedule, ScheduleError>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: Result<TeamSchedule, ScheduleError>, at index: Int) {
        lock.withLock { slots[index] = result }
    }

    /// The schedules in team order; the first team's error (in that order) if any failed.
    func collected() throws(ScheduleError) -> [TeamSchedule] {
        let all = lock.withLock { slots }
        var out: [TeamSchedule] = []
        for slot in all {
            switch slot! {
            case .success(let schedule): out.append(schedule)
            case .failure(let error): throw error
            }
        }
        return out
    }
}
