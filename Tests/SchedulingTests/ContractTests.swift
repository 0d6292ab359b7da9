import Foundation
import Scenarios
import Scheduling
import Testing

/// Contracts, rest and consecutive-day rules as constraints of the integer program, on problems
/// small enough to solve by hand. Each optimum differs from the one without the rule, so a
/// dropped constraint fails the test.
@Suite struct ContractTests {
    /// One team, hourly cost 10, 1-hour intervals; one 8-hour template whose patterns and rules
    /// the tests set (`templateLine`, `teamLines`).
    static func scenario(template: String, team: [String] = []) throws -> Scenario {
        let yaml = tinyYAML([19: "        - " + template, 20: nil], appending: team)
        return try ScenarioLoader.parse(yaml: yaml, file: "tiny.yaml")
    }

    /// `agents` from `from` to `to` (hours) on each weekday listed (0 = Monday).
    static func requirement(_ days: [Int: (from: Int, to: Int)], _ scenario: Scenario, agents: Double = 1) throws -> WeeklyRequirement {
        var text = "day,start,team,required\n"
        for (day, hours) in days.sorted(by: { $0.key < $1.key }) {
            for h in hours.from..<hours.to { text += "\(day),\(h < 10 ? "0" : "")\(h):00,front,\(agents)\n" }
        }
        return try RequirementCSV.parse(text, file: "r.csv", scenario: scenario)
    }

    static let monTue = [0: (8, 16), 1: (8, 16)]
    static let eightHours = "{starts: \"08:00\", length: 8h, patterns: [five_of_seven, {days_on: 2, consecutive: false}]}"

    /// Demand on Monday and Tuesday only. Without contracts one agent on a 2-day week covers it
    /// for 16 paid hours (160). A full-time contract (40 h in 5 days) admits only 5-day weeks:
    /// one agent on a five_of_seven rotation through Monday and Tuesday, 400.
    @Test func aFullTimeContractCannotTakeATwoDayWeek() throws {
        let loose = try Self.scenario(template: Self.eightHours)
        let free = try #require(try ShiftScheduler.schedule(loose, requirement: Self.requirement(Self.monTue, loose)).team(0))
        #expect(abs(free.weeklyCost - 160) < 1e-6 && free.headcount == 1)

        let bound = try Self.scenario(template: Self.eightHours, team: ["      contracts:", "        - {name: full_time, weekly_hours: 40, days: 5}"])
        let team = try #require(try ShiftScheduler.schedule(bound, requirement: Self.requirement(Self.monTue, bound)).team(0))
        #expect(abs(team.weeklyCost - 400) < 1e-6 && team.headcount == 1)
        #expect(team.tours.allSatisfy { $0.contract == "full_time" && $0.days.count == 5 && abs($0.paidHours - 40) < 1e-9 })
        #expect(team.tours[0].days.isSuperset(of: [.monday, .tuesday]))
        #expect(team.shortSlots.isEmpty)
    }

    /// With a part-time contract (16 h in 2 days) beside it the 2-day week is back (160); capped
    /// at 0 part-timers it is not (400); with at least 2 part-timers both are paid (320).
    @Test func contractCountsAndCapsBindThePlan() throws {
        func plan(_ partTime: String) throws -> TeamSchedule {
            let scenario = try Self.scenario(template: Self.eightHours, team: [
                "      contracts:", "        - {name: full_time, weekly_hours: 40, days: 5}", "        - {name: part_time, weekly_hours: 16\(partTime)}",
            ])
            return try #require(try ShiftScheduler.schedule(scenario, requirement: Self.requirement(Self.monTue, scenario)).team(0))
        }
        let open = try plan("")
        #expect(abs(open.weeklyCost - 160) < 1e-6 && open.agents(contract: "part_time") == 1 && open.agents(contract: "full_time") == 0)
        #expect(open.tours.map(\.days) == [[.monday, .tuesday]])
        let capped = try plan(", max: 0")
        #expect(abs(capped.weeklyCost - 400) < 1e-6 && capped.agents(contract: "full_time") == 1 && capped.agents(contract: "part_time") == 0)
        let floor = try plan(", min: 2")
        #expect(abs(floor.weeklyCost - 320) < 1e-6 && floor.agents(contract: "part_time") == 2)
    }

    /// Monday 14:00–22:00 and Tuesday 06:00–14:00, one agent each, on a Monday–Tuesday week whose
    /// start may change by day. Without a rest rule one agent works both (the late shift, then
    /// the early one 8 hours later): 160. With `min_rest: 11h` that late→early sequence is out,
    /// so two agents are needed: 320, each resting at least 11 hours.
    @Test func aRestRuleForbidsALateShiftBeforeAnEarlyOne() throws {
        let template = "{starts: [\"06:00\", \"14:00\"], length: 8h, patterns: [[mon, tue]]}"
        let demand = [0: (14, 22), 1: (6, 14)]
        let loose = try Self.scenario(template: template, team: ["      daily_start: free"])
        let one = try #require(try ShiftScheduler.schedule(loose, requirement: Self.requirement(demand, loose)).team(0))
        #expect(abs(one.weeklyCost - 160) < 1e-6 && one.headcount == 1)
        #expect(one.tours.first?.starts == [.monday: 14 * 3600, .tuesday: 6 * 3600])
        #expect(abs((one.tours.first?.leastRest ?? 0) - 8 * 3600) < 1e-6)

        let rested = try Self.scenario(template: template, team: ["      daily_start: free", "      min_rest: 11h"])
        let two = try #require(try ShiftScheduler.schedule(rested, requirement: Self.requirement(demand, rested)).team(0))
        #expect(abs(two.weeklyCost - 320) < 1e-6 && two.headcount == 2)
        #expect(two.tours.allSatisfy { $0.leastRest >= 11 * 3600 }, "\(two.tours)")
        #expect(two.shortSlots.isEmpty)
    }

