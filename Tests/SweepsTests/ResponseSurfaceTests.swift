import Foundation
import Sweeps
import XCTest

/// The quadratic response surface of `ccsim sweep analyze` against functions whose coefficients
/// are known: recovered exactly without noise, and covered by their 95% intervals about 95% of
/// the time with noise.
final class ResponseSurfaceTests: XCTestCase {
    /// SplitMix64 with Box–Muller: iid standard normals for the test's noise.
    struct Noise {
        var state: UInt64
        mutating func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return (Double((z ^ (z >> 31)) >> 11) + 0.5) / 9_007_199_254_740_992
        }
        mutating func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform()) }
    }

    /// Inputs over 40…60, 100…300 and −1…1, by Latin hypercube; the fit codes each to ±1 at the
    /// extremes drawn, and `codedTruth` is the known quadratic in those units.
    func design(points: Int, seed: UInt64) -> [[Double]] {
        LatinHypercube.sample(points: points, dimensions: 3, seed: seed).map { u in [40 + 20 * u[0], 100 + 200 * u[1], -1 + 2 * u[2]] }
    }

    static let truth: [String: Double] = ["intercept": 2, "a": 3, "b": -0.5, "c": 0, "a²": 0, "b²": -1.5, "c²": 0.25,
                                          "a × b": 0, "a × c": 0.8, "b × c": 0]

    func codedTruth(_ rows: [[Double]]) -> [Double] {
        let low: [Double] = (0..<3).map { j in rows.map { $0[j] }.min()! }
        let high: [Double] = (0..<3).map { j in rows.map { $0[j] }.max()! }
        let t = Self.truth
        return rows.map { row -> Double in
            var c: [Double] = []
            for j in 0..<3 {
                let share: Double = (row[j] - low[j]) / (high[j] - low[j])
                c.append(2 * share - 1)
            }
            var y: Double = t["intercept"]!
            y += t["a"]! * c[0] + t["b"]! * c[1]
            y += t["c"]! * c[2]
            y += t["a²"]! * c[0] * c[0] + t["b²"]! * c[1] * c[1]
            y += t["c²"]! * c[2] * c[2]
            y += t["a × c"]! * c[0] * c[2]
            return y
        }
    }

    func testNoiseFreeQuadraticIsRecoveredExactly() throws {
        let x = design(points: 30, seed: 5)
        let surface = try XCTUnwrap(ResponseSurface.fit(inputs: x, names: ["a", "b", "c"], responses: codedTruth(x), metric: "y"))
        XCTAssertEqual(surface.form, .quadratic)
        XCTAssertEqual(surface.coefficients.count, 10)
        for c in surface.coefficients {
            XCTAssertEqual(c.estimate, try XCTUnwrap(Self.truth[c.name], c.name), accuracy: 1e-9, c.name)
        }
        XCTAssertEqual(surface.rSquared, 1, accuracy: 1e-12)
    }

    /// With noise of sd 0.5, each coefficient's 95% interval covers its true value in 95% of
    /// 300 independent replicates of the experiment: the coverage must lie within 0.95 ± 3.5
    /// binomial standard errors (±0.044), pooled over the 10 coefficients (±0.014).
    func testIntervalsCoverTheTrueCoefficients() throws {
        var noise = Noise(state: 42)
        let replicates = 300
        var covered = [String: Int](), r2 = 0.0
        for r in 0..<replicates {
            let x = design(points: 30, seed: UInt64(100 + r))
            let y = codedTruth(x).map { $0 + 0.5 * noise.normal() }
            let surface = try XCTUnwrap(ResponseSurface.fit(inputs: x, names: ["a", "b", "c"], responses: y, metric: "y"))
            for c in surface.coefficients where c.lower <= Self.truth[c.name]! && Self.truth[c.name]! <= c.upper {
                covered[c.name, default: 0] += 1
            }
            r2 += surface.rSquared
        }
        let pooled = Double(covered.values.reduce(0, +)) / Double(replicates * Self.truth.count)
        XCTAssertEqual(pooled, 0.95, accuracy: 3.5 * (0.95 * 0.05 / Double(replicates * Self.truth.count)).squareRoot())
        for (name, count) in covered {
            XCTAssertEqual(Double(count) / Double(replicates), 0.95, accuracy: 3.5 * (0.95 * 0.05 / Double(replicates)).squareRoot(), name)
        }
        XCTAssertGreaterThan(r2 / Double(replicates), 0.8, "the signal dominates noise of sd 0.5")
    }

    /// Too few distinct points for the cross terms: linear + squares; fewer still: linear; too few for that: nil.
    func testFewPointsDropTermsRatherThanOverfit() throws {
        for (points, form) in [(9, ResponseSurface.Form.separable), (6, .linear)] {
            let x = design(points: points, seed: 9)
            let surface = try XCTUnwrap(ResponseSurface.fit(inputs: x, names: ["a", "b", "c"], responses: codedTruth(x), metric: "y"))
            XCTAssertEqual(surface.form, form, "\(points) points")
        }
        let x = design(points: 4, seed: 9)
        XCTAssertNil(ResponseSurface.fit(inputs: x, names: ["a", "b", "c"], responses: codedTruth(x), metric: "y"))
    }
}
