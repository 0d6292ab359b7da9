import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Closed-form moments. Meaningful for valid distributions (see ``validate()``).
///
/// Because every case knows its mean and variance, one table-driven test can
/// check all samplers against theory.
extension Distribution {
    /// E[X].
    public var mean: Double {
        switch self {
        case let .exponential(mean): return mean
        case let .gamma(shape, scale): return shape * scale
        case let .erlang(_, mean): return mean
        case let .lognormal(mu, sigma): return exp(mu + sigma * sigma / 2)
        case let .weibull(shape, scale): return scale * gsl_sf_gamma(1 + 1 / shape)
        case let .uniform(lower, upper): return (lower + upper) / 2
        case let .triangular(lower, mode, upper): return (lower + mode + upper) / 3
        case let .deterministic(value): return value
        case let .empirical(values): return values.reduce(0, +) / Double(values.count)
        case let .mixture(components):
            let total = components.reduce(0) { $0 + $1.weight }
            return components.reduce(0) { $0 + $1.weight * $1.distribution.mean } / total
        }
    }

    /// Var[X] = E[(X − E[X])²].
    public var variance: Double {
        switch self {
        case let .exponential(mean): return mean * mean
        case let .gamma(shape, scale): return shape * scale * scale
        case let .erlang(phases, mean): return mean * mean / Double(phases)
        case let .lognormal(mu, sigma):
            let s2 = sigma * sigma
            return expm1(s2) * exp(2 * mu + s2)
        case let .weibull(shape, scale):
            let g1 = gsl_sf_gamma(1 + 1 / shape)
            return scale * scale * (gsl_sf_gamma(1 + 2 / shape) - g1 * g1)
        case let .uniform(lower, upper):
            let width = upper - lower
            return width * width / 12
        case let .triangular(a, c, b):
            return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        case .deterministic: return 0
        case let .empirical(values):
            // Population variance: resampling draws each value with probability 1/n.
            let m = mean
            return values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count)
        case let .mixture(components):
            // Law of total variance: E[Var] + Var[E] = Σ w (σ² + μ²) / W − μ².
            let total = components.reduce(0) { $0 + $1.weight }
            let m = mean
            let spread = components.reduce(0) { sum, c in
                let cm = c.distribution.mean - m
                return sum + c.weight * (c.distribution.variance + cm * cm)
            }
            return spread / total
        }
    }

    /// Coefficient of variation, standard deviation / mean; 0 when the
    /// variance is 0 (so `deterministic(0)` has cv 0, not NaN).
    public var cv: Double {
        let v = variance
        return v == 0 ? 0 : v.squareRoot() / mean
    }
}
