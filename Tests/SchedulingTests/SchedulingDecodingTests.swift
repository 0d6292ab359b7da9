import Foundation
import Scenarios
import Testing

/// One bad `scheduling` section and where its first problem must be reported.
struct BadScheduling: CustomTestStringConvertible, Sendable {
    let label: String
    let replacements: [Int: String?]
    let appending: [String]
    let path: String
    let line: Int
    let says: String

    init(_ label: String, _ replacements: [Int: String?], appending: [String] = [], path: String, line: Int, says: String) {
        self.label = label
        self.replacements = replacements
        self.appending = appending
        self.path = path
        self.line = line
        self.says = says
    }

    var testDescription: String { label }
}

let badSchedulingCases: [BadScheduling] = [
    BadScheduling("unknown team", [17: "    frnt:"], path: "scheduling.teams.frnt", line: 17,
                  says: "unknown team 'frnt'; did you mean 'front'?"),
    BadScheduling("unknown key", [18: "      templatse:"], path: "scheduling.teams.front.templatse", line: 18,
                  says: "unknown field 'templatse'; did you mean 'templates'?"),
    BadScheduling("agents in a template", [20: "        - {starts: \"09:00\", length: 3h, agents: 4}"],
                  path: "scheduling.teams.front.templates[1].agents", line: 20, says: "the scheduler chooses the agents"),
    BadScheduling("start as a duration", [20: "        - {starts: 9h, length: 3h}"],
                  path: "scheduling.teams.front.templates[1].starts", line: 20, says: "clock times are written HH:MM"),
    BadScheduling("range ends before it starts", [20: "        - {starts: {from: \"10:00\", to: \"09:00\", every: 30m}, length: 3h}"],
                  path: "scheduling.teams.front.templates[1].starts", line: 20, says: "'to' (09:00) is before 'from' (10:00)"),
    BadScheduling("range step of zero", [20: "        - {starts: {from: \"08:00\", to: \"09:00\", every: 0m}, length: 3h}"],
                  path: "scheduling.teams.front.templates[1].starts.every", line: 20, says: "must be greater than 0"),
    BadScheduling("range without a step", [20: "        - {starts: {from: \"08:00\", to: \"09:00\"}, length: 3h}"],
                  path: "scheduling.teams.front.templates[1].starts.every", line: 20, says: "required field 'every' is missing"),
    BadScheduling("starts off the minute", [20: "        - {starts: {from: \"08:00\", to: \"09:00\", every: 90s}, length: 3h}"],
                  path: "scheduling.teams.front.templates[1].starts", line: 20, says: "start times must fall on whole minutes"),
    BadScheduling("missing length", [20: "        - {starts: \"09:00\"}"],
                  path: "scheduling.teams.front.templates[1].length", line: 20, says: "required field 'length' is missing"),
    BadScheduling("length over a day", [20: "        - {starts: \"09:00\", length: 25h}"],
                  path: "scheduling.teams.front.templates[1].length", line: 20, says: "must be greater than 0 and at most 24h, got 25h"),
    BadScheduling("break past the shift end", [20: "        - {starts: \"09:00\", length: 3h, breaks: [{window: [2h, 3h], length: 15m}]}"],
                  path: "scheduling.teams.front.templates[1].breaks[0].window", line: 20, says: "after the shift ends (3h)"),
    BadScheduling("misspelt pattern", [20: "        - {starts: \"09:00\", length: 3h, patterns: [five_of_sevn]}"],
                  path: "scheduling.teams.front.templates[1].patterns[0]", line: 20, says: "unknown work pattern 'five_of_sevn'; did you mean 'five_of_seven'?"),
    BadScheduling("weekday alone as a pattern", [20: "        - {starts: \"09:00\", length: 3h, patterns: [mon, tue]}"],
                  path: "scheduling.teams.front.templates[1].patterns[0]", line: 20, says: "'mon' alone is a one-day week"),
    BadScheduling("days_on out of range", [20: "        - {starts: \"09:00\", length: 3h, patterns: [{days_on: 8}]}"],
                  path: "scheduling.teams.front.templates[1].patterns[0].days_on", line: 20, says: "must be between 1 and 7, got 8"),
    BadScheduling("days and days_on together", [20: "        - {starts: \"09:00\", length: 3h, patterns: [{days: weekdays, days_on: 5}]}"],
                  path: "scheduling.teams.front.templates[1].patterns[0]", line: 20, says: "give either 'days' or 'days_on', not both"),
    BadScheduling("negative cap", [:], appending: ["      max_agents: -1"],
                  path: "scheduling.teams.front.max_agents", line: 21, says: "must be 0 or more, got -1"),
    BadScheduling("negative penalty", [:], appending: ["  under_coverage_penalty: -5"],
                  path: "scheduling.under_coverage_penalty", line: 21, says: "must be 0 or more, got -5"),
    BadScheduling("no start times allowed", [:], appending: ["      max_start_times: 0"],
                  path: "scheduling.teams.front.max_start_times", line: 21, says: "must be between 1 and 1440, got 0"),
    BadScheduling("minimum per start over the cap", [:], appending: ["      max_agents: 3", "      min_agents_per_start: 4"],
                  path: "scheduling.teams.front.min_agents_per_start", line: 22, says: "is more than max_agents (3)"),
    BadScheduling("occupancy ceiling under its domain", [:], appending: ["  max_occupancy: 40%"],
                  path: "scheduling.max_occupancy", line: 21, says: "must be between 50% and 100%, got 40%"),
    BadScheduling("occupancy ceiling over 100%", [:], appending: ["  max_occupancy: 120%"],
                  path: "scheduling.max_occupancy", line: 21, says: "must be between 0% and 100%, got '120%'"),
    BadScheduling("contract hours beyond its days", [:], appending: ["      contracts:", "        - {name: full_time, weekly_hours: 40, days: 5}"],
                  path: "scheduling.teams.front.contracts[0].weekly_hours", line: 22, says: "40 hours do not fit in 5 days of the longest template (3h): at most 15"),
    BadScheduling("contract no template can make", [:], appending: ["      contracts:", "        - {name: short_week, weekly_hours: 15, days: 5}"],
                  path: "scheduling.teams.front.contracts[0]", line: 22,
                  says: "no template can make the contract 'short_week' (15h in 5 days a week): templates[0] pays 2h a shift on 7 days (14h a week); templates[1] pays 3h a shift on 7 days (21h a week)"),
    BadScheduling("template no contract takes", [:], appending: ["      contracts: [{name: fourteen, weekly_hours: 14}]"],
                  path: "scheduling.teams.front.templates[1]", line: 20, says: "fits no contract: it pays 3h a shift, and no week of its patterns makes fourteen (14h)"),
    BadScheduling("contract days out of range", [:], appending: ["      contracts: [{name: c, weekly_hours: 14, days: 8}]"],
                  path: "scheduling.teams.front.contracts[0].days", line: 21, says: "must be between 1 and 7, got 8"),
    BadScheduling("contract min over max", [:], appending: ["      contracts: [{name: c, weekly_hours: 14, min: 3, max: 2}, {name: d, weekly_hours: 21}]"],
                  path: "scheduling.teams.front.contracts[0].min", line: 21, says: "is more than max (2)"),
    BadScheduling("contract named twice", [:], appending: ["      contracts: [{name: c, weekly_hours: 14}, {name: c, weekly_hours: 21}]"],
                  path: "scheduling.teams.front.contracts[1].name", line: 21, says: "the contract 'c' is defined twice"),
    BadScheduling("contract without hours", [:], appending: ["      contracts: [{name: c, days: 5}]"],
                  path: "scheduling.teams.front.contracts[0].weekly_hours", line: 21, says: "required field 'weekly_hours' is missing"),
    BadScheduling("contract minimums over the cap", [:], appending: ["      max_agents: 3", "      contracts: [{name: c, weekly_hours: 14, min: 2}, {name: d, weekly_hours: 21, min: 2}]"],
                  path: "scheduling.teams.front.contracts", line: 22, says: "the contracts' minimums add up to 4 agents, more than max_agents (3)"),
    BadScheduling("rest of zero", [:], appending: ["      min_rest: 0h"],
                  path: "scheduling.teams.front.min_rest", line: 21, says: "must be greater than 0 and at most 24h, got 0s"),
    BadScheduling("consecutive days out of range", [:], appending: ["      max_consecutive_days: 0"],
                  path: "scheduling.teams.front.max_consecutive_days", line: 21, says: "must be between 1 and 7, got 0"),
    BadScheduling("every-day template under a 5-day limit", [:], appending: ["      max_consecutive_days: 5"],
                  path: "scheduling.teams.front.templates[0]", line: 19, says: "no week of this template keeps the labour rules: templates[0] pays 2h a shift on 7 days, and every such week works more than 5 days in a row"),
    BadScheduling("misspelt daily start", [:], appending: ["      daily_start: fre"],
                  path: "scheduling.teams.front.daily_start", line: 21, says: "unknown value 'fre'; did you mean 'free'?"),
    BadScheduling("no templates", [18: "      templates: []", 19: nil, 20: nil],
                  path: "scheduling.teams.front.templates", line: 18, says: "needs at least one shift template"),
    BadScheduling("templates not a list", [18: "      templates: 3", 19: nil, 20: nil],
                  path: "scheduling.teams.front.templates", line: 18, says: "expected a list of shift templates"),
]

