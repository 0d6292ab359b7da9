import CGSL
import Foundation

/// Square-root staffing n = ⌈R + β√R⌉ and the Halfin–Whitt delay function.
///
/// Why: for large offered loads R the Erlang C delay probability depends
/// (asymptotically) only on β = (n − R)/√R (Halfin & Whitt 1981, "Heavy-traffic
/// limits for queues with many exponential servers", Oper. Res. 29(3)):
///   P(wait) → α(β) = [1 + β·Φ(β)/φ(β)]⁻¹,  β > 0,
/// so one number β sets the quality of service at every scale — the
/// "safety staffing" rule of thumb and a good starting point for exact search.
///
/// ```swift
/// let beta = SquareRootStaffing.beta(forProbabilityOfWait: 0.2)   // ≈ 1.06
/// SquareRootStaffing.agents(offeredLoad: 100, beta: beta)          // 111
/// ```
///
/// Complexity: O(1) (`beta` is a bisection of ~60 steps).
public enum SquareRootStaffing {
    /// ⌈R + β√R⌉ (at least 0). A relative slack of 1e-12 keeps values that
    /// are integers up to rounding (e.g. 100 + 1·10) from being bumped up.
    /// - Precondition: offeredLoad ≥ 0 and finite; beta finite.
    public static func agents(offeredLoad: Double, beta: Double) -> Int {
        precondition(offeredLoad >= 0 && offeredLoad.isFinite, "SquareRootStaffing: offered load must be finite and >= 0")
        precondition(beta.isFinite, "SquareRootStaffing: beta must be finite")
        let raw = offeredLoad + beta * offeredLoad.squareRoot()
        guard raw > 0 else { return 0 }
        return Int((raw - 1e-12 * raw).rounded(.up))
    }

    /// The Halfin–Whitt function α(β) = 1/(1 + βΦ(β)/φ(β)): the limiting
    /// Erlang C probability of waiting under square-root staffing. α(0) = 1.
    /// - Precondition: beta ≥ 0.
    public static func probabilityOfWait(beta: Double) -> Double {
        precondition(beta >= 0 && !beta.isNaN, "SquareRootStaffing: beta must be >= 0")
        if beta == 0 { return 1 }
        if beta == .infinity { return 0 }
        // log(βΦ(β)/φ(β)) = log β + log Φ(β) + β²/2 + ½ log 2π
        let logRatio = logMillsTerm(beta)
        return 1 / (1 + Foundation.exp(logRatio))
    }

    /// Inverts the Halfin–Whitt function: the β > 0 with α(β) = `probabilityOfWait`.
    /// - Precondition: 0 < probabilityOfWait < 1.
    public static func beta(forProbabilityOfWait alpha: Double) -> Double {
        precondition(alpha > 0 && alpha < 1, "SquareRootStaffing.beta: probability of wait must be in (0, 1), got \(alpha)")
        // Solve log(βΦ/φ) = log(1/α − 1); the left side increases in β.
        let target = Foundation.log1p(-alpha) - Foundation.log(alpha)
        var lo = 0.0, hi = 1.0
        while logMillsTerm(hi) < target { lo = hi; hi *= 2 }
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if mid <= lo || mid >= hi { break }
            if logMillsTerm(mid) < target { lo = mid } else { hi = mid }
        }
        return 0.5 * (lo + hi)
    }

    /// log(β·Φ(β)/φ(β)) for β > 0.
    private static func logMillsTerm(_ beta: Double) -> Double {
        _ = gslErrorHandlerDisabled
        return Foundation.log(beta) + Foundation.log(gsl_cdf_ugaussian_P(beta)) + 0.5 * beta * beta
            + 0.5 * Foundation.log(2 * Double.pi)
    }
}
