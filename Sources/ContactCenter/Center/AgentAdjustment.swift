/// How one agent's tenure and training change its work, refreshed once a week and read on the
/// hot path with one array access: multipliers on the drawn handle time, on the tier's resolved
/// and escalated shares, and on the chance that an unresolved customer comes back.
/// All 1 for agents without workforce dynamics, which leaves results bit-for-bit unchanged.
struct AgentAdjustment {
    var handleTime = 1.0
    var resolved = 1.0
    /// Percentage points (as a share) added to the resolved share after the multiplier: a
    /// training FCR change written in points.
    var resolvedPoints = 0.0
    var escalated = 1.0
    var repeats = 1.0
    /// Most chats at once (a trainee's limit); the channel's concurrency applies on top.
    var maxChats = Int.max
    /// Tiers the agent may take, bit k for tier k (tiers beyond 63 are never limited).
    var tierMask = UInt64.max

    @inline(__always)
    func mayTake(tier: Int) -> Bool { tier >= 64 || tierMask & (1 << UInt64(tier)) != 0 }
}
