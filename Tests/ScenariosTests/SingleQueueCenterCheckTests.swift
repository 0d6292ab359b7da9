import Foundation
import Scenarios
import Testing

/// The single-queue form goes through the full form's center checks (issue 13): what the full
/// form refuses, the short form refuses too, at the short form's path and place in the file.
@Suite struct SingleQueueCenterCheckTests {
    /// A team name that cannot name a scope (it becomes `night shift.occupancy` in a sweep's metric
    /// names and a CSV column) was accepted in the short form and refused in the full form.
    @Test func teamNameIsHeldToTheFullFormsRule() throws {
        let error = try #require(loadError(yaml([4: "team: {name: night shift, agents: 50}", 5: nil])))
        let issue = try #require(error.issues.first)
        #expect(error.issues.count == 1, "\(error)")
        #expect(issue.path == "team.name")
        #expect(issue.line == 4)
        #expect(issue.column == 14)
        #expect(issue.message.contains("team name 'night shift' may only use letters, digits, '_' and '-'"))
        #expect(issue.description.hasPrefix("t.yaml:4:14: team.name: team name 'night shift'"), "\(issue)")
    }

    /// The full form says the same about the same name: one rule, two forms.
    @Test func theFullFormSaysTheSame() throws {
        let full = """
            name: t
            channels:
              voice: {kind: voice, demand: {rate: 540/h}}
            tiers:
              tier1: {handle_time: {exponential: {mean: 5m}}}
            teams:
              night shift:
                skills: [{channel: voice, tier: tier1}]
                shifts: [{start: "00:00", length: 24h, agents: 50}]
            """
        let fullIssue = try #require(loadError(full)?.issues.first { $0.message.contains("night shift") })
        let shortIssue = try #require(loadError(yaml([4: "team: {name: night shift, agents: 50}", 5: nil]))?.issues.first)
        #expect(fullIssue.message == shortIssue.message)
    }

    /// A scenario built in code in the single-queue shape is checked the same way.
    @Test func codeBuiltSingleQueueIsChecked() throws {
        let scenario = Scenario(name: "t", arrivals: ArrivalProcess(ratePerSecond: 0.15),
                                team: TeamSpec(name: "front line", agents: 50), handleTime: .exponential(mean: 300))
        #expect(scenario.singleQueue != nil)
        do {
            try scenario.validate()
            Issue.record("a team named 'front line' passed validation")
        } catch {
            #expect(error.issues.map(\.path) == ["team.name"], "\(error)")
            #expect(error.issues.first?.message.contains("may only use letters") == true)
        }
    }

    /// A mistake the short form's own checks find is said once, in its words, not again by the
    /// center checks (`rate: 0/h` is also "must be 0 or more" to them, at channels.voice.demand.rate).
    @Test func oneMistakeIsReportedOnce() throws {
        let error = try #require(loadError(yaml([3: "  rate: 0/h", 5: "  agents: 0"])))
        #expect(error.issues.map(\.path) == ["arrivals.rate", "team.agents"], "\(error)")
        #expect(error.issues.allSatisfy { !$0.path.hasPrefix("channels") && !$0.path.hasPrefix("teams") })
    }

    /// Valid short forms, bundled and minimal, still load.
    @Test func validShortFormsLoad() throws {
        _ = try ScenarioLoader.parse(yaml: yaml(), file: "t.yaml")
        _ = try ScenarioLoader.parse(yaml: yaml([4: "team: {name: frontline_EMEA-2, agents: 50}", 5: nil]), file: "t.yaml")
        for name in ["mmc-basic", "erlang-a"] {
            let scenario = try ScenarioLoader.load(path: packageRoot.appendingPathComponent("scenarios/\(name).yaml").path)
            #expect(scenario.singleQueue != nil)
            try scenario.validate()
        }
    }
}
