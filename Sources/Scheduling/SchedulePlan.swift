import Scenarios

/// The chosen shifts of every scheduled team, with the coverage they give and what they cost.
public struct SchedulePlan: Sendable {
    public var requirement: WeeklyRequirement
    /// Scheduled teams, in `CenterSpec.teams` order.
    public var teams: [TeamSchedule]

    /// Paid hours × hourly cost, per week, over all scheduled teams.
    public var weeklyCost: Double { teams.reduce(0) { $0 + $1.weeklyCost } }
    public var shortfallAgentHours: Double { teams.reduce(0) { $0 + $1.shortfallAgentHours } }
    public var headcount: Int { teams.reduce(0) { $0 + $1.headcount } }

    /// The plan of team `index` in `CenterSpec.teams`, if it was scheduled.
    public func team(_ index: Int) -> TeamSchedule? { teams.first { $0.team == index } }
}

/// One team's shifts and coverage.
public struct TeamSchedule: Sendable {
    public var team: Int
    public var name: String
    /// The chosen shifts, by start time then length then first working day. A team given no
    /// agents keeps one shift with 0 agents (a scenario's team needs a shift).
    public var shifts: [Shift]
    /// The agents' weeks the shifts come from, by earliest start (`PublishedRoster` writes them).
    public var tours: [Tour]
    /// The team's contract names, in the order given (empty without contracts).
    public var contracts: [String]
    public var maxAgents: Int?
    /// The team's cost per paid agent-hour.
    public var hourlyCost: Double
    /// Paid agent-hours per week (unpaid breaks excluded).
    public var paidHours: Double
    public var weeklyCost: Double
    /// Currency per missing agent-hour used in the objective.
    public var penaltyPerAgentHour: Double
    /// Agents required and (expected) on duty, per slot of the week (see `WeeklyRequirement`).
    public var required: [Double]
    public var covered: [Double]
    public var solve: SolveReport

    /// Distinct agents: each works one tour.
    public var headcount: Int { tours.reduce(0) { $0 + $1.agents } }

    /// Agents holding contract `name`.
    public func agents(contract name: String) -> Int {
        tours.filter { $0.contract == name }.reduce(0) { $0 + $1.agents }
    }

    /// Distinct weekly patterns (tours with at least one agent): what the published schedule lists.
    public var distinctPatterns: Int { tours.filter { $0.agents > 0 }.count }

    /// Agents missing in `slot` (0 when covered).
    public func short(_ slot: Int) -> Double {
        let gap = required[slot] - covered[slot]
        return gap > Self.tolerance ? gap : 0
    }

    /// Coverage within this of the requirement counts as met (coverage is fractional).
    public static let tolerance = 1e-6

    /// Slots where coverage falls short, in week order.
    public var shortSlots: [Int] { required.indices.filter { short($0) > 0 } }

    public func requiredAgentHours(interval: Double) -> Double { required.reduce(0, +) * interval / 3600 }
    public func coveredAgentHours(interval: Double) -> Double { covered.reduce(0, +) * interval / 3600 }
    /// Missing agent-hours in the week.
    public var shortfallAgentHours: Double { shortfallAgentIntervals * intervalHours }
    var shortfallAgentIntervals: Double { required.indices.reduce(0) { $0 + short($1) } }
    var intervalHours: Double { required.isEmpty ? 0 : 7 * 24 / Double(required.count) }
}

/// How the integer program of one team was solved.
public struct SolveReport: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// Proved optimal (relative gap below the tolerance).
        case optimal
        /// The time limit stopped the search; the plan is the best found, `gap` from the bound.
        case timeLimit = "time_limit"
    }

    public var status: Status
    /// Relative gap between the plan's objective and the best bound (0 when optimal).
    public var gap: Double?
    /// Objective: weekly cost plus the under-coverage penalty.
    public var objective: Double
    public var seconds: Double
    /// Shift variables (integer) and coverage rows of the program.
    public var shiftVariables: Int
    public var rows: Int
}
