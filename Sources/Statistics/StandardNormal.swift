import CGSL

/// Quantiles of the standard normal distribution, for large-sample intervals such as the
/// Wilson score interval of a proportion.
///
/// ```swift
/// StandardNormal.quantile(0.975)   // 1.959964…
/// ```
///
/// Backed by GSL's `gsl_cdf_ugaussian_Pinv`. O(1).
public enum StandardNormal {
    /// The `p`-quantile z such that P(Z ≤ z) = p; 0 and 1 give −∞ and +∞.
    /// - Precondition: `p` in [0, 1].
    public static func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "StandardNormal.quantile: p must be in [0, 1], got \(p)")
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        _ = gslErrorHandlerDisabled
        return gsl_cdf_ugaussian_Pinv(p)
    }
}
