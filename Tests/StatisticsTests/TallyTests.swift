import Foundation
import Statistics
import TestFixtures
import XCTest

final class TallyTests: XCTestCase {
    func testEmptyTallyConventions() {
        let t = Tally()
        XCTAssertEqual(t.count, 0)
        XCTAssertEqual(t.mean, 0)
        XCTAssertEqual(t.variance, 0)
        XCTAssertEqual(t.sum, 0)
        XCTAssertEqual(t.min, .infinity)
        XCTAssertEqual(t.max, -.infinity)
        XCTAssertNil(t.confidenceInterval())
    }

    func testSingleObservation() {
        var t = Tally()
        t.add(4.5)
        XCTAssertEqual(t.mean, 4.5)
        XCTAssertEqual(t.variance, 0)
        XCTAssertEqual(t.min, 4.5)
        XCTAssertEqual(t.max, 4.5)
        XCTAssertNil(t.confidenceInterval())
    }

    /// The classic catastrophic-cancellation case: {4, 7, 13, 16} shifted by
    /// 1e9 (all exactly representable). The sample variance is exactly 30;
    /// the one-pass Σx² − n·x̄² formula loses it entirely, Welford does not.
    func testWelfordOnLargeOffset() {
        var t = Tally()
        let xs = [4.0, 7, 13, 16].map { 1e9 + $0 }
        for x in xs { t.add(x) }
        XCTAssertEqual(t.mean, 1e9 + 10, accuracy: 1e-6)
        XCTAssertEqual(t.variance, 30, accuracy: 1e-6)
        XCTAssertEqual(t.sum, 4e9 + 40)

        let naive = (xs.map { $0 * $0 }.reduce(0, +) - 4 * t.mean * t.mean) / 3
        XCTAssertGreaterThan(abs(naive - 30), 1, "the naive formula should be visibly wrong here")
    }

    /// Welford against a careful two-pass reference on 1e9 + N(0, 1e-3²)
    /// noise. The reference works on the exactly recovered offsets
    /// dᵢ = xᵢ − 1e9 (Sterbenz: exact), so it sees the same rounded inputs.
    func testWelfordMatchesTwoPassOnNoisyOffset() {
        var rng = SplitMix64(seed: 42)
        let xs = (0..<100_000).map { _ in 1e9 + 1e-3 * rng.normal() }
        var t = Tally()
        for x in xs { t.add(x) }
        let ds = xs.map { $0 - 1e9 }
        let dMean = ds.reduce(0, +) / Double(ds.count)
        let variance = ds.map { ($0 - dMean) * ($0 - dMean) }.reduce(0, +) / Double(ds.count - 1)
        // The running mean carries ~ulp(1e9)·√(n/3) ≈ 2e-5 of rounding: 2e-14 relative.
        XCTAssertEqual(t.mean, 1e9 + dMean, accuracy: 1e-4)
        XCTAssertEqual(t.variance, variance, accuracy: variance * 1e-4)
        XCTAssertEqual(t.standardDeviation, 1e-3, accuracy: 2e-5)
    }

    func testMergeEqualsSequential() {
        var rng = SplitMix64(seed: 7)
        let xs = (0..<1_001).map { _ in 50 + 10 * rng.normal() }
        var whole = Tally()
        for x in xs { whole.add(x) }
        for split in [0, 1, 2, 333, 500, 999, 1_001] {
            var a = Tally(), b = Tally()
            for x in xs[..<split] { a.add(x) }
            for x in xs[split...] { b.add(x) }
            var merged = a
            merged.merge(b)
            XCTAssertEqual(merged.count, whole.count)
            XCTAssertEqual(merged.mean, whole.mean, accuracy: 1e-12 * abs(whole.mean))
            XCTAssertEqual(merged.variance, whole.variance, accuracy: 1e-10 * whole.variance)
            XCTAssertEqual(merged.sum, whole.sum, accuracy: 1e-9 * abs(whole.sum))
            XCTAssertEqual(merged.min, whole.min)
            XCTAssertEqual(merged.max, whole.max)
        }
    }

    func testMergeManyPartsWithOffset() {
        // Chan et al. must stay stable when the parts sit on a large offset too.
        var parts: [Tally] = []
        var whole = Tally()
        var rng = SplitMix64(seed: 3)
        for _ in 0..<10 {
            var p = Tally()
            for _ in 0..<1_000 {
                let x = 1e9 + 2 * rng.normal()
                p.add(x)
                whole.add(x)
            }
            parts.append(p)
        }
        var merged = Tally()
        for p in parts { merged.merge(p) }
        XCTAssertEqual(merged.count, 10_000)
        XCTAssertEqual(merged.variance, whole.variance, accuracy: 1e-8 * whole.variance)
        XCTAssertEqual(merged.variance, 4, accuracy: 0.2)
    }

    func testCodableRoundTripIncludingEmpty() throws {
        var t = Tally()
        for x in [1.0, 2.5, -3.25] { t.add(x) }
        let data = try JSONEncoder().encode(t)
        XCTAssertEqual(try JSONDecoder().decode(Tally.self, from: data), t)

        let empty = Tally()  // ±∞ min/max must not break plain JSON
        let emptyData = try JSONEncoder().encode(empty)
        XCTAssertEqual(try JSONDecoder().decode(Tally.self, from: emptyData), empty)
    }

    func testConfidenceIntervalOnKnownData() throws {
        // {1, 2, 3, 4, 5}: mean 3, s = √2.5, t_{0.975,4} = 2.776445 (NIST/SEMATECH
        // e-Handbook §1.3.6.7.2 lists 2.776) → half-width 2.776445·√2.5/√5 = 1.963243.
        var t = Tally()
        for x in 1...5 { t.add(Double(x)) }
        let ci = try XCTUnwrap(t.confidenceInterval(level: 0.95))
        XCTAssertEqual(ci.mean, 3)
        XCTAssertEqual(ci.level, 0.95)
        XCTAssertEqual(ci.halfWidth, 1.963243, accuracy: 1e-6)
        XCTAssertTrue(ci.contains(3))
        XCTAssertTrue(ci.contains(ci.lower) && ci.contains(ci.upper))
        XCTAssertFalse(ci.contains(5))
    }
}
