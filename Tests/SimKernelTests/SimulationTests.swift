import SimKernel
import XCTest

/// A model that logs what it sees and reschedules itself a fixed number of times.
private struct Ticker: DiscreteEventModel {
    enum Event { case tick(Int), stopNow }
    var log: [(time: Double, tick: Int)] = []
    var remaining: Int

    mutating func handle(_ event: Event, scheduler: inout EventScheduler<Event>) {
        switch event {
        case .tick(let n):
            log.append((scheduler.now, n))
            remaining -= 1
            if remaining > 0 { scheduler.schedule(.tick(n + 1), after: 1.5) }
        case .stopNow:
            scheduler.stop()
        }
    }
}

final class SimulationTests: XCTestCase {
    func testRunsUntilNoEventsAreLeft() {
        var sim = Simulation(model: Ticker(remaining: 4))
        sim.scheduler.schedule(.tick(0), at: 1)
        XCTAssertEqual(sim.run(), .exhausted)
        XCTAssertEqual(sim.model.log.map(\.time), [1, 2.5, 4, 5.5])
        XCTAssertEqual(sim.scheduler.eventsHandled, 4)
        XCTAssertEqual(sim.scheduler.now, 5.5)
    }

    func testStopsAtEndTimeAndCanResume() {
        var sim = Simulation(model: Ticker(remaining: 10))
        sim.scheduler.schedule(.tick(0), at: 0)
        XCTAssertEqual(sim.run(until: 3), .reachedEndTime)
        XCTAssertEqual(sim.scheduler.now, 3)
        XCTAssertEqual(sim.model.log.map(\.tick), [0, 1, 2])
        XCTAssertEqual(sim.run(until: 6), .reachedEndTime)
        XCTAssertEqual(sim.model.log.map(\.tick), [0, 1, 2, 3, 4])
    }

    func testModelCanStopTheRun() {
        var sim = Simulation(model: Ticker(remaining: 100))
        sim.scheduler.schedule(.tick(0), at: 0)
        sim.scheduler.schedule(.stopNow, at: 2)
        XCTAssertEqual(sim.run(), .stopped)
        XCTAssertEqual(sim.scheduler.now, 2)
        XCTAssertEqual(sim.model.log.count, 2)
    }

    func testCancelledEventsAreNotHandled() {
        var sim = Simulation(model: Ticker(remaining: 1))
        let doomed = sim.scheduler.schedule(.tick(99), at: 1)
        sim.scheduler.schedule(.tick(0), at: 2)
        XCTAssertTrue(sim.scheduler.cancel(doomed))
        sim.run()
        XCTAssertEqual(sim.model.log.map(\.tick), [0])
        XCTAssertEqual(sim.scheduler.eventsHandled, 1)
    }
}
