import Foundation

/// Axis ticks at "nice" round numbers (1, 2, 2.5, 5 × 10ⁿ), so a reader can interpolate
/// between gridlines without arithmetic. Heckbert's algorithm (Graphics Gems, 1990).
public struct NiceScale: Equatable, Sendable {
    public let lower: Double
    public let upper: Double
    public let step: Double

    /// A scale covering `min...max` with about `maxTicks` ticks. An empty range is widened
    /// so that a flat series still gets an axis.
    public init(min: Double, max: Double, maxTicks: Int = 6) {
        var lo = Swift.min(min, max), hi = Swift.max(min, max)
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
        if hi - lo < 1e-12 {
            if lo == 0 { hi = 1 } else { let pad = abs(lo) * 0.1; lo -= pad; hi += pad }
        }
        let range = NiceScale.niceNumber(hi - lo, round: false)
        let step = NiceScale.niceNumber(range / Double(Swift.max(maxTicks - 1, 1)), round: true)
        self.step = step
        self.lower = (lo / step).rounded(.down) * step
        self.upper = (hi / step).rounded(.up) * step
    }

    /// The tick values from `lower` to `upper` inclusive (computed by index, so no drift).
    public var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded()) + 1
        return (0..<count).map { i in
            let v = lower + Double(i) * step
            return abs(v) < step * 1e-9 ? 0 : v
        }
    }

    /// The nice number nearest `x` (`round`) or the smallest nice number ≥ `x`.
    static func niceNumber(_ x: Double, round: Bool) -> Double {
        let exponent = floor(log10(x))
        let power = pow(10, exponent)
        let fraction = x / power
        let nice: Double
        if round {
            nice = fraction < 1.5 ? 1 : fraction < 2.25 ? 2 : fraction < 3.5 ? 2.5 : fraction < 7.5 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        }
        return nice * power
    }
}
