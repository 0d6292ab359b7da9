/// A symmetric confidence interval `mean ± halfWidth` at a stated level.
///
/// Replications of a simulation are independent and (by the CLT) their means
/// are close to normal, so the classical Student-t interval is the right
/// summary of "how sure are we about this number".
///
/// ```swift
/// let ci = ConfidenceInterval.student(mean: 41.2, standardDeviation: 3.1, count: 10, level: 0.95)!
/// ci.lower, ci.upper, ci.contains(40)
/// ```
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    /// Centre of the interval (the point estimate).
    public let mean: Double
    /// Half the width; `lower = mean − halfWidth`, `upper = mean + halfWidth`.
    public let halfWidth: Double
    /// Nominal coverage in (0, 1), e.g. 0.95.
    public let level: Double
    /// The values the quantity can take (a share 0…1, a time or count ≥ 0), when known: the
    /// interval is cut to them, so it never shows an impossible value. nil: unbounded.
    public private(set) var lowestPossible: Double?
    public private(set) var highestPossible: Double?

    /// Builds an interval from its parts. `halfWidth` must be ≥ 0 and
    /// `level` in (0, 1).
    public init(mean: Double, halfWidth: Double, level: Double) {
        precondition(halfWidth >= 0, "ConfidenceInterval: halfWidth must be >= 0, got \(halfWidth)")
        precondition(level > 0 && level < 1, "ConfidenceInterval: level must be in (0, 1), got \(level)")
        self.mean = mean
        self.halfWidth = halfWidth
        self.level = level
    }

    /// The Student-t bounds `mean ∓ halfWidth`, cut to the possible values. The mean lies in the
    /// possible range, so it always lies inside `[lower, upper]`.
    public var lower: Double { max(mean - halfWidth, lowestPossible ?? -.infinity) }
    public var upper: Double { min(mean + halfWidth, highestPossible ?? .infinity) }

    /// Whether the possible range cut the interval (its Student-t bounds crossed it).
    public var isTruncated: Bool { lower > mean - halfWidth || upper < mean + halfWidth }

    /// The same interval cut to the values the quantity can take (truncation: coverage can only
    /// rise, as no true value lies outside the range). A mean outside the range is left alone.
    public func within(_ lowest: Double, _ highest: Double = .infinity) -> ConfidenceInterval {
        guard mean >= lowest && mean <= highest else { return self }
        var cut = self
        cut.lowestPossible = lowest
        cut.highestPossible = highest.isFinite ? highest : nil
        return cut
    }

    /// Whether `x` lies in the closed interval [lower, upper].
    public func contains(_ x: Double) -> Bool { lower <= x && x <= upper }

    /// The Student-t interval for the mean of `count` i.i.d. observations:
    /// `mean ± t_{(1+level)/2, count−1} · standardDeviation / √count`.
    ///
    /// - Parameters:
    ///   - standardDeviation: the *sample* standard deviation (n − 1 divisor).
    /// - Returns: `nil` when `count < 2` (no variance estimate) or when the
    ///   mean or standard deviation is not finite.
    /// - Precondition: `level` in (0, 1), `standardDeviation` ≥ 0 when finite.
    public static func student(mean: Double, standardDeviation: Double, count: Int, level: Double) -> ConfidenceInterval? {
        precondition(level > 0 && level < 1, "ConfidenceInterval.student: level must be in (0, 1), got \(level)")
        guard count >= 2, mean.isFinite, standardDeviation.isFinite else { return nil }
        precondition(standardDeviation >= 0, "ConfidenceInterval.student: standard deviation must be >= 0")
        let t = StudentT.quantile((1 + level) / 2, degreesOfFreedom: Double(count - 1))
        let halfWidth = t * standardDeviation / Double(count).squareRoot()
        return ConfidenceInterval(mean: mean, halfWidth: halfWidth, level: level)
    }
}
