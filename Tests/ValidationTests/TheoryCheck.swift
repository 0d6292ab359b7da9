import ContactCenter
import Experiments
import Foundation
import Scenarios
import SingleQueueOracle
import Stochastics
import XCTest

/// How the validation tests compare simulation with theory.
///
/// A metric agrees when the analytic value lies inside the replications'
/// 99% Student-t confidence interval widened by a stated margin. The interval
/// covers the statistical noise; the margin covers what remains of
/// initialisation and finite-horizon bias, and is far smaller than the error a
/// modelling bug produces (e.g. abandoned callers left in the queue, or waits
/// measured from the wrong time). Each case runs about 200,000 measured arrivals.
enum TheoryCheck {
    static let confidenceLevel = 0.99

    /// Set CCSIM_LONG_VALIDATION=1 for five times the replications (used by `make validate-long`).
    static var scale: Int {
        ProcessInfo.processInfo.environment["CCSIM_LONG_VALIDATION"] == "1" ? 5 : 1
    }

    /// An M/M/n(+M) scenario: `erlangs` offered to `agents`, handle time exponential.
    static func scenario(
        agents: Int, erlangs: Double, handleMean: Double = 300, patience: Distribution? = nil,
        answerWithin: Double = 20, arrivalsPerReplication: Double = 20_000, seed: UInt64 = 2026
    ) -> Scenario {
        let rate = erlangs / handleMean
        let horizon = (arrivalsPerReplication / rate).rounded(.up)
        // Relaxation time of M/M/n, about AHT / (√n − √A)²; warm up for 10 of them (at least 2 h).
        let gap = max(Double(agents).squareRoot() - erlangs.squareRoot(), 0.15)
        let warmup = max(7200, 10 * handleMean / (gap * gap)).rounded(.up)
        return Scenario(
            name: "theory-\(agents)-\(erlangs)",
            run: RunSettings(horizon: horizon, warmup: warmup, interval: horizon, replications: 10 * scale, seed: seed),
            arrivals: ArrivalProcess(ratePerSecond: rate),
            team: TeamSpec(name: "agents", agents: agents),
            handleTime: .exponential(mean: handleMean),
            patience: patience,
            serviceLevel: ServiceLevelTarget(answerWithin: answerWithin, target: 0.8, convention: .offered)
        )
    }

    static func simulate(_ scenario: Scenario) throws -> RunSummary {
        let results = try SingleQueueOracle.run(scenario, replications: scenario.run.replications)
        return RunSummary(scenario: scenario, replications: results, confidenceLevel: confidenceLevel)
    }

    /// Asserts `|simulated mean − theory| ≤ CI half-width + margin`.
    static func assertAgrees(
        _ summary: RunSummary, _ metric: Metric, theory: Double, margin: Double,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let item = summary[metric]
        guard let mean = item.mean, let ci = item.confidenceInterval else {
            return XCTFail("\(metric.rawValue): no estimate", file: file, line: line)
        }
        let allowed = ci.halfWidth + margin
        XCTAssertLessThanOrEqual(
            abs(mean - theory), allowed,
            "\(summary.scenario.name) \(metric.rawValue): simulated \(mean) ± \(ci.halfWidth) vs theory \(theory) (margin \(margin))",
            file: file, line: line
        )
    }
}
