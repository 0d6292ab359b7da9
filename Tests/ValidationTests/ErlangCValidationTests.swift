import Analytics
import Experiments
import XCTest

/// The simulator against Erlang C (M/M/n, no abandonment) on a grid from 5 to
/// 1,000 agents and occupancy from 70% to 98%.
final class ErlangCValidationTests: XCTestCase {
    /// (agents, occupancy)
    static let grid: [(Int, Double)] = [(5, 0.70), (10, 0.85), (50, 0.90), (100, 0.95), (500, 0.97), (1000, 0.98)]

    func testMatchesErlangCOnTheGrid() throws {
        for (agents, occupancy) in Self.grid {
            let erlangs = Double(agents) * occupancy
            let scenario = TheoryCheck.scenario(agents: agents, erlangs: erlangs)
            let summary = try TheoryCheck.simulate(scenario)
            let theory = ErlangC(agents: agents, arrivalRate: scenario.singleQueue!.ratePerSecond, meanHandleTime: 300)

            // Margins: 1 point on shares; 5% of ASA plus 1 s.
            TheoryCheck.assertAgrees(summary, .probabilityOfWait, theory: theory.probabilityOfWait, margin: 0.01)
            TheoryCheck.assertAgrees(summary, .serviceLevel, theory: theory.serviceLevel(answerWithin: 20), margin: 0.01)
            TheoryCheck.assertAgrees(summary, .averageSpeedOfAnswer, theory: theory.averageSpeedOfAnswer,
                                     margin: 0.05 * theory.averageSpeedOfAnswer + 1)
            TheoryCheck.assertAgrees(summary, .occupancy, theory: occupancy, margin: 0.005)
            XCTAssertEqual(summary[.abandoned].mean, 0)

            // Wait percentiles: P(W > t) = P(wait)·exp(−(nμ − λ)t), so the p-quantile is
            // ln(P(wait)/(1 − p)) / (nμ − λ) when P(wait) > 1 − p. Margin 5% (+0.5 s): the
            // streamed histogram itself is accurate to 0.5%.
            let drain = (Double(agents) - erlangs) / 300
            for (metric, p) in [(Metric.waitP90, 0.90), (.waitP95, 0.95)] where theory.probabilityOfWait > 1 - p {
                let quantile = log(theory.probabilityOfWait / (1 - p)) / drain
                TheoryCheck.assertAgrees(summary, metric, theory: quantile, margin: 0.05 * quantile + 0.5)
            }
        }
    }

    /// Little's law on the queue: mean queue length = arrival rate × mean time in queue.
    func testLittlesLawHoldsOnTheQueue() throws {
        let scenario = TheoryCheck.scenario(agents: 50, erlangs: 47, patience: .exponential(mean: 200))
        let summary = try TheoryCheck.simulate(scenario)
        for result in summary.replications {
            let lambdaW = result.observedArrivalRate * result.counts.meanTimeInQueue!
            // Per replication, both sides estimate the same mean; 3% covers the edge effects of a finite window.
            XCTAssertEqual(result.meanQueueLength, lambdaW, accuracy: 0.03 * lambdaW)
        }
    }

    /// Warm-up matters: from an empty start an 8-hour run at 90% load with 50 agents
    /// under-states P(wait) (by about 4%, computed exactly in the issue); with a
    /// warm-up the estimate is unbiased.
    func testWarmupRemovesTheEmptyStartBias() throws {
        let theory = ErlangC(agents: 50, arrivalRate: 45.0 / 300, meanHandleTime: 300).probabilityOfWait
        var cold = TheoryCheck.scenario(agents: 50, erlangs: 45)
        // 2,000 replications make the 99% interval (about ±0.005) narrower than the bias (about 0.015).
        cold.run = .init(horizon: 8 * 3600, warmup: 0, interval: 8 * 3600, replications: 2000, seed: 9)
        var warm = cold
        warm.run.warmup = 4 * 3600
        warm.run.replications = 400
        let coldSummary = try TheoryCheck.simulate(cold)
        let warmSummary = try TheoryCheck.simulate(warm)
        let coldMean = coldSummary[.probabilityOfWait].mean!
        let coldHalfWidth = coldSummary[.probabilityOfWait].confidenceInterval!.halfWidth
        XCTAssertLessThan(coldMean + coldHalfWidth, theory, "an empty start should bias P(wait) down")
        TheoryCheck.assertAgrees(warmSummary, .probabilityOfWait, theory: theory, margin: 0.003)
    }
}
