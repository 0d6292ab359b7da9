import CGSL
import Foundation
import Stochastics

/// Maximum-likelihood fits of the duration families to complete (uncensored) positive samples.
///
/// Closed forms where they exist (exponential, lognormal); the gamma shape solves
/// ln k − ψ(k) = ln x̄ − mean(ln x) by Newton's method; the Weibull shape solves its
/// profile-likelihood equation by bisection (see ``WeibullMLE``).
public enum MaximumLikelihood {
    /// Fits `family` to `x` (all > 0, at least 2 values, not all equal for two-parameter families).
    public static func fit(_ family: Family, to x: [Double]) -> CandidateFit {
        let sorted = x.sorted()
        let n = Double(x.count)
        let sum = x.reduce(0, +)
        let mean = sum / n
        let logs = x.map { Foundation.log($0) }
        let sumLog = logs.reduce(0, +)
        let meanLog = sumLog / n
        let distribution: Distribution
        let logLikelihood: Double
        switch family {
        case .exponential:
            distribution = .exponential(mean: mean)
            logLikelihood = -n * Foundation.log(mean) - n
        case .gamma:
            let k = gammaShape(s: Foundation.log(mean) - meanLog)
            let theta = mean / k
            distribution = .gamma(shape: k, scale: theta)
            logLikelihood = (k - 1) * sumLog - sum / theta - n * k * Foundation.log(theta) - n * gsl_sf_lngamma(k)
        case .lognormal:
            let variance = logs.reduce(0) { $0 + ($1 - meanLog) * ($1 - meanLog) } / n
            let sigma = variance.squareRoot()
            distribution = .lognormal(mu: meanLog, sigma: sigma)
            logLikelihood = -sumLog - n * Foundation.log(sigma) - n / 2 * Foundation.log(2 * Double.pi) - n / 2
        case .weibull:
            let w = WeibullMLE.fit(times: x, events: nil)
            distribution = .weibull(shape: w.shape, scale: w.scale)
            logLikelihood = w.logLikelihood
        }
        return CandidateFit(family: family, distribution: distribution, logLikelihood: logLikelihood,
                            ks: kolmogorovSmirnov(sorted: sorted, distribution))
    }

    /// Solves ln k − ψ(k) = s (s > 0) by Newton's method from Minka's approximation;
    /// the left side is decreasing and convex, so Newton from a good start converges quickly.
    static func gammaShape(s: Double) -> Double {
        guard s > 1e-12 else { return 1e6 }  // all values equal: a near-deterministic gamma
        var k = (3 - s + ((s - 3) * (s - 3) + 24 * s).squareRoot()) / (12 * s)
        for _ in 0..<100 {
            let f = Foundation.log(k) - gsl_sf_psi(k) - s
            let df = 1 / k - gsl_sf_psi_1(k)
            var next = k - f / df
            if next <= 0 { next = k / 2 }
            if abs(next - k) < 1e-12 * k { k = next; break }
            k = next
        }
        return k
    }
}

/// Weibull maximum likelihood, with optional right censoring.
///
/// With times tᵢ, event indicators δᵢ and d = Σδᵢ events, the shape k solves the profile equation
///   Σ tᵢᵏ ln tᵢ / Σ tᵢᵏ − 1/k − (1/d) Σ δᵢ ln tᵢ = 0,
/// whose left side increases in k, so bisection on a bracket always converges;
/// then λᵏ = Σ tᵢᵏ / d. Times are divided by their maximum first, so tᵏ never overflows.
public enum WeibullMLE {
    public struct Result: Sendable, Hashable {
        public var shape: Double
        public var scale: Double
        public var logLikelihood: Double
    }

    /// `events[i]` false means tᵢ is a right-censored time (the value is only known to exceed it);
    /// `nil` means every time is an event. Times must be > 0 and there must be at least one event.
    public static func fit(times: [Double], events: [Bool]?) -> Result {
        let top = times.max() ?? 1
        let u = times.map { $0 / top }
        let logU = u.map { Foundation.log($0) }
        let isEvent = events ?? Array(repeating: true, count: times.count)
        var d = 0.0, sumEventLog = 0.0
        for i in u.indices where isEvent[i] { d += 1; sumEventLog += logU[i] }
        let meanEventLog = sumEventLog / d
        func g(_ k: Double) -> Double {
            var s0 = 0.0, s1 = 0.0
            for i in u.indices {
                let p = Foundation.exp(k * logU[i])
                s0 += p; s1 += p * logU[i]
            }
            return s1 / s0 - 1 / k - meanEventLog
        }
        var lo = 1e-3, hi = 1.0
        while g(hi) < 0 && hi < 1e4 { lo = hi; hi *= 2 }
        while g(lo) > 0 && lo > 1e-8 { hi = lo; lo /= 2 }
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if g(mid) < 0 { lo = mid } else { hi = mid }
            if hi - lo < 1e-12 * hi { break }
        }
        let k = (lo + hi) / 2
        let sumPow = u.reduce(0) { $0 + Foundation.exp(k * Foundation.log($1)) }
        let scaleU = Foundation.exp(Foundation.log(sumPow / d) / k)
        let scale = scaleU * top
        // log L = Σδ [ln k − k ln λ + (k−1) ln t] − Σ (t/λ)ᵏ, and Σ (t/λ)ᵏ = d at the optimum.
        var sumEventLogT = 0.0
        for i in times.indices where isEvent[i] { sumEventLogT += Foundation.log(times[i]) }
        let logLikelihood = d * (Foundation.log(k) - k * Foundation.log(scale)) + (k - 1) * sumEventLogT - d
        return Result(shape: k, scale: scale, logLikelihood: logLikelihood)
    }
}
