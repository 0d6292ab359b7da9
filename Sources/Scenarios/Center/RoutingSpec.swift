/// How contacts meet agents. A small closed set of policies, so each stays fast and testable:
/// the model switches on the case in its hot path (see `Router` in ContactCenter).
public struct RoutingSpec: Sendable, Hashable {
    /// Who takes what. A contact arriving when several qualified agents are free goes to one of
    /// them by the agent rule; an agent freed while several queues wait takes one by the queue rule.
    public enum Policy: String, Sendable, Hashable, CaseIterable {
        /// Agent rule: the qualified agent idle longest, across teams. Queue rule: highest
        /// priority, then longest wait. The default.
        case longestIdle = "longest_idle"
        /// Agent rule: teams tried in the order listed; within a team, the longest idle.
        /// Queue rule: as `longest_idle`.
        case teamOrder = "team_order"
        /// Queue rule: each team ranks its skills in the order it lists them, and a freed agent
        /// takes its most preferred waiting work first (priorities ignored). Agent rule: longest idle.
        case agentPreference = "agent_preference"
        /// Queue rule (dynamic priority): the queue furthest behind its service-level target, by
        /// the head contact's wait over the channel's `answer_within` (a generalised c-mu rule).
        /// Agent rule: longest idle.
        case targetPriority = "target_priority"
        /// Agent rule: the qualified agent with the lowest handle-time multiplier (proficiency),
        /// then the longest idle. Queue rule: as `longest_idle`.
        case fastestAgent = "fastest_agent"
        /// Agent rule: uniformly at random among the free qualified agents (draws on the run's
        /// routing stream, so other draws do not move). Queue rule: as `longest_idle`.
        case randomAgent = "random_agent"
    }

    public var policy: Policy
    /// Priority of each channel × tier (higher first); a free agent takes the waiting
    /// contact of highest priority, then the one that has waited longest.
    public var priorities: [[Int]]
    /// Call blending with a threshold: an agent who takes live contacts starts backlog work
    /// (email, tickets) only if at least this share of its team's live agents on the phones
    /// stays idle, so the first calls of the morning do not find everyone inside an email.
    /// 0 = backlog whenever no live contact waits. (Threshold reservation is the optimal shape
    /// of blending policies: Bhulai & Koole, 2003.)
    /// (Per team and work, a reservation of a number of idle agents is `Skill.reserve`; this
    /// share is the same rule for all backlog work.)
    public var backlogReserve: Double

    public init(policy: Policy = .longestIdle, priorities: [[Int]], backlogReserve: Double = 0) {
        self.policy = policy
        self.priorities = priorities
        self.backlogReserve = backlogReserve
    }
}
