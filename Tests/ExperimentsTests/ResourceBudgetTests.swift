import Experiments
import Scenarios
import XCTest

/// The budget estimates what a run will simulate, so a long horizon with `run.max_arrivals`
/// (the benchmark's 10^7-arrival runs) is not refused for contacts it will never draw.
final class ResourceBudgetTests: XCTestCase {
    func scenario(horizon: Double, warmup: Double = 0, maxArrivals: Int? = nil) -> Scenario {
        Scenario(name: "big", run: RunSettings(horizon: horizon, warmup: warmup, interval: horizon, replications: 1, maxArrivals: maxArrivals),
                 arrivals: ArrivalProcess(ratePerSecond: 100), team: TeamSpec(name: "agents", agents: 500),
                 handleTime: .exponential(mean: 4.8))
    }

    func testMaxArrivalsCapsTheContactEstimate() throws {
        let year = 365 * 86_400.0  // 3.15e9 contacts at 100/s: beyond the default budget
        XCTAssertEqual(ResourceBudget.estimate(scenario(horizon: year)).contacts, 100 * year, accuracy: 1)
        XCTAssertThrowsError(try ResourceBudget().check(scenario(horizon: year)))
        let capped = scenario(horizon: year, maxArrivals: 10_000_000)
        XCTAssertEqual(ResourceBudget.estimate(capped).contacts, 1e7, accuracy: 1)
        XCTAssertNoThrow(try ResourceBudget().check(capped))
        // Warm-up arrivals are not counted by the cap, so they are added.
        let warm = scenario(horizon: year, warmup: 3600, maxArrivals: 1000)
        XCTAssertEqual(ResourceBudget.estimate(warm).contacts, 360_000 + 1000, accuracy: 1)
        // A cap above the demand changes nothing.
        XCTAssertEqual(ResourceBudget.estimate(scenario(horizon: 3600, maxArrivals: 1_000_000)).contacts, 360_000, accuracy: 1e-6)
    }
}
