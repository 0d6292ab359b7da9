import Scenarios

/// The smallest size of one effect at which the program breaks even (ROI = 0: a mean net of 0), the other
/// effects as drawn in the headline replications: "the program pays if handle time falls by at
/// least 7%".
///
/// Found on paired runs by regula falsi (Illinois variant): a bisection that cuts where the
/// straight line through the bracket crosses 0, since ROI is close to linear in one effect.
/// It starts from the tornado's two points when there are any, extrapolates to a bracket within
/// the effect's physical limits (``limits(_:)``), and stops when ROI is within half a point of 0.
public struct BreakEven: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// The program pays at `value` and any larger effect.
        case found
        /// It pays even with no such effect at all (break-even at or beyond 0).
        case paysWithout = "pays_without"
        /// It does not pay even at the effect's limit (`value`).
        case neverPays = "never_pays"
    }

    public var program: String
    public var effect: String
    public var basis: String?
    public var outcome: Outcome
    /// The break-even size (a relative change, or a share in points), or the limit tried.
    public var value: Double
    /// Whether a larger value (rather than a smaller one) helps: FCR rises, handle time falls.
    public var helpsWhenRising: Bool
    public var evaluations: Int

    static let maxEvaluations = 6
    static let tolerance = 0.005

    /// The range an effect may take and its direction of benefit.
    static func limits(_ range: EffectRange) -> (bound: Double, rising: Bool) {
        switch TrainingEffects.Kind(rawValue: range.effect) {
        case .fcr: (range.basis == "points" ? 0.5 : 1, true)
        case .handleTime, .learningTimeConstant: (-0.9, false)
        default: (-1, false)
        }
    }

    static func search(_ range: EffectRange, known: [(Double, Double)], roi: (Double) throws -> Double?) throws -> BreakEven {
        let (bound, rising) = limits(range)
        var evaluations = 0
        func f(_ v: Double) throws -> Double {
            evaluations += 1
            return try roi(v) ?? -1
        }
        func result(_ outcome: Outcome, _ v: Double) -> BreakEven {
            BreakEven(program: range.program, effect: range.effect, basis: range.basis, outcome: outcome, value: v,
                      helpsWhenRising: rising, evaluations: evaluations)
        }
        // Points ordered from no effect (0) towards the bound.
        var points = known
        if points.count < 2 {
            points = [(0, try f(0)), (range.base == 0 ? bound / 2 : range.base, try f(range.base == 0 ? bound / 2 : range.base))]
        }
        points.sort { abs($0.0) < abs($1.0) }
        var (a, fa) = points[0], (b, fb) = points[1]
        // Extend to a bracket: towards 0 if even the weaker point pays, towards the bound if neither does.
        if fa >= 0 && fb >= 0 {
            let f0 = try f(0)
            if f0 >= 0 { return result(.paysWithout, 0) }
            (b, fb) = (a, fa)
            (a, fa) = (0, f0)
        } else if fa < 0 && fb < 0 {
            let slope = (fb - fa) / (b - a)
            var next = slope != 0 ? b - fb / slope : bound
            if !(abs(next) <= abs(bound)) || (next > 0) != (bound > 0) { next = bound }
            let fn = try f(next)
            if fn < 0 && next == bound { return result(.neverPays, bound) }
            if fn < 0 {
                let fBound = try f(bound)
                if fBound < 0 { return result(.neverPays, bound) }
                (a, fa) = (next, fn)
                (b, fb) = (bound, fBound)
            } else {
                (a, fa) = (b, fb)
                (b, fb) = (next, fn)
            }
        }
        // Regula falsi between a (does not pay) and b (pays).
        if fa >= 0 { swap(&a, &b); swap(&fa, &fb) }
        var side = 0
        var best = (b, fb)
        while evaluations < Self.maxEvaluations + 2 {
            let c = fb - fa != 0 ? b - fb * (b - a) / (fb - fa) : (a + b) / 2
            let fc = try f(c)
            if fc >= 0 { best = (c, fc) }
            if abs(fc) < Self.tolerance { return result(.found, c) }
            if fc < 0 {
                (a, fa) = (c, fc)
                if side == -1 { fb /= 2 }
                side = -1
            } else {
                (b, fb) = (c, fc)
                if side == 1 { fa /= 2 }
                side = 1
            }
            if abs(b - a) < 0.002 { break }
        }
        return result(.found, best.0)
    }

    /// "the program pays if handle time falls by at least 7%".
    public var sentence: String {
        let name = EffectRange.words(effect)
        let plural = name.hasSuffix("s")
        let size: String = basis == "points" ? String(format: "%.1f points", abs(value) * 100) : String(format: "%.0f%%", abs(value) * 100)
        let move = helpsWhenRising ? (plural ? "rise" : "rises") : (plural ? "fall" : "falls")
        switch outcome {
        case .found: return "pays if \(name) \(move) by at least \(size)"
        case .paysWithout: return "pays even if \(name) \(plural ? "do" : "does") not change"
        case .neverPays: return "does not pay even if \(name) \(move) by \(size)"
        }
    }
}
