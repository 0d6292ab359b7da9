import Stochastics

/// The fit of one duration sample: every candidate family, the AIC choice first.
///
/// Only positive values enter the likelihoods (a zero has zero density under gamma,
/// lognormal and Weibull); `zeros` says how many were left out, so nothing is silent.
public struct DurationFit: Sendable {
    /// Candidates ordered by AIC, best first.
    public var candidates: [CandidateFit]
    public var count: Int
    public var zeros: Int
    public var sampleMean: Double

    public var best: CandidateFit { candidates[0] }
    /// The chosen distribution, ready for a scenario.
    public var distribution: Distribution { best.distribution }

    /// The smallest sample fitted; fewer values leave the shape parameters meaningless.
    public static let minimumCount = 10

    /// Fits all `families` to `values` by maximum likelihood and ranks them by AIC.
    /// - Throws: ``FittingError/tooFewObservations(what:found:needed:)`` with fewer than
    ///   ``minimumCount`` positive values; ``FittingError/constant(what:value:)`` when all are equal.
    public init(_ values: [Double], what: String = "durations", families: [Family] = Family.allCases) throws {
        let positive = values.filter { $0 > 0 }
        guard positive.count >= Self.minimumCount else {
            throw FittingError.tooFewObservations(what: what, found: positive.count, needed: Self.minimumCount)
        }
        if let first = positive.first, positive.allSatisfy({ $0 == first }) {
            throw FittingError.constant(what: what, value: first)
        }
        count = positive.count
        zeros = values.count - positive.count
        sampleMean = positive.reduce(0, +) / Double(positive.count)
        candidates = families.map { MaximumLikelihood.fit($0, to: positive) }.sorted { $0.aic < $1.aic }
    }
}
