import ContactCenter
import Experiments
import Foundation
import Scenarios
import XCTest

/// Published rosters (`teams.<name>.roster: roster.csv`): read, checked and simulated exactly.
final class RosterImportTests: XCTestCase {
    /// Two channels, one team; `team` is the team's body after its skills.
    static func center(team: String, horizon: String = "7d", calendar: String = "{start: 2027-01-04}", absenteeism: String = "10%") -> String {
        """
        name: rostered
        run: {horizon: \(horizon), interval: 30m, replications: 3, seed: 5}
        calendar: \(calendar)
        channels:
          voice:
            kind: voice
            demand: {per_day: 900, open: "08:00", close: "20:00", day_of_week: {sun: 0.5}}
            patience: {exponential: {mean: 3m}}
          chat:
            kind: chat
            demand: {per_day: 300, open: "08:00", close: "20:00"}
            patience: {exponential: {mean: 6m}}
        tiers:
          tier1:
            handle_time: {voice: {lognormal: {mean: 5m, cv: 0.8}}, chat: {lognormal: {mean: 9m, cv: 0.6}}}
        teams:
          frontline:
            skills: [{channel: [voice, chat], tier: tier1}]
            absenteeism: \(absenteeism)
        \(team)
        """
    }

    static let templateShifts = """
            shifts:
              - {start: "08:00", length: 8h, agents: 9, days: weekdays, breaks: [{window: 2h, length: 15m}, {window: 4h, length: 30m, paid: false}]}
              - {start: "12:00", end: "20:30", agents: 7, breaks: [{window: 3h, length: 15m}, {window: 5.5h, length: 30m, paid: false}]}
              - {start: "07:30", length: 6h, agents: 3, days: [sat, sun], breaks: [{window: 2.5h, length: 15m}]}
        """

    /// The placement a team's template shifts give when every break window is one instant, written
    /// out as a published roster: one agent per (shift, seat), one row per working day (dated
    /// rows from `start` for `days` days, or weekly rows), agents listed in seat order.
    static func rosterCSV(from scenario: Scenario, dated: Bool) -> String {
        let team = scenario.center.teams[0]
        func clock(_ s: Double) -> String {
            let m = Int(s.truncatingRemainder(dividingBy: 86_400) / 60)
            return String(format: "%02d:%02d", m / 60, m % 60)
        }
        var csv = "agent,\(dated ? "date" : "day"),start,end,activities\r\n"
        for (s, shift) in team.shifts.enumerated() {
            for seat in 0..<shift.agents {
                let activities = shift.breaks.sorted { $0.earliest < $1.earliest }.map { b in
                    precondition(b.earliest == b.latest, "a template break with a window is placed at random")
                    return "\(clock(shift.start + b.earliest))-\(clock(shift.start + b.earliest + b.length)) \(b.paid ? "break" : "lunch unpaid")"
                }.joined(separator: "; ")
                let when: [String]
                if dated, let start = scenario.center.startDate {
                    let days = Int((scenario.run.horizon / 86_400).rounded(.up))
                    when = (0..<days).filter { shift.days.contains(scenario.center.startWeekday.advanced(by: $0)) }.map { "\(start.adding(days: $0)!)" }
                } else {
                    when = Weekday.allCases.filter { shift.days.contains($0) }.map(\.shortName)
                }
                for w in when {
                    csv += "S\(s)-\(seat),\(w),\(clock(shift.start)),\(clock(shift.start + shift.length)),\"\(activities)\"\r\n"
                }
            }
        }
        return csv
    }

    /// The issue's test: a roster listing exactly the agents a `shifts:` template places, with the
    /// same break times, gives identical results on the same seed (absenteeism included), for
    /// dated rows and for weekly rows.
    func testARosterOfTheTemplatesPlacementGivesIdenticalResults() throws {
        let templates = try load(Self.center(team: Self.templateShifts))
        let dated = Self.rosterCSV(from: templates, dated: true)
        let fromDated = try load(Self.center(team: "    roster: roster.csv"), files: ["roster.csv": dated])
        XCTAssertEqual(fromDated.center.teams[0].roster?.agents.count, 19)
        let a = try summary(templates), b = try summary(fromDated)
        XCTAssertGreaterThan(a.channels[0].metrics[.offered]?.mean ?? 0, 5000)
        XCTAssertEqual(SummaryFiles.metricsCSV(a), SummaryFiles.metricsCSV(b))
        XCTAssertEqual(SummaryFiles.intervalsCSV(a), SummaryFiles.intervalsCSV(b))

        let twoWeeks = try load(Self.center(team: Self.templateShifts, horizon: "14d", calendar: "{start: mon}"))
        let weekly = Self.rosterCSV(from: twoWeeks, dated: false)
        let fromWeekly = try load(Self.center(team: "    roster: roster.csv", horizon: "14d", calendar: "{start: mon}"), files: ["roster.csv": weekly])
        let c = try summary(twoWeeks), d = try summary(fromWeekly)
        XCTAssertEqual(SummaryFiles.metricsCSV(c), SummaryFiles.metricsCSV(d))
        XCTAssertEqual(SummaryFiles.intervalsCSV(c), SummaryFiles.intervalsCSV(d))
    }

