import ContactCenter
import Scenarios

/// The answer to `ccsim run`: every metric across replications, for the whole
/// run and for each reporting interval.
public struct RunSummary: Sendable {
    public var scenario: Scenario
    public var confidenceLevel: Double
    public var replications: [ReplicationResult]
    public var metrics: [MetricSummary]
    public var intervals: [IntervalSummary]

    public struct IntervalSummary: Sendable {
        public var index: Int
        public var start: Double
        public var length: Double
        public var metrics: [MetricSummary]
    }

    public init(scenario: Scenario, replications: [ReplicationResult], confidenceLevel: Double = 0.95) {
        self.scenario = scenario
        self.confidenceLevel = confidenceLevel
        self.replications = replications
        let convention = scenario.serviceLevel.convention
        metrics = Metric.allCases.map { metric in
            MetricSummary(
                metric: metric,
                values: replications.compactMap { metric.value(in: $0, convention: convention) },
                level: confidenceLevel
            )
        }
        let intervalCount = replications.map(\.intervals.count).min() ?? 0
        intervals = (0..<intervalCount).map { i in
            let slices = replications.map { $0.intervals[i] }
            return IntervalSummary(
                index: i,
                start: slices[0].start,
                length: slices[0].length,
                metrics: Metric.perInterval.map { metric in
                    MetricSummary(
                        metric: metric,
                        values: slices.compactMap { metric.value(in: $0, convention: convention) },
                        level: confidenceLevel
                    )
                }
            )
        }
    }

    public subscript(metric: Metric) -> MetricSummary {
        metrics.first { $0.metric == metric }!
    }

    /// Total events and arrivals simulated, warm-ups included.
    public var eventsHandled: Int { replications.reduce(0) { $0 + $1.eventsHandled } }
    public var arrivalsSimulated: Int { replications.reduce(0) { $0 + $1.arrivalsSimulated } }
}