    /// The rest rows are exact for any mix: a random-looking demand over a free-start week gives
    /// tours that all keep the rest, and cover what the program says they cover.
    @Test func freeStartToursKeepTheRestAndMatchTheCoverage() throws {
        let template = "{starts: {from: \"06:00\", to: \"14:00\", every: 2h}, length: 8h, patterns: [five_of_seven]}"
        let scenario = try Self.scenario(template: template, team: ["      daily_start: free", "      min_rest: 12h"])
        var text = "day,start,team,required\n"
        for day in 0..<7 { for h in 6..<22 { text += "\(day),\(h < 10 ? "0" : "")\(h):00,front,\((day * 7 + h * 3) % 5 + 1)\n" } }
        let plan = try ShiftScheduler.schedule(scenario, requirement: try RequirementCSV.parse(text, file: "r.csv", scenario: scenario))
        let team = try #require(plan.team(0))
        #expect(team.tours.allSatisfy { $0.leastRest >= 12 * 3600 && TourRules.longestRun($0.days) == 5 })
        // The tours' shifts put on duty exactly the coverage the plan reports.
        var onDuty = Array(repeating: 0.0, count: plan.requirement.slots)
        for shift in team.tours.flatMap(\.shifts) {
            for day in shift.days { for h in 0..<8 { onDuty[(plan.requirement.slot(day, Int(shift.start / 3600)) + h) % onDuty.count] += Double(shift.agents) } }
        }
        #expect(zip(onDuty, team.covered).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(team.shortSlots.isEmpty)
    }

    /// Demand every day 08:00–16:00. Without a limit one agent works all 7 days (560). With
    /// `max_consecutive_days: 5` neither the 7-day nor the 6-day week is allowed: two five-day
    /// rotations cover the week (800), each with at most 5 days in a row.
    @Test func maxConsecutiveDaysForcesDaysOff() throws {
        let template = "{starts: \"08:00\", length: 8h, patterns: [every_day, {days_on: 6}, five_of_seven]}"
        let everyDay = Dictionary(uniqueKeysWithValues: (0..<7).map { ($0, (8, 16)) })
        let loose = try Self.scenario(template: template)
        let one = try #require(try ShiftScheduler.schedule(loose, requirement: Self.requirement(everyDay, loose)).team(0))
        #expect(abs(one.weeklyCost - 560) < 1e-6 && one.headcount == 1)

        let limited = try Self.scenario(template: template, team: ["      max_consecutive_days: 5"])
        let two = try #require(try ShiftScheduler.schedule(limited, requirement: Self.requirement(everyDay, limited)).team(0))
        #expect(abs(two.weeklyCost - 800) < 1e-6 && two.headcount == 2)
        #expect(two.tours.allSatisfy { TourRules.longestRun($0.days) <= 5 })
        #expect(two.shortSlots.isEmpty)
    }

    /// The roster names each agent's contract and, for free starts, each day's own start.
    @Test func theRosterCarriesContractsAndDailyStarts() throws {
        let template = "{starts: [\"06:00\", \"14:00\"], length: 8h, patterns: [[mon, tue]]}"
        let scenario = try Self.scenario(template: template, team: ["      daily_start: free", "      contracts: [{name: two_day, weekly_hours: 16}]"])
        let plan = try ShiftScheduler.schedule(scenario, requirement: try Self.requirement([0: (14, 22), 1: (6, 14)], scenario))
        let csv = PublishedRoster.csv(plan, startDate: nil, startWeekday: .monday, days: 7)
        #expect(csv == "agent,team,contract,day,start,end,activities\nfront-001,front,two_day,mon,14:00,22:00,\nfront-001,front,two_day,tue,06:00,14:00,\n", "\(csv)")
        let table = ScheduleTable.render(plan)
        #expect(table.contains("contracts: two_day 1 (16h a week)"), "\(table)")
        #expect(table.contains("1 distinct weekly pattern (start and days), least rest between shifts 8h"), "\(table)")
        let schedule = ScheduleFiles.scheduleCSV(plan)
        #expect(schedule.hasPrefix("team,contract,start,end,"), "\(schedule)")
        #expect(schedule.contains("front,two_day,14:00,22:00,8,[mon],1,8,80,,optimal,0\n"), "\(schedule)")
    }
}
