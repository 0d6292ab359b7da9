/// How one agent's tenure and training change its work, refreshed once a week and read on the
/// hot path with one array access: multipliers on the drawn handle time, on the tier's resolved
/// and escalated shares, and on the chance that an unresolved customer comes back.
/// All 1 for agents without workforce dynamics, which leaves results bit-for-bit unchanged.
struct AgentAdjustment {
    var handleTime = 1.0
    var resolved = 1.0
    var escalated = 1.0
    var repeats = 1.0
}
