/// The Kaplan–Meier (product-limit) estimate of the survival function.
///
/// At each distinct event time t, S drops by the factor 1 − d/n, with d events at t and
/// n still at risk (censored at t counted at risk, the usual convention).
public struct KaplanMeier: Sendable {
    /// Event times (ascending) with S just after each.
    public var steps: [(time: Double, survival: Double)]
    public var largestTime: Double

    public init(_ sample: CensoredSample) {
        let order = sample.times.indices.sorted { sample.times[$0] < sample.times[$1] }
        var atRisk = order.count
        var s = 1.0
        var steps: [(time: Double, survival: Double)] = []
        var i = 0
        while i < order.count {
            let t = sample.times[order[i]]
            var d = 0, c = 0
            while i < order.count && sample.times[order[i]] == t {
                if sample.events[order[i]] { d += 1 } else { c += 1 }
                i += 1
            }
            if d > 0 {
                s *= 1 - Double(d) / Double(atRisk)
                steps.append((t, s))
            }
            atRisk -= d + c
        }
        self.steps = steps
        largestTime = sample.times.max() ?? 0
    }

    /// S(t): the estimated probability of lasting longer than t.
    public func survival(at t: Double) -> Double {
        var s = 1.0
        for step in steps { if step.time <= t { s = step.survival } else { break } }
        return s
    }

    /// ∫₀^τ S(t) dt with τ the largest observed time: the restricted mean, a lower bound
    /// of the true mean when the curve has not reached 0.
    public var restrictedMean: Double {
        var area = 0.0, last = 0.0, s = 1.0
        for step in steps {
            area += s * (step.time - last)
            last = step.time
            s = step.survival
        }
        return area + s * (largestTime - last)
    }
}
