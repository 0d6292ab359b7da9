import Analytics
import ContactCenter
import Scenarios
import Statistics
import Stochastics
import XCTest

/// The full model against Erlang C where its structure reduces to M/M/n queues.
/// Same rule as TheoryCheck: theory inside the 99% confidence interval of the
/// replications, widened by a stated margin.
final class FullModelValidationTests: XCTestCase {
    let replications = 10 * TheoryCheck.scale

    func channel(_ name: String, ratePerHour: Double, shares: [Double] = [1]) -> ChannelSpec {
        ChannelSpec(name: name, kind: .voice, demand: DemandSpec(pattern: .constant(ratePerSecond: ratePerHour / 3600)), tierShares: shares)
    }

    func team(_ name: String, agents: Int, skills: [Skill]) -> AgentTeamSpec {
        AgentTeamSpec(name: name, skills: skills, shifts: [], constantAgents: agents)
    }

    /// Per-replication values of a channel's metric, then the agreement check.
    func assertAgrees(_ results: [CenterResult], channel c: Int, _ metric: String, theory: Double, margin: Double,
                      _ value: (OutcomeCounts) -> Double?, file: StaticString = #filePath, line: UInt = #line) {
        var tally = Tally()
        for result in results { if let v = value(result.outcomes(channel: c)) { tally.add(v) } }
        guard let ci = tally.confidenceInterval(level: TheoryCheck.confidenceLevel) else { return XCTFail("no estimate", file: file, line: line) }
        XCTAssertLessThanOrEqual(abs(tally.mean - theory), ci.halfWidth + margin,
                                 "channel \(c) \(metric): \(tally.mean) ± \(ci.halfWidth) vs \(theory)", file: file, line: line)
    }

    func simulate(_ center: CenterSpec, hours: Double) throws -> [CenterResult] {
        let run = RunSettings(horizon: hours * 3600, warmup: 4 * 3600, interval: hours * 3600, replications: replications, seed: 77)
        return try (0..<replications).map { try ContactCenterSimulator.run(center, run: run, replication: $0) }
    }

    /// Two channels, each with its own team, are two independent M/M/c queues.
    func testTwoIndependentTeamsAreTwoErlangCQueues() throws {
        let exp = Distribution.exponential(mean: 300)
        let center = CenterSpec(
            channels: [channel("a", ratePerHour: 216), channel("b", ratePerHour: 1080)],
            tiers: [TierSpec(name: "t", handleTimes: [exp, exp])],
            teams: [team("a", agents: 20, skills: [Skill(channel: 0, tier: 0)]),
                    team("b", agents: 95, skills: [Skill(channel: 1, tier: 0)])],
            routing: RoutingSpec(priorities: [[0], [0]]))
        let results = try simulate(center, hours: 100)
        for (c, agents, rate) in [(0, 20, 216.0), (1, 95, 1080.0)] {
            let erlang = ErlangC(agents: agents, arrivalRate: rate / 3600, meanHandleTime: 300)
            assertAgrees(results, channel: c, "P(wait)", theory: erlang.probabilityOfWait, margin: 0.01) { $0.probabilityOfWait }
            assertAgrees(results, channel: c, "SL", theory: erlang.serviceLevel(answerWithin: 20), margin: 0.01) { $0.serviceLevel(.offered) }
            assertAgrees(results, channel: c, "ASA", theory: erlang.averageSpeedOfAnswer, margin: 0.05 * erlang.averageSpeedOfAnswer + 1) {
                $0.averageSpeedOfAnswer
            }
        }
    }

    /// Tiers with equal handle times and equal priority, served by one team, are one
    /// FIFO M/M/c queue: a free agent always takes the longest-waiting contact.
    func testTiersOfOneTeamAreOneErlangCQueue() throws {
        let exp = Distribution.exponential(mean: 300)
        let center = CenterSpec(
            channels: [channel("voice", ratePerHour: 540, shares: [0.6, 0.3, 0.1])],
            tiers: (1...3).map { TierSpec(name: "tier\($0)", handleTimes: [exp]) },
            teams: [team("all", agents: 50, skills: (0..<3).map { Skill(channel: 0, tier: $0) })],
            routing: RoutingSpec(priorities: [[0, 0, 0]]))
        let results = try simulate(center, hours: 100)
        let erlang = ErlangC(agents: 50, arrivalRate: 540.0 / 3600, meanHandleTime: 300)
        assertAgrees(results, channel: 0, "P(wait)", theory: erlang.probabilityOfWait, margin: 0.01) { $0.probabilityOfWait }
        assertAgrees(results, channel: 0, "SL", theory: erlang.serviceLevel(answerWithin: 20), margin: 0.01) { $0.serviceLevel(.offered) }
    }

    /// An overflow team eligible at once pools with the primary: M/M/(a + b).
    func testImmediateOverflowPoolsTheTeams() throws {
        let exp = Distribution.exponential(mean: 300)
        let center = CenterSpec(
            channels: [channel("voice", ratePerHour: 540)],
            tiers: [TierSpec(name: "t", handleTimes: [exp])],
            teams: [team("primary", agents: 40, skills: [Skill(channel: 0, tier: 0)]),
                    team("overflow", agents: 10, skills: [Skill(channel: 0, tier: 0, overflowAfter: 0)])],
            routing: RoutingSpec(priorities: [[0]]))
        let results = try simulate(center, hours: 100)
        let erlang = ErlangC(agents: 50, arrivalRate: 540.0 / 3600, meanHandleTime: 300)
        assertAgrees(results, channel: 0, "P(wait)", theory: erlang.probabilityOfWait, margin: 0.01) { $0.probabilityOfWait }
    }
}
