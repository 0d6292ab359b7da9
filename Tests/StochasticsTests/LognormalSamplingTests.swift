import CGSL
import Foundation
import Stochastics
import XCTest

/// The lognormal sampler (exp(μ + σZ), Z from GSL's ziggurat) against the lognormal law itself:
/// the moment table checks its mean and variance; these check the whole shape, tails included.
///
/// n = 100,000 draws of lognormal(μ = 5.5, σ = 0.6) (a 4-minute handle time with cv ≈ 0.66) from a
/// fixed stream:
/// * Kolmogorov–Smirnov against `gsl_cdf_lognormal_P`: √n·D below 1.95, the 0.1% critical value;
/// * the share beyond each of μ ± 2σ, ± 3σ in log space (where a ziggurat's wedges and tail are
///   drawn) within 5 binomial standard errors of the normal tail probability.
final class LognormalSamplingTests: XCTestCase {
    static let n = 100_000
    static let mu = 5.5, sigma = 0.6

    func draws() throws -> [Double] {
        let stream = try StreamPlan(seed: 2_718).stream(replication: 0, purpose: .handleTime)
        let d = Distribution.lognormal(mu: Self.mu, sigma: Self.sigma)
        return (0..<Self.n).map { _ in d.sample(from: stream) }
    }

    func testDrawsFollowTheLognormalCDF() throws {
        let xs = try draws().sorted()
        let n = Double(xs.count)
        var d = 0.0
        for (i, x) in xs.enumerated() {
            let f = gsl_cdf_lognormal_P(x, Self.mu, Self.sigma)
            d = max(d, f - Double(i) / n, Double(i + 1) / n - f)
        }
        XCTAssertLessThan(n.squareRoot() * d, 1.95, "Kolmogorov–Smirnov distance \(d) over \(xs.count) draws")
    }

    func testTailsHaveTheNormalShares() throws {
        let logs = try draws().map { (log($0) - Self.mu) / Self.sigma }
        let n = Double(logs.count)
        for k in [2.0, 3.0] {
            let expected = gsl_cdf_ugaussian_Q(k)
            let tolerance = 5 * (expected * (1 - expected) / n).squareRoot()
            let above = Double(logs.filter { $0 > k }.count) / n
            let below = Double(logs.filter { $0 < -k }.count) / n
            XCTAssertEqual(above, expected, accuracy: tolerance, "share above μ + \(k)σ")
            XCTAssertEqual(below, expected, accuracy: tolerance, "share below μ − \(k)σ")
        }
    }
}
