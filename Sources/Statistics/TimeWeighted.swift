/// Time average of a piecewise-constant quantity (queue length, busy agents):
/// the integral of the value over time divided by the elapsed time (SSJ's
/// `Accumulate`). O(1) memory; every operation is O(1).
///
/// Why a separate collector: averaging the *observations* of a queue length
/// over-weights busy periods with many events; the right statistic weights
/// each value by how long it held.
///
/// ```swift
/// var queue = TimeWeighted(value: 0, at: 0)
/// queue.add(+1, at: 2)          // one caller arrives at t = 2
/// queue.update(to: 0, at: 5)    // answered at t = 5
/// queue.restart(at: 3)          // end of warm-up: forget [0, 3), keep the value
/// queue.average(at: 10)         // (1·2 + 0·5) / 7
/// ```
///
/// Times must never go backwards.
public struct TimeWeighted: Sendable, Hashable {
    /// Current value of the tracked quantity.
    public private(set) var value: Double
    /// Start of the averaging window (construction or last `restart`).
    public private(set) var startTime: Double
    /// Time of the last change (or restart).
    public private(set) var lastUpdateTime: Double
    /// ∫ value dt over [startTime, lastUpdateTime].
    private var accumulated: Double = 0

    /// Starts tracking `value` at `time`.
    public init(value: Double = 0, at time: Double = 0) {
        precondition(value.isFinite && time.isFinite, "TimeWeighted: value and time must be finite")
        self.value = value
        self.startTime = time
        self.lastUpdateTime = time
    }

    /// Sets the value to `newValue` from `time` on.
    /// - Precondition: `time` ≥ the last update time; `newValue` finite.
    public mutating func update(to newValue: Double, at time: Double) {
        precondition(time >= lastUpdateTime, "TimeWeighted.update: time went backwards (\(time) < \(lastUpdateTime))")
        precondition(newValue.isFinite, "TimeWeighted.update: value must be finite")
        accumulated += value * (time - lastUpdateTime)
        lastUpdateTime = time
        value = newValue
    }

    /// Changes the value by `delta` at `time` (e.g. +1 on arrival, −1 on departure).
    public mutating func add(_ delta: Double, at time: Double) {
        update(to: value + delta, at: time)
    }

    /// Drops everything accumulated so far and starts a new averaging window
    /// at `time`, keeping the current value: the end of a warm-up period.
    public mutating func restart(at time: Double) {
        precondition(time >= lastUpdateTime, "TimeWeighted.restart: time went backwards (\(time) < \(lastUpdateTime))")
        accumulated = 0
        startTime = time
        lastUpdateTime = time
    }

    /// ∫ value dt over [startTime, time].
    /// - Precondition: `time` ≥ the last update time.
    public func integral(at time: Double) -> Double {
        precondition(time >= lastUpdateTime, "TimeWeighted.integral: time went backwards (\(time) < \(lastUpdateTime))")
        return accumulated + value * (time - lastUpdateTime)
    }

    /// Time average over [startTime, time]; the current value when no time
    /// has elapsed (the limit of the average over a vanishing window).
    public func average(at time: Double) -> Double {
        let total = integral(at: time)
        let elapsed = time - startTime
        return elapsed > 0 ? total / elapsed : value
    }
}
