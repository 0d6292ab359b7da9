import ContactCenter
import Experiments
import Scenarios

/// The figures a sweep keeps per run, by name.
///
/// This is the one place that knows where metrics come from (today: `RunSummary`'s whole-run
/// `Metric`s). Names are plain strings so that channel-qualified names such as
/// `voice.service_level` can be added here without touching the store or the summaries.
public enum RunMetrics {
    /// Every name `metrics(of:)` can give for runs of `scenario`; sweep files are checked against it.
    public static func names(for scenario: Scenario) -> [String] {
        Metric.allCases.map(\.rawValue)
    }

    /// The run's metrics by name; a metric undefined in the run (e.g. ASA with nothing
    /// answered) is absent.
    public static func metrics(of summary: RunSummary) -> [String: Double] {
        var values: [String: Double] = [:]
        for item in summary.metrics {
            if let mean = item.mean, mean.isFinite { values[item.metric.rawValue] = mean }
        }
        return values
    }

    /// Simulates one replication of `scenario` and reads its metrics.
    static func simulate(_ scenario: Scenario, replicationIndex: Int) throws -> [String: Double] {
        let result = try ContactCenterSimulator.run(scenario, replication: replicationIndex)
        return metrics(of: RunSummary(scenario: scenario, replications: [result]))
    }
}
