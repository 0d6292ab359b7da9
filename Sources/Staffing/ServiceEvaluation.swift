import ContactCenter
import Experiments
import Scenarios
import Statistics

/// What one staffing plan achieved in simulation: every check group against the channel's
/// targets under the confidence rule, and per-slot service levels and occupancy for the table.
public struct ServiceEvaluation: Sendable {
    public struct GroupResult: Sendable {
        public var group: CheckGroup
        public var serviceLevel: Estimate?
        public var averageSpeedOfAnswer: Estimate?
        public var abandonment: Estimate?
        /// Whether the targets hold under the rule (true when nothing was measured).
        public var passes: Bool
        /// Service-level points above the target under the rule (negative: short by that much).
        public var margin: Double
        /// The check that failed worst (nil when the group passes).
        public var failure: Failure?
        /// The whole 95% interval on the wrong side of a target (service level, ASA or
        /// abandonment), whatever the rule: evidence that the target is not met (see `Recheck`).
        public var clearlyShort: Bool
        /// How much each slot and tier contributed to the failing check, summed over replications
        /// (`blame[slot]![tier]`): contacts not answered within T for the service level, abandoned
        /// contacts for the abandonment ceiling, seconds waited for ASA.
        public var blame: [Int: [Double]]
    }

    public enum Failure: Sendable, Hashable { case serviceLevel, abandonment, averageSpeedOfAnswer }

    public var groups: [GroupResult]
    /// Channel × slot: the service level of that slot's measured occurrences (pooled over weeks).
    public var slotServiceLevel: [[Estimate?]]
    /// Team × slot: busy time over available time, pooled over replications and weeks.
    public var occupancy: [[Double?]]
    /// Mean labour cost of one run (all teams, overtime included), from the model.
    public var labourCost: Double
    public var passes: Bool { groups.allSatisfy(\.passes) }

    public init(center: CenterSpec, calendar: RunCalendar, groups: [CheckGroup], rule: ConfidenceRule, results: [CenterResult]) {
        let tiers = center.tiers.count
        self.groups = groups.map { group in
            let channel = center.channels[group.channel]
            let convention = channel.serviceLevel.convention
            var sl = Tally(), asa = Tally(), abandon = Tally()
            var missed: [Int: [Double]] = [:], abandoned: [Int: [Double]] = [:], waited: [Int: [Double]] = [:]
            for result in results {
                var total = OutcomeCounts()
                for i in group.intervals where i < result.intervalCount {
                    let slot = calendar.slotOfInterval[i]
                    for k in 0..<tiers {
                        let o = result.cell(interval: i, channel: group.channel, tier: k).outcomes
                        total.add(o)
                        missed[slot, default: Array(repeating: 0, count: tiers)][k] += Double(max(0, o.offered - o.callbacksAccepted - o.answeredWithinTarget))
                        abandoned[slot, default: Array(repeating: 0, count: tiers)][k] += Double(o.abandoned)
                        waited[slot, default: Array(repeating: 0, count: tiers)][k] += o.answeredWaitSum
                    }
                }
                if let v = total.serviceLevel(convention) { sl.add(v) }
                if let v = total.averageSpeedOfAnswer { asa.add(v) }
                if let v = total.abandonmentRate { abandon.add(v) }
            }
            let slE = Self.estimate(sl, highest: 1), asaE = Self.estimate(asa), abE = Self.estimate(abandon, highest: 1)
            // Margins on one scale, service-level points: an abandonment point counts as two,
            // ASA's relative slack as a tenth.
            var margins: [(Failure, Double)] = []
            if let slE { margins.append((.serviceLevel, rule.floorValue(slE) - channel.serviceLevel.target)) }
            if let max = channel.maxAbandonmentRate, let abE { margins.append((.abandonment, 2 * (max - rule.ceilingValue(abE)))) }
            if let max = channel.maxAverageSpeedOfAnswer, let asaE, max > 0 {
                margins.append((.averageSpeedOfAnswer, 0.1 * (max - rule.ceilingValue(asaE)) / max))
            }
            let worst = margins.min { $0.1 < $1.1 }
            var margin = worst?.1 ?? .infinity
            var failure = worst.flatMap { $0.1 < -1e-12 ? $0.0 : nil }
            if group.intervals.isEmpty { failure = nil; margin = .infinity }
            var clearlyShort = false
            if let slE, slE.high < channel.serviceLevel.target - 1e-12 { clearlyShort = true }
            if let max = channel.maxAbandonmentRate, let abE, abE.low > max + 1e-12 { clearlyShort = true }
            if let max = channel.maxAverageSpeedOfAnswer, let asaE, asaE.low > max + 1e-12 { clearlyShort = true }
            if group.intervals.isEmpty { clearlyShort = false }
            let blame: [Int: [Double]] = switch failure {
            case .abandonment: abandoned
            case .averageSpeedOfAnswer: waited
            default: missed
            }
            return GroupResult(group: group, serviceLevel: slE, averageSpeedOfAnswer: asaE, abandonment: abE,
                               passes: failure == nil, margin: margin, failure: failure, clearlyShort: clearlyShort, blame: blame)
        }

        let grid = calendar.grid
        slotServiceLevel = center.channels.enumerated().map { c, channel in
            (0..<grid.slotCount).map { s in
                let occurrences = calendar.occurrences(of: s)
                var tally = Tally()
                for result in results {
                    var total = OutcomeCounts()
                    for i in occurrences where i < result.intervalCount { total.add(result.outcomes(interval: i, channel: c)) }
                    if let v = total.serviceLevel(channel.serviceLevel.convention) { tally.add(v) }
                }
                return Self.estimate(tally, highest: 1)
            }
        }
        occupancy = center.teams.indices.map { t in
            (0..<grid.slotCount).map { s in
                var busy = 0.0, available = 0.0
                for result in results {
                    for i in calendar.occurrences(of: s) where i < result.intervalCount {
                        let cell = result.teamIntervals[i * result.teams + t]
                        busy += cell.meanBusy
                        available += cell.meanAvailable
                    }
                }
                return available > 0 ? busy / available : nil
            }
        }
        let costs = results.map { result in
            zip(result.teamTotals, center.teams).reduce(0.0) { $0 + TeamSummary.labourCost($1.0, spec: $1.1) }
        }
        labourCost = costs.isEmpty ? 0 : costs.reduce(0, +) / Double(costs.count)
    }

    /// Mean and 95% interval, cut to the possible values (≥ 0; at most `highest`: 1 for shares).
    static func estimate(_ tally: Tally, highest: Double = .infinity) -> Estimate? {
        guard tally.count > 0 else { return nil }
        guard let ci = tally.confidenceInterval(level: 0.95)?.within(0, highest) else {
            return Estimate(mean: tally.mean, low: tally.mean, high: tally.mean)
        }
        return Estimate(mean: tally.mean, low: ci.lower, high: ci.upper)
    }
}
