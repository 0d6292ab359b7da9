/// How sure a staffing level must be to count as meeting a target, across replications.
public enum ConfidenceRule: String, Sendable, Hashable, CaseIterable {
    /// The lower end of the 95% confidence interval of the service level is at or above the
    /// target (and the upper ends of ASA and abandonment at or below their ceilings).
    case lowerBound = "lower-bound"
    /// The mean across replications meets the target.
    case mean

    /// The value a check compares with a floor target (service level).
    func floorValue(_ e: Estimate) -> Double { self == .lowerBound ? e.low : e.mean }
    /// The value a check compares with a ceiling (ASA, abandonment).
    func ceilingValue(_ e: Estimate) -> Double { self == .lowerBound ? e.high : e.mean }
}

/// A mean across replications with its 95% confidence interval (low = high = mean with one replication).
public struct Estimate: Sendable, Hashable {
    public var mean: Double
    public var low: Double
    public var high: Double

    public init(mean: Double, low: Double, high: Double) {
        self.mean = mean
        self.low = low
        self.high = high
    }
}
