import Foundation
import Analytics
import ContactCenter
import Scenarios
import Staffing
import Statistics
import Stochastics
import TestFixtures
import XCTest

/// The staffing module: the formula requirement, the shrinkage gross-up, the conversion of a
/// staffing vector into shifts, and the simulation search against theory and against its rule.
final class StaffingTests: XCTestCase {
    static let hour = 3600.0

    /// 540 calls/h, exponential 5 min handle times: 45 Erlangs; measured 01:00–07:00 in 1 h intervals.
    static func singleQueue(patience: Distribution? = nil, replications: Int = 20) -> Scenario {
        Scenario(name: "single", run: RunSettings(horizon: 6 * hour, warmup: hour, interval: hour, replications: replications, seed: 11),
                 arrivals: ArrivalProcess(ratePerSecond: 0.15), team: TeamSpec(name: "agents", agents: 50),
                 handleTime: .exponential(mean: 300), patience: patience,
                 serviceLevel: ServiceLevelTarget(answerWithin: 20, target: 0.8))
    }

    static func calendar(_ scenario: Scenario) -> RunCalendar {
        RunCalendar(grid: WeekGrid(intervalLength: scenario.run.interval), run: scenario.run, startWeekday: scenario.center.startWeekday)
    }

    func testAnalyticRequirementOfASingleQueueIsErlangCAndErlangA() throws {
        let erlangC = Staffing.minimumAgentsErlangC(arrivalRate: 0.15, meanHandleTime: 300, answerWithin: 20, target: 0.8)
        let erlangA = Staffing.minimumAgentsErlangA(arrivalRate: 0.15, meanHandleTime: 300, meanPatience: 180, answerWithin: 20, target: 0.8)
        XCTAssertNotEqual(erlangC, erlangA, "fixture: patience should change the requirement")
        for (scenario, expected) in [(Self.singleQueue(), erlangC), (Self.singleQueue(patience: .exponential(mean: 180)), erlangA)] {
            let calendar = Self.calendar(scenario)
            let analytic = AnalyticStaffing(center: scenario.center, calendar: calendar)
            // Every simulated hour (warm-up included) of Monday 00:00–07:00 needs the formula's agents; the rest none.
            for s in 0..<calendar.grid.slotCount {
                let expectedHere = s < 7 ? Double(expected) : 0
                XCTAssertEqual(analytic.onPhone[0][s], expectedHere, "slot \(s)")
                XCTAssertEqual(analytic.scheduled[0][s], Int(expectedHere), "no shrinkage: scheduled = on the phones")
            }
        }
    }

    func testShrinkageAndAbsenteeismGrossUpTheRequirement() throws {
        var scenario = Self.singleQueue()
        scenario.center.teams[0].shrinkage = 0.3
        scenario.center.teams[0].absenteeism = 0.05
        let analytic = AnalyticStaffing(center: scenario.center, calendar: Self.calendar(scenario))
        let onPhone = Double(Staffing.minimumAgentsErlangC(arrivalRate: 0.15, meanHandleTime: 300, answerWithin: 20, target: 0.8))
        let fraction = onPhone / (0.7 * 0.95)
        XCTAssertEqual(analytic.scheduledFraction[0][3], fraction, accuracy: 1e-9)
        XCTAssertEqual(analytic.scheduled[0][3], Int(fraction.rounded(.up)))
        XCTAssertGreaterThan(Double(analytic.scheduled[0][3]), fraction, "whole agents overstate the fractional FTE")
    }

    func testAQueueWithTwoSkillsIsSummedNotMaxed() throws {
        // Two channels served by one team: the team needs the sum of both requirements.
        var scenario = Self.singleQueue()
        var second = scenario.center.channels[0]
        second.name = "voice2"
        scenario.center.channels.append(second)
        scenario.center.tiers[0].handleTimes.append(.exponential(mean: 300))
        scenario.center.teams[0].skills.append(Skill(channel: 1, tier: 0))
        scenario.center.routing.priorities.append([0])
        let analytic = AnalyticStaffing(center: scenario.center, calendar: Self.calendar(scenario))
        let one = Double(Staffing.minimumAgentsErlangC(arrivalRate: 0.15, meanHandleTime: 300, answerWithin: 20, target: 0.8))
        XCTAssertEqual(analytic.onPhone[0][3], 2 * one)
    }

    func testStackedShiftsPutExactlyTheVectorOnDuty() throws {
        let grid = WeekGrid(intervalLength: 1800)
        var generator = SplitMix64(seed: 5)
        // A double-humped week with closed nights, and one slot open past the evening.
        let vector = (0..<grid.slotCount).map { s -> Int in
            let ofDay = grid.slotOfDay(s)
            guard ofDay >= 14 && ofDay < 44 else { return 0 }
            return Int(generator.next() % 9) + (ofDay > 18 && ofDay < 36 ? 6 : 0)
        }
        let shifts = ShiftStacking.shifts(for: vector, grid: grid)
        let team = AgentTeamSpec(name: "t", skills: [Skill(channel: 0, tier: 0)], shifts: shifts)
        XCTAssertEqual(try Self.onDuty([team], grid: grid), vector)
        XCTAssertTrue(shifts.allSatisfy { $0.breaks.isEmpty && $0.agents > 0 })
    }

