import Foundation

/// Everything fitted from one contact log: the model behind `ccsim fit`.
///
/// Fits that fail (too few observations) are kept as messages rather than aborting the
/// whole log, so a sparse channel/tier does not hide the others.
public struct LogFit: Sendable {
    public struct Key: Hashable, Sendable, Comparable {
        public var channel: String
        public var tier: String
        public init(channel: String, tier: String) {
            self.channel = channel
            self.tier = tier
        }
        public static func < (a: Key, b: Key) -> Bool { (a.channel, a.tier) < (b.channel, b.tier) }
    }

    public var log: ContactLog
    /// In order of first appearance in the log.
    public var channels: [String]
    public var tiers: [String]
    public var handleTimes: [Key: Result<DurationFit, FittingError>]
    public var patience: [String: Result<PatienceFit, FittingError>]
    public var arrivals: [String: Result<ArrivalFit, FittingError>]
    /// Share of each tier among a channel's first-stage contacts.
    public var tierShares: [String: [String: Double]]
    /// Outcome shares of answered contacts per tier (all stages).
    public var resolution: [String: OutcomeShares]
    /// Where each tier's escalations went (the most common next visit), when the log links visits.
    public var escalations: [String: EscalationPath]
    /// Outcome shares of answered first-stage contacts, overall: `resolved` is the FCR.
    public var firstContact: OutcomeShares

    public init(_ log: ContactLog, interval: Double = 1800, startWeekday: Int = 0) {
        self.log = log
        var channels: [String] = [], tiers: [String] = []
        for row in log.rows {
            if !channels.contains(row.channel) { channels.append(row.channel) }
            if !tiers.contains(row.tier) { tiers.append(row.tier) }
        }
        self.channels = channels
        self.tiers = tiers
        var handle: [Key: [Double]] = [:]
        var waits: [String: CensoredSample] = [:]
        var firstArrivals: [String: [(replication: Int, time: Double)]] = [:]
        var tierCounts: [String: [String: Int]] = [:]
        var tierOutcomes: [String: [String]] = [:]
        var firstOutcomes: [String] = []
        for row in log.rows {
            if let h = row.handle { handle[Key(channel: row.channel, tier: row.tier), default: []].append(h) }
            if row.handle != nil { tierOutcomes[row.tier, default: []].append(row.outcome) }
            guard row.stage == "first" else { continue }
            firstArrivals[row.channel, default: []].append((row.replication, row.arrival))
            tierCounts[row.channel, default: [:]][row.tier, default: 0] += 1
            if row.handle != nil { firstOutcomes.append(row.outcome) }
            // Patience: an abandonment is an event at its wait; an answered contact is censored at its wait.
            guard row.outcome == "abandoned" || row.handle != nil else { continue }
            waits[row.channel, default: CensoredSample(times: [], events: [])].times.append(row.wait)
            waits[row.channel]!.events.append(row.outcome == "abandoned")
        }
        handleTimes = handle.reduce(into: [:]) { out, entry in
            out[entry.key] = Result { try DurationFit(entry.value, what: "handle time \(entry.key.channel)/\(entry.key.tier)") }
                .mapError { $0 as! FittingError }
        }
        patience = waits.reduce(into: [:]) { out, entry in
            // Channels with no abandonment at all (email) have no patience to fit.
            guard entry.value.eventCount > 0 else { return }
            out[entry.key] = Result { try PatienceFit(entry.value, what: "patience \(entry.key)") }.mapError { $0 as! FittingError }
        }
        arrivals = firstArrivals.reduce(into: [:]) { out, entry in
            out[entry.key] = Result { try ArrivalFit(arrivals: entry.value, interval: interval, startWeekday: startWeekday) }
                .mapError { $0 as! FittingError }
        }
        tierShares = tierCounts.mapValues { counts in
            let total = Double(counts.values.reduce(0, +))
            return counts.mapValues { Double($0) / total }
        }
        resolution = tierOutcomes.mapValues(OutcomeShares.init(outcomes:))
        escalations = EscalationPath.infer(log.rows)
        firstContact = OutcomeShares(outcomes: firstOutcomes)
    }
}
