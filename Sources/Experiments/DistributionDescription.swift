import Stochastics

extension Distribution {
    /// A one-phrase description for tables: `exponential, mean 5m`, `lognormal, mean 4m, cv 0.70`.
    public var summary: String {
        switch self {
        case .exponential(let mean): return "exponential, mean \(Formatting.duration(mean))"
        case .deterministic(let value): return "fixed \(Formatting.duration(value))"
        default: return "\(family), mean \(Formatting.duration(mean)), cv \(Formatting.number(cv))"
        }
    }
}
