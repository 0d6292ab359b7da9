import Foundation
import Scenarios
import Scheduling
import Testing

@Suite struct ScheduledScenarioTests {
    /// The written scenario loads, has the plan's agents, and keeps every other line as written.
    @Test func writtenScenarioLoadsWithThePlansAgents() throws {
        let text = tinyYAML()
        let scenario = try ScenarioLoader.parse(yaml: text, file: "tiny.yaml")
        let requirement = try RequirementCSV.parse(everyDayCSV(handRequirement), file: "r.csv", scenario: scenario)
        let plan = try ShiftScheduler.schedule(scenario, requirement: requirement)
        let yaml = try ScheduledScenario.yaml(text, file: "tiny.yaml", replacingShiftsWith: plan, teamNames: ["front"], note: "from r.csv")
        let written = try ScenarioLoader.parse(yaml: yaml, file: "scheduled.yaml")
        #expect(written.center.teams[0].shifts == plan.teams[0].shifts)
        #expect(written.center.teams[0].shifts.reduce(0) { $0 + $1.agents } == 5)
        #expect(written.scheduling == scenario.scheduling)
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "# from r.csv")
        #expect(!yaml.contains("a comment inside the shifts goes with them"))
        #expect(yaml.contains("    absenteeism: 0%        # a field after the shifts stays"))
        #expect(yaml.contains("      - {start: \"08:00\", length: 2h, agents: 2, days: every_day}"))
        // Everything but the shifts block is unchanged.
        let kept = tinyLines.filter { !$0.hasPrefix("    shifts:") && !$0.hasPrefix("      - {start") && !$0.hasPrefix("      # a comment") }
        #expect(kept.allSatisfy(lines.contains))
    }

    /// YAML allows a list at its key's indentation; those items are replaced too.
    @Test func listItemsAtTheKeysIndentationAreReplaced() throws {
        let text = tinyYAML([12: "    - {start: \"08:00\", length: 4h, agents: 3}", 13: "    - {start: \"09:00\", length: 2h, agents: 1}"])
        let scenario = try ScenarioLoader.parse(yaml: text, file: "tiny.yaml")
        #expect(scenario.center.teams[0].shifts.count == 2)
        let requirement = try RequirementCSV.parse(everyDayCSV(handRequirement), file: "r.csv", scenario: scenario)
        let plan = try ShiftScheduler.schedule(scenario, requirement: requirement)
        let yaml = try ScheduledScenario.yaml(text, file: "tiny.yaml", replacingShiftsWith: plan, teamNames: ["front"])
        let written = try ScenarioLoader.parse(yaml: yaml, file: "scheduled.yaml")
        #expect(written.center.teams[0].shifts == plan.teams[0].shifts)
        #expect(!yaml.contains("agents: 3}"))
    }

    @Test func breaksAndDaysAreWrittenAsTheLoaderReadsThem() throws {
        let shift = Shift(start: 30_600, length: 30_600, agents: 4, days: [.monday, .wednesday],
                          breaks: [Break(earliest: 5_400, latest: 9_000, length: 900), Break(earliest: 14_400, latest: 14_400, length: 1_800, paid: false)])
        #expect(ScheduledScenario.flow(shift) == "{start: \"08:30\", length: 8.5h, agents: 4, days: [mon, wed], breaks: [{window: [1.5h, 2.5h], length: 15m}, {window: 4h, length: 30m, paid: false}]}")
        #expect(ScheduledScenario.days([.saturday, .sunday]) == "weekend")
    }

    @Test func aTeamWrittenInlineCannotBeRewritten() throws {
        let text = tinyYAML([8: "  front: {skills: [{channel: voice, tier: tier1}], hourly_cost: 10, shifts: [{start: \"08:00\", length: 4h, agents: 3}]}",
                             9: nil, 10: nil, 11: nil, 12: nil, 13: nil, 14: nil])
        let scenario = try ScenarioLoader.parse(yaml: text, file: "tiny.yaml")
        let requirement = try RequirementCSV.parse(everyDayCSV(handRequirement), file: "r.csv", scenario: scenario)
        let plan = try ShiftScheduler.schedule(scenario, requirement: requirement)
        #expect {
            try ScheduledScenario.yaml(text, file: "tiny.yaml", replacingShiftsWith: plan, teamNames: ["front"])
        } throws: { error in
            "\(error)".contains("tiny.yaml:8: teams.front.shifts is written inline")
        }
    }
}
