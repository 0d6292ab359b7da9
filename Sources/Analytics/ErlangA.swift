import CGSL
import Foundation

/// The M/M/n+M queue ("Erlang A", Palm's model): Poisson arrivals at rate λ,
/// n agents with exponential handle times (mean 1/μ), FCFS, and callers who
/// abandon after an exponential patience with mean 1/θ.
///
/// Why: real callers hang up. Erlang C ignores that and over-staffs (and is
/// useless at or above 100 % load); Erlang A is always stable and is the
/// model a contact-center simulator with exponential patience must reproduce.
/// Times are in seconds, rates per second.
///
/// ```swift
/// let a = ErlangA(agents: 50, arrivalRate: 1.0 / 6, meanHandleTime: 300, meanPatience: 180)
/// a.probabilityOfWait, a.probabilityOfAbandon, a.averageSpeedOfAnswer
/// a.probabilityAnsweredWithin(20)      // P(answered and waited ≤ 20 s), over all offered calls
/// ```
///
/// ## Method
/// *Stationary part* (Palm 1943; Garnett, Mandelbaum & Reiman 2002,
/// "Designing a call center with impatient customers", MSOM 4(3)). The number
/// in system is a birth–death chain: birth λ, death min(k, n)μ + (k − n)⁺θ.
/// With x = nμ/θ, y = λ/θ and tⱼ = ∏_{i=1..j} y/(x + i) (so π_{n+j} = π_n·tⱼ),
/// A = Σⱼ tⱼ and B = Erlang B(n, λ/μ):
///   P(wait) = A·B / (1 + (A − 1)·B)   (evaluated as 1/(1 + (1/B − 1)/A) in logs).
/// By PASTA a caller who finds j others waiting (state n + j) reaches an agent
/// after Σ_{a=0..j} Exp(nμ + aθ) (with a callers ahead, the line moves on at
/// nμ + aθ), racing its own Exp(θ) patience. Hence, per j:
///   P(served | j) = x/(x + j + 1) (the product telescopes),
///   E[W; served | j] = x/(x + j + 1) · Σ_{a=1..j+1} 1/(nμ + aθ),
///   E[W | j] = (j + 1)/(nμ + (j + 1)θ).
/// These are summed exactly over j, starting at the mode of tⱼ (located with
/// `gsl_sf_lnpoch`), stopping where terms fall below 1e-22 of the sum.
/// `meanQueueLength` is Σ j·π_{n+j} computed directly from the chain, so the
/// identities P(abandon) = θ·E[Q]/λ and E[Q] = λ·E[W] are genuine checks.
///
/// *Waiting-time distribution* (Mandelbaum & Zeltyn, "The Palm/Erlang-A queue,
/// with applications to call centers", 2005 notes; and their M/M/n+G summary).
/// The offered wait V (time to reach an agent ignoring one's own patience)
/// has, given V > 0, density ∝ exp(y(1 − e^{−θs}) − nμs) — the mixture over j
/// of −ln(Beta(x, j + 1))/θ. This density is log-concave, so it is integrated
/// by adaptive Gauss–Kronrod on the window where it exceeds e^{−50} of its peak:
///   P(answered, W ≤ t) = 1 − P(wait) + P(wait)·∫₀ᵗ f(s)e^{−θs} ds
///   P(abandoned, W ≤ t) = P(wait)·[∫₀ᵗ f(s)(1 − e^{−θs}) ds + (1 − e^{−θt})·∫ₜ^∞ f(s) ds]
/// with f the conditional density. As t → ∞ these tend to 1 − P(abandon) and
/// P(abandon) of the chain (checked in the tests to ~1e-10).
///
/// When the chain would need more than a few million terms (overload with
/// (λ − nμ)·(mean patience) > 1.5·10⁶, or a near-critical queue whose patience
/// is enormous compared with the time between calls), the stationary
/// quantities come from the same density instead
/// (A = nμ·∫₀^∞ e^{y(1−e^{−θs}) − nμs} ds). When λ·(mean patience) > 10¹⁵, or
/// the patience is infinite, the model is Erlang C; an unstable Erlang C then
/// reports P(wait) = 1, P(abandon) = 0 and infinite waits and queue.
///
/// Complexity: O(n) for the Erlang B part plus the chain's terms (about
/// (λ − nμ)⁺/θ + 10·√(λ/θ), capped at ~5·10⁶); each `…Within(t)` call is one
/// adaptive quadrature of bounded cost (typically a few hundred evaluations).
public struct ErlangA: Sendable {
    public let agents: Int
    /// λ, calls per second.
    public let arrivalRate: Double
    /// 1/μ, seconds.
    public let meanHandleTime: Double
    /// 1/θ, seconds (+∞ means no abandonment: Erlang C).
    public let meanPatience: Double

