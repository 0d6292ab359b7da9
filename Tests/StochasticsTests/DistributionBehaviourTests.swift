import CGSL
import Stochastics
import XCTest

/// Properties other than the moments: support, scaling, cv, special cases.
final class DistributionBehaviourTests: XCTestCase {
    var stream: RandomStream!

    override func setUpWithError() throws {
        stream = try StreamPlan(seed: 5).stream(replication: 0, purpose: .routing)
    }

    func testDrawsStayInSupport() {
        let tri = Distribution.triangular(lower: 2, mode: 3, upper: 10)
        let uni = Distribution.uniform(lower: 4, upper: 5)
        let edge = Distribution.triangular(lower: 1, mode: 1, upper: 2)
        for _ in 0..<100_000 {
            XCTAssertTrue((2...10).contains(tri.sample(from: stream)))
            XCTAssertTrue((4...5).contains(uni.sample(from: stream)))
            XCTAssertTrue((1...2).contains(edge.sample(from: stream)))
        }
    }

    func testEmpiricalDrawsOnlyObservedValuesAllOfThem() {
        let values: [Double] = [3, 1, 4, 1, 5, 9, 2, 6]
        var seen: [Double: Int] = [:]
        for _ in 0..<80_000 { seen[Distribution.empirical(values).sample(from: stream), default: 0] += 1 }
        XCTAssertEqual(Set(seen.keys), Set(values))
        // 1 appears twice in the list, so about twice as often (10,000 each; 5 sd ≈ 470).
        XCTAssertEqual(Double(seen[1]!), 20_000, accuracy: 5 * (80_000 * 0.25 * 0.75).squareRoot())
    }

    func testZeroWeightComponentIsNeverChosen() {
        let d = Distribution.mixture([
            MixtureComponent(weight: 0, distribution: .deterministic(1)),
            MixtureComponent(weight: 1, distribution: .deterministic(2)),
            MixtureComponent(weight: 0, distribution: .deterministic(3)),
        ])
        for _ in 0..<10_000 { XCTAssertEqual(d.sample(from: stream), 2) }
    }

    func testDeterministicConsumesNoRandomNumbers() {
        let before = stream.state
        XCTAssertEqual(Distribution.deterministic(7).sample(from: stream), 7)
        XCTAssertEqual(stream.state, before)
    }

    func testExponentialUsesTheMean() {
        // gsl_ran_exponential(r, mu) = -mu log1p(-u) for one uniform u.
        let clone = gsl_rng_clone(stream.rng)!
        defer { gsl_rng_free(clone) }
        let x = Distribution.exponential(mean: 300).sample(from: stream)
        XCTAssertEqual(x, -300 * log1p(-gsl_rng_uniform(clone)), accuracy: 1e-9)
    }

    func testTriangularQuantile() {
        XCTAssertEqual(Distribution.triangularQuantile(0, lower: 2, mode: 4, upper: 10), 2)
        XCTAssertEqual(Distribution.triangularQuantile(0.25, lower: 2, mode: 4, upper: 10), 4, accuracy: 1e-12)
        XCTAssertEqual(Distribution.triangularQuantile(0.5, lower: 0, mode: 1, upper: 2), 1, accuracy: 1e-12)
        XCTAssertEqual(Distribution.triangularQuantile(1, lower: 2, mode: 4, upper: 10), 10)
    }

    func testScaledMultipliesMeanKeepsCV() throws {
        let all: [Distribution] = [
            .exponential(mean: 10), .gamma(shape: 2, scale: 3), .erlang(phases: 4, mean: 8),
            .lognormal(mu: 1, sigma: 0.4), .weibull(shape: 1.7, scale: 5), .uniform(lower: 1, upper: 3),
            .triangular(lower: 1, mode: 2, upper: 6), .deterministic(4), .empirical([1, 2, 7]),
            .mixture([MixtureComponent(weight: 1, distribution: .exponential(mean: 2)),
                      MixtureComponent(weight: 3, distribution: .deterministic(5))]),
        ]
        for d in all {
            let s = d.scaled(by: 1.5)
            XCTAssertNoThrow(try s.validate())
            XCTAssertEqual(s.mean, 1.5 * d.mean, accuracy: 1e-12 * d.mean, "\(d)")
            XCTAssertEqual(s.variance, 2.25 * d.variance, accuracy: 1e-9 * d.variance, "\(d)")
            XCTAssertEqual(s.cv, d.cv, accuracy: 1e-12, "\(d)")
        }
    }

    func testCV() {
        XCTAssertEqual(Distribution.exponential(mean: 42).cv, 1, accuracy: 1e-15)
        XCTAssertEqual(Distribution.erlang(phases: 4, mean: 42).cv, 0.5, accuracy: 1e-15)
        XCTAssertEqual(Distribution.deterministic(0).cv, 0)
        XCTAssertEqual(Distribution.deterministic(5).cv, 0)
    }

    func testDistributionsAreHashableValues() throws {
        let a = try Distribution.gamma(mean: 300, cv: 0.5)
        let b = try Distribution.gamma(mean: 300, cv: 0.5)
        XCTAssertEqual(a, b)
        XCTAssertEqual(Set([a, b, .exponential(mean: 1)]).count, 2)
    }
}
