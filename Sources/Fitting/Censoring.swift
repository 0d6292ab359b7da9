import Foundation
import Stochastics

/// Durations with right censoring: a patience time is observed exactly when the customer
/// abandons, and only bounded below (patience > wait) when the contact is answered first.
/// Ignoring the censored ones keeps only the impatient customers and under-estimates patience.
public struct CensoredSample: Sendable {
    public var times: [Double]
    /// `true`: the time is the event (abandonment); `false`: right-censored.
    public var events: [Bool]

    public init(times: [Double], events: [Bool]) {
        precondition(times.count == events.count)
        self.times = times
        self.events = events
    }

    public var eventCount: Int { events.lazy.filter { $0 }.count }

    /// Mean of the event times alone: the naive estimate that ignores censoring.
    public var naiveMean: Double {
        var s = 0.0, n = 0.0
        for (t, e) in zip(times, events) where e { s += t; n += 1 }
        return n > 0 ? s / n : .nan
    }

    /// Censored exponential MLE of the mean: total exposure / events.
    public var exponentialMean: Double { times.reduce(0, +) / Double(eventCount) }
}

/// The Kaplan–Meier (product-limit) estimate of the survival function.
///
/// At each distinct event time t, S drops by the factor 1 − d/n, with d events at t and
/// n still at risk (censored at t counted at risk, the usual convention).
public struct KaplanMeier: Sendable {
    /// Event times (ascending) with S just after each.
    public var steps: [(time: Double, survival: Double)]
    public var largestTime: Double

    public init(_ sample: CensoredSample) {
        let order = sample.times.indices.sorted { sample.times[$0] < sample.times[$1] }
        var atRisk = order.count
        var s = 1.0
        var steps: [(time: Double, survival: Double)] = []
        var i = 0
        while i < order.count {
            let t = sample.times[order[i]]
            var d = 0, c = 0
            while i < order.count && sample.times[order[i]] == t {
                if sample.events[order[i]] { d += 1 } else { c += 1 }
                i += 1
            }
            if d > 0 {
                s *= 1 - Double(d) / Double(atRisk)
                steps.append((t, s))
            }
            atRisk -= d + c
        }
        self.steps = steps
        largestTime = sample.times.max() ?? 0
    }

    /// S(t): the estimated probability of lasting longer than t.
    public func survival(at t: Double) -> Double {
        var s = 1.0
        for step in steps { if step.time <= t { s = step.survival } else { break } }
        return s
    }

    /// ∫₀^τ S(t) dt with τ the largest observed time: the restricted mean, a lower bound
    /// of the true mean when the curve has not reached 0.
    public var restrictedMean: Double {
        var area = 0.0, last = 0.0, s = 1.0
        for step in steps {
            area += s * (step.time - last)
            last = step.time
            s = step.survival
        }
        return area + s * (largestTime - last)
    }
}

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
