/// How contacts meet agents. A small closed set of policies, so each stays fast and testable.
public struct RoutingSpec: Sendable, Hashable {
    public enum Policy: String, Sendable, Hashable, CaseIterable {
        /// A contact goes to the qualified agent who has been idle longest, across teams.
        case longestIdle = "longest_idle"
        /// Teams are tried in the order listed; within a team, the longest-idle agent.
        case teamOrder = "team_order"
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
    public var backlogReserve: Double

    public init(policy: Policy = .longestIdle, priorities: [[Int]], backlogReserve: Double = 0) {
        self.policy = policy
        self.priorities = priorities
        self.backlogReserve = backlogReserve
    }
}