    /// P(an arrival finds all agents busy) = P(wait > 0).
    public let probabilityOfWait: Double
    /// Fraction of offered calls that abandon.
    public let probabilityOfAbandon: Double
    /// Mean wait of answered callers (seconds).
    public let averageSpeedOfAnswer: Double
    /// Mean time in queue over all callers, answered or abandoned (seconds);
    /// equals P(abandon)/θ for exponential patience.
    public let meanWaitAll: Double
    /// Mean number of callers waiting (Σ j·π_{n+j}); = λ·meanWaitAll (Little).
    public let meanQueueLength: Double
    /// Mean time in queue of the callers who abandon (seconds; 0 when nobody
    /// abandons). Computed from the wait density, independently of
    /// `averageSpeedOfAnswer`, so that ASA·P(answered) + this·P(abandon) =
    /// `meanWaitAll` is a genuine check.
    public let averageTimeToAbandon: Double
    /// Carried load per agent: λ·(1 − P(abandon))/(nμ).
    public let occupancy: Double

    private let waits: WaitModel

    private enum WaitModel: Sendable {
        case nobodyWaits
        case erlangC(ErlangC)
        case unstable
        case density(OfferedWait)
    }

    /// - Precondition: agents ≥ 1; arrivalRate ≥ 0 and finite; meanHandleTime > 0
    ///   and finite; meanPatience > 0 (may be +∞).
    public init(agents: Int, arrivalRate: Double, meanHandleTime: Double, meanPatience: Double) {
        precondition(agents >= 1, "ErlangA: agents must be >= 1, got \(agents)")
        precondition(arrivalRate >= 0 && arrivalRate.isFinite, "ErlangA: arrival rate must be finite and >= 0, got \(arrivalRate)")
        precondition(meanHandleTime > 0 && meanHandleTime.isFinite, "ErlangA: mean handle time must be finite and > 0, got \(meanHandleTime)")
        precondition(meanPatience > 0, "ErlangA: mean patience must be > 0, got \(meanPatience)")
        self.agents = agents
        self.arrivalRate = arrivalRate
        self.meanHandleTime = meanHandleTime
        self.meanPatience = meanPatience

        let n = Double(agents)
        let load = arrivalRate * meanHandleTime
        let capacity = n / meanHandleTime          // nμ
        let theta = 1 / meanPatience
        let x = capacity / theta, y = arrivalRate / theta

        if arrivalRate == 0 {
            (probabilityOfWait, probabilityOfAbandon, averageSpeedOfAnswer, meanWaitAll, meanQueueLength, occupancy)
                = (0, 0, 0, 0, 0, 0)
            averageTimeToAbandon = 0
            waits = .nobodyWaits
            return
        }
        if meanPatience == .infinity || !(x.isFinite && y.isFinite) || y > 1e15 {
            let c = ErlangC(agents: agents, arrivalRate: arrivalRate, meanHandleTime: meanHandleTime)
            if c.isStable {
                probabilityOfWait = c.probabilityOfWait
                averageSpeedOfAnswer = c.averageSpeedOfAnswer
                meanWaitAll = c.averageSpeedOfAnswer
                meanQueueLength = c.meanQueueLength
                occupancy = c.occupancy
                waits = .erlangC(c)
            } else {
                probabilityOfWait = 1
                averageSpeedOfAnswer = .infinity
                meanWaitAll = .infinity
                meanQueueLength = .infinity
                occupancy = 1
                waits = .unstable
            }
            probabilityOfAbandon = 0
            averageTimeToAbandon = 0
            return
        }

        let density = OfferedWait(arrivalRate: arrivalRate, capacity: capacity, theta: theta)
        let queue = QueueSums.series(x: x, y: y, theta: theta, capacity: capacity) ?? density.queueSums()

        // P(wait) = 1 / (1 + (1/B − 1)/A), in logs: B may underflow, A may overflow.
        let logInverseB = ErlangB.logInverseBlocking(servers: agents, offeredLoad: load)
        let logOneOverBMinusOne = logInverseB + Foundation.log(-Foundation.expm1(-logInverseB))
        let pWait = 1 / (1 + Foundation.exp(logOneOverBMinusOne - queue.logA))

        let pAbandon = pWait * queue.abandonGivenWait
        probabilityOfWait = pWait
        probabilityOfAbandon = pAbandon
        meanWaitAll = pAbandon / theta
        meanQueueLength = pWait * queue.queueGivenWait
        averageSpeedOfAnswer = pAbandon < 1 ? pWait * queue.servedWaitGivenWait / (1 - pAbandon) : 0
        occupancy = Swift.min(1, load * (1 - pAbandon) / n)
        averageTimeToAbandon = density.meanAbandonWait()
        waits = .density(density)
    }

