/// How long and how often to simulate, and where the random streams start.
///
/// All times are seconds. The measured period is `horizon` *after* `warmup`, so a run simulates
/// `warmup + horizon` seconds and only the last `horizon` seconds count in the statistics.
public struct RunSettings: Sendable, Hashable {
    /// Length of the measured period after warm-up, in seconds (> 0).
    public var horizon: Double
    /// Initial period excluded from statistics, in seconds (≥ 0); lets queues fill from empty.
    public var warmup: Double
    /// Reporting interval in seconds; must divide `horizon` into whole intervals.
    public var interval: Double
    /// Independent replications, 1…2^24 (the stream plan gives each its own substreams).
    public var replications: Int
    /// Seed of the stream plan, 0…2147483647 (`StreamPlan.maxSeed`).
    public var seed: UInt64
    /// Optional stop after this many arrivals counted after warm-up (≥ 1); nil = run to the horizon.
    public var maxArrivals: Int?

    public static let defaultHorizon: Double = 8 * 3600
    public static let defaultInterval: Double = 30 * 60
    public static let defaultReplications = 10
    public static let defaultSeed: UInt64 = 1
    /// Largest number of replications (2^24).
    public static let maxReplications = 1 << 24
    /// Largest seed accepted (2^31 − 1), matching `StreamPlan.maxSeed`.
    public static let maxSeed: UInt64 = 2_147_483_647
    /// Cap on `horizon / interval`, so a typo such as `interval: 1ms` can't allocate millions of buckets.
    public static let maxIntervals = 100_000

    public init(
        horizon: Double = RunSettings.defaultHorizon,
        warmup: Double = 0,
        interval: Double = RunSettings.defaultInterval,
        replications: Int = RunSettings.defaultReplications,
        seed: UInt64 = RunSettings.defaultSeed,
        maxArrivals: Int? = nil
    ) {
        self.horizon = horizon
        self.warmup = warmup
        self.interval = interval
        self.replications = replications
        self.seed = seed
        self.maxArrivals = maxArrivals
    }

    /// The message for a seed outside 0…maxSeed; shared with the reader, which sees negative seeds
    /// that a `UInt64` cannot hold.
    static func seedProblem(_ seed: String) -> String {
        "must be between 0 and \(maxSeed), got \(seed)"
    }

    func problems(at path: String) -> [FieldProblem] {
        var found: [FieldProblem] = []
        var horizonOK = horizon.isFinite && horizon > 0
        if !horizonOK {
            found.append(.init(joinPath(path, "horizon"), "must be greater than 0, got \(Quantity.describe(duration: horizon))"))
        } else if horizon < DomainLimits.shortestPeriod {
            horizonOK = false
            found.append(.init(joinPath(path, "horizon"), "must be at least 1m (a shorter measured period holds no meaningful figure), got \(Quantity.describe(duration: horizon))"))
        } else if warmup.isFinite, warmup + horizon > DomainLimits.longestDuration {
            found.append(.init(joinPath(path, warmup > horizon ? "warmup" : "horizon"),
                               "warmup + horizon is \(Quantity.describe(duration: warmup + horizon)), longer than \(DomainLimits.longestDurationText), the longest run ccsim simulates"))
        }
        if !(warmup.isFinite && warmup >= 0) {
            found.append(.init(joinPath(path, "warmup"), "must be 0 or more, got \(Quantity.describe(duration: warmup))"))
        }
        if !(interval.isFinite && interval > 0) {
            found.append(.init(joinPath(path, "interval"), "must be greater than 0, got \(Quantity.describe(duration: interval))"))
        } else if horizonOK {
            let count = horizon / interval
            let whole = count.rounded()
            if whole < 1 || abs(count - whole) > 1e-9 * max(1, count) {
                found.append(.init(
                    joinPath(path, "interval"),
                    "must divide horizon (\(Quantity.describe(duration: horizon))) into whole intervals, got \(Quantity.describe(duration: interval)) (horizon / interval = \(Quantity.describe(number: (count * 1000).rounded() / 1000)))"))
            } else if whole > Double(Self.maxIntervals) {
                found.append(.init(
                    joinPath(path, "interval"),
                    "gives \(Quantity.describe(number: whole)) reporting intervals over the horizon; at most \(Self.maxIntervals) are allowed"))
            }
        }
        if !(1...Self.maxReplications).contains(replications) {
            found.append(.init(joinPath(path, "replications"), "must be between 1 and \(Self.maxReplications), got \(replications)"))
        }
        if seed > Self.maxSeed {
            found.append(.init(joinPath(path, "seed"), Self.seedProblem(String(seed))))
        }
        if let maxArrivals, maxArrivals < 1 {
            found.append(.init(joinPath(path, "max_arrivals"), "must be at least 1, got \(maxArrivals)"))
        }
        return found
    }
}
