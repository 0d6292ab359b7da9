import ContactCenter
import Scenarios
import SingleQueueOracle
import Stochastics
import XCTest

/// A one-channel, one-tier, one-team scenario through the full model must
/// reproduce the foundation's single-queue model exactly for the same seed:
/// same customers, same waits, same statistics.
final class FullModelReductionTests: XCTestCase {
    func assertSameRun(_ scenario: Scenario, replication: Int = 0, file: StaticString = #filePath, line: UInt = #line) throws {
        let single = try SingleQueueOracle.run(scenario, replication: replication)
        let full = try ContactCenterSimulator.run(scenario, replication: replication)
        // Whole-run sums add the intervals' sums, so only their last bits may differ.
        assertEqual(full.outcomes(channel: 0), single.counts, file: file, line: line)
        XCTAssertEqual(full.intervalCount, single.intervals.count, file: file, line: line)
        for (i, interval) in single.intervals.enumerated() {
            XCTAssertEqual(full.outcomes(interval: i, channel: 0), interval.counts, "interval \(i)", file: file, line: line)
            XCTAssertEqual(full.channelIntervals[i].meanQueueLength, interval.meanQueueLength, accuracy: 1e-9, file: file, line: line)
            XCTAssertEqual(full.teamIntervals[i].meanBusy, interval.meanBusyAgents, accuracy: 1e-9, file: file, line: line)
        }
        XCTAssertEqual(full.measuredDuration, single.measuredDuration, file: file, line: line)
        XCTAssertEqual(full.meanQueueLength[0], single.meanQueueLength, accuracy: 1e-9, file: file, line: line)
        XCTAssertEqual(full.teamTotals[0].occupancy!, single.occupancy, accuracy: 1e-9, file: file, line: line)
        XCTAssertEqual(full.waitP90[0], single.waitP90, file: file, line: line)
        XCTAssertEqual(full.arrivalsSimulated, single.arrivalsSimulated, file: file, line: line)
        XCTAssertEqual(full.eventsHandled, single.eventsHandled, file: file, line: line)
    }

    func assertEqual(_ a: OutcomeCounts, _ b: OutcomeCounts, file: StaticString, line: UInt) {
        var aCounts = a, bCounts = b
        aCounts.answeredWaitSum = 0; aCounts.queueTimeSum = 0
        bCounts.answeredWaitSum = 0; bCounts.queueTimeSum = 0
        XCTAssertEqual(aCounts, bCounts, "whole-run counts", file: file, line: line)
        XCTAssertEqual(a.answeredWaitSum, b.answeredWaitSum, accuracy: 1e-9 * max(1, b.answeredWaitSum), file: file, line: line)
        XCTAssertEqual(a.queueTimeSum, b.queueTimeSum, accuracy: 1e-9 * max(1, b.queueTimeSum), file: file, line: line)
    }

    func testErlangCScenarioReducesExactly() throws {
        try assertSameRun(Fixtures.queue(agents: 12, ratePerHour: 130, horizon: 6 * 3600, warmup: 1800))
    }

    func testErlangAScenarioReducesExactly() throws {
        try assertSameRun(Fixtures.queue(agents: 9, ratePerHour: 120, patience: .exponential(mean: 90), warmup: 3600), replication: 4)
    }

    func testGeneralDistributionsAndEarlyCloseReduceExactly() throws {
        try assertSameRun(Fixtures.queue(agents: 5, ratePerHour: 55, handle: .lognormal(mu: 5.4, sigma: 0.7),
                                         patience: .weibull(shape: 0.8, scale: 200), horizon: 1e8, interval: 1e8, maxArrivals: 3000))
    }
}
