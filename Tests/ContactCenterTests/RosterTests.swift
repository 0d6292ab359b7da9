import ContactCenter
import Scenarios
import Stochastics
import XCTest

/// The roster: who works when, breaks and aux blocks inside shifts,
/// absenteeism, weekdays, determinism. Times are checked to 1e-6 s; the
/// absenteeism rate within 4 binomial standard deviations.
final class RosterTests: XCTestCase {
    static let day = 86_400.0
    static let hour = 3600.0

    /// Day shift 08:00 + 9 h, Monday to Friday: two paid 15-minute breaks and
    /// an unpaid 30-minute lunch; 30 % shrinkage, 8 % absenteeism.
    static let dayTeam = AgentTeamSpec(
        name: "day", skills: [Skill(channel: 0, tier: 0)], hourlyCost: 30,
        shifts: [Shift(start: 8 * hour, length: 9 * hour, agents: 10,
                       days: [.monday, .tuesday, .wednesday, .thursday, .friday],
                       breaks: [Break(earliest: 1.5 * hour, latest: 2.5 * hour, length: 900),
                                Break(earliest: 6 * hour, latest: 7 * hour, length: 900),
                                Break(earliest: 3.5 * hour, latest: 5 * hour, length: 1800, paid: false)])],
        shrinkage: 0.3, absenteeism: 0.08)

    /// Night shift 22:00 + 9 h every day, one unpaid 30-minute break, 10 % shrinkage.
    static let nightTeam = AgentTeamSpec(
        name: "night", skills: [Skill(channel: 0, tier: 0)],
        shifts: [Shift(start: 22 * hour, length: 9 * hour, agents: 4,
                       breaks: [Break(earliest: 4 * hour, latest: 5 * hour, length: 1800, paid: false)])],
        shrinkage: 0.1)

    private func streams(seed: UInt64 = 5, replication: Int = 0) throws -> (workforce: RandomStream, absenteeism: RandomStream) {
        let plan = try StreamPlan(seed: seed)
        return (plan.stream(replication: replication, purpose: .workforce),
                plan.stream(replication: replication, purpose: .absenteeism))
    }

    /// One agent's day, replayed from its transitions.
    struct AgentDay {
        var shiftStart = Double.nan
        var shiftEnd = Double.nan
        var breaks: [(start: Double, end: Double)] = []
        var aux: [(start: Double, end: Double)] = []
        var onPhone = 0.0
    }

    /// Replays each agent's transitions, failing on any invalid sequence:
    /// the shift opens and closes the day, and at most one break or aux
    /// period is open at a time (so none overlap), always inside the shift.
    private func replay(_ transitions: [AgentTransition], file: StaticString = #filePath, line: UInt = #line) -> [Int: AgentDay] {
        var days: [Int: AgentDay] = [:]
        var open: [Int: AgentTransition.Kind] = [:]  // the open break or aux period
        var onShift: Set<Int> = []
        var availableSince: [Int: Double] = [:]
        for tr in transitions {
            var day = days[tr.agent] ?? AgentDay()
            switch tr.kind {
            case .shiftStart:
                XCTAssertTrue(day.shiftStart.isNaN, "two shift starts", file: file, line: line)
                day.shiftStart = tr.time
                onShift.insert(tr.agent)
                availableSince[tr.agent] = tr.time
            case .breakStart, .auxStart:
                XCTAssertTrue(onShift.contains(tr.agent), "off period outside the shift", file: file, line: line)
                XCTAssertNil(open[tr.agent], "overlapping off periods for agent \(tr.agent)", file: file, line: line)
                open[tr.agent] = tr.kind
                if let since = availableSince.removeValue(forKey: tr.agent) { day.onPhone += tr.time - since }
                if tr.kind == .breakStart { day.breaks.append((tr.time, .nan)) } else { day.aux.append((tr.time, .nan)) }
            case .breakEnd, .auxEnd:
                let started: AgentTransition.Kind = tr.kind == .breakEnd ? .breakStart : .auxStart
                XCTAssertEqual(open.removeValue(forKey: tr.agent), started, file: file, line: line)
                availableSince[tr.agent] = tr.time
                if tr.kind == .breakEnd { day.breaks[day.breaks.count - 1].end = tr.time } else { day.aux[day.aux.count - 1].end = tr.time }
            case .shiftEnd:
                XCTAssertNil(open[tr.agent], "shift ends inside an off period", file: file, line: line)
                XCTAssertTrue(onShift.contains(tr.agent), file: file, line: line)
                onShift.remove(tr.agent)
                if let since = availableSince.removeValue(forKey: tr.agent) { day.onPhone += tr.time - since }
                day.shiftEnd = tr.time
            }
            days[tr.agent] = day
        }
        XCTAssertTrue(onShift.isEmpty, "shifts left open", file: file, line: line)
        return days
    }

