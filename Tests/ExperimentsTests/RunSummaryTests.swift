import ContactCenter
import Experiments
import Scenarios
import XCTest

final class RunSummaryTests: XCTestCase {
    let scenario = Scenario(
        name: "summary",
        run: RunSettings(horizon: 2 * 3600, warmup: 0, interval: 3600, replications: 5, seed: 3),
        arrivals: ArrivalProcess(ratePerSecond: 100.0 / 3600),
        team: TeamSpec(name: "agents", agents: 9),
        handleTime: .exponential(mean: 300),
        patience: .exponential(mean: 100),
        serviceLevel: ServiceLevelTarget(answerWithin: 20, target: 0.8, convention: .excludingShortAbandons)
    )

    /// The confidence interval is mean ± t(0.975, n−1) · s/√n, computed here by hand.
    func testConfidenceIntervalMatchesAHandComputation() throws {
        let results = try ReplicationRunner.run(scenario, replications: 5, jobs: 2)
        let summary = RunSummary(scenario: scenario, replications: results)
        let values = results.map { Double($0.counts.offered) }
        let mean = values.reduce(0, +) / 5
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4).squareRoot()
        let t4 = 2.7764451051977987  // Student t, 97.5% quantile, 4 degrees of freedom
        let item = summary[.offered]
        XCTAssertEqual(item.mean!, mean, accuracy: 1e-9)
        XCTAssertEqual(item.standardDeviation!, sd, accuracy: 1e-9)
        XCTAssertEqual(item.confidenceInterval!.halfWidth, t4 * sd / 5.0.squareRoot(), accuracy: 1e-6)
        XCTAssertEqual(item.replications, 5)
    }

    func testHeadlineServiceLevelFollowsTheScenarioConvention() throws {
        let results = try ReplicationRunner.run(scenario, replications: 2, jobs: 1)
        let summary = RunSummary(scenario: scenario, replications: results)
        XCTAssertEqual(summary[.serviceLevel].mean, summary[.serviceLevelExcludingShortAbandons].mean)
        XCTAssertNotEqual(summary[.serviceLevel].mean, summary[.serviceLevelOffered].mean)
        let c = results[0].counts
        XCTAssertEqual(c.serviceLevel(.excludingShortAbandons)!, Double(c.answeredWithinTarget) / Double(c.offered - c.abandonedBeforeTarget))
        XCTAssertEqual(c.serviceLevel(.answered)!, Double(c.answeredWithinTarget) / Double(c.answered))
    }

    func testIntervalSummariesCoverTheHorizon() throws {
        let results = try ReplicationRunner.run(scenario, replications: 2, jobs: 1)
        let summary = RunSummary(scenario: scenario, replications: results)
        XCTAssertEqual(summary.intervals.map(\.start), [0, 3600])
        let offeredPerInterval = summary.intervals.map { $0.metrics.first { $0.metric == .offered }!.mean! }
        XCTAssertEqual(offeredPerInterval.reduce(0, +), summary[.offered].mean!, accuracy: 1e-9)
    }

    func testSingleReplicationHasNoInterval() throws {
        let results = try ReplicationRunner.run(scenario, replications: 1, jobs: 1)
        let summary = RunSummary(scenario: scenario, replications: results)
        XCTAssertNil(summary[.serviceLevel].confidenceInterval)
        XCTAssertNotNil(summary[.serviceLevel].mean)
    }
}