    /// Agents on duty in the middle of each week slot, as the model's roster places `teams`
    /// (no absenteeism drawn: the teams have none).
    static func onDuty(_ teams: [AgentTeamSpec], grid: WeekGrid) throws -> [Int] {
        let roster = Roster(teams: teams, startWeekday: .monday)
        let plan = try StreamPlan(seed: 1)
        let workforce = plan.stream(replication: 0, purpose: .workforce)
        let absenteeism = plan.stream(replication: 0, purpose: .absenteeism)
        var onDuty = Array(repeating: 0, count: grid.slotCount)
        for day in 0..<7 {
            var level = 0
            var events = roster.transitions(day: day, workforce: workforce, absenteeism: absenteeism).makeIterator()
            var pending = events.next()
            for ofDay in 0..<grid.slotsPerDay {
                let middle = Double(day) * 86_400 + (Double(ofDay) + 0.5) * grid.intervalLength
                while let event = pending, event.time <= middle {
                    level += event.kind == .shiftStart ? 1 : event.kind == .shiftEnd ? -1 : 0
                    pending = events.next()
                }
                onDuty[day * grid.slotsPerDay + ofDay] = level
            }
        }
        return onDuty
    }

    /// User test: `ccsim staff` on a rostered scenario kept the roster and stacked the plan on
    /// top (98 roster rows + 48 plan shifts; voice "needed" 3.4 FTE against Erlang's 44). A plan
    /// replaces the roster: the applied scenario validates (a team has shifts or a roster, not
    /// both), and exactly the plan's agents are on duty, the roster's none.
    func testAPlanReplacesAPublishedRoster() throws {
        var scenario = Self.singleQueue()
        let grid = WeekGrid(intervalLength: scenario.run.interval)
        // Ten named agents every day 00:00–08:00, a break each: on duty in every planned slot.
        let agents = (1...10).map { RosteredAgent(id: "A\($0)", skills: [AgentSkill(channel: 0, proficiency: 1.25)]) }
        let rows = agents.indices.flatMap { a in
            Weekday.allCases.map { day in
                RosteredShift(agent: a, days: .weekday(day), start: 0, length: 8 * Self.hour,
                              activities: [RosterActivity(offset: 2 * Self.hour, length: 900, kind: .break)])
            }
        }
        scenario.center.teams[0].roster = TeamRoster(file: "roster.csv", agents: agents, shifts: rows)
        scenario.center.teams[0].constantAgents = 0
        XCTAssertEqual(try Self.onDuty(scenario.center.teams, grid: grid)[3], 10, "fixture: the roster puts its agents on duty")
        XCTAssertEqual(StaffingPlan.setAsideRosters(in: scenario).map(\.team), ["agents"])

        let vector = (0..<grid.slotCount).map { s in grid.slotOfDay(s) < 7 ? 40 + grid.slotOfDay(s) : 0 }
        let applied = StaffingPlan(grid: grid, agents: [vector]).applied(to: scenario)
        XCTAssertNil(applied.center.teams[0].roster, "the plan replaces the roster")
        XCTAssertEqual(applied.center.teams[0].constantAgents, 0)
        XCTAssertEqual(applied.center.teams[0].skills, scenario.center.teams[0].skills, "the team's own skills stay")
        XCTAssertNoThrow(try applied.validate())
        XCTAssertEqual(try Self.onDuty(applied.center.teams, grid: grid), vector)
    }

    func testTheRosterNoteNamesTheTeamsAndSaysTheRunChecksTheRoster() throws {
        var scenario = Self.singleQueue()
        XCTAssertNil(StaffingPlan.rosterNote(for: scenario), "no roster, no note")
        scenario.center.teams[0].roster = TeamRoster(file: "week/roster.csv", agents: [RosteredAgent(id: "A1")],
                                                     shifts: [RosteredShift(agent: 0, days: .weekday(.monday), start: 0, length: Self.hour)])
        let note = try XCTUnwrap(StaffingPlan.rosterNote(for: scenario))
        XCTAssertTrue(note.hasPrefix("note: the published roster of agents (week/roster.csv) is set aside"), note)
        XCTAssertTrue(note.contains("`ccsim run` checks the roster itself"), note)
        XCTAssertFalse(note.contains("\n"), "one line")
    }

    func testSearchOnASingleQueueLandsWithinOneAgentOfErlangC() throws {
        // Theory applies: Poisson arrivals at a constant rate, exponential handle times, no
        // abandonment, no shrinkage, and 1 h intervals (≈ 12 handle times, so the queue is near
        // its steady state in each); the first measured hour follows a 1 h warm-up staffed by
        // Erlang. Tolerance ±1 agent per interval: with 100 replications the mean rule sees
        // the service level to about ±2 points, and one agent moves it by ~4 points here.
        let scenario = Self.singleQueue()
        let search = StaffingSearch(scenario: scenario, rule: .mean, replications: 100, jobs: 2, maxIterations: 25, recheck: false)
        let result = try search.run()
        XCTAssertTrue(result.feasible)
        let erlangC = Staffing.minimumAgentsErlangC(arrivalRate: 0.15, meanHandleTime: 300, answerWithin: 20, target: 0.8)
        for s in 1..<7 {
            XCTAssertLessThanOrEqual(abs(result.plan.agents[0][s] - erlangC), 1, "hour \(s): \(result.plan.agents[0][s]) vs Erlang C \(erlangC)")
        }
        XCTAssertEqual(result.simulatedDays, Double(result.evaluations * 100) * 7 / 24, accuracy: 1e-9)
    }