    private func assertSorted(_ transitions: [AgentTransition], file: StaticString = #filePath, line: UInt = #line) {
        for (a, b) in zip(transitions, transitions.dropFirst()) {
            XCTAssertTrue((a.time, a.agent, a.kind.rawValue) <= (b.time, b.agent, b.kind.rawValue),
                          "out of order: \(a) then \(b)", file: file, line: line)
        }
    }

    func testAgentsOnePerSeat() {
        let roster = Roster(teams: [Self.dayTeam, Self.nightTeam])
        XCTAssertEqual(roster.agents.count, 14)
        XCTAssertEqual(roster.agents.filter { $0.team == 0 }.count, 10)
        XCTAssertEqual(roster.agents[10], RosterAgent(team: 1, shift: 0, seat: 0, paidSecondsPerShift: 9 * Self.hour - 1800))
        XCTAssertEqual(roster.agents[3].paidSecondsPerShift, 9 * Self.hour - 1800)
    }

    /// On-phone time = (shift − breaks) × (1 − shrinkage), exactly (aux time
    /// is cut into equal blocks of at most 15 minutes).
    func testOnPhoneTimeIsShiftMinusBreaksMinusShrinkage() throws {
        let roster = Roster(teams: [Self.dayTeam, Self.nightTeam], startWeekday: .monday)
        let (workforce, absenteeism) = try streams()
        var agentDays = 0
        for day in 0..<14 {
            let transitions = roster.transitions(day: day, workforce: workforce, absenteeism: absenteeism)
            assertSorted(transitions)
            for (agent, worked) in replay(transitions) {
                agentDays += 1
                let team = roster.agents[agent].team == 0 ? Self.dayTeam : Self.nightTeam
                let shift = team.shifts[0]
                let breakTime = shift.breaks.reduce(0) { $0 + $1.length }
                XCTAssertEqual(worked.shiftEnd - worked.shiftStart, shift.length, accuracy: 1e-6)
                XCTAssertEqual(worked.onPhone, (shift.length - breakTime) * (1 - team.shrinkage), accuracy: 1e-6)
                let auxTime = worked.aux.reduce(0) { $0 + $1.end - $1.start }
                XCTAssertEqual(auxTime, (shift.length - breakTime) * team.shrinkage, accuracy: 1e-6)
                XCTAssertEqual(worked.aux.count, Int((auxTime / Roster.auxBlockLength).rounded(.up)))
                for block in worked.aux {
                    XCTAssertLessThanOrEqual(block.end - block.start, Roster.auxBlockLength + 1e-9)
                    XCTAssertGreaterThan(block.end - block.start, 0)
                }
            }
        }
        XCTAssertGreaterThan(agentDays, 14 * 4 + 10 * 10 * 8 / 10)
    }