    /// The roster is placed as written: moving one agent's lunch changes the run (so the test
    /// above could fail), and an absent team (absenteeism 100%) handles nothing.
    func testTheRosterIsWhatIsSimulated() throws {
        let templates = try load(Self.center(team: Self.templateShifts))
        let dated = Self.rosterCSV(from: templates, dated: true)
        let moved = dated.replacingOccurrences(of: "S0-0,2027-01-04,08:00,16:00,\"10:00-10:15 break; 12:00-12:30 lunch unpaid\"",
                                               with: "S0-0,2027-01-04,08:00,16:00,\"10:00-10:15 break; 13:00-13:30 lunch unpaid\"")
        XCTAssertNotEqual(moved, dated)
        let a = try summary(try load(Self.center(team: "    roster: roster.csv"), files: ["roster.csv": dated]))
        let b = try summary(try load(Self.center(team: "    roster: roster.csv"), files: ["roster.csv": moved]))
        XCTAssertNotEqual(SummaryFiles.intervalsCSV(a), SummaryFiles.intervalsCSV(b))
    }

    /// Every roster problem in one pass, as `FILE:LINE:COL: teams.<name>.roster: column: problem`.
    func testBadRostersAreRejectedWithLineColumnAndPath() throws {
        let yaml = Self.center(team: "    roster: r.csv")
        let rows = """
            agent,date,start,end,activities,skills
            A1,2027-01-04,08:00,16:00,10:00-10:15 break,
            A1,2027-01-04,15:00,18:00,,
            A2,2027-01-04,8h,16:00,,
            A3,2027-01-05,08:00,16:00,17:00-17:15 break,
            A4,2027-01-05,08:00,16:00,10:00-10:15 nap,
            A5,2027-01-05,08:00,16:00,,voise:1
            A6,2027-01-05,08:00,16:00,10:00-10:30 break; 10:15-10:45 meeting,
            A7,2027-02-30,08:00,16:00,,
            ,2027-01-05,08:00,16:00,,
            A9,2027-03-01,08:00,16:00,,
            """
        XCTAssertThrowsError(try load(yaml, files: ["r.csv": rows])) { error in
            let issues = (error as! ScenarioError).issues
            XCTAssertEqual(issues.map { "\($0.line ?? 0):\($0.column ?? 0)" },
                           ["3:2", "4:3", "5:5", "6:5", "7:6", "8:5", "9:2", "10:1"], (error as! ScenarioError).detailedDescription)
            XCTAssertTrue(issues.allSatisfy { $0.file.hasSuffix("r.csv") && $0.path == "teams.frontline.roster" })
            XCTAssertTrue(issues[4].message.contains("did you mean 'voice'"), issues[4].message)
            XCTAssertTrue(issues[3].message.hasPrefix("activities: unknown activity kind 'nap'"), issues[3].message)
            XCTAssertTrue(issues[0].message.contains("overlaps the one on line 2"), issues[0].message)
            XCTAssertTrue(issues[1].description.contains("r.csv:4:3: teams.frontline.roster: start: "), issues[1].description)
        }
        let cases: [(csv: String, says: String)] = [
            ("agent,date,start,end,shift_type\n", "unknown column 'shift_type'"),
            ("agent,start,end\n", "missing column 'date' (2027-01-04) or 'day'"),
            ("agent,date,day,start,end\n", "not both"),
            ("agent,team,date,start,end\nA1,frontlin,2027-01-04,08:00,16:00\n", "did you mean 'frontline'"),
            ("agent,date,start,end\n", "the roster has no rows"),
        ]
        for c in cases {
            XCTAssertThrowsError(try load(yaml, files: ["r.csv": c.csv])) { error in
                XCTAssertTrue((error as! ScenarioError).issues.contains { $0.message.contains(c.says) }, "\(c.csv): \((error as! ScenarioError).detailedDescription)")
            }
        }
        // Dated rows in an undated scenario; shifts and roster together; per-agent skills off the team's.
        XCTAssertThrowsError(try load(Self.center(team: "    roster: r.csv", calendar: "{start: mon}"), files: ["r.csv": "agent,date,start,end\nA,2027-01-04,08:00,16:00\n"])) { error in
            XCTAssertTrue((error as! ScenarioError).message.contains("dated rows need a dated calendar"), "\(error)")
        }
        XCTAssertThrowsError(try load(Self.center(team: "    roster: r.csv\n" + Self.templateShifts), files: ["r.csv": "agent,day,start,end\nA,mon,08:00,16:00\n"])) { error in
            XCTAssertEqual((error as! ScenarioError).path, "teams.frontline.shifts")
        }
        // An agent with skills of its own (a voice-only agent in a voice and chat team) is an agent
        // group of the team (RosterSkillProfileTests), no longer an error.
        let voiceOnly = try load(yaml, files: ["r.csv": "agent,day,start,end,skills\nA,mon,08:00,16:00,voice:1\n"])
        XCTAssertEqual(voiceOnly.center.teams[0].roster?.agents[0].skills, [AgentSkill(channel: 0, proficiency: 1)])
        XCTAssertThrowsError(try load(yaml, files: [:])) { error in
            XCTAssertTrue((error as! ScenarioError).message.contains("no such file"), "\(error)")
        }
        // Rows outside the run are dropped with a note; a team column lets one file feed every team.
        let ok = try load(yaml, files: ["r.csv": "Agent,Team,Date,Start,End,Contract\nA,frontline,2027-01-04,22:00,06:00,FT\nB,frontline,2027-02-04,08:00,16:00,PT\nC,frontline,2027-01-05,08:00,16:00,\n"])
        XCTAssertEqual(ok.center.teams[0].roster?.agents.map(\.id), ["A", "C"])
        XCTAssertEqual(ok.center.teams[0].roster?.shifts[0].length, 8 * 3600)
        XCTAssertTrue(ok.notes.contains { $0.contains("1 row dated outside the run ignored") }, "\(ok.notes)")
        // Headers as exports write them.
        let exported = try load(yaml, files: ["r.csv": "Employee ID,Shift Date,Shift Start,Shift End\nA,2027-01-04,08:00,16:00\n"])
        XCTAssertEqual(exported.center.teams[0].roster?.agents.map(\.id), ["A"])
        // A roster for another week: the missing agents are traced to the rows all dropped.
        XCTAssertThrowsError(try load(yaml, files: ["r.csv": "agent,date,start,end\nA,2027-02-01,08:00,16:00\nB,2027-02-02,08:00,16:00\n"])) { error in
            XCTAssertTrue((error as! ScenarioError).issues.contains { $0.message.contains("(frontline's roster ") && $0.message.contains("has all 2 rows dated outside the run: a roster for another week, or calendar.start off?)") },
                          (error as! ScenarioError).detailedDescription)
        }
    }

    /// Item 5: a shift that starts before its channels open is allowed, with a note; one entirely
    /// outside every opening hour is still an error.
    func testShiftsBeforeOpeningAreANoteAndShiftsOutsideAreAnError() throws {
        let early = try load(Self.center(team: "    shifts: [{start: \"07:00\", length: 8h, agents: 20}]"))
        XCTAssertTrue(early.notes.contains { $0.hasPrefix("teams.frontline.shifts[0]: the shift 07:00–15:00 starts before opening") }, "\(early.notes)")
        let inside = try load(Self.center(team: "    shifts: [{start: \"08:00\", length: 8h, agents: 20}]"))
        XCTAssertEqual(inside.notes, [])
        XCTAssertThrowsError(try load(Self.center(team: "    shifts: [{start: \"21:00\", length: 3h, agents: 20}]"))) { error in
            let e = error as! ScenarioError
            XCTAssertEqual(e.path, "teams.frontline.shifts[0].start")
            XCTAssertTrue(e.message.contains("entirely outside the opening hours"), e.message)
        }
        // A night shift that reaches the next morning's opening meets the hours.
        XCTAssertNoThrow(try load(Self.center(team: "    shifts: [{start: \"23:00\", length: 10h, agents: 20}]")))
    }
}
