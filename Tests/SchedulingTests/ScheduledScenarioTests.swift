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

    /// User test: `ccsim schedule` on a team staffed by a published roster printed its shifts,
    /// then failed with `teams.phones.shifts not found in the file`. The chosen shifts take the
    /// roster's place; the comment says which roster they replace, and the rest stays as written.
    @Test func aRosterGivesWayToTheChosenShifts() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "agent,day,start,end\nA1,mon,08:00,12:00\n".write(to: directory.appendingPathComponent("r.csv"), atomically: true, encoding: .utf8)
        let text = tinyYAML([11: "    roster: r.csv          # the published roster", 12: nil, 13: nil])
        let scenario = try ScenarioLoader.parse(yaml: text, file: "tiny.yaml", baseDirectory: directory.path)
        #expect(scenario.center.teams[0].roster != nil, "fixture: the team works a roster")
        try ScheduledScenario.check(text, file: "tiny.yaml", teams: ["front"])
        let requirement = try RequirementCSV.parse(everyDayCSV(handRequirement), file: "r.csv", scenario: scenario)
        let plan = try ShiftScheduler.schedule(scenario, requirement: requirement)
        let yaml = try ScheduledScenario.yaml(text, file: "tiny.yaml", replacingShiftsWith: plan, teamNames: ["front"])
        let written = try ScenarioLoader.parse(yaml: yaml, file: "scheduled.yaml", baseDirectory: directory.path)
        #expect(written.center.teams[0].roster == nil)
        #expect(written.center.teams[0].shifts == plan.teams[0].shifts)
        #expect(!yaml.contains("roster: r.csv"))
        #expect(yaml.contains("    shifts:                          # chosen by ccsim schedule: 5 agents (in place of the roster r.csv)"), "\(yaml)")
        #expect(yaml.contains("    absenteeism: 0%        # a field after the shifts stays"))
    }

    /// What cannot be rewritten is refused by `check`, which the command runs before solving,
    /// with the file, line and field.
    @Test func aRosterWrittenInlineIsRefusedBeforeSolving() throws {
        let text = tinyYAML([8: "  front: {skills: [{channel: voice, tier: tier1}], hourly_cost: 10, roster: r.csv}",
                             9: nil, 10: nil, 11: nil, 12: nil, 13: nil, 14: nil])
        #expect {
            try ScheduledScenario.check(text, file: "tiny.yaml", teams: ["front"])
        } throws: { error in
            "\(error)".contains("tiny.yaml:8: teams.front.roster is written inline; write the team in block style")
        }
        // A team the plan does not touch may be written any way.
        try ScheduledScenario.check(text, file: "tiny.yaml", teams: [])
    }

    /// Every file a scenario names, where its decoder reads it with the base directory, and nothing else.
    @Test func fileReferencesAreFoundWhereTheDecodersReadThem() throws {
        let text = """
            channels:
              voice: {demand: {forecast: f.csv}, tiers: {forecast: 100%}}
              chat:
                demand:
                  forecast: {file: "data/chat forecast.csv", outside_run: ignore}
            tiers:
              t1: {handle_time: {voice: {mixture: [{weight: 1, empirical: {file: 'ht.csv', column: s}}]}}}
            teams:
              desk: {skills: [], roster: rosters/desk.csv}
              file: {roster: /abs/r.csv}
            """
        let refs = try #require(ScenarioFileReferences.find(yaml: text))
        #expect(refs.map(\.path) == ["channels.voice.demand.forecast", "channels.chat.demand.forecast.file",
                                      "tiers.t1.handle_time.voice.mixture[0].empirical.file", "teams.desk.roster", "teams.file.roster"])
        #expect(refs.map(\.name) == ["f.csv", "data/chat forecast.csv", "ht.csv", "rosters/desk.csv", "/abs/r.csv"])
        #expect(refs.map(\.style) == [.plain, .doubleQuoted, .singleQuoted, .plain, .plain])
        #expect(refs.map(\.line) == [2, 5, 7, 9, 10])
        #expect(refs.map(\.isRelative) == [true, true, true, true, false])
    }

    /// A relative name is rewritten to reach the same file from the written scenario's folder.
    @Test func fileNamesAreRelocatedToTheWrittenFilesFolder() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("input").path, out = directory.appendingPathComponent("results/plan").path
        func relocated(_ name: String, to target: String = out) -> String {
            ScheduledScenario.relocated(name, .init(source: input, target: target))
        }
        #expect(relocated("forecast.csv") == "../../input/forecast.csv")
        #expect(relocated("data/../forecast.csv") == "../../input/forecast.csv")
        #expect(relocated("../shared/roster.csv") == "../../shared/roster.csv")
        #expect(relocated("forecast.csv", to: input) == "forecast.csv", "the same folder: as written")
        #expect(relocated("./forecast.csv", to: input) == "./forecast.csv", "the same folder: as written")
        #expect(relocated("/data/forecast.csv") == "/data/forecast.csv", "absolute: as written")
        #expect(relocated("../results/plan/keep.csv") == "keep.csv", "a file in the output folder: by its name")
        // Folders that share only the root: absolute.
        #expect(ScheduledScenario.relocated("f.csv", .init(source: "/ccsim-nowhere-a/in", target: "/ccsim-nowhere-b/out")) == "/ccsim-nowhere-a/in/f.csv")
        #expect(ScheduledScenario.written("../in/forecast.csv") == "../in/forecast.csv")
        #expect(ScheduledScenario.written("../my data/f.csv") == "\"../my data/f.csv\"")
    }
}
