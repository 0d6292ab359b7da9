import Scenarios

/// How much of an agent one shift puts on duty in each planning interval it touches.
///
/// An agent counts in an interval for the share of it spent on shift and not on a break. A
/// break's start is drawn uniformly in its window (as the simulator places it), so its effect is
/// spread over the window in expectation: a 15-minute break anywhere in [1.5h, 2.5h] takes a
/// quarter of an agent out of each half hour it may fall in, rather than a whole agent out of
/// one guessed half hour. Coverage is therefore fractional and exact in expectation.
enum ShiftCoverage {
    /// (interval offset from the interval holding the shift start, agents on duty in it per agent).
    /// - Parameters:
    ///   - start: seconds after midnight; `length`: seconds; `interval`: the planning interval.
    static func profile(start: Double, length: Double, breaks: [Break], interval: Double) -> [(offset: Int, duty: Double)] {
        let first = Int(clampedFrom: start / interval, rounding: .down)
        var out: [(Int, Double)] = []
        var k = first
        while Double(k) * interval < start + length - 1e-9 {
            let from = max(Double(k) * interval, start) - start
            let to = min(Double(k + 1) * interval, start + length) - start
            if to > from {
                var duty = to - from
                for pause in breaks { duty -= expectedOverlap(pause, from, to) }
                out.append((k - first, max(0, duty) / interval))
            }
            k += 1
        }
        return out
    }

    /// E |[S, S + length] ∩ [from, to]| for the break start S uniform on [earliest, latest].
    static func expectedOverlap(_ pause: Break, _ from: Double, _ to: Double) -> Double {
        let b = pause.length
        func overlap(_ s: Double) -> Double { max(0, min(s + b, to) - max(s, from)) }
        let width = pause.latest - pause.earliest
        guard width > 1e-9 else { return overlap(pause.earliest) }
        // overlap(s) is piecewise linear with kinks at from − b, from, to − b and to: the
        // trapezoid rule between kinks integrates it exactly.
        let kinks = [from - b, from, to - b, to].filter { $0 > pause.earliest && $0 < pause.latest }
        let points = ([pause.earliest] + kinks.sorted() + [pause.latest])
        var integral = 0.0
        for (a, c) in zip(points, points.dropFirst()) {
            integral += (overlap(a) + overlap(c)) / 2 * (c - a)
        }
        return integral / width
    }
}
