import CGSL
import Foundation
import Stochastics
import XCTest

/// Every distribution case, and the mean/cv constructors, sampled against
/// closed-form moments in one table.
///
/// For each entry, n = 200,000 draws from its own stream. The test computes
/// the raw moments E[X^j], j = 1...4, itself (formulas written here, not the
/// library's), then checks:
/// * `Distribution.mean` / `.variance` equal those closed forms (relative 1e-9);
/// * sample mean within 5 standard errors: |x̄ − μ| ≤ 5 σ / √n;
/// * sample variance within 5 standard errors of s²:
///   |s² − σ²| ≤ 5 √((μ4 − σ⁴) / n), μ4 the exact fourth central moment.
/// 5 standard errors make a false failure (for a correct sampler) a ~1e-6
/// event per check; the streams are fixed, so the outcome is reproducible.
/// Deterministic cases have σ = 0 and must match exactly.
final class DistributionMomentTests: XCTestCase {
    static let n = 200_000

    struct Case {
        let name: String
        let distribution: Distribution
    }

    static func cases() throws -> [Case] {
        [
            Case(name: "exponential", distribution: .exponential(mean: 300)),
            Case(name: "gamma k=2.5", distribution: .gamma(shape: 2.5, scale: 40)),
            Case(name: "gamma k=0.5", distribution: .gamma(shape: 0.5, scale: 100)),
            Case(name: "erlang", distribution: .erlang(phases: 3, mean: 180)),
            Case(name: "lognormal", distribution: .lognormal(mu: 5, sigma: 0.5)),
            Case(name: "weibull k=1.5", distribution: .weibull(shape: 1.5, scale: 200)),
            Case(name: "weibull k=0.8", distribution: .weibull(shape: 0.8, scale: 100)),
            Case(name: "uniform", distribution: .uniform(lower: 30, upper: 90)),
            Case(name: "triangular", distribution: .triangular(lower: 60, mode: 180, upper: 600)),
            Case(name: "triangular mode=lower", distribution: .triangular(lower: 10, mode: 10, upper: 70)),
            Case(name: "triangular mode=upper", distribution: .triangular(lower: 10, mode: 70, upper: 70)),
            Case(name: "deterministic", distribution: .deterministic(42)),
            Case(name: "deterministic 0", distribution: .deterministic(0)),
            Case(name: "empirical", distribution: .empirical([120, 180, 240, 600, 45, 45])),
            Case(name: "mixture", distribution: .mixture([
                MixtureComponent(weight: 0.7, distribution: .exponential(mean: 200)),
                MixtureComponent(weight: 0.3, distribution: try .lognormal(mean: 600, cv: 0.5)),
            ])),
            Case(name: "nested mixture", distribution: .mixture([
                MixtureComponent(weight: 2, distribution: .deterministic(30)),
                MixtureComponent(weight: 0, distribution: .exponential(mean: 1e6)),
                MixtureComponent(weight: 1, distribution: .mixture([
                    MixtureComponent(weight: 1, distribution: .uniform(lower: 0, upper: 10)),
                    MixtureComponent(weight: 3, distribution: .empirical([5, 15])),
                ])),
            ])),
            Case(name: "lognormal(mean:cv:)", distribution: try .lognormal(mean: 240, cv: 0.8)),
            Case(name: "gamma(mean:cv:)", distribution: try .gamma(mean: 300, cv: 0.6)),
            Case(name: "weibull(mean:cv:) cv>1", distribution: try .weibull(mean: 300, cv: 1.3)),
            Case(name: "weibull(mean:cv:) cv<1", distribution: try .weibull(mean: 300, cv: 0.4)),
            Case(name: "scaled exponential", distribution: Distribution.exponential(mean: 300).scaled(by: 1.25)),
            Case(name: "scaled lognormal", distribution: try Distribution.lognormal(mean: 200, cv: 0.5).scaled(by: 0.8)),
        ]
    }

