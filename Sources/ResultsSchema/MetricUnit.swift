/// What a metric measures, which fixes how it is written (`ValueText.value`) and the values it
/// can take (`possibleRange`): a share lies in 0…1, every other figure is ≥ 0.
public enum MetricUnit: String, Sendable, CaseIterable {
    /// Whole contacts, handlings, periods (a mean across replications may be fractional).
    case count
    case share, seconds
    /// Time-averaged contacts (queue length, backlog).
    case contacts
    /// Time-averaged agents.
    case agents
    case hours, money

    public var possibleRange: ClosedRange<Double> {
        self == .share ? 0...1 : 0...Double.infinity
    }
}
