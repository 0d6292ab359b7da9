import ContactCenter
import Scenarios
import SingleQueueOracle
import Stochastics
import XCTest

/// Structural properties of the single-queue model: conservation, determinism,
/// warm-up and stopping rules. Agreement with queueing theory is in ValidationTests.
final class SingleQueueModelTests: XCTestCase {
    func testEveryOfferedContactIsAnsweredOrAbandons() throws {
        let scenario = Fixtures.queue(agents: 10, ratePerHour: 130, patience: .exponential(mean: 120))
        let result = try SingleQueueOracle.run(scenario, replication: 0)
        let c = result.counts
        XCTAssertGreaterThan(c.abandoned, 0)
        XCTAssertEqual(c.offered, c.answered + c.abandoned)
        XCTAssertLessThanOrEqual(c.answeredWithinTarget, c.answered)
        XCTAssertLessThanOrEqual(c.abandonedBeforeTarget, c.abandoned)
        XCTAssertLessThanOrEqual(c.delayed, c.offered)
    }

    func testIntervalsAddUpToTheWholeRun() throws {
        let scenario = Fixtures.queue(agents: 12, ratePerHour: 130, patience: .exponential(mean: 200), horizon: 6 * 3600, interval: 1800)
        let result = try SingleQueueOracle.run(scenario, replication: 3)
        XCTAssertEqual(result.intervals.count, 12)
        XCTAssertEqual(result.intervals.map(\.counts.offered).reduce(0, +), result.counts.offered)
        XCTAssertEqual(result.intervals.map(\.counts.answered).reduce(0, +), result.counts.answered)
        XCTAssertEqual(result.intervals.map(\.counts.abandoned).reduce(0, +), result.counts.abandoned)
        let busyFromIntervals = result.intervals.map { $0.meanBusyAgents * $0.length }.reduce(0, +)
        XCTAssertEqual(busyFromIntervals, result.meanBusyAgents * result.measuredDuration, accuracy: 1e-6 * busyFromIntervals)
    }

    func testSameSeedAndReplicationGiveIdenticalResults() throws {
        let scenario = Fixtures.queue(agents: 8, ratePerHour: 90, handle: .lognormal(mu: 5.5, sigma: 0.6), patience: .exponential(mean: 90))
        let a = try SingleQueueOracle.run(scenario, replication: 5)
        let b = try SingleQueueOracle.run(scenario, replication: 5)
        XCTAssertEqual(a, b)
        let other = try SingleQueueOracle.run(scenario, replication: 6)
        XCTAssertNotEqual(a.counts, other.counts)
        var reseeded = scenario
        reseeded.run.seed = 2
        XCTAssertNotEqual(a.counts, try SingleQueueOracle.run(reseeded, replication: 5).counts)
    }

    /// Common random numbers: more agents change outcomes, not the customers.
    func testStaffingDoesNotChangeTheCustomersOffered() throws {
        let few = Fixtures.queue(agents: 9, ratePerHour: 120, patience: .exponential(mean: 60))
        var many = few
        many.center.teams[0].constantAgents = 14
        let a = try SingleQueueOracle.run(few, replication: 0)
        let b = try SingleQueueOracle.run(many, replication: 0)
        XCTAssertEqual(a.counts.offered, b.counts.offered)
        XCTAssertGreaterThan(b.counts.serviceLevel(.offered)!, a.counts.serviceLevel(.offered)!)
        XCTAssertLessThan(b.counts.abandoned, a.counts.abandoned)
    }

    func testWarmupContactsAreNotCounted() throws {
        let scenario = Fixtures.queue(agents: 20, ratePerHour: 3600, handle: .exponential(mean: 10), horizon: 3600, warmup: 10 * 3600)
        let result = try SingleQueueOracle.run(scenario, replication: 0)
        // About 3,600 offered in the measured hour (Poisson: sd 60), of ~39,600 simulated.
        XCTAssertEqual(Double(result.counts.offered), 3600, accuracy: 300)
        XCTAssertGreaterThan(result.arrivalsSimulated, 35_000)
        XCTAssertEqual(result.measuredDuration, 3600)
    }

    func testMaxArrivalsEndsTheMeasuredWindowEarly() throws {
        let scenario = Fixtures.queue(agents: 5, ratePerHour: 50, horizon: 1e9, interval: 1e9, maxArrivals: 2_000)
        let result = try SingleQueueOracle.run(scenario, replication: 0)
        XCTAssertEqual(result.counts.offered, 2_000)
        XCTAssertEqual(result.arrivalsSimulated, 2_000)
        XCTAssertEqual(result.intervals.count, 1)
        XCTAssertEqual(result.intervals[0].length, result.measuredDuration)
        // 2,000 arrivals at 50/h take about 40 h.
        XCTAssertEqual(result.measuredDuration / 3600, 40, accuracy: 4)
    }

    func testAmpleStaffingMeansNoWaiting() throws {
        let scenario = Fixtures.queue(agents: 200, ratePerHour: 120, patience: .exponential(mean: 60))
        let result = try SingleQueueOracle.run(scenario, replication: 0)
        XCTAssertEqual(result.counts.delayed, 0)
        XCTAssertEqual(result.counts.abandoned, 0)
        XCTAssertEqual(result.counts.serviceLevel(.offered), 1)
        XCTAssertEqual(result.meanQueueLength, 0)
        // Occupancy is the carried load over agents: 120/h × 5 min = 10 Erlangs over 200 agents.
        XCTAssertEqual(result.occupancy, 0.05, accuracy: 0.01)
    }

    func testCallersWhoAbandonLeaveTheQueueAtOnce() throws {
        // One agent, long calls, impatient callers: almost everyone who waits abandons.
        // If abandoned callers stayed in the line, the mean queue length would keep growing
        // instead of staying near λ × mean time in queue.
        let scenario = Fixtures.queue(agents: 1, ratePerHour: 60, handle: .deterministic(3600), patience: .deterministic(30), horizon: 48 * 3600)
        let result = try SingleQueueOracle.run(scenario, replication: 0)
        XCTAssertGreaterThan(result.counts.abandonmentRate!, 0.95)
        let little = result.observedArrivalRate * result.counts.meanTimeInQueue!
        XCTAssertEqual(result.meanQueueLength, little, accuracy: 0.05 * little)
        XCTAssertLessThan(result.meanQueueLength, 1)
    }
}
