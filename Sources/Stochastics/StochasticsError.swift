/// Errors from setting up random streams.
public enum StochasticsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The run seed is outside `0...StreamPlan.maxSeed`.
    case seedOutOfRange(seed: UInt64, maximum: UInt64)

    public var description: String {
        switch self {
        case let .seedOutOfRange(seed, maximum):
            return "seed must be between 0 and \(maximum) (below 2^31), got \(seed)"
        }
    }
}
