import Foundation
import Statistics
import TestFixtures
import XCTest

final class QuantileHistogramTests: XCTestCase {
    /// Values 0, 1, …, N. The rank-⌊p·N⌋ observation is ⌊p·N⌋ itself, and the
    /// estimate must sit within the stated relative accuracy of it.
    func testQuantilesOfUniformGridWithinRelativeAccuracy() {
        for alpha in [0.01, 0.005, 0.001] {
            var h = QuantileHistogram(relativeAccuracy: alpha, minimumResolution: 0.01)
            let n = 100_000
            for i in 0...n { h.add(Double(i)) }
            XCTAssertEqual(h.count, n + 1)
            for p in [0.0001, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 0.9999] {
                let exact = (p * Double(n)).rounded(.down)
                let estimate = h.quantile(p)
                XCTAssertLessThanOrEqual(abs(estimate - exact), alpha * exact * (1 + 1e-9),
                                         "α=\(alpha) p=\(p): \(estimate) vs \(exact)")
            }
            XCTAssertEqual(h.quantile(0), 0)
            XCTAssertEqual(h.quantile(1), Double(n))
        }
    }

    func testMemoryIsLogarithmicNotLinear() {
        var h = QuantileHistogram(relativeAccuracy: 0.005, minimumResolution: 0.01)
        var rng = SplitMix64(seed: 1)
        for _ in 0..<200_000 { h.add(-300 * log(rng.uniform())) }   // Exp(mean 300 s)
        h.add(1e6)
        // log(1e6 / 0.01) / log((1.005)/(0.995)) ≈ 1,842
        XCTAssertLessThanOrEqual(h.bucketCount, 1_850)
    }

    func testExactZerosHaveTheirOwnBucket() {
        var h = QuantileHistogram()
        for _ in 0..<600 { h.add(0) }
        for i in 1...400 { h.add(Double(i)) }
        XCTAssertEqual(h.quantile(0.3), 0)
        XCTAssertEqual(h.quantile(0.599), 0)
        XCTAssertGreaterThan(h.quantile(0.61), 0)
        XCTAssertEqual(h.fraction(atOrBelow: 0), 0.6, accuracy: 1e-12)
        XCTAssertEqual(h.fraction(atOrBelow: -1), 0)
        XCTAssertEqual(h.fraction(atOrBelow: 400), 1)
    }

    func testFractionAtOrBelowOnGrid() {
        var h = QuantileHistogram(relativeAccuracy: 0.005)
        for i in 1...10_000 { h.add(Double(i)) }
        for x in [10.0, 100, 2_000, 5_000, 9_000] {
            // Only observations within ±α·x of x are uncertain.
            XCTAssertEqual(h.fraction(atOrBelow: x), x / 10_000, accuracy: 0.005 * x / 10_000 + 1e-4)
        }
    }

    func testMergeEqualsSequential() {
        var whole = QuantileHistogram(), a = QuantileHistogram(), b = QuantileHistogram()
        var rng = SplitMix64(seed: 9)
        for i in 0..<20_000 {
            let x = i % 5 == 0 ? 0 : -20 * log(rng.uniform())
            whole.add(x)
            if i % 3 == 0 { a.add(x) } else { b.add(x) }
        }
        var merged = a
        merged.merge(b)
        XCTAssertEqual(merged, whole)
        for p in [0.1, 0.5, 0.9, 0.99] { XCTAssertEqual(merged.quantile(p), whole.quantile(p)) }
        var empty = QuantileHistogram()
        empty.merge(whole)
        XCTAssertEqual(empty, whole)
    }

    func testValuesBelowResolution() {
        var h = QuantileHistogram(relativeAccuracy: 0.01, minimumResolution: 0.1)
        for x in [0.01, 0.02, 0.05, 0.09] { h.add(x) }
        // Absolute accuracy ± resolution/2, clamped to the observed range.
        let q = h.quantile(0.5)
        XCTAssertGreaterThanOrEqual(q, 0.01)
        XCTAssertLessThanOrEqual(q, 0.09)
        XCTAssertTrue(h.quantile(0.5).isFinite)
    }

    func testEmpty() {
        let h = QuantileHistogram()
        XCTAssertTrue(h.isEmpty)
        XCTAssertTrue(h.quantile(0.5).isNaN)
        XCTAssertTrue(h.fraction(atOrBelow: 1).isNaN)
    }
}
