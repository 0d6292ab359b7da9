import Scenarios

/// Agents required on duty per team in every planning interval of one week, Monday first.
///
/// The scheduler plans a repeating week: slot `weekday.rawValue × intervalsPerDay + k` is the
/// k-th interval of that weekday. A requirement given for more than a week folds onto it (each
/// slot takes the largest of its days), so the plan covers the busiest occurrence of each slot.
public struct WeeklyRequirement: Sendable, Hashable {
    /// Planning interval, seconds (the scenario's `run.interval`).
    public let interval: Double
    public let intervalsPerDay: Int
    /// Agents required on duty (on shift, not on a break), by team index then slot; nil for a
    /// team the requirement does not mention.
    public var agents: [[Double]?]
    /// Weekdays the source gave rows for: on the others nobody is required.
    public var weekdaysGiven: Set<Weekday> = []

    public init(interval: Double, teams: Int) {
        precondition(interval > 0 && (86_400 / interval).rounded() == 86_400 / interval, "the interval must divide a day")
        self.interval = interval
        intervalsPerDay = Int((86_400 / interval).rounded())
        agents = Array(repeating: nil, count: teams)
    }

    /// Number of slots in the week.
    public var slots: Int { 7 * intervalsPerDay }

    /// The slot of interval `k` of `weekday`.
    public func slot(_ weekday: Weekday, _ k: Int) -> Int { weekday.rawValue * intervalsPerDay + k }

    /// The weekday and the start (seconds after midnight) of `slot`.
    public func time(of slot: Int) -> (weekday: Weekday, start: Double) {
        (Weekday(rawValue: slot / intervalsPerDay)!, Double(slot % intervalsPerDay) * interval)
    }

    /// Sets team `team`'s requirement in `slot` to at least `value`.
    public mutating func require(_ value: Double, team: Int, slot: Int) {
        if agents[team] == nil { agents[team] = Array(repeating: 0, count: slots) }
        agents[team]![slot] = max(agents[team]![slot], value)
    }

    /// Raises the requirement to `floor` (agents by team, then slot: e.g. the agents that keep each
    /// team's expected occupancy under a ceiling) wherever it is lower; returns how many
    /// team-slots rose. `ccsim schedule` and the workbench's schedule both apply a ceiling so.
    public mutating func raise(toFloor floor: [[Int]]) -> Int {
        var raised = 0
        for t in floor.indices where t < agents.count {
            for s in floor[t].indices where s < slots && Double(floor[t][s]) > (agents[t]?[s] ?? 0) + 1e-9 {
                require(Double(floor[t][s]), team: t, slot: s)
                raised += 1
            }
        }
        return raised
    }

    /// Required agent-hours of team `team` in the week.
    public func agentHours(team: Int) -> Double {
        (agents[team] ?? []).reduce(0, +) * interval / 3600
    }
}
