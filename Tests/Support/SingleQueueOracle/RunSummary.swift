import ContactCenter
import Experiments
import Scenarios

/// The foundation single-queue model's replications summarised, metric by metric.
///
/// `ccsim run` reports through `CenterSummary` (the full model); the validation suite checks
/// the oracle against Erlang C/A through this, and the full model reduces exactly to the oracle.
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

    /// What the foundation model measures, whole run and per interval.
    public static let wholeRun: [Metric] = [
        .offered, .answered, .abandoned, .serviceLevel, .serviceLevelOffered, .serviceLevelExcludingShortAbandons,
        .serviceLevelAnswered, .averageSpeedOfAnswer, .waitP50, .waitP90, .waitP95, .abandonmentRate,
        .probabilityOfWait, .meanTimeInQueue, .meanQueueLength, .occupancy,
    ]
    public static let perInterval: [Metric] = [
        .offered, .answered, .abandoned, .serviceLevel, .averageSpeedOfAnswer,
        .abandonmentRate, .probabilityOfWait, .occupancy, .meanQueueLength,
    ]

    public init(scenario: Scenario, replications: [ReplicationResult], confidenceLevel: Double = 0.95) {
        self.scenario = scenario
        self.confidenceLevel = confidenceLevel
        self.replications = replications
        let convention = scenario.singleQueue?.serviceLevel.convention ?? .offered
        metrics = Self.wholeRun.map { metric in
            MetricSummary(
                metric: metric,
                values: replications.compactMap { Self.value(metric, in: $0, convention: convention) },
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
                metrics: Self.perInterval.map { metric in
                    MetricSummary(
                        metric: metric,
                        values: slices.compactMap { Self.value(metric, in: $0, convention: convention) },
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

    /// The value of `metric` in `period`, or `nil` where it is undefined (e.g. no contact was answered).
    static func value(_ metric: Metric, in period: some MeasuredPeriod, convention: ServiceLevelConvention) -> Double? {
        let counts = period.counts
        switch metric {
        case .offered: return Double(counts.offered)
        case .answered: return Double(counts.answered)
        case .abandoned: return Double(counts.abandoned)
        case .serviceLevel: return counts.serviceLevel(convention)
        case .serviceLevelOffered: return counts.serviceLevel(.offered)
        case .serviceLevelExcludingShortAbandons: return counts.serviceLevel(.excludingShortAbandons)
        case .serviceLevelAnswered: return counts.serviceLevel(.answered)
        case .averageSpeedOfAnswer: return counts.averageSpeedOfAnswer
        case .waitP50: return period.waitQuantile(.p50)
        case .waitP90: return period.waitQuantile(.p90)
        case .waitP95: return period.waitQuantile(.p95)
        case .abandonmentRate: return counts.abandonmentRate
        case .probabilityOfWait: return counts.probabilityOfWait
        case .meanTimeInQueue: return counts.meanTimeInQueue
        case .meanQueueLength: return period.meanQueueLength
        case .occupancy: return period.occupancy
        default: return nil
        }
    }
}
