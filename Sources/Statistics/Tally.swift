/// Streaming summary of a sequence of observations (SSJ's `Tally`):
/// count, mean, sample variance, min, max, sum — in O(1) memory.
///
/// Why Welford: the textbook Σx² − n·x̄² loses every significant digit when
/// the data sit on a large offset (e.g. clock times near 1e9 with small
/// spread); Welford's update keeps the running mean and the sum of squared
/// deviations directly and is stable. `merge` uses the pairwise formula of
/// Chan, Golub & LeVeque (1979), so per-thread or per-replication tallies
/// combine exactly as if the observations had been added in one stream.
///
/// ```swift
/// var waits = Tally()
/// waits.add(12.5); waits.add(3.0)
/// waits.mean, waits.standardDeviation, waits.confidenceInterval()
/// ```
///
/// Complexity: `add` and `merge` are O(1).
///
/// Conventions for an empty tally: `mean` = 0, `variance` = 0, `sum` = 0,
/// `min` = +∞, `max` = −∞ (so that `merge` and comparisons need no special
/// case). Encoded, an empty tally's min and max are simply omitted.
public struct Tally: Sendable, Hashable, Codable {
    /// Number of observations added.
    public private(set) var count: Int = 0
    /// Arithmetic mean (0 when empty).
    public private(set) var mean: Double = 0
    /// Σ (xᵢ − mean)², Welford's M2.
    private var sumOfSquaredDeviations: Double = 0
    /// Plain running sum of the observations.
    public private(set) var sum: Double = 0
    /// Smallest observation (+∞ when empty).
    public private(set) var min: Double = .infinity
    /// Largest observation (−∞ when empty).
    public private(set) var max: Double = -.infinity

    public init() {}

    /// Adds one observation. O(1).
    /// - Precondition: `x` is finite.
    @inlinable
    public mutating func add(_ x: Double) {
        precondition(x.isFinite, "Tally.add: observation must be finite, got \(x)")
        addUnchecked(x)
    }

    @usableFromInline
    mutating func addUnchecked(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (x - mean)
        sum += x
        if x < min { min = x }
        if x > max { max = x }
    }

    /// Sample variance with the n − 1 divisor; 0 when fewer than 2 observations.
    public var variance: Double {
        count < 2 ? 0 : Swift.max(0, sumOfSquaredDeviations / Double(count - 1))
    }

    /// Square root of `variance`.
    public var standardDeviation: Double { variance.squareRoot() }

    /// Folds `other` into `self` as if its observations had been added here.
    /// Chan et al.: δ = m_b − m_a, m = m_a + δ·n_b/n, M2 = M2_a + M2_b + δ²·n_a·n_b/n. O(1).
    public mutating func merge(_ other: Tally) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let na = Double(count), nb = Double(other.count)
        let n = na + nb
        let delta = other.mean - mean
        mean += delta * (nb / n)
        sumOfSquaredDeviations += other.sumOfSquaredDeviations + delta * delta * (na * nb / n)
        count += other.count
        sum += other.sum
        min = Swift.min(min, other.min)
        max = Swift.max(max, other.max)
    }

    /// Student-t confidence interval for the mean; `nil` when `count < 2`.
    /// Meaningful when the observations are i.i.d. (e.g. one per replication).
    public func confidenceInterval(level: Double = 0.95) -> ConfidenceInterval? {
        ConfidenceInterval.student(mean: mean, standardDeviation: standardDeviation, count: count, level: level)
    }

    // MARK: Codable — the raw state, so a decoded tally merges exactly.

    private enum CodingKeys: String, CodingKey {
        case count, mean, sumOfSquaredDeviations, sum, min, max
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let count = try c.decode(Int.self, forKey: .count)
        guard count >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .count, in: c, debugDescription: "count must be >= 0")
        }
        self.count = count
        mean = try c.decode(Double.self, forKey: .mean)
        sumOfSquaredDeviations = try c.decode(Double.self, forKey: .sumOfSquaredDeviations)
        sum = try c.decode(Double.self, forKey: .sum)
        min = try c.decodeIfPresent(Double.self, forKey: .min) ?? .infinity
        max = try c.decodeIfPresent(Double.self, forKey: .max) ?? -.infinity
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(count, forKey: .count)
        try c.encode(mean, forKey: .mean)
        try c.encode(sumOfSquaredDeviations, forKey: .sumOfSquaredDeviations)
        try c.encode(sum, forKey: .sum)
        if count > 0 {
            try c.encode(min, forKey: .min)
            try c.encode(max, forKey: .max)
        }
    }
}
