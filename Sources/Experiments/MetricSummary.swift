import Statistics

/// A metric across replications: mean, spread and a Student-t confidence interval.
public struct MetricSummary: Sendable, Hashable, Codable {
    public var metric: Metric
    /// Replications in which the metric was defined.
    public var replications: Int
    public var mean: Double?
    public var standardDeviation: Double?
    /// `nil` with fewer than two replications. Student t on the replications' values, cut to the
    /// metric's possible values (`Metric.possibleRange`): a share within 0…1, the rest ≥ 0.
    public var confidenceInterval: ConfidenceInterval?

    public init(metric: Metric, values: [Double], level: Double) {
        // Ratios of time integrals (occupancy of a team busy throughout) can land a rounding
        // error outside the possible range: those values are brought back to its bound.
        let range = metric.possibleRange
        var tally = Tally()
        for value in values { tally.add(min(max(value, range.lowerBound), range.upperBound)) }
        self.metric = metric
        replications = tally.count
        mean = tally.count > 0 ? tally.mean : nil
        standardDeviation = tally.count > 1 ? tally.standardDeviation : nil
        confidenceInterval = tally.confidenceInterval(level: level)?.within(range.lowerBound, range.upperBound)
    }
}
