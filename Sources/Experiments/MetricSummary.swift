import Statistics

/// A metric across replications: mean, spread and a Student-t confidence interval.
public struct MetricSummary: Sendable, Hashable, Codable {
    public var metric: Metric
    /// Replications in which the metric was defined.
    public var replications: Int
    public var mean: Double?
    public var standardDeviation: Double?
    /// `nil` with fewer than two replications.
    public var confidenceInterval: ConfidenceInterval?

    public init(metric: Metric, values: [Double], level: Double) {
        var tally = Tally()
        for value in values { tally.add(value) }
        self.metric = metric
        replications = tally.count
        mean = tally.count > 0 ? tally.mean : nil
        standardDeviation = tally.count > 1 ? tally.standardDeviation : nil
        confidenceInterval = tally.confidenceInterval(level: level)
    }
}
