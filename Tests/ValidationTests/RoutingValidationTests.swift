import Analytics
import ContactCenter
import Scenarios
import Statistics
import Stochastics
import XCTest

/// The routing policies against queueing theory. Same rule as TheoryCheck: theory inside the
/// 99% confidence interval of the replications, widened by a stated margin.
final class RoutingValidationTests: XCTestCase {
    let replications = 10 * TheoryCheck.scale
    let handle = Distribution.exponential(mean: 300)

    func channel(_ name: String, ratePerHour: Double) -> ChannelSpec {
        ChannelSpec(name: name, kind: .voice, demand: DemandSpec(pattern: .constant(ratePerSecond: ratePerHour / 3600)), tierShares: [1])
    }

    func simulate(_ center: CenterSpec, hours: Double) throws -> [CenterResult] {
        let run = RunSettings(horizon: hours * 3600, warmup: 4 * 3600, interval: hours * 3600, replications: replications, seed: 91)
        return try (0..<replications).map { try ContactCenterSimulator.run(center, run: run, replication: $0) }
    }

    func assertAgrees(_ results: [CenterResult], _ metric: String, theory: Double, margin: Double,
                      _ value: (CenterResult) -> Double?, file: StaticString = #filePath, line: UInt = #line) {
        var tally = Tally()
        for result in results { if let v = value(result) { tally.add(v) } }
        guard let ci = tally.confidenceInterval(level: TheoryCheck.confidenceLevel) else { return XCTFail("no estimate", file: file, line: line) }
        XCTAssertLessThanOrEqual(abs(tally.mean - theory), ci.halfWidth + margin,
                                 "\(metric): \(tally.mean) ± \(ci.halfWidth) vs \(theory)", file: file, line: line)
    }

    /// A symmetric center: two languages of equal volume, two teams of 20 that both speak both
    /// (listed in opposite orders, so `agent_preference` sends each team to its own first), equal
    /// handle times and priorities, no abandonment. Every work-conserving policy then keeps all 40
    /// agents busy whenever anyone waits, so the center as a whole is the pooled M/M/40 of
    /// 432 calls/h (36 Erlangs): P(wait) and the mean wait do not depend on who serves whom.
    /// Margins: 0.01 on P(wait), 5% + 1 s on the mean wait (about 400,000 calls per policy).
    func testWorkConservingPoliciesMatchErlangCOnThePooledQueue() throws {
        let erlang = ErlangC(agents: 40, arrivalRate: 432.0 / 3600, meanHandleTime: 300)
        for policy in RoutingSpec.Policy.allCases {
            let center = CenterSpec(
                channels: [channel("en", ratePerHour: 216), channel("de", ratePerHour: 216)],
                tiers: [TierSpec(name: "t", handleTimes: [handle, handle])],
                teams: [AgentTeamSpec(name: "a", skills: [Skill(channel: 0, tier: 0), Skill(channel: 1, tier: 0)], shifts: [], constantAgents: 20),
                        AgentTeamSpec(name: "b", skills: [Skill(channel: 1, tier: 0), Skill(channel: 0, tier: 0)], shifts: [], constantAgents: 20)],
                routing: RoutingSpec(policy: policy, priorities: [[0], [0]]))
            let results = try simulate(center, hours: 100)
            assertAgrees(results, "\(policy.rawValue) P(wait)", theory: erlang.probabilityOfWait, margin: 0.01) { $0.allOutcomes.probabilityOfWait }
            assertAgrees(results, "\(policy.rawValue) ASA", theory: erlang.averageSpeedOfAnswer, margin: 0.05 * erlang.averageSpeedOfAnswer + 1) {
                $0.allOutcomes.averageSpeedOfAnswer
            }
        }
    }

    /// Static priority: two classes of 216 calls/h each on one team of 40 (exponential handle time
    /// 300 s for both), high class first, non-preemptive. The textbook M/M/c priority queue
    /// (Cobham 1954) gives the mean waits W_high = C / (cμ(1 − ρ_high)) and
    /// W_low = C / (cμ(1 − ρ_high)(1 − ρ)), with C the Erlang C probability of wait of the whole
    /// load. Margins: 5% + 1 s on each class's mean wait.
    func testStaticPriorityMatchesTheTwoClassPriorityQueue() throws {
        let center = CenterSpec(
            channels: [channel("high", ratePerHour: 216), channel("low", ratePerHour: 216)],
            tiers: [TierSpec(name: "t", handleTimes: [handle, handle])],
            teams: [AgentTeamSpec(name: "all", skills: [Skill(channel: 0, tier: 0), Skill(channel: 1, tier: 0)], shifts: [], constantAgents: 40)],
            routing: RoutingSpec(priorities: [[2], [1]]))
        let results = try simulate(center, hours: 100)
        let c = 40.0, mu = 1.0 / 300, lambdaHigh = 216.0 / 3600, lambda = 432.0 / 3600
        let erlangC = ErlangC(agents: 40, arrivalRate: lambda, meanHandleTime: 300).probabilityOfWait
        let rhoHigh = lambdaHigh / (c * mu), rho = lambda / (c * mu)
        let high = erlangC / (c * mu * (1 - rhoHigh))
        let low = erlangC / (c * mu * (1 - rhoHigh) * (1 - rho))
        assertAgrees(results, "high-class mean wait", theory: high, margin: 0.05 * high + 1) { $0.outcomes(channel: 0).averageSpeedOfAnswer }
        assertAgrees(results, "low-class mean wait", theory: low, margin: 0.05 * low + 1) { $0.outcomes(channel: 1).averageSpeedOfAnswer }
        // The order matters: without priorities both classes see the pooled Erlang C wait, between the two.
        XCTAssertLessThan(high, ErlangC(agents: 40, arrivalRate: lambda, meanHandleTime: 300).averageSpeedOfAnswer)
    }
}
