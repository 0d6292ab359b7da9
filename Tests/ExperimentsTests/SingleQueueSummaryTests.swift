import ContactCenter
import Experiments
import Scenarios
import SingleQueueOracle
import XCTest

/// `CenterSummary` on real runs of single-queue scenarios: the full model
/// reduces to the foundation model, so its report must carry the same numbers
/// under the same names as the foundation's `RunSummary`.
final class SingleQueueSummaryTests: XCTestCase {
    let scenario = Scenario(
        name: "summary",
        run: RunSettings(horizon: 2 * 3600, warmup: 600, interval: 3600, replications: 5, seed: 3),
        arrivals: ArrivalProcess(ratePerSecond: 100.0 / 3600),
        team: TeamSpec(name: "agents", agents: 9),
        handleTime: .exponential(mean: 300),
        patience: .exponential(mean: 100),
        serviceLevel: ServiceLevelTarget(answerWithin: 20, target: 0.8, convention: .excludingShortAbandons)
    )

    func testSameNumbersAsTheFoundationModel() throws {
        let center = CenterSummary(scenario: scenario, replications: try ReplicationRunner.run(scenario, replications: 5, jobs: 2))
        let foundation = RunSummary(scenario: scenario, replications: try SingleQueueOracle.run(scenario, replications: 5, jobs: 2))
        for item in foundation.metrics {
            let scope: MetricScope = item.metric == .occupancy ? .team(0) : .channel(0)
            let same = try XCTUnwrap(center.metrics(scope)[item.metric], item.metric.rawValue)
            assertClose(same, item, item.metric.rawValue)
        }
        XCTAssertEqual(center.intervals.count, foundation.intervals.count)
        for (i, interval) in foundation.intervals.enumerated() {
            XCTAssertEqual(center.intervals[i].start, interval.start)
            XCTAssertEqual(center.intervals[i].length, interval.length)
            for item in interval.metrics {
                let set = item.metric == .occupancy ? center.teams[0].intervals[i] : center.channels[0].intervals[i]
                assertClose(try XCTUnwrap(set[item.metric]), item, "interval \(i) \(item.metric.rawValue)")
            }
        }
        XCTAssertEqual(center.arrivalsSimulated, foundation.arrivalsSimulated)
        XCTAssertEqual(center.eventsHandled, foundation.eventsHandled)
        // The Erlang reference covers the channel's figures and the team's occupancy.
        XCTAssertEqual(center.reference?.model, .erlangA)
        XCTAssertEqual(center.theory(.occupancy, .team(0)), ErlangReference(scenario)?[.occupancy])
        XCTAssertEqual(center.theory(.averageSpeedOfAnswer, .channel(0)), ErlangReference(scenario)?[.averageSpeedOfAnswer])
        XCTAssertNil(center.theory(.handled, .tier(0)))
    }

    /// Whole-run sums are taken over intervals in the full model, so only the last bits may differ.
    func assertClose(_ a: MetricSummary, _ b: MetricSummary, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.replications, b.replications, what, file: file, line: line)
        XCTAssertEqual(a.mean == nil, b.mean == nil, what, file: file, line: line)
        if let x = a.mean, let y = b.mean { XCTAssertEqual(x, y, accuracy: 1e-9 * max(1, abs(y)), what, file: file, line: line) }
        if let x = a.confidenceInterval, let y = b.confidenceInterval {
            XCTAssertEqual(x.halfWidth, y.halfWidth, accuracy: 1e-9 * max(1, y.halfWidth), what, file: file, line: line)
        }
    }

    /// The confidence interval is mean ± t(0.975, n−1) · s/√n, computed here by hand.
    func testConfidenceIntervalMatchesAHandComputation() throws {
        let results = try ReplicationRunner.run(scenario, replications: 5, jobs: 2)
        let summary = CenterSummary(scenario: scenario, replications: results)
        let values = results.map { Double($0.outcomes(channel: 0).offered) }
        let mean = values.reduce(0, +) / 5
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4).squareRoot()
        let t4 = 2.7764451051977987  // Student t, 97.5% quantile, 4 degrees of freedom
        let item = try XCTUnwrap(summary.channels[0].metrics[.offered])
        XCTAssertEqual(item.mean!, mean, accuracy: 1e-9)
        XCTAssertEqual(item.standardDeviation!, sd, accuracy: 1e-9)
        XCTAssertEqual(item.confidenceInterval!.halfWidth, t4 * sd / 5.0.squareRoot(), accuracy: 1e-6)
        XCTAssertEqual(item.replications, 5)
    }

    func testHeadlineServiceLevelFollowsTheScenarioConvention() throws {
        let results = try ReplicationRunner.run(scenario, replications: 2, jobs: 1)
        let channel = CenterSummary(scenario: scenario, replications: results).channels[0].metrics
        XCTAssertEqual(channel[.serviceLevel]?.mean, channel[.serviceLevelExcludingShortAbandons]?.mean)
        XCTAssertNotEqual(channel[.serviceLevel]?.mean, channel[.serviceLevelOffered]?.mean)
    }

    func testSingleReplicationHasNoInterval() throws {
        let results = try ReplicationRunner.run(scenario, replications: 1, jobs: 1)
        let summary = CenterSummary(scenario: scenario, replications: results)
        XCTAssertNil(summary.channels[0].metrics[.serviceLevel]?.confidenceInterval)
        XCTAssertNotNil(summary.channels[0].metrics[.serviceLevel]?.mean)
        XCTAssertNotEqual(summary.channels[0].serviceLevel.verdict, .met, "one replication can't show the whole interval above target")
    }

    /// A sweep reads single-queue runs by the names the foundation reports used.
    func testMetricValuesKeepTheSingleQueueNames() throws {
        let summary = CenterSummary(scenario: scenario, replications: try ReplicationRunner.run(scenario, replications: 2, jobs: 2))
        let values = metricValues(of: summary)
        for metric in RunSummary.wholeRun {
            XCTAssertNotNil(values[metric.rawValue], metric.rawValue)
        }
        XCTAssertEqual(values["service_level"], values["voice.service_level"])
        XCTAssertEqual(values["occupancy"], values["agents.occupancy"])
        XCTAssertNotNil(values["tier1.aht"])
        XCTAssertNotNil(values["center.offered"])
        XCTAssertTrue(Set(values.keys).isSubset(of: Set(metricNames(for: scenario))))
    }
}
