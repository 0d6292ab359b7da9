import ContactCenter
import Scenarios
import Stochastics
import XCTest

/// A published roster's agents in the day's transitions: exactly where the roster puts them.
final class PublishedShiftsTests: XCTestCase {
    static let hour = 3600.0

    func streams() throws -> (workforce: RandomStream, absenteeism: RandomStream) {
        let plan = try StreamPlan(seed: 5)
        return (plan.stream(replication: 0, purpose: .workforce), plan.stream(replication: 0, purpose: .absenteeism))
    }

    /// Agent 0: day 1 08:00–16:00 opening with a meeting, an unpaid lunch, closing with training.
    /// Agent 1: every Tuesday 22:00–06:00 (past midnight).
    static func team(absenteeism: Double = 0) -> AgentTeamSpec {
        let roster = TeamRoster(file: "r.csv", agents: [RosteredAgent(id: "A"), RosteredAgent(id: "B")], shifts: [
            RosteredShift(agent: 0, days: .runDay(1), start: 8 * hour, length: 8 * hour, activities: [
                RosterActivity(offset: 0, length: 1800, kind: .meeting),
                RosterActivity(offset: 4 * hour, length: 1800, kind: .lunch, paid: false),
                RosterActivity(offset: 7.5 * hour, length: 1800, kind: .training),
            ]),
            RosteredShift(agent: 1, days: .weekday(.tuesday), start: 22 * hour, length: 8 * hour),
        ])
        return AgentTeamSpec(name: "t", skills: [Skill(channel: 0, tier: 0)], shifts: [], absenteeism: absenteeism, roster: roster)
    }

    func testTheRosterIsPlacedAsWritten() throws {
        let roster = Roster(teams: [Self.team()], startWeekday: .monday)
        XCTAssertEqual(roster.agents.count, 2)
        let s = try streams()
        XCTAssertTrue(roster.transitions(day: 0, workforce: s.workforce, absenteeism: s.absenteeism).isEmpty)
        let day1 = roster.transitions(day: 1, workforce: s.workforce, absenteeism: s.absenteeism)
        let midnight = 86_400.0, h = Self.hour
        // The opening meeting is entered before the shift starts, the closing training left after it ends.
        XCTAssertEqual(day1.map(\.kind), [.auxStart, .shiftStart, .auxEnd, .breakStart, .breakEnd, .auxStart, .shiftEnd, .auxEnd,
                                          .shiftStart, .shiftEnd])
        XCTAssertEqual(day1.map(\.agent), [0, 0, 0, 0, 0, 0, 0, 0, 1, 1])
        let times = day1.map { $0.time - midnight }
        for (t, expected) in zip(times, [8 * h, 8 * h, 8.5 * h, 12 * h, 12.5 * h, 15.5 * h, 16 * h, 16 * h, 22 * h, 30 * h]) {
            XCTAssertEqual(t, expected, accuracy: 1e-6)
        }
        XCTAssertLessThan(day1[0].time, day1[1].time)
        XCTAssertGreaterThan(day1[7].time, day1[6].time)
        // Paid time leaves the unpaid lunch out; the weekly row repeats a week later.
        XCTAssertEqual(roster.scheduledPaidSeconds(team: 0, day: 1), 7.5 * h + 8 * h)
        XCTAssertEqual(roster.transitions(day: 8, workforce: s.workforce, absenteeism: s.absenteeism).map(\.agent), [1, 1])
    }

    func testAbsentAgentsHaveNoTransitions() throws {
        let roster = Roster(teams: [Self.team(absenteeism: 1)], startWeekday: .monday)
        let s = try streams()
        XCTAssertTrue(roster.transitions(day: 1, workforce: s.workforce, absenteeism: s.absenteeism).isEmpty)
    }
}
