import ResultsSchema

/// A figure read against a target it must reach (service level) or a ceiling
/// it must stay under (ASA, abandonment rate), with its confidence interval.
///
/// Planners need more than "above or below on average": the verdict says
/// whether the whole confidence interval is on the right side, or only the mean.
public struct TargetCheck: Sendable, Hashable {
    public enum Bound: String, Sendable, Hashable {
        /// The figure must be at least the limit (a service-level target).
        case atLeast = "at_least"
        /// The figure must be at most the limit (an ASA or abandonment ceiling).
        case atMost = "at_most"
    }

    /// The verdict words of every output (`ResultsSchema.Verdict`).
    public typealias Verdict = ResultsSchema.Verdict

    public var metric: Metric
    public var bound: Bound
    public var limit: Double
    public var achieved: MetricSummary
    public var verdict: Verdict

    public init(_ achieved: MetricSummary, _ bound: Bound, _ limit: Double) {
        metric = achieved.metric
        self.bound = bound
        self.limit = limit
        self.achieved = achieved
        verdict = Self.verdict(achieved, bound, limit)
    }

    /// Whether the mean meets the limit — the pass/fail mark; `nil` when undefined.
    public var passed: Bool? { verdict.passed }

    static func verdict(_ item: MetricSummary, _ bound: Bound, _ limit: Double) -> Verdict {
        guard let mean = item.mean else { return .undefined }
        // Orient everything so that larger is better.
        let sign = bound == .atLeast ? 1.0 : -1.0
        let good = sign * mean >= sign * limit
        guard let ci = item.confidenceInterval else { return good ? .metOnMean : .missed }
        let worst = bound == .atLeast ? ci.lower : ci.upper
        let best = bound == .atLeast ? ci.upper : ci.lower
        if sign * worst >= sign * limit { return .met }
        if good { return .metOnMean }
        if sign * best >= sign * limit { return .missedOnMean }
        return .missed
    }
}