    /// E[X^j], j = 0...4, from textbook formulas.
    static func rawMoments(_ d: Distribution) -> [Double] {
        func moments(_ f: (Int) -> Double) -> [Double] { (0...4).map { $0 == 0 ? 1 : f($0) } }
        switch d {
        case let .exponential(mean):
            return moments { j in gsl_sf_fact(UInt32(j)) * pow(mean, Double(j)) }
        case let .gamma(k, theta):
            return moments { j in (0..<j).reduce(pow(theta, Double(j))) { $0 * (k + Double($1)) } }
        case let .erlang(n, mean):
            return rawMoments(.gamma(shape: Double(n), scale: mean / Double(n)))
        case let .lognormal(mu, sigma):
            return moments { j in exp(Double(j) * mu + Double(j * j) * sigma * sigma / 2) }
        case let .weibull(k, lambda):
            return moments { j in pow(lambda, Double(j)) * tgamma(1 + Double(j) / k) }
        case let .uniform(a, b):
            return moments { j in (pow(b, Double(j + 1)) - pow(a, Double(j + 1))) / (Double(j + 1) * (b - a)) }
        case let .triangular(a, c, b):
            // Integrate x^j against the density 2(x−a)/((b−a)(c−a)) on [a, c]
            // and 2(b−x)/((b−a)(b−c)) on [c, b].
            return moments { j in
                let p1 = Double(j + 1), p2 = Double(j + 2)
                var total = 0.0
                if c > a {
                    let rising = (pow(c, p2) - pow(a, p2)) / p2 - a * (pow(c, p1) - pow(a, p1)) / p1
                    total += rising / (c - a)
                }
                if b > c {
                    let falling = b * (pow(b, p1) - pow(c, p1)) / p1 - (pow(b, p2) - pow(c, p2)) / p2
                    total += falling / (b - c)
                }
                return 2 * total / (b - a)
            }
        case let .deterministic(v):
            return moments { j in pow(v, Double(j)) }
        case let .empirical(values):
            return moments { j in values.reduce(0) { $0 + pow($1, Double(j)) } / Double(values.count) }
        case let .mixture(components):
            let total = components.reduce(0) { $0 + $1.weight }
            let parts = components.map { ($0.weight / total, rawMoments($0.distribution)) }
            return (0...4).map { j in parts.reduce(0) { $0 + $1.0 * $1.1[j] } }
        }
    }

    func testSampleMomentsMatchClosedForms() throws {
        let plan = try StreamPlan(seed: 31_415)
        let n = Double(Self.n)
        for (index, c) in try Self.cases().enumerated() {
            try c.distribution.validate()
            let raw = Self.rawMoments(c.distribution)
            let mu = raw[1]
            let variance = raw[2] - mu * mu
            // Fourth central moment from the raw moments.
            let mu4 = raw[4] - 4 * mu * raw[3] + 6 * mu * mu * raw[2] - 3 * mu * mu * mu * mu

            XCTAssertEqual(c.distribution.mean, mu, accuracy: 1e-9 * abs(mu), c.name)
            XCTAssertEqual(c.distribution.variance, variance, accuracy: 1e-9 * max(variance, 1e-300) + 1e-9, c.name)

            let stream = plan.stream(replication: index, purpose: .handleTime)
            var sum = 0.0
            var xs = [Double](repeating: 0, count: Self.n)
            for i in 0..<Self.n {
                let x = c.distribution.sample(from: stream)
                XCTAssertTrue(x.isFinite && x >= 0, "\(c.name): draw \(x)")
                xs[i] = x
                sum += x
            }
            let mean = sum / n
            let sampleVariance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)

            let meanTolerance = 5 * variance.squareRoot() / n.squareRoot()
            let varianceTolerance = 5 * (max(mu4 - variance * variance, 0) / n).squareRoot()
            XCTAssertEqual(mean, mu, accuracy: meanTolerance + 1e-12 * mu,
                           "\(c.name): sample mean \(mean), expected \(mu) ± \(meanTolerance)")
            XCTAssertEqual(sampleVariance, variance, accuracy: varianceTolerance + 1e-9 * variance,
                           "\(c.name): sample variance \(sampleVariance), expected \(variance) ± \(varianceTolerance)")
        }
    }

    func testMeanCVConstructorsHitTheirTargets() throws {
        for (mean, cv) in [(300.0, 0.05), (300, 0.5), (300, 1), (45, 2.5), (1, 10)] {
            for d in [try Distribution.lognormal(mean: mean, cv: cv), try .gamma(mean: mean, cv: cv),
                      try .weibull(mean: mean, cv: cv)] {
                XCTAssertEqual(d.mean, mean, accuracy: 1e-9 * mean, "\(d)")
                XCTAssertEqual(d.cv, cv, accuracy: 1e-9 * cv, "\(d)")
                XCTAssertNoThrow(try d.validate())
            }
        }
        // cv = 1 Weibull is the exponential: shape 1.
        guard case let .weibull(shape, scale) = try Distribution.weibull(mean: 300, cv: 1) else {
            return XCTFail("not a Weibull")
        }
        XCTAssertEqual(shape, 1, accuracy: 1e-12)
        XCTAssertEqual(scale, 300, accuracy: 1e-9)
        // Extreme but supported cvs still solve.
        for cv in [1e-5, 50.0] {
            XCTAssertEqual(try Distribution.weibull(mean: 10, cv: cv).cv, cv, accuracy: 1e-6 * cv)
        }
    }
}
