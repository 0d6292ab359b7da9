import ContactCenter
import Scenarios

/// Expected contacts per planning interval in every (channel, tier) queue, with the flows
/// between queues that formulas can approximate.
///
/// Approximations, stated because they are where Erlang and the simulator part ways:
/// - new contacts: the scenario's demand integrated over each interval (busyness at its mean 1),
///   averaged over the run's occurrences of that weekday and time (warm-up included, so the
///   warm-up is staffed like the rest), split among tiers by the channel's shares or, where a
///   forecast gives `share_<tier>` columns, by each forecast interval's own mix;
/// - escalations: a tier's handled contacts × its escalated share move, in the same interval,
///   to the next tier's queue (warm transfers on the same channel, tickets on the ticket channel);
///   abandonment before handling is ignored, so the flow is slightly overstated;
/// - repeats: unresolved (and never abandoned) contacts come back at the same weekday and time,
///   an average uplift 1/(1 − unresolved share × repeat probability) on the queue's inflow, not
///   the day-later, opening-hours-shifted arrivals the simulator draws;
/// - callbacks, overflow groups and the initial queue are not modelled.
public struct QueueFlows: Sendable {
    public let channels: Int
    public let tiers: Int
    /// Expected contacts entering queue (c, k) in one occurrence of week slot s, all stages:
    /// `total[s][c * tiers + k]`.
    public let total: [[Double]]
    /// Expected first-stage contacts (new and repeats; those whose wait counts in the service level).
    public let firstContacts: [[Double]]

    public init(center: CenterSpec, calendar: RunCalendar) {
        let channels = center.channels.count, tiers = center.tiers.count
        self.channels = channels
        self.tiers = tiers
        let grid = calendar.grid
        let length = grid.intervalLength
        // New contacts per slot and channel, averaged over occurrences.
        var newContacts = Array(repeating: Array(repeating: 0.0, count: channels), count: grid.slotCount)
        // Expected new contacts per tier where a forecast gives per-interval tier shares (else empty).
        var mix = Array(repeating: Array(repeating: [Double](), count: channels), count: grid.slotCount)
        for (c, channel) in center.channels.enumerated() {
            var demand = channel.demand
            if case .daily(var daily) = demand.pattern {
                daily.busynessCV = nil   // expected volume: busyness has mean 1
                demand.pattern = .daily(daily)
            } else if case .forecast(var forecast) = demand.pattern {
                forecast.busynessCV = nil
                demand.pattern = .forecast(forecast)
            }
            let generator = ArrivalGenerator(demand: demand, startWeekday: center.startWeekday, horizonEnd: calendar.runEnd)
            var sum = Array(repeating: 0.0, count: grid.slotCount), count = Array(repeating: 0, count: grid.slotCount)
            for (i, start) in calendar.simulatedStart.enumerated() {
                let s = calendar.slotOfSimulated[i]
                let end = min(start + length, calendar.runEnd)
                sum[s] += generator.expectedArrivals(from: start, to: end)
                count[s] += 1
                if case let .forecast(forecast) = demand.pattern, forecast.tierShares != nil {
                    Self.addForecastMix(forecast, default: channel.tierShares, from: start, to: end, generator: generator, into: &mix[s][c])
                }
            }
            for s in 0..<grid.slotCount where count[s] > 0 { newContacts[s][c] = sum[s] / Double(count[s]) }
        }

        var total = Array(repeating: Array(repeating: 0.0, count: channels * tiers), count: grid.slotCount)
        var first = total
        for s in 0..<grid.slotCount {
            var base = Array(repeating: 0.0, count: channels * tiers)
            for (c, channel) in center.channels.enumerated() {
                let weights = mix[s][c], weighed = weights.reduce(0, +)
                let shares = weighed > 0 ? weights.map { $0 / weighed } : channel.tierShares
                for k in 0..<tiers where k < shares.count { base[c * tiers + k] = newContacts[s][c] * shares[k] }
            }
            // Fixed point of inflow = base + transfers in + repeats in (geometric, converges fast).
            var inflow = base
            var repeatsIn = Array(repeating: 0.0, count: channels * tiers)
            for _ in 0..<100 {
                var transfers = Array(repeating: 0.0, count: channels * tiers)
                var repeats = Array(repeating: 0.0, count: channels * tiers)
                for c in 0..<channels {
                    for k in 0..<tiers {
                        let q = inflow[c * tiers + k]
                        guard q > 0 else { continue }
                        let tier = center.tiers[k]
                        var unresolvedShare = 1 - tier.resolved
                        if let escalation = tier.escalation {
                            unresolvedShare -= tier.escalated
                            let target = escalation.mode == .ticket ? (escalation.ticketChannel ?? c) : c
                            transfers[target * tiers + escalation.toTier] += q * tier.escalated
                        }
                        if let comeback = tier.repeats {
                            let share: Double = max(0, unresolvedShare) * comeback.afterUnresolved
                            repeats[(comeback.channel ?? c) * tiers + k] += q * share
                        }
                    }
                }
                let next = (0..<base.count).map { base[$0] + transfers[$0] + repeats[$0] }
                let change = zip(next, inflow).map { abs($0 - $1) }.max() ?? 0
                inflow = next
                repeatsIn = repeats
                if change < 1e-9 { break }
            }
            total[s] = inflow
            first[s] = (0..<base.count).map { base[$0] + repeatsIn[$0] }
        }
        self.total = total
        firstContacts = first
    }

    /// Adds the expected new contacts of [from, to) per tier, each forecast interval split by its
    /// own `share_<tier>` mix (the channel's where the file gives none), as the simulator draws them.
    static func addForecastMix(_ forecast: ForecastDemand, default shares: [Double], from: Double, to: Double,
                               generator: ArrivalGenerator, into weights: inout [Double]) {
        if weights.isEmpty { weights = Array(repeating: 0, count: shares.count) }
        var j = Int((from / forecast.interval).rounded(.down))
        while Double(j) * forecast.interval < to {
            let start = max(from, Double(j) * forecast.interval), end = min(to, Double(j + 1) * forecast.interval)
            if end > start {
                let expected = generator.expectedArrivals(from: start, to: end)
                let mix = (j >= 0 ? forecast.tierShares?[safe: j] ?? nil : nil) ?? shares
                for k in weights.indices where k < mix.count { weights[k] += expected * mix[k] }
            }
            j += 1
        }
    }

    /// Expected first-stage contacts of channel c in slot s, all tiers.
    public func firstContacts(slot s: Int, channel c: Int) -> Double {
        (0..<tiers).reduce(0) { $0 + firstContacts[s][c * tiers + $1] }
    }
}
