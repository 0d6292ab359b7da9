/// The metrics of one scope — a channel, tier, team, the whole center, or one
/// interval of them — each summarised across replications.
///
/// Built from one `[Metric: Double]` per replication: a metric a replication
/// leaves out (undefined there, e.g. ASA with nothing answered) does not count
/// towards its mean, as in `MetricSummary`.
public struct MetricSet: Sendable, Hashable {
    /// In reporting order.
    public var items: [MetricSummary]

    public init(_ metrics: [Metric], perReplication figures: [[Metric: Double]], level: Double) {
        items = metrics.map { metric in
            MetricSummary(metric: metric, values: figures.compactMap { $0[metric] }.filter(\.isFinite), level: level)
        }
    }

    public subscript(metric: Metric) -> MetricSummary? {
        items.first { $0.metric == metric }
    }
}
