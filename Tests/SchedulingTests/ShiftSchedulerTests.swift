import Foundation
import Scenarios
import Scheduling
import Testing

@Suite struct ShiftSchedulerTests {
    /// 2, 3, 3, 1 agents from 08:00 to 12:00 every day; shifts A (2h at 08:00 or 10:00, 140 a
    /// week) and B (3h at 09:00, 210 a week). A08 ≥ 2 covers 08:00; B at 09:00 then fills 09:00
    /// and with A10 the rest. By enumeration: (A08, A10, B09) = (2, 2, 1) costs 770; (3, 3, 0)
    /// 840; (2, 1, 2) 840; (2, 0, 3) 910. The optimum is (2, 2, 1), 5 agents, 770 a week.
    @Test func tinyInstanceFindsTheHandOptimum() throws {
        let scenario = try loadTiny()
        let requirement = try RequirementCSV.parse(everyDayCSV(handRequirement), file: "r.csv", scenario: scenario)
        let plan = try ShiftScheduler.schedule(scenario, requirement: requirement)
        let team = try #require(plan.team(0))
        #expect(agentsByShift(team.shifts) == ["08:00/2h": 2, "10:00/2h": 2, "09:00/3h": 1])
        #expect(abs(team.weeklyCost - 770) < 1e-6)
        #expect(abs(team.paidHours - 77) < 1e-6)
        #expect(team.headcount == 5)
        #expect(team.shortSlots.isEmpty && team.shortfallAgentHours == 0)
        #expect(team.solve.status == .optimal && team.solve.gap == 0)
        #expect(team.shifts.allSatisfy { $0.days == Set(Weekday.allCases) })
        // Monday 09:00 has A08's 2 and B's 1 on duty.
        #expect(abs(team.covered[requirement.slot(.monday, 9)] - 3) < 1e-9)
    }

    /// With at most 3 agents the 9 agent-hours a day cannot all be covered. The least shortfall
    /// is 2 agent-hours a day, reached by (A08, A10, B09) = (2, 0, 1) for 490, (1, 0, 2) for 560
    /// and (0, 0, 3) for 630; the plan is the cheapest, short 2 agents at 10:00 every day.
    @Test func capMakesCoverageImpossibleAndTheShortfallIsReported() throws {
        let scenario = try loadTiny(appending: ["      max_agents: 3"])
        let requirement = try RequirementCSV.parse(everyDayCSV(handRequirement), file: "r.csv", scenario: scenario)
        let plan = try ShiftScheduler.schedule(scenario, requirement: requirement)
        let team = try #require(plan.team(0))
        #expect(team.headcount == 3)
        #expect(agentsByShift(team.shifts) == ["08:00/2h": 2, "09:00/3h": 1])
        #expect(abs(team.weeklyCost - 490) < 1e-6)
        #expect(team.shortSlots == Weekday.allCases.map { requirement.slot($0, 10) })
        #expect(team.shortSlots.allSatisfy { abs(team.short($0) - 2) < 1e-9 })
        #expect(abs(plan.shortfallAgentHours - 14) < 1e-9)
        let text = ScheduleTable.render(plan)
        #expect(text.contains("short 14 agent-hours in 7 intervals"), "\(text)")
        #expect(text.contains("Mon 10:00–11:00"), "\(text)")
        // Hours to a tenth, thousands grouped as every other count in the tables.
        #expect(ScheduleTable.hours(2856) == "2,856")
        #expect(ScheduleTable.hours(2713.43) == "2,713.4")
        #expect(ScheduleTable.hours(14) == "14")
    }

    /// A cheap penalty makes covering a lone interval not worth a shift: coverage is soft.
    @Test func aLowPenaltyLeavesExpensiveIntervalsShort() throws {
        let scenario = try loadTiny(appending: ["  under_coverage_penalty: 1"])
        let requirement = try RequirementCSV.parse(everyDayCSV([11: 1]), file: "r.csv", scenario: scenario)
        let plan = try ShiftScheduler.schedule(scenario, requirement: requirement)
        let team = try #require(plan.team(0))
        // One agent-hour short costs 1; the cheapest shift covering 11:00 costs 20 a day.
        #expect(team.headcount == 0 && team.weeklyCost == 0)
        #expect(abs(team.shortfallAgentHours - 7) < 1e-9)
        #expect(team.shifts.count == 1 && team.shifts[0].agents == 0, "a team keeps one (empty) shift")
    }

    /// A 30-minute break anywhere in [1h, 2h] of a 08:00 shift: in expectation 0.375 of an agent
    /// is away from 09:00 to 10:00 ((0.5 × 0.5 + 0.5 × 0.25) / 1) and 0.125 from 10:00 to 11:00.
    /// With 1 agent required from 08:00 to 12:00 the plan needs 2 agents.
    @Test func breaksCountAsFractionalCoverageOverTheirWindow() throws {
        let scenario = try loadTiny([19: "        - {starts: \"08:00\", length: 4h, breaks: [{window: [1h, 2h], length: 30m}]}", 20: nil])
        let requirement = try RequirementCSV.parse(everyDayCSV([8: 1, 9: 1, 10: 1, 11: 1]), file: "r.csv", scenario: scenario)
        let plan = try ShiftScheduler.schedule(scenario, requirement: requirement)
        let team = try #require(plan.team(0))
        #expect(team.headcount == 2)
        let covered = (8..<12).map { team.covered[requirement.slot(.wednesday, $0)] }
        #expect(zip(covered, [2, 1.25, 1.75, 2]).allSatisfy { abs($0 - $1) < 1e-9 }, "\(covered)")
    }