@Suite struct SchedulingDecodingTests {
    @Test func readsTemplatesStartsAndPatterns() throws {
        let scenario = try loadTiny([19: "        - {starts: {from: \"07:00\", to: \"09:00\", every: 30m}, length: 8.5h, breaks: [{window: [3.5h, 4.5h], length: 30m, paid: false}], patterns: [five_of_seven, weekend, [mon, wed], {days_on: 3, consecutive: false}]}"],
                                    appending: ["      max_agents: 40", "      under_coverage_penalty: 150"])
        let spec = try #require(scenario.scheduling)
        let team = try #require(spec.team(0))
        #expect(team.maxAgents == 40 && team.underCoveragePenalty == 150)
        let template = team.templates[0]
        #expect(template.starts == [25_200, 27_000, 28_800, 30_600, 32_400])
        #expect(template.length == 30_600 && template.paidLength == 28_800)
        #expect(template.breaks == [Break(earliest: 12_600, latest: 16_200, length: 1_800, paid: false)])
        #expect(template.patterns == [.consecutive(daysOn: 5), .days([.saturday, .sunday]), .days([.monday, .wednesday]), .anyDays(daysOn: 3)])
        #expect(team.templates[1].starts == [32_400] && team.templates[1].patterns == [.days(Set(Weekday.allCases))])
        #expect(team.penalty(in: spec, hourlyCost: 10) == 150)
    }

