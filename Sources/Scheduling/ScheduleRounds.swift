import Experiments
import Scenarios

/// `ccsim schedule`'s plan, solve by solve: the requirement is solved and the plan simulated; if a
/// channel misses its service level, the requirement is raised where it fell short
/// (`RequirementRaise`) and solved and simulated once more. The command and the workbench's
/// schedule both go through here, so the page and the CLI give the same plan.
public enum ScheduleRounds {
    /// One solve of a requirement, written back as a scenario, and that scenario's simulation.
    public struct Round {
        public var plan: SchedulePlan
        /// The scheduled scenario (the scenario with the plan's shifts).
        public var scenario: Scenario
        public var summary: CenterSummary
    }

    public struct Outcome {
        public var first: Round
        /// The raise after the first round; no changes when every channel met its target or no
        /// failing interval had a requirement to raise (then there is no second round).
        public var raise: (requirement: WeeklyRequirement, changes: [RequirementRaise.Change], channels: [String])
        public var second: Round?
        /// The plan to keep: the second when there was one.
        public var final: Round { second ?? first }
    }

    /// Runs the rounds. `plan` solves a requirement and returns the plan and its scheduled scenario
    /// (round 1 or 2: the caller prints or writes them as it goes); `simulate` runs a scheduled
    /// scenario; `raised` hears of a raise just before the second solve.
    public static func run(
        requirement: WeeklyRequirement,
        plan: (_ requirement: WeeklyRequirement, _ round: Int) throws -> (plan: SchedulePlan, scenario: Scenario),
        simulate: (_ scheduled: Scenario, _ round: Int) throws -> CenterSummary,
        raised: (_ raise: (requirement: WeeklyRequirement, changes: [RequirementRaise.Change], channels: [String])) throws -> Void = { _ in }
    ) throws -> Outcome {
        let firstPlan = try plan(requirement, 1)
        let first = Round(plan: firstPlan.plan, scenario: firstPlan.scenario, summary: try simulate(firstPlan.scenario, 1))
        let raise = RequirementRaise.raise(requirement, after: first.summary, scenario: first.scenario)
        guard !raise.changes.isEmpty else { return Outcome(first: first, raise: raise, second: nil) }
        try raised(raise)
        let secondPlan = try plan(raise.requirement, 2)
        let second = Round(plan: secondPlan.plan, scenario: secondPlan.scenario, summary: try simulate(secondPlan.scenario, 2))
        return Outcome(first: first, raise: raise, second: second)
    }
}
