/// A probability distribution of a non-negative quantity: a duration (handle
/// time, patience, inter-arrival gap) or a count-like amount.
///
/// Values are plain data: build one, ``validate()`` it once (scenario load),
/// then ``sample(from:)`` it on the hot path. ``mean``, ``variance`` and ``cv``
/// are closed forms, so reports and tests need no sampling to know them.
///
/// By default every case describes quantities ≥ 0: validation rejects
/// negative constants, bounds or observed values.
///
/// ```swift
/// let handle = try Distribution.lognormal(mean: 300, cv: 0.8)
/// try handle.validate()
/// let seconds = handle.sample(from: stream)
/// ```
///
/// Not `indirect`: a mixture's components live in an array, which already
/// breaks the recursion, so the common cases stay unboxed and fast to sample.
public enum Distribution: Sendable, Hashable {
    /// Exponential with the given mean (not rate). GSL's `gsl_ran_exponential`
    /// also takes the mean; the label makes that unmistakable.
    case exponential(mean: Double)
    /// Gamma with shape k and scale θ: mean kθ, variance kθ².
    case gamma(shape: Double, scale: Double)
    /// Sum of `phases` exponential phases with total mean `mean`
    /// (a gamma with integer shape).
    case erlang(phases: Int, mean: Double)
    /// exp(N(mu, sigma²)): `mu` and `sigma` belong to the underlying normal.
    /// Use ``lognormal(mean:cv:)`` to give the mean and cv of the variable itself.
    case lognormal(mu: Double, sigma: Double)
    /// Weibull with shape k and scale λ: P(X > x) = exp(−(x/λ)^k).
    case weibull(shape: Double, scale: Double)
    /// Uniform on [lower, upper].
    case uniform(lower: Double, upper: Double)
    /// Triangular on [lower, upper] with peak at `mode`.
    case triangular(lower: Double, mode: Double, upper: Double)
    /// Always the same value; consumes no random numbers.
    case deterministic(Double)
    /// One of the observed values, each equally likely (bootstrap resampling).
    case empirical([Double])
    /// Picks a component with probability weight / total weight, then samples it.
    case mixture([MixtureComponent])
}

/// One weighted part of a ``Distribution/mixture(_:)``.
///
/// Weights need not sum to 1: each is divided by the total.
public struct MixtureComponent: Sendable, Hashable {
    public var weight: Double
    public var distribution: Distribution

    public init(weight: Double, distribution: Distribution) {
        self.weight = weight
        self.distribution = distribution
    }
}
