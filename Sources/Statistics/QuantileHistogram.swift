import Foundation

/// Streaming quantile estimator with a relative-error guarantee: a
/// log-bucketed histogram in the style of DDSketch (Masson, Rim & Lee,
/// VLDB 2019) and HdrHistogram.
///
/// Why: waiting-time percentiles (p90, p99) and "fraction answered within
/// 20 s" need the distribution, but a simulation produces millions of waits
/// per replication; keeping them all is O(samples) memory. Buckets grow
/// geometrically by γ = (1 + α)/(1 − α), so every value above
/// `minimumResolution` is represented within relative error α
/// (`relativeAccuracy`), and memory is O(log(max/minimumResolution) / α)
/// buckets — about 1,850 for α = 0.5 % from 0.01 s to 10⁶ s.
///
/// Layout: exact zeros are counted on their own (a caller answered at once
/// waited exactly 0, and that atom matters); bucket 0 holds
/// (0, minimumResolution] (absolute error ≤ minimumResolution / 2 there);
/// bucket i ≥ 1 holds (m·γ^(i−1), m·γ^i] with m = `minimumResolution`.
/// The exact minimum and maximum are tracked too and clamp every estimate.
///
/// ```swift
/// var h = QuantileHistogram()          // α = 0.5 %, resolution 0.01
/// for w in waits { h.add(w) }
/// h.quantile(0.9)                      // within 0.5 % of the true p90
/// h.fraction(atOrBelow: 20)            // ≈ service level at 20 s
/// ```
///
/// Complexity: `add` is one logarithm and an array increment (amortised
/// O(1); the bucket array grows lazily); `quantile`, `fraction` and `merge`
/// are O(buckets).
public struct QuantileHistogram: Sendable, Hashable {
    /// Guaranteed relative error α of `quantile` for values above `minimumResolution`.
    public let relativeAccuracy: Double
    /// Values in (0, minimumResolution] share one bucket.
    public let minimumResolution: Double
    /// log γ, γ = (1 + α)/(1 − α).
    @usableFromInline let logGamma: Double
    /// Counts of bucket 0, 1, 2, … (never has trailing zeros).
    @usableFromInline var buckets: [Int] = []
    /// Number of exact zeros.
    @usableFromInline var zeroCount: Int = 0
    // Stored under other names so that `add`, inlined into the caller, may write them.
    @usableFromInline var observations: Int = 0
    @usableFromInline var smallest: Double = .infinity
    @usableFromInline var largest: Double = -.infinity
    /// Total number of observations.
    @inlinable public var count: Int { observations }
    /// Smallest observation (+∞ when empty).
    @inlinable public var min: Double { smallest }
    /// Largest observation (−∞ when empty).
    @inlinable public var max: Double { largest }

    /// - Parameters:
    ///   - relativeAccuracy: α in (0, 1); 0.005 means quantiles within ±0.5 %.
    ///   - minimumResolution: positive value below which only absolute accuracy
    ///     (± minimumResolution / 2) is promised.
    public init(relativeAccuracy: Double = 0.005, minimumResolution: Double = 0.01) {
        precondition(relativeAccuracy > 0 && relativeAccuracy < 1,
                     "QuantileHistogram: relativeAccuracy must be in (0, 1), got \(relativeAccuracy)")
        precondition(minimumResolution > 0 && minimumResolution.isFinite,
                     "QuantileHistogram: minimumResolution must be positive and finite, got \(minimumResolution)")
        self.relativeAccuracy = relativeAccuracy
        self.minimumResolution = minimumResolution
        // log((1+α)/(1−α)) = log1p(2α/(1−α)), accurate for small α.
        self.logGamma = Foundation.log1p(2 * relativeAccuracy / (1 - relativeAccuracy))
    }

    /// Whether no observation was added.
    public var isEmpty: Bool { count == 0 }

    /// Number of allocated buckets (memory footprint, for diagnostics).
    public var bucketCount: Int { buckets.count }

    /// Adds one observation.
    ///
    /// Inlinable: the simulation adds every answered wait, most of them exact zeros, which then
    /// cost a few instructions in the caller instead of a call into this module.
    /// - Precondition: `x` ≥ 0 and finite.
    @inlinable
    public mutating func add(_ x: Double) {
        if !(x >= 0 && x.isFinite) { Self.invalid(x) }
        observations += 1
        if x < smallest { smallest = x }
        if x > largest { largest = x }
        if x == 0 {
            zeroCount += 1
            return
        }
        addPositive(x)
    }