    /// R = λ/μ, in Erlangs.
    public var offeredLoad: Double { arrivalRate * meanHandleTime }

    /// P(answered AND waited ≤ t), as a fraction of all offered calls (the
    /// "SL over offered" convention). Tends to 1 − P(abandon) as t → ∞.
    /// - Precondition: t ≥ 0 (may be +∞).
    public func probabilityAnsweredWithin(_ t: Double) -> Double {
        precondition(t >= 0, "ErlangA.probabilityAnsweredWithin: t must be >= 0, got \(t)")
        switch waits {
        case .nobodyWaits: return 1
        case .erlangC(let c): return t == .infinity ? 1 : c.serviceLevel(answerWithin: t)
        case .unstable: return 0
        case .density(let d):
            let theta = d.theta
            let served = d.integral(from: 0, to: t) { Foundation.exp(-theta * $0) }
            return Swift.min(1, Swift.max(0, 1 - probabilityOfWait + probabilityOfWait * served / d.total))
        }
    }

    /// P(abandoned AND time in queue ≤ t), as a fraction of all offered calls.
    /// Tends to P(abandon) as t → ∞.
    /// - Precondition: t ≥ 0 (may be +∞).
    public func probabilityAbandonedWithin(_ t: Double) -> Double {
        precondition(t >= 0, "ErlangA.probabilityAbandonedWithin: t must be >= 0, got \(t)")
        guard case .density(let d) = waits else { return 0 }
        let theta = d.theta
        let early = d.integral(from: 0, to: t) { -Foundation.expm1(-theta * $0) }
        let late = t == .infinity ? 0 : -Foundation.expm1(-theta * t) * d.integral(from: t, to: .infinity) { _ in 1 }
        return Swift.min(1, Swift.max(0, probabilityOfWait * (early + late) / d.total))
    }
}

/// The queue part of the stationary distribution, relative to π_n: log A and
/// three conditional means given that the arrival waits.
private struct QueueSums {
    /// log Σⱼ tⱼ.
    var logA: Double
    /// P(abandon | wait).
    var abandonGivenWait: Double
    /// E[number waiting] / P(wait) = Σ j·tⱼ / A.
    var queueGivenWait: Double
    /// E[W; answered] / P(wait).
    var servedWaitGivenWait: Double

    /// Exact summation over the chain's queue states. `nil` when it would take
    /// more than a few million terms (then the density route is used).
    static func series(x: Double, y: Double, theta: Double, capacity: Double) -> QueueSums? {
        _ = gslErrorHandlerDisabled
        let logY = Foundation.log(y)
        // tⱼ increases while y/(x + j) ≥ 1: the mode is at ⌊y − x⌋ (or 0).
        let modeD = y - x >= 1 ? (y - x).rounded(.down) : 0
        guard modeD <= 1.5e6 else { return nil }
        let mode = Int(modeD)

        // r(j) = log(tⱼ / t_mode) for j ≤ mode, via log Γ(x+1+mode)/Γ(x+1+j).
        func logRelative(_ j: Int) -> Double? {
            if j == mode { return 0 }
            var result = gsl_sf_result()
            guard gsl_sf_lnpoch_e(x + 1 + Double(j), Double(mode - j), &result) == GSL_SUCCESS else { return nil }
            return result.val - Double(mode - j) * logY
        }
        var logMode = 0.0
        if mode > 0 {
            var result = gsl_sf_result()
            guard gsl_sf_lnpoch_e(x + 1, modeD, &result) == GSL_SUCCESS else { return nil }
            logMode = modeD * logY - result.val
        }
        // First state whose term is within e^{-60} of the mode (bisection: r increases up to the mode).
        var start = 0
        if mode > 0, let r0 = logRelative(0), r0 < -60 {
            var lo = 0, hi = mode
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                guard let r = logRelative(mid) else { return nil }
                if r < -60 { lo = mid } else { hi = mid }
            }
            start = hi
        }
        guard let rStart = logRelative(Swift.min(start, mode)) else { return nil }

