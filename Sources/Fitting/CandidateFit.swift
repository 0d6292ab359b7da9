import Stochastics

/// One candidate's fit: the fitted distribution with its log-likelihood, AIC and KS statistic.
public struct CandidateFit: Sendable, Hashable {
    public var family: Family
    public var distribution: Distribution
    public var logLikelihood: Double
    /// 2p − 2 log L: lower is better; differences of a few units matter.
    public var aic: Double { 2 * Double(family.parameterCount) - 2 * logLikelihood }
    /// Kolmogorov–Smirnov distance sup |F_n − F| to the sample it was fitted on.
    public var ks: Double
}