    /// Stops on a value `add` cannot take (kept out of line, so `add` stays small enough to inline).
    @usableFromInline
    static func invalid(_ x: Double) -> Never {
        preconditionFailure("QuantileHistogram.add: value must be finite and >= 0, got \(x)")
    }

    /// Counts a positive observation in its bucket (count, min and max already updated).
    @usableFromInline
    mutating func addPositive(_ x: Double) {
        let index = bucketIndex(x)
        if index >= buckets.count {
            buckets.append(contentsOf: repeatElement(0, count: index + 1 - buckets.count))
        }
        buckets[index] += 1
    }

    /// Bucket of a positive value.
    private func bucketIndex(_ x: Double) -> Int {
        if x <= minimumResolution { return 0 }
        let i = (Foundation.log(x / minimumResolution) / logGamma).rounded(.up)
        return Swift.max(1, Int(i))
    }

    /// Lower and upper edge of bucket `i` ≥ 1.
    private func bucketBounds(_ i: Int) -> (lower: Double, upper: Double) {
        (minimumResolution * Foundation.exp(Double(i - 1) * logGamma),
         minimumResolution * Foundation.exp(Double(i) * logGamma))
    }

    /// The value reported for bucket `i`: within relative α of both edges.
    private func representative(_ i: Int) -> Double {
        if i == 0 { return minimumResolution / 2 }
        let upper = bucketBounds(i).upper
        // 2·upper/(γ + 1) = upper·(1 − α)
        return upper * (1 - relativeAccuracy)
    }

    /// Estimate of the `p`-quantile, defined on ranks as the observation of
    /// 0-based rank ⌊p·(count − 1)⌋ in sorted order (so `quantile(0)` is the
    /// minimum and `quantile(1)` the maximum, both exact). Within relative
    /// error `relativeAccuracy` of that observation when it exceeds
    /// `minimumResolution`; exact for zeros. NaN when empty.
    /// - Precondition: `p` in [0, 1].
    public func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "QuantileHistogram.quantile: p must be in [0, 1], got \(p)")
        guard count > 0 else { return .nan }
        if p == 0 { return min }
        if p == 1 { return max }
        let rank = (p * Double(count - 1)).rounded(.down)
        var cumulative = Double(zeroCount)
        if cumulative > rank { return 0 }
        for (i, c) in buckets.enumerated() where c > 0 {
            cumulative += Double(c)
            if cumulative > rank {
                return Swift.min(Swift.max(representative(i), min), max)
            }
        }
        return max
    }

    /// Estimated fraction of observations ≤ `x`. Exact for x < 0, for x ≥ max
    /// and at x = 0 when all positives exceed `minimumResolution`; otherwise
    /// only the observations sharing x's bucket are uncertain, and they are
    /// apportioned by x's (logarithmic) position within the bucket. NaN when empty.
    public func fraction(atOrBelow x: Double) -> Double {
        precondition(!x.isNaN, "QuantileHistogram.fraction: x must not be NaN")
        guard count > 0 else { return .nan }
        if x < 0 || x < min { return 0 }
        if x >= max { return 1 }
        var below = Double(zeroCount)
        if x > 0 {
            let k = bucketIndex(x)
            for i in 0..<Swift.min(k, buckets.count) { below += Double(buckets[i]) }
            if k < buckets.count, buckets[k] > 0 {
                let share: Double
                if k == 0 {
                    share = x / minimumResolution
                } else {
                    let lower = bucketBounds(k).lower
                    share = Foundation.log(x / lower) / logGamma
                }
                below += Double(buckets[k]) * Swift.min(1, Swift.max(0, share))
            }
        }
        return Swift.min(1, below / Double(count))
    }

    /// Adds all observations of `other` (same parameters required). O(buckets).
    public mutating func merge(_ other: QuantileHistogram) {
        precondition(other.relativeAccuracy == relativeAccuracy && other.minimumResolution == minimumResolution,
                     "QuantileHistogram.merge: histograms must share relativeAccuracy and minimumResolution")
        if other.buckets.count > buckets.count {
            buckets.append(contentsOf: repeatElement(0, count: other.buckets.count - buckets.count))
        }
        for (i, c) in other.buckets.enumerated() { buckets[i] += c }
        zeroCount += other.zeroCount
        observations += other.observations
        smallest = Swift.min(smallest, other.smallest)
        largest = Swift.max(largest, other.largest)
    }
}