    /// Breaks start in their window after the shift start and last their length.
    func testBreaksInsideTheirWindows() throws {
        let roster = Roster(teams: [Self.dayTeam])
        let (workforce, absenteeism) = try streams(seed: 9)
        let windows = Self.dayTeam.shifts[0].breaks.sorted { $0.earliest < $1.earliest }
        var starts: [[Double]] = [[], [], []]
        for day in 0..<30 {
            for (_, worked) in replay(roster.transitions(day: day, workforce: workforce, absenteeism: absenteeism)) {
                XCTAssertEqual(worked.breaks.count, 3)
                for (k, brk) in worked.breaks.enumerated() {
                    let offset = brk.start - worked.shiftStart
                    XCTAssertGreaterThanOrEqual(offset, windows[k].earliest)
                    XCTAssertLessThanOrEqual(offset, windows[k].latest)
                    XCTAssertEqual(brk.end - brk.start, windows[k].length, accuracy: 1e-9)
                    starts[k].append(offset)
                }
            }
        }
        // Staggered, not all at one time: uniform over a 1-hour (or 1.5-hour) window.
        for k in 0..<3 {
            let mean = starts[k].reduce(0, +) / Double(starts[k].count)
            let width = windows[k].latest - windows[k].earliest
            XCTAssertEqual(mean, windows[k].earliest + width / 2, accuracy: 4 * width / (12 * Double(starts[k].count)).squareRoot())
        }
    }

    /// Windows that overlap or run past the shift end are clamped: breaks
    /// never overlap and stay inside the shift; aux still fits around them.
    func testCrowdedBreaksAreClampedInsideTheShift() throws {
        let team = AgentTeamSpec(
            name: "short", skills: [],
            shifts: [Shift(start: 9 * Self.hour, length: 4 * Self.hour, agents: 20,
                           breaks: [Break(earliest: 3.9 * Self.hour, latest: 4 * Self.hour, length: 1800),
                                    Break(earliest: 1 * Self.hour, latest: 1.1 * Self.hour, length: 1800),
                                    Break(earliest: 1 * Self.hour, latest: 1.1 * Self.hour, length: 1800)])],
            shrinkage: 0.9)
        let roster = Roster(teams: [team])
        let (workforce, absenteeism) = try streams()
        for day in 0..<5 {
            for (_, worked) in replay(roster.transitions(day: day, workforce: workforce, absenteeism: absenteeism)) {
                XCTAssertEqual(worked.breaks.count, 3)
                XCTAssertLessThanOrEqual(worked.breaks[2].end, worked.shiftEnd)
                XCTAssertEqual(worked.onPhone, 2.5 * Self.hour * 0.1, accuracy: 1e-6)
            }
        }
    }

    /// 200 agents × 100 days, p = 0.1: absent agent-days within 4 sd of 2000.
    func testAbsenteeismRate() throws {
        let p = 0.1
        let team = AgentTeamSpec(name: "big", skills: [],
                                 shifts: [Shift(start: 8 * Self.hour, length: 8 * Self.hour, agents: 200)],
                                 absenteeism: p)
        let roster = Roster(teams: [team])
        let (workforce, absenteeism) = try streams()
        var scheduled = 0
        var present = 0
        for day in 0..<100 {
            scheduled += 200
            present += roster.transitions(day: day, workforce: workforce, absenteeism: absenteeism)
                .filter { $0.kind == .shiftStart }.count
        }
        let n = Double(scheduled)
        XCTAssertEqual(Double(scheduled - present), n * p, accuracy: 4 * (n * p * (1 - p)).squareRoot())
    }

    /// Raising absenteeism only adds absentees; everyone else's day is unchanged.
    func testMoreAbsenteeismKeepsTheSameDaysForThoseWhoCome() throws {
        var low = Self.dayTeam
        low.absenteeism = 0.05
        var high = Self.dayTeam
        high.absenteeism = 0.25
        high.shifts[0].agents = 40
        low.shifts[0].agents = 40
        let lowRoster = Roster(teams: [low])
        let highRoster = Roster(teams: [high])
        let a = try streams(seed: 3)
        let b = try streams(seed: 3)
        for day in 0..<5 {
            let few = replay(lowRoster.transitions(day: day, workforce: a.workforce, absenteeism: a.absenteeism))
            let many = replay(highRoster.transitions(day: day, workforce: b.workforce, absenteeism: b.absenteeism))
            XCTAssertTrue(Set(many.keys).isSubset(of: Set(few.keys)))
            for (agent, worked) in many {
                XCTAssertEqual(worked.breaks.map(\.start), few[agent]!.breaks.map(\.start))
                XCTAssertEqual(worked.aux.map(\.start), few[agent]!.aux.map(\.start))
            }
        }
    }

