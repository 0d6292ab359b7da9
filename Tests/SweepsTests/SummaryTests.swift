import Foundation
import Sweeps
import XCTest

final class SummaryTests: XCTestCase {
    /// Five known values at one point: mean 0.8, sample sd √(0.025/4) = 0.0790569…,
    /// t(0.975; 4) = 2.7764451, half-width 2.7764451 · 0.0790569 / √5 = 0.0981620.
    func testConfidenceIntervalMatchesAHandComputation() throws {
        let directory = try Fixture.temporaryDirectory(self)
        let plan = try Fixture.plan(Fixture.smallSweep(agents: [48, 50], replications: 5), in: directory)
        let store = try SweepStore.open(for: plan, directory: directory + "/out", shard: nil, forceNew: false)
        for (r, value) in [0.80, 0.85, 0.90, 0.75, 0.70].enumerated() {
            try store.insert(RunRecord(key: RunKey(point: 0, replication: r), seed: 11, replicationIndex: r,
                                       metrics: ["service_level": value, "asa": Double(r)], error: nil, wallSeconds: 0.01, finishedAt: Date()))
        }
        try store.insert(RunRecord(key: RunKey(point: 1, replication: 0), seed: 11, replicationIndex: 0,
                                   metrics: ["service_level": 0.5], error: nil, wallSeconds: 0.01, finishedAt: Date()))
        try store.insert(RunRecord(key: RunKey(point: 1, replication: 1), seed: 11, replicationIndex: 1,
                                   metrics: [:], error: "boom", wallSeconds: 0.01, finishedAt: Date()))

        let summary = SweepSummary(try store.contents())
        let sl = summary.metrics.firstIndex(of: "service_level")!
        let cell = summary.rows[0].cells[sl]
        XCTAssertEqual(cell.count, 5)
        XCTAssertEqual(cell.mean!, 0.8, accuracy: 1e-12)
        XCTAssertEqual(cell.standardDeviation!, 0.0790569415, accuracy: 1e-9)
        XCTAssertEqual(cell.interval!.lower, 0.8 - 0.0981620, accuracy: 1e-6)
        XCTAssertEqual(cell.interval!.upper, 0.8 + 0.0981620, accuracy: 1e-6)
        // One successful run: a mean, no interval; the failed run is left out.
        XCTAssertEqual(summary.rows[1].runs, 1)
        XCTAssertEqual(summary.rows[1].cells[sl].mean, 0.5)
        XCTAssertNil(summary.rows[1].cells[sl].interval)
        XCTAssertEqual(summary.failedRuns, 1)
        // A 90% interval is narrower: t(0.95; 4) = 2.1318468.
        let ninety = SweepSummary(try store.contents(), level: 0.90).rows[0].cells[sl]
        XCTAssertEqual(ninety.interval!.upper - 0.8, 2.1318468 * 0.0790569415 / 5.0.squareRoot(), accuracy: 1e-6)

        let csv = summary.csv.split(separator: "\n")
        XCTAssertEqual(csv[0], "point,label,team.agents,run.horizon,run.warmup,run.interval,runs,service_level_mean,service_level_sd,service_level_ci_lower,service_level_ci_upper,service_level_n,asa_mean,asa_sd,asa_ci_lower,asa_ci_upper,asa_n,occupancy_mean,occupancy_sd,occupancy_ci_lower,occupancy_ci_upper,occupancy_n,offered_mean,offered_sd,offered_ci_lower,offered_ci_upper,offered_n")
        XCTAssertTrue(csv[1].hasPrefix("0,\"team.agents=48, run.horizon=30m, run.warmup=0s, run.interval=30m\",48,1800,0,1800,5,"), String(csv[1]))
        // service_level's mean, sd, bounds and n; the quoted label holds 3 commas.
        let fields = csv[1].split(separator: ",", omittingEmptySubsequences: false).suffix(from: 10).prefix(5).map { Double($0)! }
        for (actual, expected) in zip(fields, [0.8, 0.0790569415, 0.8 - 0.0981620, 0.8 + 0.0981620, 5]) {
            XCTAssertEqual(actual, expected, accuracy: 1e-6)
        }
    }
}
