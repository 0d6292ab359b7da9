import Experiments
import Scenarios

/// The rule for a second try when the simulated plan misses a service level: where a channel
/// below its target had an interval below target, every team that takes that channel's contacts
/// at once (a skill without `overflow_after`) gets `max(required + 1, required × 1.1)` agents in
/// that slot of the week, if it required anyone there. Each slot is raised once, however many
/// days or channels point at it.
public enum RequirementRaise {
    public static let factor = 1.10
    public static let minimumStep = 1.0

    /// One raised slot of one team.
    public struct Change: Sendable, Hashable {
        public var team: Int
        public var slot: Int
        public var from: Double
        public var to: Double
    }

    /// The raised requirement and what changed (empty when every channel met its target or no
    /// failing interval had a requirement to raise).
    public static func raise(_ requirement: WeeklyRequirement, after summary: CenterSummary,
                             scenario: Scenario) -> (requirement: WeeklyRequirement, changes: [Change], channels: [String]) {
        var raised = requirement
        var changes: [Change] = []
        var failing: [String] = []
        let center = scenario.center
        var done: Set<[Int]> = []
        for (c, channel) in summary.channels.enumerated() where channel.serviceLevel.passed == false {
            failing.append(channel.name)
            let teams = center.teams.indices.filter { t in
                center.teams[t].skills.contains { $0.channel == c && $0.overflowAfter == nil }
            }
            let target = channel.serviceLevelTarget.target
            for (interval, metrics) in zip(summary.intervals, channel.intervals) {
                guard let level = metrics[.serviceLevel]?.mean, level < target else { continue }
                let time = scenario.run.warmup + interval.start
                let day = Int(clampedFrom: time / 86_400, rounding: .down)
                let k = Int(clampedFrom: (time - Double(day) * 86_400) / requirement.interval)
                guard k < requirement.intervalsPerDay else { continue }
                let slot = requirement.slot(center.startWeekday.advanced(by: day), k)
                for t in teams {
                    guard let current = requirement.agents[t]?[slot], current > 0, done.insert([t, slot]).inserted else { continue }
                    let to = max(current + minimumStep, current * factor)
                    raised.agents[t]![slot] = to
                    changes.append(Change(team: t, slot: slot, from: current, to: to))
                }
            }
        }
        return (raised, changes.sorted { ($0.team, $0.slot) < ($1.team, $1.slot) }, failing)
    }
}
