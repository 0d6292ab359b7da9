/// The figures of `summary.json`: every metric of every scope across replications, the channels'
/// verdicts, and the per-interval figures.
extension SummaryDocument {
    /// A metric across replications. `sd`, `ci_lower` and `ci_upper` are null with one
    /// replication, `mean` when no replication defined the metric, `theory` where no closed form applies.
    public struct Entry: Codable, Sendable, Hashable {
        @NullWhenAbsent public var mean: Double?
        @NullWhenAbsent public var sd: Double?
        @NullWhenAbsent public var ciLower: Double?
        @NullWhenAbsent public var ciUpper: Double?
        /// Replications in which the metric was defined.
        public var replications: Int
        @NullWhenAbsent public var theory: Double?

        public init(mean: Double?, sd: Double?, ciLower: Double?, ciUpper: Double?, replications: Int, theory: Double?) {
            self.mean = mean
            self.sd = sd
            self.ciLower = ciLower
            self.ciUpper = ciUpper
            self.replications = replications
            self.theory = theory
        }
    }

    /// A scope's metrics by name (`Metric.rawValue`). Names this ccsim does not know (a newer
    /// file) are kept and can be read by name.
    public struct Metrics: Codable, Sendable, Hashable {
        public var byName: [String: Entry]

        public init(_ byName: [String: Entry]) { self.byName = byName }

        public subscript(metric: Metric) -> Entry? { byName[metric.rawValue] }

        public init(from decoder: any Decoder) throws {
            byName = try decoder.singleValueContainer().decode([String: Entry].self)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(byName)
        }
    }

    /// One reporting interval of a scope; `start_seconds` counts from the end of the warm-up.
    public struct Interval: Codable, Sendable, Hashable {
        public var index: Int
        public var startSeconds: Double
        public var lengthSeconds: Double
        public var metrics: Metrics

        public init(index: Int, startSeconds: Double, lengthSeconds: Double, metrics: Metrics) {
            self.index = index
            self.startSeconds = startSeconds
            self.lengthSeconds = lengthSeconds
            self.metrics = metrics
        }
    }

    public struct Channel: Codable, Sendable, Hashable {
        public var name: String
        public var kind: String
        public var sla: ServiceLevelVerdict
        public var asaCeiling: CeilingVerdict?
        public var abandonmentCeiling: CeilingVerdict?
        /// The interval with the lowest mean service level; absent with a single interval.
        public var worstInterval: WorstInterval?
        public var metrics: Metrics
        public var intervals: [Interval]

        public init(name: String, kind: String, sla: ServiceLevelVerdict, asaCeiling: CeilingVerdict?, abandonmentCeiling: CeilingVerdict?,
                    worstInterval: WorstInterval?, metrics: Metrics, intervals: [Interval]) {
            self.name = name
            self.kind = kind
            self.sla = sla
            self.asaCeiling = asaCeiling
            self.abandonmentCeiling = abandonmentCeiling
            self.worstInterval = worstInterval
            self.metrics = metrics
            self.intervals = intervals
        }
    }

    /// A tier or a team.
    public struct Scope: Codable, Sendable, Hashable {
        public var name: String
        public var metrics: Metrics
        public var intervals: [Interval]

        public init(name: String, metrics: Metrics, intervals: [Interval]) {
            self.name = name
            self.metrics = metrics
            self.intervals = intervals
        }
    }

    /// The whole center.
    public struct Center: Codable, Sendable, Hashable {
        public var metrics: Metrics

        public init(metrics: Metrics) { self.metrics = metrics }
    }

    /// The service level against its target. `met`: the mean reaches the target (null when
    /// undefined); `verdict` says whether the whole confidence interval does.
    public struct ServiceLevelVerdict: Codable, Sendable, Hashable {
        public var answerWithinSeconds: Double
        public var target: Double
        public var convention: String
        @NullWhenAbsent public var achieved: Double?
        @NullWhenAbsent public var ciLower: Double?
        @NullWhenAbsent public var ciUpper: Double?
        public var verdict: Verdict
        @NullWhenAbsent public var met: Bool?

        public init(answerWithinSeconds: Double, target: Double, convention: String, achieved: Double?, ciLower: Double?,
                    ciUpper: Double?, verdict: Verdict) {
            self.answerWithinSeconds = answerWithinSeconds
            self.target = target
            self.convention = convention
            self.achieved = achieved
            self.ciLower = ciLower
            self.ciUpper = ciUpper
            self.verdict = verdict
            met = verdict.passed
        }
    }

    /// ASA or abandonment rate against its ceiling, read like `ServiceLevelVerdict`.
    public struct CeilingVerdict: Codable, Sendable, Hashable {
        public var ceiling: Double
        @NullWhenAbsent public var achieved: Double?
        @NullWhenAbsent public var ciLower: Double?
        @NullWhenAbsent public var ciUpper: Double?
        public var verdict: Verdict
        @NullWhenAbsent public var met: Bool?

        public init(ceiling: Double, achieved: Double?, ciLower: Double?, ciUpper: Double?, verdict: Verdict) {
            self.ceiling = ceiling
            self.achieved = achieved
            self.ciLower = ciLower
            self.ciUpper = ciUpper
            self.verdict = verdict
            met = verdict.passed
        }
    }

    public struct WorstInterval: Codable, Sendable, Hashable {
        public var index: Int
        public var startSeconds: Double
        public var lengthSeconds: Double
        public var serviceLevel: Double

        public init(index: Int, startSeconds: Double, lengthSeconds: Double, serviceLevel: Double) {
            self.index = index
            self.startSeconds = startSeconds
            self.lengthSeconds = lengthSeconds
            self.serviceLevel = serviceLevel
        }
    }
}
