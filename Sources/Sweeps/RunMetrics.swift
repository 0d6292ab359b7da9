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
        metricNames(for: scenario)
    }

    /// The run's metrics by name; a metric undefined in the run (e.g. ASA with nothing
    /// answered) is absent.
    public static func metrics(of summary: CenterSummary) -> [String: Double] {
        metricValues(of: summary).filter { $0.value.isFinite }
    }

    /// Simulates one replication of `scenario` with the full model (as `ccsim run` does) and reads its metrics.
    static func simulate(_ scenario: Scenario, replicationIndex: Int) throws -> [String: Double] {
        let result = try ContactCenterSimulator.run(scenario, replication: replicationIndex)
        return metrics(of: CenterSummary(scenario: scenario, replications: [result]))
    }
}
