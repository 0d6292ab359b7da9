import ContactCenter
import Experiments
import Scenarios

/// The figures a sweep keeps per run, by name.
///
/// This is the one place that knows where metrics come from: the full model's
/// `CenterSummary`, through Experiments' `metricNames(for:)` / `metricValues(of:)`.
/// Names are qualified by scope (`voice.service_level`, `tier1.fcr`,
/// `frontline.occupancy`, `center.labour_cost`); the first channel's and first
/// team's metrics also go unqualified (`service_level`, `asa`, `occupancy`).
public enum RunMetrics {
    /// Every name `metrics(of:)` can give for runs of `scenario`; sweep files are checked against it.
    public static func names(for scenario: Scenario) -> [String] {
        metricNames(for: scenario) + worstIntervalNames(scenario.center.channels.map(\.name))
    }

    /// The run's metrics by name; a metric undefined in the run (e.g. ASA with nothing
    /// answered) is absent.
    public static func metrics(of summary: CenterSummary) -> [String: Double] {
        var values = metricValues(of: summary).filter { $0.value.isFinite }
        for (c, channel) in summary.channels.enumerated() {
            guard let worst = channel.worstInterval?.serviceLevel, worst.isFinite else { continue }
            values["\(channel.name).\(worstIntervalSuffix)"] = worst
            if c == 0 { values[worstIntervalSuffix] = worst }
        }
        return values
    }

    /// The lowest service level of any reporting interval of the run (`voice.service_level.worst_interval`):
    /// staffing research asks whether every interval holds, not only the whole-run mean. Undefined
    /// (absent) with a single interval. Its companion, the count of intervals (or penalty periods)
    /// below target, is the channel's `sla_misses`.
    static let worstIntervalSuffix = "service_level.worst_interval"

    /// `service_level.worst_interval` for the first channel, then `CHANNEL.service_level.worst_interval` for each.
    static func worstIntervalNames(_ channels: [String]) -> [String] {
        channels.isEmpty ? [] : [worstIntervalSuffix] + channels.map { "\($0).\(worstIntervalSuffix)" }
    }

    /// Simulates one replication of `scenario` with the full model (as `ccsim run` does) and reads
    /// its metrics and the per-interval `series` asked for.
    static func simulate(_ scenario: Scenario, replicationIndex: Int, series: [String] = [])
        throws -> (metrics: [String: Double], series: [IntervalSeries.Value]) {
        let result = try ContactCenterSimulator.run(scenario, replication: replicationIndex)
        let summary = CenterSummary(scenario: scenario, replications: [result])
        return (metrics(of: summary), IntervalSeries.values(of: summary, keeping: series))
    }
}
