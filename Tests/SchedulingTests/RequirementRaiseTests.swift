import Experiments
import Foundation
import Scenarios
import Scheduling
import Testing

@Suite struct RequirementRaiseTests {
    /// One agent from 00:00 to 04:00 against 1.67 Erlangs of voice: the service level in those
    /// hours is far below 80% in any replication. The rule raises the required 1 agent there to
    /// max(1 + 1, 1 × 1.1) = 2, on Monday (day 0) only, and leaves hours without a requirement alone.
    @Test func failingIntervalsWithARequirementGetMaxOfOneMoreOrTenPercent() throws {
        let scenario = try loadTiny([12: "      - {start: \"00:00\", length: 4h, agents: 1}"])
        let requirement = try RequirementCSV.parse(everyDayCSV([0: 1, 1: 1, 2: 1, 3: 1]), file: "r.csv", scenario: scenario)
        let results = try ReplicationRunner.run(scenario, replications: 2, jobs: 1)
        let summary = CenterSummary(scenario: scenario, replications: results)
        #expect(summary.channels[0].serviceLevel.passed == false)
        let raised = RequirementRaise.raise(requirement, after: summary, scenario: scenario)
        #expect(raised.channels == ["voice"])
        let mondayNight: [Int] = (0..<4).map { requirement.slot(.monday, $0) }
        #expect(raised.changes.map(\.slot) == mondayNight)
        #expect(raised.changes.allSatisfy { $0.team == 0 && $0.from == 1 && $0.to == 2 })
        let agents = try #require(raised.requirement.agents[0])
        let total: Double = agents.reduce(0, +)
        #expect(total == 32, "7 days × 4 hours of 1, plus 1 more in each of Monday's 4")
        #expect(agents[requirement.slot(.tuesday, 0)] == 1, "days the run did not cover keep their requirement")
    }
}
