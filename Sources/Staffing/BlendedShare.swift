/// How the on-duty agents of a blended team (skills on several channels) are shared among those
/// channels in an interval, so that no agent is counted on two channels at once.
///
/// Why this rule: a WFM suite answers "is voice covered at 10:00?" for a blended pool by
/// apportioning its open agents to the skills in proportion to their requirement in the interval
/// (the busier channel takes more of the pool); counting each blended agent in full on every
/// channel overstates on-duty staff, by the whole blended headcount per extra channel. The weights
/// are each channel's Erlang requirement (agents) in the interval (a backlog channel: its offered
/// workload in Erlangs); when every weight is 0 (all channels closed), the agents are shared
/// equally. The shares always add up to 1: the agents of every channel add up to the agents on duty.
public enum BlendedShare {
    /// Shares of `weights` (≥ 0; negatives and non-finite values count as 0), adding up to 1; empty for none.
    public static func shares(_ weights: [Double]) -> [Double] {
        guard !weights.isEmpty else { return [] }
        let clean = weights.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        let total = clean.reduce(0, +)
        guard total > 0 else { return clean.map { _ in 1 / Double(clean.count) } }
        return clean.map { $0 / total }
    }
}
