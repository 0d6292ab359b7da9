import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Constructors from the mean and coefficient of variation (cv = sd / mean),
/// the two numbers contact-center data usually come with.
extension Distribution {
    /// The lognormal with the given mean and cv:
    /// sigma² = ln(1 + cv²), mu = ln(mean) − sigma²/2.
    /// - Throws: ``DistributionError`` for `mean` or `cv` not finite and > 0.
    public static func lognormal(mean: Double, cv: Double) throws -> Distribution {
        try checkMeanAndCV(mean, cv)
        let variance = log1p(cv * cv)
        return .lognormal(mu: log(mean) - variance / 2, sigma: variance.squareRoot())
    }

    /// The gamma with the given mean and cv: shape = 1/cv², scale = mean · cv².
    /// - Throws: ``DistributionError`` for `mean` or `cv` not finite and > 0.
    public static func gamma(mean: Double, cv: Double) throws -> Distribution {
        try checkMeanAndCV(mean, cv)
        return .gamma(shape: 1 / (cv * cv), scale: mean * cv * cv)
    }

    /// The Weibull with the given mean and cv.
    ///
    /// The shape k solves Γ(1 + 2/k) / Γ(1 + 1/k)² = 1 + cv² (the left side
    /// falls strictly as k grows), found by bisection on ln k using GSL's
    /// log-gamma; then scale = mean / Γ(1 + 1/k).
    /// - Throws: ``DistributionError`` for `mean` or `cv` not finite and > 0,
    ///   or a cv outside what shapes in `weibullShapeRange` can give
    ///   (about 1.3e-7 ... 3e14).
    public static func weibull(mean: Double, cv: Double) throws -> Distribution {
        try checkMeanAndCV(mean, cv)
        let target = log1p(cv * cv)
        // g(t) = ln(cv(k)² + 1) − ln(1 + cv²) with k = e^t; g falls as t grows.
        func g(_ t: Double) -> Double {
            let k = exp(t)
            return gsl_sf_lngamma(1 + 2 / k) - 2 * gsl_sf_lngamma(1 + 1 / k) - target
        }
        var lo = log(weibullShapeRange.lowerBound)
        var hi = log(weibullShapeRange.upperBound)
        guard g(lo) >= 0, g(hi) <= 0 else {
            let cvLow = weibullCV(shape: weibullShapeRange.upperBound)
            let cvHigh = weibullCV(shape: weibullShapeRange.lowerBound)
            throw DistributionError(
                parameter: "cv",
                message: "must be between \(cvLow) and \(cvHigh) for a Weibull, got \(cv)")
        }
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if mid <= lo || mid >= hi { break }  // bracket is one ulp wide
            if g(mid) > 0 { lo = mid } else { hi = mid }
        }
        let shape = exp((lo + hi) / 2)
        return .weibull(shape: shape, scale: mean / gsl_sf_gamma(1 + 1 / shape))
    }

    /// Weibull shapes ``weibull(mean:cv:)`` searches.
    public static let weibullShapeRange: ClosedRange<Double> = 0.02...1e7

    static func weibullCV(shape k: Double) -> Double {
        expm1(gsl_sf_lngamma(1 + 2 / k) - 2 * gsl_sf_lngamma(1 + 1 / k)).squareRoot()
    }

    private static func checkMeanAndCV(_ mean: Double, _ cv: Double) throws {
        try Check.positive(mean, "mean")
        try Check.positive(cv, "cv")
    }
}
