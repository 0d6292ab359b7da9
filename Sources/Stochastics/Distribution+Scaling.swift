#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Distribution {
    /// The distribution of `factor · X`: same family and shape, stretched.
    ///
    /// Used for learning curves and proficiency (an agent at 80 % speed takes
    /// `handle.scaled(by: 1.25)`). The mean scales by `factor`, the cv is unchanged.
    /// - Precondition: `factor` is finite and greater than 0.
    public func scaled(by factor: Double) -> Distribution {
        precondition(factor > 0 && factor.isFinite, "scale factor must be finite and greater than 0, got \(factor)")
        switch self {
        case let .exponential(mean): return .exponential(mean: mean * factor)
        case let .gamma(shape, scale): return .gamma(shape: shape, scale: scale * factor)
        case let .erlang(phases, mean): return .erlang(phases: phases, mean: mean * factor)
        case let .lognormal(mu, sigma): return .lognormal(mu: mu + log(factor), sigma: sigma)
        case let .weibull(shape, scale): return .weibull(shape: shape, scale: scale * factor)
        case let .uniform(lower, upper): return .uniform(lower: lower * factor, upper: upper * factor)
        case let .triangular(lower, mode, upper):
            return .triangular(lower: lower * factor, mode: mode * factor, upper: upper * factor)
        case let .deterministic(value): return .deterministic(value * factor)
        case let .empirical(values): return .empirical(values.map { $0 * factor })
        case let .mixture(components):
            return .mixture(components.map {
                MixtureComponent(weight: $0.weight, distribution: $0.distribution.scaled(by: factor))
            })
        }
    }
}