    /// A shift from 22:00 covers the next morning, and Sunday night's covers Monday morning.
    @Test func shiftsPastMidnightWrapIntoTheNextDayAndTheWeek() throws {
        let scenario = try loadTiny([19: "        - {starts: \"22:00\", length: 4h, patterns: [[sun]]}", 20: nil])
        let requirement = try RequirementCSV.parse("day,start,team,required\n0,01:00,front,2\n", file: "r.csv", scenario: scenario)
        let plan = try ShiftScheduler.schedule(scenario, requirement: requirement)
        let team = try #require(plan.team(0))
        #expect(team.shifts.map(\.agents) == [2] && team.shifts[0].days == [.sunday])
        #expect(team.covered[requirement.slot(.monday, 1)] == 2)
        #expect(team.covered[requirement.slot(.sunday, 23)] == 2)
        #expect(abs(team.weeklyCost - 2 * 4 * 10) < 1e-9)
    }

    /// five_of_seven agents: a requirement on weekdays only is met by the Monday-to-Friday rotation.
    @Test func rotationsPickTheMatchingDays() throws {
        let scenario = try loadTiny([19: "        - {starts: \"08:00\", length: 4h, patterns: [five_of_seven]}", 20: nil])
        var csv = "day,start,team,required\n"
        for day in 0..<5 { csv += "\(day),09:00,front,3\n" }
        let requirement = try RequirementCSV.parse(csv, file: "r.csv", scenario: scenario)
        let plan = try ShiftScheduler.schedule(scenario, requirement: requirement)
        let team = try #require(plan.team(0))
        #expect(team.shifts.count == 1 && team.shifts[0].agents == 3)
        #expect(team.shifts[0].days == [.monday, .tuesday, .wednesday, .thursday, .friday])
    }

    /// Issue #17, schedules a planner would publish. The hand optimum (A08, A10, B09) = (2, 2, 1)
    /// uses 3 start times and puts 1 agent alone at 09:00. With at most 2 start times the pairs
    /// are (A08, A10) = (3, 3) for 840, (A08, B09) = (2, 3) for 910, and (A10, B09) cannot cover
    /// 08:00: 840. With at least 2 agents per used start, (2, 2, 1) is out; (3, 3, 0) at 840 beats
    /// (2, 0, 3) at 910 and (2, 2, 2) at 980.
    @Test func startTimeCapAndMinimumPerStartAreConstraints() throws {
        for extra in ["      max_start_times: 2", "      min_agents_per_start: 2"] {
            let scenario = try loadTiny(appending: [extra])
            let requirement = try RequirementCSV.parse(everyDayCSV(handRequirement), file: "r.csv", scenario: scenario)
            let plan = try ShiftScheduler.schedule(scenario, requirement: requirement)
            let team = try #require(plan.team(0))
            #expect(agentsByShift(team.shifts) == ["08:00/2h": 3, "10:00/2h": 3], "\(extra)")
            #expect(abs(team.weeklyCost - 840) < 1e-6, "\(extra)")
            #expect(team.shortSlots.isEmpty)
        }
    }

    /// Issue #17: "weekend shifts are paid for" was printed when every template was `weekdays`.
    /// The note is for chosen shifts that work a day the requirement leaves empty, and names those days.
    @Test func unrequiredDaysNoteOnlyWhenChosenShiftsWorkThem() throws {
        var csv = "day,start,team,required\n"
        for day in 0..<5 { csv += "\(day),09:00,front,3\n" }
        for (pattern, expected) in [("weekdays", nil), ("five_of_seven", nil), ("every_day", "Sat, Sun")] as [(String, String?)] {
            let scenario = try loadTiny([19: "        - {starts: \"08:00\", length: 4h, patterns: [\(pattern)]}", 20: nil])
            let plan = try ShiftScheduler.schedule(scenario, requirement: try RequirementCSV.parse(csv, file: "r.csv", scenario: scenario))
            let text = ScheduleTable.render(plan)
            if let expected {
                #expect(text.contains("note: the requirement has no rows for \(expected), yet chosen shifts work then"), "\(pattern): \(text)")
            } else {
                #expect(!text.contains("note: the requirement has no rows"), "\(pattern): \(text)")
            }
        }
    }

    @Test func aRequirementForATeamWithoutTemplatesIsAnError() throws {
        let yaml = tinyYAML([7: "teams:\n  back:\n    skills: [{channel: voice, tier: tier1}]\n    shifts: [{start: \"08:00\", length: 4h, agents: 1}]"])
        let scenario = try ScenarioLoader.parse(yaml: yaml, file: "tiny.yaml")
        let requirement = try RequirementCSV.parse("day,start,team,required\n0,09:00,back,1\n", file: "r.csv", scenario: scenario)
        #expect {
            try ShiftScheduler.schedule(scenario, requirement: requirement)
        } throws: { error in
            "\(error)".contains("the requirement covers back, which has no shift templates; add scheduling.teams.back")
        }
    }

    @Test func aScenarioWithoutSchedulingIsAnError() throws {
        let scenario = try loadTiny([15: nil, 16: nil, 17: nil, 18: nil, 19: nil, 20: nil])
        let requirement = try RequirementCSV.parse(everyDayCSV(handRequirement), file: "r.csv", scenario: scenario)
        #expect {
            try ShiftScheduler.schedule(scenario, requirement: requirement)
        } throws: { error in
            "\(error)".contains("the scenario has no 'scheduling' section")
        }
    }
}