        // Σ_{a=1..start} 1/(nμ + aθ): the part of the harmonic prefix before `start`.
        var harmonic = 0.0
        if start > 0 { for a in 1...start { harmonic += 1 / (capacity + Double(a) * theta) } }

        var t = Foundation.exp(rStart)   // tⱼ / t_mode
        var s0 = 0.0, sAbandon = 0.0, sQueue = 0.0, sServedWait = 0.0
        var j = start
        let maxTerms = 4_000_000
        while true {
            let jD = Double(j)
            harmonic += 1 / (capacity + (jD + 1) * theta)        // Σ_{a=1..j+1}
            let denominator = x + jD + 1
            s0 += t
            sAbandon += t * ((jD + 1) / denominator)
            sQueue += t * jD
            sServedWait += t * (x / denominator) * harmonic
            if j >= mode && t < 1e-22 * s0 { break }
            t *= y / denominator
            j += 1
            if j - start > maxTerms { return nil }
        }
        return QueueSums(logA: logMode + Foundation.log(s0),
                         abandonGivenWait: sAbandon / s0,
                         queueGivenWait: sQueue / s0,
                         servedWaitGivenWait: sServedWait / s0)
    }
}

/// The offered wait V given V > 0: density f(s) ∝ φ(s) = exp(F(s) − F(s*)),
/// F(s) = y(1 − e^{−θs}) − nμs, log-concave with its peak at
/// s* = ln(λ/nμ)/θ when λ > nμ and at 0 otherwise. φ is written in forms
/// free of cancellation (g(u) = e^{−u} − 1 + u ≥ 0):
///   λ > nμ:  log φ(s) = −x·g(θ(s − s*))
///   λ ≤ nμ:  log φ(s) = −y·g(θs) − (nμ − λ)s
private struct OfferedWait: Sendable {
    let theta: Double
    let arrivalRate: Double
    let capacity: Double       // nμ
    let x: Double, y: Double
    let overloaded: Bool
    let mode: Double           // s*
    let logPeak: Double        // F(s*) (F(0) = 0)
    let lower: Double, upper: Double   // φ ≥ e^{-50} inside
    let scale: Double                  // width of the peak of φ
    private(set) var total: Double = 1          // ∫₀^∞ φ
    private(set) var tolerance: Double = 0      // absolute, for every quadrature

    init(arrivalRate: Double, capacity: Double, theta: Double) {
        self.theta = theta
        self.arrivalRate = arrivalRate
        self.capacity = capacity
        x = capacity / theta
        y = arrivalRate / theta
        overloaded = arrivalRate > capacity
        if overloaded {
            let d = (arrivalRate - capacity) / capacity          // ρ − 1
            mode = Foundation.log1p(d) / theta
            logPeak = x * (d - Foundation.log1p(d))              // x(ρ − 1 − ln ρ)
        } else {
            mode = 0
            logPeak = 0
        }
        let (x, y, mode, overloaded) = (self.x, self.y, self.mode, self.overloaded)
        func g(_ u: Double) -> Double { Foundation.expm1(-u) + u }
        // Drop in log φ at distance d right of the mode, and (overloaded) left of it.
        let dropRight: (Double) -> Double = overloaded
            ? { x * g(theta * $0) }
            : { y * g(theta * $0) + (capacity - arrivalRate) * $0 }
        let scale = overloaded
            ? 1 / (theta * x.squareRoot())
            : 1 / Swift.max(capacity - arrivalRate, (theta * arrivalRate).squareRoot())
        self.scale = scale
        upper = mode + OfferedWait.reach(dropRight, start: scale, limit: .infinity)
        if overloaded {
            lower = mode - OfferedWait.reach({ x * g(-theta * $0) }, start: scale, limit: mode)
        } else {
            lower = 0
        }
        // Crude pass for the scale of the total, then the adaptive pass.
        tolerance = .infinity   // one 15-point rule per initial piece
        let crude = integral(from: 0, to: .infinity) { _ in 1 }
        tolerance = 1e-14 * Swift.max(crude, .leastNormalMagnitude)
        total = integral(from: 0, to: .infinity) { _ in 1 }
        tolerance = 1e-14 * total
    }

