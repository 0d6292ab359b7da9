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

    /// The scenario with every team's shifts replaced by the plan's stacked shifts (see
    /// `ShiftStacking`) and no agents on duty throughout; everything else is untouched.
    public func applied(to scenario: Scenario) -> Scenario {
        var copy = scenario
        for t in copy.center.teams.indices where t < agents.count {
            copy.center.teams[t].shifts = ShiftStacking.shifts(for: agents[t], grid: grid)
            copy.center.teams[t].constantAgents = 0
        }
        return copy
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
