/// The candidate families for a duration, each with its maximum-likelihood fit.
public enum Family: String, Sendable, CaseIterable {
    case exponential, gamma, lognormal, weibull

    /// Number of free parameters, for AIC.
    public var parameterCount: Int { self == .exponential ? 1 : 2 }
}