    /// A Monday/Wednesday/Friday shift, day 0 a Wednesday.
    func testShiftsOnlyOnTheirWeekdays() throws {
        let team = AgentTeamSpec(name: "mwf", skills: [], hourlyCost: 20,
                                 shifts: [Shift(start: 10 * Self.hour, length: 6 * Self.hour, agents: 3,
                                                days: [.monday, .wednesday, .friday])])
        let roster = Roster(teams: [team], startWeekday: .wednesday)
        let (workforce, absenteeism) = try streams()
        let works = [true, false, true, false, false, true, false, true]  // Wed Thu Fri Sat Sun Mon Tue Wed
        for (day, expected) in works.enumerated() {
            let transitions = roster.transitions(day: day, workforce: workforce, absenteeism: absenteeism)
            XCTAssertEqual(!transitions.isEmpty, expected, "day \(day)")
            XCTAssertEqual(roster.scheduledPaidSeconds(team: 0, day: day), expected ? 3 * 6 * Self.hour : 0)
            if expected {
                XCTAssertEqual(transitions.filter { $0.kind == .shiftStart }.map(\.time),
                               Array(repeating: Double(day) * Self.day + 10 * Self.hour, count: 3))
            }
        }
    }

    /// A shift starting 22:00 for 9 h belongs to its start day and ends at
    /// 07:00 the next day; its weekday is the start day's.
    func testShiftPastMidnight() throws {
        var night = Self.nightTeam
        night.shifts[0].days = [.friday]
        let roster = Roster(teams: [night], startWeekday: .monday)
        let (workforce, absenteeism) = try streams()
        for day in 0..<7 {
            let transitions = roster.transitions(day: day, workforce: workforce, absenteeism: absenteeism)
            guard day == 4 else {
                XCTAssertTrue(transitions.isEmpty, "day \(day)")
                continue
            }
            let worked = replay(transitions)
            XCTAssertEqual(worked.count, 4)
            for (_, agentDay) in worked {
                XCTAssertEqual(agentDay.shiftStart, 4 * Self.day + 22 * Self.hour)
                XCTAssertEqual(agentDay.shiftEnd, 5 * Self.day + 7 * Self.hour)
                XCTAssertEqual(agentDay.onPhone, (9 * Self.hour - 1800) * 0.9, accuracy: 1e-6)
            }
            XCTAssertEqual(transitions.last!.time, 5 * Self.day + 7 * Self.hour)
        }
        XCTAssertEqual(roster.scheduledPaidSeconds(team: 0, day: 4), 4 * (9 * Self.hour - 1800))
        XCTAssertEqual(roster.scheduledPaidSeconds(team: 0, day: 5), 0)
    }

    func testPaidSecondsExcludeUnpaidBreaks() {
        let roster = Roster(teams: [Self.dayTeam, Self.nightTeam], startWeekday: .monday)
        XCTAssertEqual(roster.scheduledPaidSeconds(team: 0, day: 0), 10 * (9 * Self.hour - 1800))
        XCTAssertEqual(roster.scheduledPaidSeconds(team: 1, day: 0), 4 * (9 * Self.hour - 1800))
        XCTAssertEqual(roster.scheduledPaidSeconds(team: 0, day: 5), 0)  // Saturday
    }

    func testSameStreamsGiveTheSameRoster() throws {
        let roster = Roster(teams: [Self.dayTeam, Self.nightTeam], startWeekday: .thursday)
        func run(replication: Int) throws -> [[AgentTransition]] {
            let (workforce, absenteeism) = try streams(replication: replication)
            return (0..<7).map { roster.transitions(day: $0, workforce: workforce, absenteeism: absenteeism) }
        }
        let a = try run(replication: 1)
        XCTAssertEqual(a, try run(replication: 1))
        XCTAssertNotEqual(a, try run(replication: 2))
    }

    /// Kind order settles simultaneous transitions of one agent: shift start
    /// first, ends before starts, shift end last.
    func testKindOrder() {
        let kinds = AgentTransition.Kind.allCases.sorted()
        XCTAssertEqual(kinds, [.shiftStart, .breakEnd, .auxEnd, .breakStart, .auxStart, .shiftEnd])
        XCTAssertEqual(kinds.map(\.isOn), [true, true, true, false, false, false])
    }
}
