/// The escalation path of a tier, read from visit pairs: an escalated row followed by the
/// next visit of the same (replication, issue, contact) at stage `transfer` or `ticket`.
public struct EscalationPath: Sendable, Hashable {
    public var toTier: String
    /// `warm_transfer` or `ticket`, in the scenario's spelling.
    public var mode: String
    /// The ticket's channel.
    public var channel: String
    /// How many escalations were followed to a next visit.
    public var count: Int

    static func infer(_ rows: [ContactRow]) -> [String: EscalationPath] {
        struct Visit: Hashable { var replication: Int, issue: Int, contact: Int }
        var next: [Visit: [Int]] = [:]
        for (i, row) in rows.enumerated() {
            guard let issue = row.issue, let contact = row.contact else { continue }
            next[Visit(replication: row.replication, issue: issue, contact: contact), default: []].append(i)
        }
        var counts: [String: [EscalationPath: Int]] = [:]
        for visits in next.values {
            for (a, b) in zip(visits, visits.dropFirst()) where rows[a].outcome == "escalated" {
                let to = rows[b]
                guard to.stage == "transfer" || to.stage == "ticket" else { continue }
                let e = EscalationPath(toTier: to.tier, mode: to.stage == "ticket" ? "ticket" : "warm_transfer", channel: to.channel, count: 0)
                counts[rows[a].tier, default: [:]][e, default: 0] += 1
            }
        }
        return counts.mapValues { byPath in
            var best = byPath.max { $0.value < $1.value }!.key
            best.count = byPath.values.reduce(0, +)
            return best
        }
    }
}
