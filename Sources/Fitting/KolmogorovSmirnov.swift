import CGSL
import Stochastics

/// Cumulative distribution of the fitted families, from GSL's `gsl_cdf_*`.
public func cdf(_ distribution: Distribution, _ x: Double) -> Double {
    switch distribution {
    case let .exponential(mean): gsl_cdf_exponential_P(x, mean)
    case let .gamma(shape, scale): gsl_cdf_gamma_P(x, shape, scale)
    case let .erlang(phases, mean): gsl_cdf_gamma_P(x, Double(phases), mean / Double(phases))
    case let .lognormal(mu, sigma): gsl_cdf_lognormal_P(x, mu, sigma)
    case let .weibull(shape, scale): gsl_cdf_weibull_P(x, scale, shape)
    case let .uniform(lower, upper): gsl_cdf_flat_P(x, lower, upper)
    case let .deterministic(value): x >= value ? 1 : 0
    default: .nan
    }
}

/// Kolmogorov–Smirnov statistic D = sup |F_n(x) − F(x)| of `sorted` (ascending) against `distribution`.
/// Parameters estimated from the same data make D optimistic; it ranks fits, it is no formal test.
public func kolmogorovSmirnov(sorted: [Double], _ distribution: Distribution) -> Double {
    let n = Double(sorted.count)
    var d = 0.0
    for (i, x) in sorted.enumerated() {
        let f = cdf(distribution, x)
        d = max(d, Double(i + 1) / n - f, f - Double(i) / n)
    }
    return d
}
