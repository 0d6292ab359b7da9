/// Minimum staffing for a service-level target: the smallest number of
/// agents whose exact Erlang C or Erlang A service level reaches the target.
///
/// Why: the inverse question ("how many agents for 80 % in 20 s?") is what
/// planners ask; square-root staffing only approximates it. Both service
/// levels increase with the number of agents, so the search is exponential
/// (doubling) then binary, starting from the offered load.
///
/// ```swift
/// Staffing.minimumAgentsErlangC(arrivalRate: 100.0 / 1800, meanHandleTime: 180,
///                               answerWithin: 20, target: 0.8)          // 14
/// ```
///
/// Complexity: O(log n) model evaluations, each O(n) (Erlang A adds a
/// quadrature per evaluation).
public enum Staffing {
    /// Smallest n ≥ 1 with a stable Erlang C queue and
    /// `serviceLevel(answerWithin:)` ≥ `target`.
    /// - Precondition: arrivalRate ≥ 0, meanHandleTime > 0, answerWithin ≥ 0,
    ///   0 ≤ target < 1.
    public static func minimumAgentsErlangC(arrivalRate: Double, meanHandleTime: Double,
                                            answerWithin t: Double, target: Double) -> Int {
        precondition(target >= 0 && target < 1, "Staffing: target must be in [0, 1), got \(target)")
        precondition(t >= 0, "Staffing: answerWithin must be >= 0, got \(t)")
        let load = arrivalRate * meanHandleTime
        let firstStable = Swift.max(1, Int(load.rounded(.down)) + 1)
        return smallest(from: firstStable) { n in
            ErlangC(agents: n, arrivalRate: arrivalRate, meanHandleTime: meanHandleTime)
                .serviceLevel(answerWithin: t) >= target
        }
    }

    /// Smallest n ≥ 1 with Erlang A `probabilityAnsweredWithin(t)` ≥ `target`,
    /// i.e. P(answered within t) over all offered calls (abandoned calls count
    /// as failures).
    /// - Precondition: as for Erlang C, plus meanPatience > 0 (may be +∞, which
    ///   gives the Erlang C answer).
    public static func minimumAgentsErlangA(arrivalRate: Double, meanHandleTime: Double, meanPatience: Double,
                                            answerWithin t: Double, target: Double) -> Int {
        precondition(target >= 0 && target < 1, "Staffing: target must be in [0, 1), got \(target)")
        precondition(t >= 0, "Staffing: answerWithin must be >= 0, got \(t)")
        return smallest(from: 1) { n in
            ErlangA(agents: n, arrivalRate: arrivalRate, meanHandleTime: meanHandleTime, meanPatience: meanPatience)
                .probabilityAnsweredWithin(t) >= target
        }
    }

    /// Smallest n ≥ `start` with `meets(n)`, for a predicate monotone in n: doubling steps,
    /// then bisection, so O(log n) evaluations of `meets`.
    public static func smallest(from start: Int, _ meets: (Int) -> Bool) -> Int {
        if meets(start) { return start }
        var failing = start, step = 1
        var passing = start + step
        while !meets(passing) {
            failing = passing
            step *= 2
            precondition(step < 1 << 40, "Staffing: no staffing level reaches the target")
            passing = start + step
        }
        while passing - failing > 1 {
            let mid = failing + (passing - failing) / 2
            if meets(mid) { passing = mid } else { failing = mid }
        }
        return passing
    }
}
