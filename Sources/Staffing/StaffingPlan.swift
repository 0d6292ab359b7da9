import Scenarios

/// Scheduled agents per team and week slot, and how to put them into a scenario.
public struct StaffingPlan: Sendable, Hashable {
    public var grid: WeekGrid
    /// `agents[team][slot]`, scheduled (before shrinkage and absenteeism).
    public var agents: [[Int]]

    public init(grid: WeekGrid, agents: [[Int]]) {
        precondition(agents.allSatisfy { $0.count == grid.slotCount }, "one count per week slot and team")
        self.grid = grid
        self.agents = agents
    }

    /// The scenario with every team's staffing replaced by the plan's stacked shifts (see
    /// `ShiftStacking`): no agents on duty throughout and no published roster, since the plan
    /// counts every agent of the team (a roster left in place would staff it twice). Rostered
    /// agents' own skill profiles and activities go with the roster; the team's skills,
    /// shrinkage and absenteeism stay. Everything else is untouched.
    public func applied(to scenario: Scenario) -> Scenario {
        var copy = scenario
        for t in copy.center.teams.indices where t < agents.count {
            copy.center.teams[t].shifts = ShiftStacking.shifts(for: agents[t], grid: grid)
            copy.center.teams[t].constantAgents = 0
            copy.center.teams[t].roster = nil
        }
        return copy
    }

    /// The teams of `scenario` whose published roster a plan sets aside, with their roster files.
    public static func setAsideRosters(in scenario: Scenario) -> [(team: String, file: String)] {
        scenario.center.teams.compactMap { team in team.roster.map { (team.name, $0.file) } }
    }

    /// One line saying that the plan replaces the scenario's published rosters, or nil when it
    /// has none: a search plans agents from scratch, so it says nothing about the roster itself.
    public static func rosterNote(for scenario: Scenario) -> String? {
        let rostered = setAsideRosters(in: scenario)
        guard !rostered.isEmpty else { return nil }
        var files: [String] = []
        for (_, file) in rostered where !files.contains(file) { files.append(file) }
        return "note: the published roster\(rostered.count == 1 ? "" : "s") of \(rostered.map(\.team).joined(separator: ", ")) "
            + "(\(files.joined(separator: ", "))) \(rostered.count == 1 ? "is" : "are") set aside: the plan staffs each team from scratch "
            + "with the team's skills, shrinkage and absenteeism (the agents' own skill profiles and activities do not carry over); "
            + "`ccsim run` checks the roster itself"
    }

    /// Paid agent-hours of one week, per team.
    public func agentHours(team t: Int) -> Double {
        Double(agents[t].reduce(0, +)) * grid.intervalLength / 3600
    }

    /// Paid cost of one week at the teams' hourly costs (no overtime).
    public func weeklyCost(_ center: CenterSpec) -> Double {
        center.teams.indices.reduce(0.0) { $0 + agentHours(team: $1) * center.teams[$1].hourlyCost }
    }
}
