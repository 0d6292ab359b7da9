import Foundation

/// The M/M/n queue ("Erlang C"): Poisson arrivals at rate λ, n agents,
/// exponential handle times with mean 1/μ, infinite patience, FCFS.
///
/// Why: the classical staffing baseline for inbound contact centers, and the
/// θ → 0 limit against which Erlang A and the simulator are checked. All
/// times are in seconds and rates per second (any consistent unit works).
///
/// Formulas, with offered load R = λ/μ and ρ = R/n:
///   P(wait) = C = B / (1 − ρ(1 − B)), B = Erlang B(n, R)
///   SL(t) = P(W ≤ t) = 1 − C·e^{−(nμ − λ)t}
///   ASA = E[W] = C / (nμ − λ),   E[Lq] = λ·E[W]
///
/// Unstable queues (R ≥ n) are reported explicitly, never as NaN: `isStable`
/// is false, P(wait) = 1, SL(t) = 0, ASA and E[Lq] are +∞, occupancy is 1.
///
/// ```swift
/// let c = ErlangC(agents: 14, arrivalRate: 100.0 / 1800, meanHandleTime: 180)
/// c.probabilityOfWait                    // 0.1741
/// c.serviceLevel(answerWithin: 20)       // 0.8884
/// c.averageSpeedOfAnswer                 // 7.84 s
/// ```
///
/// Complexity: O(agents) to construct (the Erlang B recursion), O(1) after.
public struct ErlangC: Sendable, Hashable {
    public let agents: Int
    /// λ, calls per second.
    public let arrivalRate: Double
    /// 1/μ, seconds.
    public let meanHandleTime: Double
    /// P(an arrival waits) = C(n, R); 1 when unstable.
    public let probabilityOfWait: Double

    /// - Precondition: agents ≥ 1, arrivalRate ≥ 0, meanHandleTime > 0, all finite.
    public init(agents: Int, arrivalRate: Double, meanHandleTime: Double) {
        precondition(agents >= 1, "ErlangC: agents must be >= 1, got \(agents)")
        precondition(arrivalRate >= 0 && arrivalRate.isFinite, "ErlangC: arrival rate must be finite and >= 0, got \(arrivalRate)")
        precondition(meanHandleTime > 0 && meanHandleTime.isFinite, "ErlangC: mean handle time must be finite and > 0, got \(meanHandleTime)")
        self.agents = agents
        self.arrivalRate = arrivalRate
        self.meanHandleTime = meanHandleTime
        let load = arrivalRate * meanHandleTime
        let n = Double(agents)
        if load >= n {
            probabilityOfWait = 1
        } else if load == 0 {
            probabilityOfWait = 0
        } else {
            let b = ErlangB.blockingProbability(servers: agents, offeredLoad: load)
            let rho = load / n
            // 1 − ρ(1 − B) = (n − R)/n + ρB: no cancellation near ρ → 1.
            probabilityOfWait = Swift.min(1, b / ((n - load) / n + rho * b))
        }
    }

    /// R = λ·(mean handle time), in Erlangs.
    public var offeredLoad: Double { arrivalRate * meanHandleTime }

    /// Fraction of time an agent is busy: R/n, capped at 1 when unstable.
    public var occupancy: Double { Swift.min(1, offeredLoad / Double(agents)) }

    /// R < n: the queue has a steady state.
    public var isStable: Bool { offeredLoad < Double(agents) }

    /// nμ − λ, the exponential rate of the conditional wait (per second).
    private var drainRate: Double { (Double(agents) - offeredLoad) / meanHandleTime }

    /// P(W ≤ t): fraction of calls answered within `t` seconds (0 if unstable).
    /// - Precondition: t ≥ 0.
    public func serviceLevel(answerWithin t: Double) -> Double {
        precondition(t >= 0, "ErlangC.serviceLevel: t must be >= 0, got \(t)")
        guard isStable else { return 0 }
        return 1 - probabilityOfWait * Foundation.exp(-drainRate * t)
    }

    /// E[W] over all calls, seconds; +∞ if unstable.
    public var averageSpeedOfAnswer: Double {
        isStable ? probabilityOfWait / drainRate : .infinity
    }

    /// E[number waiting] = λ·E[W]; +∞ if unstable.
    public var meanQueueLength: Double {
        isStable ? arrivalRate * averageSpeedOfAnswer : .infinity
    }

    /// The p-quantile of the wait W: 0 when p ≤ 1 − P(wait), else
    /// ln(P(wait)/(1 − p)) / (nμ − λ). +∞ for p = 1, or for p > 0 when unstable.
    public func waitQuantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "ErlangC.waitQuantile: p must be in [0, 1], got \(p)")
        if p == 0 { return 0 }
        guard isStable else { return .infinity }
        if p <= 1 - probabilityOfWait { return 0 }
        if p == 1 { return .infinity }
        return Foundation.log(probabilityOfWait / (1 - p)) / drainRate
    }
}
