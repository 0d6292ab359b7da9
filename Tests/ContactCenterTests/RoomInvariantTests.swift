import ContactCenter
import Foundation
import Scenarios
import XCTest

/// The rooms' invariants (`AgentPool`, `WaitingQueues`, the contact table, the `Rota` and its
/// workforce, the `MeasurementWindow`) checked after every event of the bundled scenarios that
/// exercise them most: chat concurrency, email backlog and reserve, escalations, callbacks,
/// overflow, rotas with breaks, trainees limited to some tiers, hires and leavers, an early close.
/// A checked run must also give exactly the result of an unchecked one.
final class RoomInvariantTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func scenario(_ name: String, days: Double) throws -> Scenario {
        var scenario = try ScenarioLoader.load(path: Self.root.appendingPathComponent("scenarios/\(name).yaml").path)
        scenario.run.horizon = days * 86_400
        scenario.run.warmup = 0
        scenario.run.interval = 86_400
        return scenario
    }

    func assertInvariantsHold(_ scenario: Scenario, policy: RoutingSpec.Policy? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        var center = scenario.center
        if let policy { center.routing.policy = policy }
        let checked = try ContactCenterSimulator.runCenterCheckingInvariants(center, run: scenario.run, replication: 0)
        let plain = try ContactCenterSimulator.run(center, run: scenario.run, replication: 0)
        XCTAssertGreaterThan(plain.allOutcomes.offered, 1000, file: file, line: line)
        XCTAssertEqual(checked.cells, plain.cells, file: file, line: line)
        XCTAssertEqual(checked.teamTotals, plain.teamTotals, file: file, line: line)
    }

    func testTieredSupportUnderEveryPolicy() throws {
        let scenario = try scenario("tiered-support", days: 2)
        for policy in RoutingSpec.Policy.allCases { try assertInvariantsHold(scenario, policy: policy) }
    }

    func testBPOWithOverflowAndTeamOrder() throws {
        try assertInvariantsHold(try scenario("bpo-multi-client", days: 2))
    }

    func testIGamingAndCryptoExchange() throws {
        try assertInvariantsHold(try scenario("igaming", days: 2))
        try assertInvariantsHold(try scenario("crypto-exchange", days: 2))
    }

    /// Three weeks of workforce dynamics: hires, trainees limited to tier 1 and their weekly clearance.
    func testTrainingROIWorkforce() throws {
        try assertInvariantsHold(try scenario("training-roi", days: 21))
    }

    /// `max_arrivals` closes the measurement window early: arrivals stop, the rota runs on.
    func testEarlyCloseByMaxArrivals() throws {
        var early = try scenario("tiered-support", days: 2)
        early.run.maxArrivals = 3000
        let plain = try ContactCenterSimulator.run(early.center, run: early.run, replication: 0)
        XCTAssertLessThan(plain.measuredDuration, early.run.horizon)
        try assertInvariantsHold(early)
    }

    func testMultiskillRoutingUnderEveryPolicy() throws {
        let scenario = try scenario("multiskill-routing", days: 2)
        for policy in RoutingSpec.Policy.allCases { try assertInvariantsHold(scenario, policy: policy) }
    }

    /// The bundled N-design shows the trade-off the routing sweep is about: keeping two bilinguals
    /// idle for German lifts German's service level and costs English some (same callers in both
    /// runs; differences of 15–20 points against a replication's sd of about 2).
    func testBilingualReservationTradesEnglishServiceForGerman() throws {
        let scenario = try scenario("multiskill-routing", days: 5)
        var reserving = scenario.center
        let english = try XCTUnwrap(reserving.teams[1].skills.firstIndex { $0.channel == 0 })
        reserving.teams[1].skills[english].reserve = 2
        let plain = try ContactCenterSimulator.run(scenario.center, run: scenario.run, replication: 0)
        let reserved = try ContactCenterSimulator.run(reserving, run: scenario.run, replication: 0)
        let german = (plain.outcomes(channel: 1).serviceLevel(.offered)!, reserved.outcomes(channel: 1).serviceLevel(.offered)!)
        let englishSL = (plain.outcomes(channel: 0).serviceLevel(.offered)!, reserved.outcomes(channel: 0).serviceLevel(.offered)!)
        XCTAssertGreaterThan(german.1, german.0 + 0.1, "German: \(german)")
        XCTAssertLessThan(englishSL.1, englishSL.0 - 0.02, "English: \(englishSL)")
    }
}
