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

    /// A load no center ccsim models could staff (540/h for 100 years each: 4.7e8 Erlangs) is
    /// refused whatever the budget: its Erlang requirement alone searched for minutes.
    func testAnOfferedLoadBeyondTheLargestCenterIsRefused() throws {
        let yaml = "name: drain\nrun: {horizon: 8h, warmup: 1h, interval: 30m, replications: 1, seed: 1}\narrivals: {rate: 540/h}\nteam: {agents: 50}\nhandle_time: {exponential: {mean: 876000h}}\n"
        let overloaded = try ScenarioLoader.parse(yaml: yaml, file: "drain.yaml", baseDirectory: "/")
        XCTAssertEqual(ResourceBudget.overloadedChannels(overloaded).map(\.channel), ["voice"])
        XCTAssertThrowsError(try ResourceBudget(scale: 1000).check(overloaded)) { error in
            XCTAssertTrue("\(error)".hasPrefix("channels.voice: the offered load (arrivals × mean handle time) is 4.7e8 Erlangs"), "\(error)")
        }
        // 1,000 Erlangs is a large center, not an impossible one.
        let large = try ScenarioLoader.parse(yaml: yaml.replacingOccurrences(of: "876000h", with: "6667s"), file: "large.yaml", baseDirectory: "/")
        XCTAssertTrue(ResourceBudget.overloadedChannels(large).isEmpty)
    }
}

/// The model counts outcomes per interval of every channel × tier pair, and each replication's
/// result keeps them: a center of many channels and tiers needs memory in their product, which
/// the estimate must see (the sum of scopes alone let a 250 × 250 center through to exhaust memory).
final class ResourceBudgetCellTests: XCTestCase {
    /// A center of `channels` voice channels and `tiers` tiers over `horizon`, at 30-minute intervals.
    func wide(channels: Int, tiers: Int, horizon: String) throws -> Scenario {
        var yaml = "name: wide\nrun: {horizon: \(horizon), warmup: 0s, interval: 30m, replications: 1, seed: 1}\nchannels:\n"
        let shares = (0..<tiers).map { "t\($0): \($0 == 0 ? "100%" : "0%")" }.joined(separator: ", ")
        for c in 0..<channels {
            yaml += "  c\(c): {kind: voice, demand: {rate: 1/h}, patience: {exponential: {mean: 3m}}, service_level: {answer_within: 20s, target: 80%}, tiers: {\(shares)}}\n"
        }
        yaml += "tiers:\n"
        for t in 0..<tiers { yaml += "  t\(t): {handle_time: {exponential: {mean: 5m}}, resolution: {resolved: 100%}}\n" }
        yaml += "teams:\n  all:\n    skills:\n"
        for c in 0..<channels { yaml += "      - {channel: c\(c), tier: t0}\n" }
        yaml += "    shifts:\n      - {start: \"00:00\", length: 24h, agents: 50, days: every_day}\n"
        return try ScenarioLoader.parse(yaml: yaml, file: "wide.yaml", baseDirectory: "/")
    }

    func testChannelTierCellsCountInTheIntervalMemory() throws {
        // Measured: 100 × 100 over 7 days (336 intervals, 3.36 million cells), one replication:
        // 1.40 GB peak. The estimate must be within a small factor of that, not 3.5 times under.
        let measured = try ResourceBudget.estimate(wide(channels: 100, tiers: 100, horizon: "7d"))
        XCTAssertEqual(measured.intervalCells, 336 * 10_000)
        XCTAssertGreaterThan(measured.intervalMemory, 1.0e9)
        XCTAssertLessThan(measured.intervalMemory, 3.0e9)
        XCTAssertNoThrow(try ResourceBudget().check(wide(channels: 100, tiers: 100, horizon: "7d")))
        // 250 × 250 over a week is about 8.8 GB: refused, naming the cells.
        XCTAssertThrowsError(try ResourceBudget().check(wide(channels: 250, tiers: 250, horizon: "7d"))) { error in
            XCTAssertTrue(String(describing: error).contains("250 × 250 channel × tier cells"), String(describing: error))
        }
        // A small center's estimate is still led by its scopes (the cells add well under half).
        let small = try ResourceBudget.estimate(wide(channels: 3, tiers: 3, horizon: "7d"))
        XCTAssertLessThan(small.intervalCells * 210 * 2, 0.5 * small.intervalScopes * 6_000)
    }
}
