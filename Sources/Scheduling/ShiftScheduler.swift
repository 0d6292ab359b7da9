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
///                x_j ≥ 0 integer, u_i ≥ 0
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

    /// Plans every team that has both shift templates (`scheduling.teams`) and a requirement.
    public static func schedule(_ scenario: Scenario, requirement: WeeklyRequirement,
                                options: Options = Options()) throws(ScheduleError) -> SchedulePlan {
        guard let spec = scenario.scheduling else {
            throw ScheduleError("\(scenario.source ?? scenario.name): the scenario has no 'scheduling' section; add shift templates per team (see scenarios/README.md, \"Shift scheduling\")")
        }
        let teams = scenario.center.teams
        guard requirement.agents.count == teams.count, requirement.interval == scenario.run.interval else {
            throw ScheduleError("the requirement was read for another scenario (teams or interval differ)")
        }
        let unplannable = teams.indices.filter { requirement.agents[$0] != nil && spec.team($0) == nil }
        if !unplannable.isEmpty {
            let names = unplannable.map { teams[$0].name }
            throw ScheduleError("the requirement covers \(names.joined(separator: ", ")), which \(names.count == 1 ? "has" : "have") no shift templates; add scheduling.teams.\(names[0]) to the scenario")
        }
        var planned: [TeamSchedule] = []
        for t in teams.indices {
            guard let entry = spec.team(t), let required = requirement.agents[t] else { continue }
            planned.append(try scheduleTeam(t, entry: entry, spec: spec, team: teams[t], required: required,
                                            requirement: requirement, options: options))
        }
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
        // Candidates that cover no demanded slot only add cost; leaving them out shrinks the program.
        let candidates = ShiftCandidate.all(for: entry, hourlyCost: team.hourlyCost, requirement: requirement)
            .filter { $0.coverage.contains { demanded.contains($0.slot) } }
        let penalty = entry.penalty(in: spec, hourlyCost: team.hourlyCost)
        let intervalHours = requirement.interval / 3600

        var program = IntegerProgram()
        let x = candidates.indices.map { program.addColumn("x\($0)", cost: candidates[$0].cost, isInteger: true) }
        var terms: [Int: [(column: Int, coefficient: Double)]] = [:]
        for (j, candidate) in candidates.enumerated() {
            for cell in candidate.coverage where demanded.contains(cell.slot) {
                terms[cell.slot, default: []].append((x[j], cell.duty))
            }
        }
        for slot in demanded.sorted() {
            let u = program.addColumn("u\(slot)", cost: penalty * intervalHours, isInteger: false)
            program.addRow("cover\(slot)", (terms[slot] ?? []) + [(u, 1)], lower: required[slot])
        }
        if let cap = entry.maxAgents {
            program.addRow("cap", x.map { ($0, 1) }, upper: Double(cap))
        }
        // Start times: y_s = 1 when start s is used. Σ_{j starts at s} x_j ≤ M·y_s links them;
        // ≥ min·y_s gives a used start its minimum agents; Σ y_s ≤ the cap on start times.
        if entry.maxStartTimes != nil || entry.minAgentsPerStart != nil {
            let starts = Array(Set(candidates.map { ShiftScheduler.clock($0.shift(agents: 0).start) })).sorted()
            let bigM = Double(entry.maxAgents ?? Int(((required.max() ?? 0) * 4).rounded(.up)) + 10)
            var used: [Int] = []
            for start in starts {
                let y = program.addColumn("y\(Int(start))", cost: 0, isInteger: true)
                used.append(y)
                program.addRow("y\(Int(start))<=1", [(y, 1)], upper: 1)
                let members = candidates.indices.filter { ShiftScheduler.clock(candidates[$0].shift(agents: 0).start) == start }.map { (x[$0], 1.0) }
                program.addRow("link\(Int(start))", members + [(y, -bigM)], upper: 0)
                if let least = entry.minAgentsPerStart {
                    program.addRow("least\(Int(start))", members + [(y, -Double(least))], lower: 0)
                }
            }
            if let most = entry.maxStartTimes {
                program.addRow("starts", used.map { ($0, 1) }, upper: Double(most))
            }
        }

        let solution = GLPKSolver(timeLimit: options.timeLimit, gapTolerance: options.gapTolerance).solve(program)
        guard solution.status != .noSolution else {
            throw ScheduleError("team \(team.name): GLPK found no plan within \(Quantity.describe(duration: options.timeLimit)) (\(candidates.count) shift variables, \(program.rows.count) rows); raise --time-limit or offer fewer start times")
        }

        var covered = Array(repeating: 0.0, count: slots)
        var chosen: [Shift] = []
        var paidHours = 0.0
        for (j, candidate) in candidates.enumerated() {
            let agents = Int(solution.values[x[j]])
            guard agents > 0 else { continue }
            for cell in candidate.coverage { covered[cell.slot] += Double(agents) * cell.duty }
            paidHours += Double(agents) * candidate.paidHours
            chosen.append(candidate.shift(agents: agents))
        }
        if chosen.isEmpty, let template = entry.templates.first, let start = template.starts.first {
            // A team keeps at least one shift to stay a valid scenario; nobody works it.
            chosen.append(Shift(start: start, length: template.length, agents: 0,
                                days: template.daySets.first ?? Set(Weekday.allCases), breaks: template.breaks))
        }
        let report = SolveReport(status: solution.status == .optimal ? .optimal : .timeLimit, gap: solution.gap,
                                 objective: solution.objective, seconds: solution.seconds,
                                 shiftVariables: candidates.count, rows: program.rows.count)
        return TeamSchedule(team: t, name: team.name, shifts: merged(chosen), maxAgents: entry.maxAgents,
                            hourlyCost: team.hourlyCost, paidHours: paidHours, weeklyCost: paidHours * team.hourlyCost,
                            penaltyPerAgentHour: penalty, required: required, covered: covered, solve: report)
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
