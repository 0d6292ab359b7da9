import CGSL

/// Quantiles of Student's t distribution, the multiplier behind every
/// small-sample confidence interval on replication means.
///
/// ```swift
/// StudentT.quantile(0.975, degreesOfFreedom: 9)   // 2.262157…
/// ```
///
/// Backed by GSL's `gsl_cdf_tdist_Pinv`. O(1).
public enum StudentT {
    /// The `p`-quantile t such that P(T ≤ t) = p for T ~ t(ν).
    ///
    /// - Parameters:
    ///   - p: probability in [0, 1]; 0 and 1 give −∞ and +∞.
    ///   - degreesOfFreedom: ν > 0 (need not be an integer).
    /// - Precondition: `p` in [0, 1], `degreesOfFreedom` > 0 (NaN rejected).
    public static func quantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        precondition(p >= 0 && p <= 1, "StudentT.quantile: p must be in [0, 1], got \(p)")
        precondition(degreesOfFreedom > 0, "StudentT.quantile: degrees of freedom must be > 0, got \(degreesOfFreedom)")
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        _ = gslErrorHandlerDisabled
        return gsl_cdf_tdist_Pinv(p, degreesOfFreedom)
    }
}
