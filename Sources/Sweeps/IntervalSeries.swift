import Experiments
import Scenarios

/// The per-interval series a sweep can record (`series:` in a sweep file): a metric of one
/// scope by reporting interval, such as `voice.service_level` interval by interval, so staffing
/// research can ask whether every interval holds, not only the whole-run mean.
///
/// Names follow `RunMetrics`: qualified by scope (`voice.service_level`, `tier1.handled`,
/// `frontline.occupancy`); the first channel's and first team's series also go unqualified
/// (`service_level`, `occupancy`), the channel's winning where both have the name. The metrics
/// are the summaries' own per-interval metrics (`ChannelSummary.perInterval`, …).
public enum IntervalSeries {
    /// One interval's value of a recorded series in one run.
    public struct Value: Sendable, Hashable {
        public var series: String
        public var interval: Int
        /// Seconds after the end of the warm-up, and the interval's length (shorter for a last
        /// interval cut by `max_arrivals`).
        public var start: Double
        public var length: Double
        /// Nil where the metric is undefined in the interval (no answered contact: no ASA).
        public var value: Double?

        public init(series: String, interval: Int, start: Double, length: Double, value: Double?) {
            self.series = series
            self.interval = interval
            self.start = start
            self.length = length
            self.value = value
        }
    }

    /// Every series name runs of `scenario` can record; sweep files are checked against it.
    public static func names(for scenario: Scenario) -> [String] {
        var seen = Set<String>()
        return named(scenario.center.channels.map { ($0.name, ChannelSummary.perInterval($0)) },
                     tiers: scenario.center.tiers.map(\.name), teams: scenario.center.teams.map(\.name))
            .map(\.name).filter { seen.insert($0).inserted }
    }

    /// The values of `wanted` in a one-replication summary, interval by interval.
    public static func values(of summary: CenterSummary, keeping wanted: [String]) -> [Value] {
        guard !wanted.isEmpty else { return [] }
        let sets: [(name: String, intervals: [MetricSet], metric: Metric)] = {
            var out: [(String, [MetricSet], Metric)] = []
            for (name, scope, metric) in named(summary.channels.map { ($0.name, $0.intervals.first.map { set in set.items.map(\.metric) } ?? ChannelSummary.perInterval) },
                                               tiers: summary.tiers.map(\.name), teams: summary.teams.map(\.name)) {
                let intervals: [MetricSet] = switch scope {
                case .channel(let c): summary.channels[c].intervals
                case .tier(let k): summary.tiers[k].intervals
                case .team(let t): summary.teams[t].intervals
                }
                out.append((name, intervals, metric))
            }
            return out
        }()
        var values: [Value] = []
        for name in wanted {
            guard let found = sets.first(where: { $0.name == name }) else { continue }
            for (interval, set) in zip(summary.intervals, found.intervals) {
                let value = set[found.metric]?.mean
                values.append(Value(series: name, interval: interval.index, start: interval.start, length: interval.length,
                                    value: value.flatMap { $0.isFinite ? $0 : nil }))
            }
        }
        return values
    }

    private enum Scope { case channel(Int), tier(Int), team(Int) }

    /// (name, scope, metric) in precedence order: unqualified first (first channel, then first team), then by scope.
    private static func named(_ channels: [(name: String, metrics: [Metric])], tiers: [String], teams: [String])
        -> [(name: String, scope: Scope, metric: Metric)] {
        var named: [(String, Scope, Metric)] = []
        if let first = channels.first { named += first.metrics.map { ($0.rawValue, .channel(0), $0) } }
        if !teams.isEmpty { named += TeamSummary.perInterval.map { ($0.rawValue, .team(0), $0) } }
        for (c, channel) in channels.enumerated() { named += channel.metrics.map { ("\(channel.name).\($0.rawValue)", .channel(c), $0) } }
        for (k, tier) in tiers.enumerated() { named += TierSummary.perInterval.map { ("\(tier).\($0.rawValue)", .tier(k), $0) } }
        for (t, team) in teams.enumerated() { named += TeamSummary.perInterval.map { ("\(team).\($0.rawValue)", .team(t), $0) } }
        return named
    }
}