    @Test func fiveOfSevenIsEveryRunOfFiveConsecutiveDays() {
        let sets = WorkPattern.consecutive(daysOn: 5).daySets
        #expect(sets.count == 7 && Set(sets).count == 7)
        #expect(sets.allSatisfy { $0.count == 5 })
        #expect(sets[0] == [.monday, .tuesday, .wednesday, .thursday, .friday])
        #expect(sets.contains([.saturday, .sunday, .monday, .tuesday, .wednesday]))
        #expect(!sets.contains([.monday, .tuesday, .wednesday, .thursday, .saturday]), "days off are consecutive")
        // Every weekday is worked in exactly 5 of the 7 rotations.
        for day in Weekday.allCases { #expect(sets.filter { $0.contains(day) }.count == 5) }
        #expect(WorkPattern.anyDays(daysOn: 5).daySets.count == 21)
        #expect(WorkPattern.consecutive(daysOn: 7).daySets == [Set(Weekday.allCases)])
        // Patterns giving the same day set are one candidate.
        let template = ShiftTemplate(starts: [0], length: 3600, patterns: [.consecutive(daysOn: 5), .days([.monday, .tuesday, .wednesday, .thursday, .friday])])
        #expect(template.daySets.count == 7)
    }

    @Test(arguments: badSchedulingCases)
    func reportsTheRightPlace(_ c: BadScheduling) throws {
        do {
            let scenario = try loadTiny(c.replacements, appending: c.appending)
            Issue.record("expected an error, but loaded \(scenario.name)")
        } catch let error as ScenarioError {
            #expect(error.path == c.path)
            #expect(error.line == c.line)
            #expect(error.message.contains(c.says), "message was: \(error.message)")
            #expect(error.description.hasPrefix("tiny.yaml:\(c.line):"))
        }
    }

    @Test func theSingleQueueFormHasNoScheduling() throws {
        let yaml = "name: t\narrivals: {rate: 540/h}\nteam: {agents: 50}\nhandle_time: {exponential: {mean: 5m}}\nscheduling: {teams: {}}\n"
        do {
            _ = try ScenarioLoader.parse(yaml: yaml, file: "t.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.path == "scheduling" && error.line == 5)
            #expect(error.message.contains("'scheduling' belongs to the full form"), "\(error.message)")
        }
    }

    /// A scenario built in code is held to the same rules by `validate()`.
    @Test func validateChecksASchedulingBuiltInCode() throws {
        var scenario = try loadTiny()
        scenario.scheduling = SchedulingSpec(teams: [TeamScheduling(team: 0, maxAgents: -2, templates: [])])
        do {
            try scenario.validate()
            Issue.record("expected an error")
        } catch {
            let paths = error.issues.map(\.path)
            #expect(paths.contains("scheduling.teams.front.max_agents"))
            #expect(paths.contains("scheduling.teams.front.templates"))
        }
    }
}
