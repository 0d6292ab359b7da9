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

    /// Shares of a team that is a channel's overflow group (`overflow_after`) as well as the first
    /// choice of others: its agents go to its first-choice channels up to their weights (what they
    /// require), and only the rest to its overflow channels, in proportion to theirs; a share is
    /// counted where the team is meant to work, not where it only helps out. `overflow[k]` says
    /// whether channel k is overflow work of the team. Without both kinds, `shares(weights)`.
    /// `available` is the team's agents in the interval (> 0 for a meaningful split).
    public static func shares(_ weights: [Double], overflow: [Bool], available: Double) -> [Double] {
        precondition(weights.count == overflow.count, "one overflow flag per weight")
        guard overflow.contains(true), overflow.contains(false), available.isFinite, available > 0 else { return shares(weights) }
        let clean = weights.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        let firstNeed = zip(clean, overflow).filter { !$0.1 }.map(\.0).reduce(0, +)
        let overflowNeed = zip(clean, overflow).filter { $0.1 }.map(\.0).reduce(0, +)
        // Nothing to overflow to: the first-choice channels keep every agent.
        let toFirst = overflowNeed > 0 ? min(available, firstNeed) / available : 1
        // Each kind shares its part among its own channels (equally when they all weigh 0).
        func within(_ members: [Int]) -> [Int: Double] { Dictionary(uniqueKeysWithValues: zip(members, shares(members.map { clean[$0] }))) }
        let first = within(overflow.indices.filter { !overflow[$0] }), second = within(overflow.indices.filter { overflow[$0] })
        return overflow.indices.map { k in overflow[k] ? (1 - toFirst) * second[k]! : toFirst * first[k]! }
    }
}
