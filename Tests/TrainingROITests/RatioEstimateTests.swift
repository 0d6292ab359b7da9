import Stochastics
import TrainingROI
import XCTest

/// The ROI interval (mean net ÷ mean cost, delta method) against its promise: over many
/// synthetic studies whose true ratio is known, the 95% interval covers it about 95% of the time.
final class RatioEstimateTests: XCTestCase {
    /// 2,000 studies of 20 paired replications: cost skewed like a training bill (gamma, mean 100,
    /// cv 0.5), net = 0.3 × cost + noise of mean 0 (a shifted gamma, skewed too), so the true ratio
    /// E[net] / E[cost] is 0.3. Coverage must lie within 0.95 ± 0.02: four binomial standard errors
    /// (√(0.95 · 0.05 / 2000) = 0.0049), with room for the delta method's small-sample bias on
    /// skewed costs (this seed: 93.5%).
    func testTheIntervalCoversTheTrueRatio() throws {
        let plan = try StreamPlan(seed: 2027)
        let costs = plan.stream(replication: 0, purpose: .handleTime)
        let noise = plan.stream(replication: 0, purpose: .patience)
        let cost = Distribution.gamma(shape: 4, scale: 25), shock = Distribution.gamma(shape: 2, scale: 20)
        let studies = 2000, replications = 20, truth = 0.3
        var covered = 0
        for _ in 0..<studies {
            let c = (0..<replications).map { _ in cost.sample(from: costs) }
            let n = c.map { truth * $0 + shock.sample(from: noise) - 40 }
            let e = try XCTUnwrap(ROIResult.Estimate.ratio(n, over: c, level: 0.95))
            if let lo = e.lower, let hi = e.upper, lo <= truth, truth <= hi { covered += 1 }
        }
        let coverage = Double(covered) / Double(studies)
        XCTAssertEqual(coverage, 0.95, accuracy: 0.02, "coverage of the ROI interval")
    }
}