    func testSearchMeetsTheLowerBoundRuleItWasGiven() throws {
        // Erlang A staffing with patience, checked again from the raw replications: each
        // interval's 95% lower bound of the service level must reach 80%.
        let scenario = Self.singleQueue(patience: .exponential(mean: 120))
        let search = StaffingSearch(scenario: scenario, rule: .lowerBound, replications: 30, jobs: 2, maxIterations: 25, recheck: false)
        let result = try search.run()
        XCTAssertTrue(result.feasible)
        XCTAssertFalse(result.groups.isEmpty)
        for group in result.groups {
            var tally = Tally()
            for replication in result.results {
                var offered = 0, within = 0
                for i in group.intervals {
                    let outcomes = replication.outcomes(interval: i, channel: 0)
                    offered += outcomes.offered
                    within += outcomes.answeredWithinTarget
                }
                if offered > 0 { tally.add(Double(within) / Double(offered)) }
            }
            let lower = try XCTUnwrap(tally.confidenceInterval(level: 0.95)).lower
            XCTAssertGreaterThanOrEqual(lower, 0.8 - 1e-12, "slots \(group.slots)")
        }
        // Applied to the scenario, the plan's shifts are what was simulated.
        let applied = result.plan.applied(to: scenario)
        XCTAssertEqual(applied.center.teams[0].constantAgents, 0)
        XCTAssertNoThrow(try applied.validate())
    }
}


/// `ccsim staff` and `schedule` size each interval's tiers by the forecast's `share_<tier>` columns,
/// as the simulator draws them, not by the channel's fixed mix.
final class ForecastTierShareStaffingTests: XCTestCase {
    /// Two days, 08:00–18:00, 40 contacts per 15 minutes; complex share 5 % at 08:00 rising 9 points
    /// an hour to 86 % at 17:00 (or no share columns: the channel's 70 % / 30 %).
    func scenario(shares: Bool) throws -> Scenario {
        var csv = "date,interval_start,channel,volume\(shares ? ",share_simple,share_complex" : "")\n"
        for day in 0..<2 {
            for i in 32..<72 {
                let complex = 0.05 + 0.09 * Double(i / 4 - 8)
                csv += "2027-01-0\(4 + day),\(String(format: "%02d:%02d", i / 4, i % 4 * 15)),voice,40"
                csv += shares ? ",\(String(format: "%.2f", 1 - complex)),\(String(format: "%.2f", complex))\n" : "\n"
            }
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-shares-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        try csv.write(to: dir.appendingPathComponent("forecast.csv"), atomically: true, encoding: .utf8)
        return try ScenarioLoader.parse(yaml: """
            name: tiered-forecast
            run: {horizon: 2d, interval: 1h, replications: 2, seed: 5}
            calendar: {start: 2027-01-04}
            channels:
              voice:
                kind: voice
                demand: {forecast: forecast.csv}
                tiers: {simple: 70%, complex: 30%}
                service_level: {answer_within: 20s, target: 80%}
            tiers:
              simple:
                handle_time: {voice: {exponential: {mean: 4m}}}
              complex:
                handle_time: {voice: {exponential: {mean: 9m}}}
            teams:
              agents:
                skills: [{channel: voice, tier: [simple, complex]}]
                shifts: [{start: "08:00", length: 10h, agents: 60, days: every_day}]
            """, file: "s.yaml", baseDirectory: dir.path)
    }

    func testQueueFlowsSplitEachIntervalByTheForecastsShares() throws {
        for shares in [true, false] {
            let scenario = try scenario(shares: shares)
            let calendar = StaffingTests.calendar(scenario)
            let flows = QueueFlows(center: scenario.center, calendar: calendar)
            for hour in 8..<18 {
                let s = hour  // Monday (the start weekday) in the hourly week grid
                let simple = flows.total[s][0], complex = flows.total[s][1]
                XCTAssertEqual(simple + complex, 160, accuracy: 1e-6, "hour \(hour)")
                let expected = shares ? 0.05 + 0.09 * Double(hour - 8) : 0.3
                XCTAssertEqual(complex / (simple + complex), expected, accuracy: 1e-9, "hour \(hour), shares \(shares)")
            }
        }
        // The requirement follows: at 17:00 (86 % complex, 8.3 min mean) more agents than at 08:00 (5 %).
        let analytic = AnalyticStaffing(center: try scenario(shares: true).center, calendar: StaffingTests.calendar(try scenario(shares: true)))
        XCTAssertGreaterThan(analytic.onPhone[0][17], analytic.onPhone[0][8] + 5)
    }
}
