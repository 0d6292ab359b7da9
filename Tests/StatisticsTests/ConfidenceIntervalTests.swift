import Foundation
import Statistics
import TestFixtures
import XCTest

final class ConfidenceIntervalTests: XCTestCase {
    func testStudentRequiresTwoObservations() {
        XCTAssertNil(ConfidenceInterval.student(mean: 1, standardDeviation: 1, count: 1, level: 0.95))
        XCTAssertNil(ConfidenceInterval.student(mean: 1, standardDeviation: .nan, count: 5, level: 0.95))
        XCTAssertNotNil(ConfidenceInterval.student(mean: 1, standardDeviation: 0, count: 2, level: 0.95))
    }

    func testBoundsAndCodable() throws {
        let ci = ConfidenceInterval(mean: 10, halfWidth: 2, level: 0.9)
        XCTAssertEqual(ci.lower, 8)
        XCTAssertEqual(ci.upper, 12)
        XCTAssertTrue(ci.contains(8) && ci.contains(12) && !ci.contains(12.0001))
        let back = try JSONDecoder().decode(ConfidenceInterval.self, from: JSONEncoder().encode(ci))
        XCTAssertEqual(back, ci)
    }

    /// Coverage sanity with a fixed seed: 4,000 intervals from samples of 10
    /// N(5, 2²) draws. A 95 % interval covers the true mean 95 % of the time;
    /// the binomial standard error is 0.34 %, so ±1.2 % is a 3.5σ band.
    func testCoverageOfStudentIntervals() {
        var rng = SplitMix64(seed: 2024)
        var covered95 = 0, covered80 = 0
        let trials = 4_000
        for _ in 0..<trials {
            var t = Tally()
            for _ in 0..<10 { t.add(5 + 2 * rng.normal()) }
            if t.confidenceInterval(level: 0.95)!.contains(5) { covered95 += 1 }
            if t.confidenceInterval(level: 0.80)!.contains(5) { covered80 += 1 }
        }
        XCTAssertEqual(Double(covered95) / Double(trials), 0.95, accuracy: 0.012)
        XCTAssertEqual(Double(covered80) / Double(trials), 0.80, accuracy: 0.022)
    }

    /// The same data give a wider interval at a higher level.
    func testWidthGrowsWithLevel() {
        let a = ConfidenceInterval.student(mean: 0, standardDeviation: 1, count: 10, level: 0.90)!
        let b = ConfidenceInterval.student(mean: 0, standardDeviation: 1, count: 10, level: 0.99)!
        XCTAssertLessThan(a.halfWidth, b.halfWidth)
    }
}
