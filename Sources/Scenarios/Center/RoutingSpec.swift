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

    public init(policy: Policy = .longestIdle, priorities: [[Int]]) {
        self.policy = policy
        self.priorities = priorities
    }
}
