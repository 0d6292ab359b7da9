import Foundation

/// Erlang's loss formula: the blocking probability of the M/M/n/n queue
/// (n servers, no waiting room), B(n, A) = (Aⁿ/n!) / Σ_{k≤n} Aᵏ/k!.
///
/// Why a recursion: the factorial form overflows near n = 170. The standard
/// recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)) has every term in
/// [0, 1], is numerically stable, and is the building block of Erlang C
/// and A. Insensitive to the service-time distribution beyond its mean.
///
/// ```swift
/// ErlangB.blockingProbability(servers: 10, offeredLoad: 5)   // 0.018385
/// ```
///
/// Complexity: O(servers).
public enum ErlangB {
    /// - Parameters:
    ///   - servers: n ≥ 0 (0 servers block everything).
    ///   - offeredLoad: A = λ/μ ≥ 0 in Erlangs; +∞ blocks everything.
    /// - Returns: B(n, A) in [0, 1]; may underflow to 0 when n ≫ A.
    public static func blockingProbability(servers: Int, offeredLoad: Double) -> Double {
        precondition(servers >= 0, "ErlangB: servers must be >= 0, got \(servers)")
        precondition(offeredLoad >= 0, "ErlangB: offered load must be >= 0, got \(offeredLoad)")
        if servers == 0 || offeredLoad == .infinity { return 1 }
        if offeredLoad == 0 { return 0 }
        var b = 1.0
        for k in 1...servers {
            let ab = offeredLoad * b
            b = ab / (Double(k) + ab)
        }
        return b
    }

    /// log(1/B(n, A)) without underflow, by the same recursion in log space:
    /// 1/B(k) = 1 + (k/A)·(1/B(k−1)), so L(k) = softplus(log(k/A) + L(k−1)).
    /// Used by Erlang A, whose waiting probability needs 1/B − 1 even when
    /// B is below the smallest double. O(servers).
    static func logInverseBlocking(servers: Int, offeredLoad: Double) -> Double {
        precondition(servers >= 0 && offeredLoad > 0)
        if offeredLoad == .infinity { return 0 }
        let logLoad = Foundation.log(offeredLoad)
        var l = 0.0
        if servers == 0 { return 0 }
        for k in 1...servers {
            l = softplus(Foundation.log(Double(k)) - logLoad + l)
        }
        return l
    }
}

/// log(1 + eᶻ) without overflow.
@inline(__always)
func softplus(_ z: Double) -> Double {
    z > 0 ? z + Foundation.log1p(Foundation.exp(-z)) : Foundation.log1p(Foundation.exp(z))
}
