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
        /// Contacts that missed the target (not answered within T), summed over replications,
        /// by slot and tier: `missed[slot]![tier]`.
        public var missed: [Int: [Double]]
    }

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
            var missed: [Int: [Double]] = [:]
            for result in results {
                var total = OutcomeCounts()
                for i in group.intervals where i < result.intervalCount {
                    let slot = calendar.slotOfInterval[i]
                    for k in 0..<tiers {
                        let o = result.cell(interval: i, channel: group.channel, tier: k).outcomes
                        total.accumulate(o)
                        missed[slot, default: Array(repeating: 0, count: tiers)][k] += Double(max(0, o.offered - o.callbacks - o.answeredWithinTarget))
                    }
                }
                if let v = total.serviceLevel(convention) { sl.add(v) }
                if let v = total.averageSpeedOfAnswer { asa.add(v) }
                if let v = total.abandonmentRate { abandon.add(v) }
            }
            let slE = Self.estimate(sl), asaE = Self.estimate(asa), abE = Self.estimate(abandon)
            var margin = Double.infinity
            if let slE { margin = rule.floorValue(slE) - channel.serviceLevel.target }
            var passes = margin >= -1e-12
            if let max = channel.maxAverageSpeedOfAnswer, let asaE, rule.ceilingValue(asaE) > max {
                passes = false
                margin = min(margin, -0.01)
            }
            if let max = channel.maxAbandonmentRate, let abE, rule.ceilingValue(abE) > max {
                passes = false
                margin = min(margin, -0.01)
            }
            if group.intervals.isEmpty { passes = true; margin = .infinity }
            return GroupResult(group: group, serviceLevel: slE, averageSpeedOfAnswer: asaE, abandonment: abE,
                               passes: passes, margin: margin, missed: missed)
        }

        let grid = calendar.grid
        slotServiceLevel = center.channels.enumerated().map { c, channel in
            (0..<grid.slotCount).map { s in
                let occurrences = calendar.occurrences(of: s)
                var tally = Tally()
                for result in results {
                    var total = OutcomeCounts()
                    for i in occurrences where i < result.intervalCount { total.accumulate(result.outcomes(interval: i, channel: c)) }
                    if let v = total.serviceLevel(channel.serviceLevel.convention) { tally.add(v) }
                }
                return Self.estimate(tally)
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

    static func estimate(_ tally: Tally) -> Estimate? {
        guard tally.count > 0 else { return nil }
        guard let ci = tally.confidenceInterval(level: 0.95) else { return Estimate(mean: tally.mean, low: tally.mean, high: tally.mean) }
        return Estimate(mean: tally.mean, low: ci.lower, high: ci.upper)
    }
}

extension OutcomeCounts {
    mutating func accumulate(_ o: OutcomeCounts) {
        offered += o.offered
        answered += o.answered
        abandoned += o.abandoned
        delayed += o.delayed
        answeredWithinTarget += o.answeredWithinTarget
        abandonedBeforeTarget += o.abandonedBeforeTarget
        answeredWaitSum += o.answeredWaitSum
        queueTimeSum += o.queueTimeSum
        callbacks += o.callbacks
        callbacksWithinPromise += o.callbacksWithinPromise
    }
}
