import Foundation
import Stochastics

/// Patience fits from a censored sample: Kaplan–Meier, censored exponential and censored Weibull.
public struct PatienceFit: Sendable {
    public var sample: CensoredSample
    public var kaplanMeier: KaplanMeier
    /// Exponential MLE (events / exposure), as a candidate with AIC; KS is against the KM curve.
    public var exponential: CandidateFit
    public var weibull: CandidateFit

    /// The censored fit with the lower AIC.
    public var best: CandidateFit { weibull.aic < exponential.aic ? weibull : exponential }

    public static let minimumEvents = 10

    public init(_ sample: CensoredSample, what: String = "patience") throws {
        // Zero waits carry no information about patience (answered at once or abandoned at once).
        var kept = CensoredSample(times: [], events: [])
        for (t, e) in zip(sample.times, sample.events) where t > 0 { kept.times.append(t); kept.events.append(e) }
        let events = kept.eventCount
        guard events >= Self.minimumEvents else {
            throw FittingError.tooFewObservations(what: what + " (abandonments)", found: events, needed: Self.minimumEvents)
        }
        self.sample = kept
        let km = KaplanMeier(kept)
        kaplanMeier = km
        let d = Double(kept.eventCount)
        let mean = kept.exponentialMean
        let exposure = kept.times.reduce(0, +)
        let expLL = -d * Foundation.log(mean) - exposure / mean
        let expDist = Distribution.exponential(mean: mean)
        exponential = CandidateFit(family: .exponential, distribution: expDist, logLikelihood: expLL, ks: Self.ks(km, expDist))
        let w = WeibullMLE.fit(times: kept.times, events: kept.events)
        let wDist = Distribution.weibull(shape: w.shape, scale: w.scale)
        weibull = CandidateFit(family: .weibull, distribution: wDist, logLikelihood: w.logLikelihood, ks: Self.ks(km, wDist))
    }

    /// sup |(1 − S_KM) − F| over the KM steps (both sides of each jump).
    static func ks(_ km: KaplanMeier, _ distribution: Distribution) -> Double {
        var d = 0.0, before = 0.0
        for step in km.steps {
            let f = cdf(distribution, step.time)
            d = max(d, abs(f - before), abs(f - (1 - step.survival)))
            before = 1 - step.survival
        }
        return d
    }
}