    /// Smallest distance d ≤ limit with drop(d) ≥ 50 (drop increasing), or `limit`.
    private static func reach(_ drop: (Double) -> Double, start: Double, limit: Double) -> Double {
        if limit <= 0 { return 0 }
        if limit.isFinite && drop(limit) < 50 { return limit }
        var lo = 0.0, hi = Swift.min(Swift.max(start, .leastNormalMagnitude), limit)
        while drop(hi) < 50 {
            lo = hi
            hi = Swift.min(2 * hi, limit)
        }
        for _ in 0..<80 {
            let mid = 0.5 * (lo + hi)
            if mid <= lo || mid >= hi { break }
            if drop(mid) < 50 { lo = mid } else { hi = mid }
        }
        return hi
    }

    /// Breakpoints for [a, b]: geometric grids growing away from 0 (where the
    /// weights e^{−θs} and 1 − e^{−θs} change on the scale 1/θ) and away from
    /// the mode on both sides (where φ changes on `scale`), so that no feature
    /// of the integrand hides between the nodes of the first rules.
    private func breakpoints(_ a: Double, _ b: Double) -> [Double] {
        guard b > a else { return [] }
        var points: Set<Double> = [a, b]
        func grid(from origin: Double, step: Double, direction: Double) {
            var d = step
            for _ in 0..<64 {
                let p = origin + direction * d
                if direction > 0 ? p >= b : p <= a { break }
                if p > a && p < b { points.insert(p) }
                d *= 2
            }
        }
        let fine = Swift.min(1 / theta, scale) / 4
        grid(from: 0, step: fine, direction: 1)
        if mode > a && mode < b { points.insert(mode) }
        grid(from: mode, step: scale / 4, direction: 1)
        grid(from: mode, step: scale / 4, direction: -1)
        return points.sorted()
    }

    /// log φ(s) ≤ 0.
    func logDensity(_ s: Double) -> Double {
        func g(_ u: Double) -> Double { Foundation.expm1(-u) + u }
        if overloaded { return -x * g(theta * (s - mode)) }
        return -y * g(theta * s) - (capacity - arrivalRate) * s
    }

    /// ∫ₐᵇ φ(s)·weight(s) ds over [a, b] ∩ [lower, upper].
    func integral(from a: Double, to b: Double, weight: (Double) -> Double) -> Double {
        let lo = Swift.max(a, lower), hi = Swift.min(b, upper)
        return GaussKronrod.integrate({ s in Foundation.exp(self.logDensity(s)) * weight(s) },
                                      breakpoints: breakpoints(lo, hi), absoluteTolerance: tolerance)
    }

    /// E[W | abandoned] = E[τ; τ < V] / P(τ < V) with, per offered wait v,
    /// E[τ; τ < v] = (1 − (1 + θv)e^{−θv})/θ and P(τ < v) = 1 − e^{−θv}.
    func meanAbandonWait() -> Double {
        let theta = self.theta
        let abandoned = integral(from: 0, to: .infinity) { -Foundation.expm1(-theta * $0) }
        guard abandoned > 0 else { return 0 }
        let timeAbandoned = integral(from: 0, to: .infinity) { OfferedWait.h(theta * $0) / theta }
        return timeAbandoned / abandoned
    }

    /// h(u) = 1 − (1 + u)e^{−u} = Σ_{k≥2} (−1)ᵏ(k − 1)uᵏ/k!, by its series for
    /// small u (where the closed form cancels).
    static func h(_ u: Double) -> Double {
        if u > 0.5 { return -Foundation.expm1(-u) - u * Foundation.exp(-u) }
        var term = u * u / 2, sum = 0.0, k = 2.0
        while abs(term) * (k - 1) > 1e-17 * abs(sum) || k == 2 {
            sum += (k - 1) * term
            k += 1
            term *= -u / k
        }
        return sum
    }

    /// Stationary queue quantities from the density (used when the chain is too long):
    /// A = nμ·e^{F(s*)}·∫φ, P(ab | wait) = ∫φ(1 − e^{−θs})/∫φ,
    /// E[W; served | wait] = ∫ s φ e^{−θs} / ∫φ, E[Q | wait] = y·P(ab | wait).
    func queueSums() -> QueueSums {
        let theta = self.theta
        let abandon = integral(from: 0, to: .infinity) { -Foundation.expm1(-theta * $0) } / total
        let servedWait = integral(from: 0, to: .infinity) { $0 * Foundation.exp(-theta * $0) } / total
        return QueueSums(logA: Foundation.log(capacity) + logPeak + Foundation.log(total),
                         abandonGivenWait: abandon,
                         queueGivenWait: y * abandon,
                         servedWaitGivenWait: servedWait)
    }
}
