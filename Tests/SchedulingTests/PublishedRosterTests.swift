import Foundation
import ResultsSchema
import Scenarios
import Scheduling
import Testing

/// `roster.csv`, the agent-level plan of `ccsim schedule --out`, in the roster format agreed with
/// the roster import (issue #16): columns, one row per agent and working day, `day` for a weekly
/// plan and `date` for a dated scenario, staggered fixed breaks, and the agents it adds up to.
@Suite struct PublishedRosterTests {
    static let columns = ["agent", "team", "contract", "date", "day", "start", "end", "activities", "skills"]

    /// The hand-optimum plan of the tiny scenario: 08:00/2h × 2, 10:00/2h × 2, 09:00/3h × 1, every day.
    func handPlan() throws -> SchedulePlan {
        let scenario = try loadTiny()
        let requirement = try RequirementCSV.parse(everyDayCSV(handRequirement), file: "r.csv", scenario: scenario)
        return try ShiftScheduler.schedule(scenario, requirement: requirement)
    }

    func records(_ text: String) throws -> (header: [String], rows: [[String: String]]) {
        let records = try CSVReader.records(text)
        let header = try #require(records.first).fields
        return (header, records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.fields)) })
    }

    @Test func weeklyPlanHasARowPerAgentAndWeekdayInTheAgreedColumns() throws {
        let plan = try handPlan()
        let (header, rows) = try records(PublishedRoster.csv(plan, startDate: nil, startWeekday: .monday, days: 1))
        #expect(header == ["agent", "team", "contract", "day", "start", "end", "activities"])
        #expect(Set(header).isSubset(of: Self.columns), "only columns the roster reader knows")
        #expect(rows.count == 5 * 7, "5 agents × 7 days")
        // Agents named per team, each with one shift on every day of its pattern.
        let agents = Dictionary(grouping: rows, by: { $0["agent"]! })
        #expect(agents.count == 5)
        #expect(agents.values.allSatisfy { Set($0.map { $0["day"]! }) == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] })
        #expect(agents.values.allSatisfy { Set($0.map { $0["start"]! + "-" + $0["end"]! }).count == 1 })
        #expect(rows.allSatisfy { $0["team"] == "front" && $0["agent"]!.hasPrefix("front-") })
        // Per day the roster puts exactly the plan's shifts on duty.
        let monday = rows.filter { $0["day"] == "mon" }.map { $0["start"]! + "-" + $0["end"]! }
        #expect(monday.sorted() == ["08:00-10:00", "08:00-10:00", "09:00-12:00", "10:00-12:00", "10:00-12:00"])
        // Contract: paid hours and days a week of the agent's pattern.
        #expect(rows.filter { $0["start"] == "09:00" }.allSatisfy { $0["contract"] == "21h_7d" })
        #expect(rows.allSatisfy { $0["activities"] == "" }, "the tiny templates have no breaks")
    }

    @Test func datedScenarioListsEveryRunDayByDate() throws {
        let plan = try handPlan()
        let start = try #require(CivilDate(iso: "2027-01-04"))   // a Monday
        let (header, rows) = try records(PublishedRoster.csv(plan, startDate: start, startWeekday: .monday, days: 3))
        #expect(header.contains("date") && !header.contains("day"))
        #expect(rows.count == 5 * 3)
        #expect(Set(rows.map { $0["date"]! }) == ["2027-01-04", "2027-01-05", "2027-01-06"])
    }

    @Test func breaksAreFixedStaggeredAndInsideTheirWindow() throws {
        // Four agents on an 08:00 shift, a 15-minute break in [1h30, 2h30] and a 30-minute unpaid lunch in [3h30, 4h30].
        let tour = Tour(length: 8.5 * 3600, breaks: [Break(earliest: 5400, latest: 9000, length: 900), Break(earliest: 12_600, latest: 16_200, length: 1800, paid: false)],
                        starts: [.monday: 8 * 3600], agents: 4)
        var plan = try handPlan()
        plan.teams[0].tours = [tour]
        let (_, rows) = try records(PublishedRoster.csv(plan, startDate: nil, startWeekday: .monday, days: 1))
        #expect(rows.count == 4)
        let activities = rows.map { $0["activities"]! }
        #expect(activities == ["09:35-09:50 break; 11:35-12:05 lunch unpaid", "09:50-10:05 break; 11:50-12:20 lunch unpaid",
                               "10:05-10:20 break; 12:05-12:35 lunch unpaid", "10:20-10:35 break; 12:20-12:50 lunch unpaid"])
        #expect(rows.allSatisfy { $0["contract"] == "8h_1d" }, "8.5 h less the unpaid 30 minutes")
    }

    @Test func aShiftPastMidnightEndsOnTheClock() throws {
        var plan = try handPlan()
        plan.teams[0].tours = [Tour(length: 8 * 3600, starts: [.friday: 22 * 3600], agents: 1)]
        let (_, rows) = try records(PublishedRoster.csv(plan, startDate: nil, startWeekday: .monday, days: 1))
        #expect(rows.map { [$0["day"]!, $0["start"]!, $0["end"]!] } == [["fri", "22:00", "06:00"]])
    }
}
