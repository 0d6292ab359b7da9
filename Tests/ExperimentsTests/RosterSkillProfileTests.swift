import ContactCenter
import Experiments
import Foundation
import Scenarios
import XCTest

/// Per-agent skill profiles of a published roster (`skills: voice:1.0; chat:1.2`): agents of one
/// team with different skills are simulated as agent groups of that team, and every team output
/// still counts the team as a whole.
final class RosterSkillProfileTests: XCTestCase {
    /// Voice and chat, 08:00–20:00 on one dated Monday; `teams` is the whole teams section.
    static func center(teams: String, replications: Int = 2, policy: String = "longest_idle") -> String {
        """
        name: profiles
        run: {horizon: 1d, interval: 30m, replications: \(replications), seed: 11}
        calendar: {start: 2027-01-04}
        channels:
          voice:
            kind: voice
            demand: {per_day: 500, open: "08:00", close: "20:00"}
            patience: {exponential: {mean: 4m}}
          chat:
            kind: chat
            demand: {per_day: 150, open: "08:00", close: "20:00"}
            patience: {exponential: {mean: 6m}}
        tiers:
          tier1:
            handle_time: {voice: {exponential: {mean: 5m}}, chat: {exponential: {mean: 8m}}}
        routing: {policy: \(policy)}
        teams:
        \(teams)
        """
    }

    static let desk = """
          desk:
            skills: [{channel: [voice, chat], tier: tier1}]
            hourly_cost: 20
            absenteeism: 5%
            roster: roster.csv
        """

    /// Every handled contact of the trace: (channel, service start in seconds from midnight).
    func handled(_ scenario: Scenario) throws -> [(channel: String, start: Double)] {
        let path = try directory([:]) + "/trace.csv"
        _ = try ContactCenterSimulator.run(scenario, replication: 0, tracePath: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f[10] != "abandoned", let queued = Double(f[7]), let wait = Double(f[8]) else { return nil }
            return (f[3], queued + wait)
        }
    }

    /// The issue's test: the one agent of the team with the chat skill gets every chat contact.
    /// C1 (voice and chat) works 08:00–12:00; V1–V4 (voice only) work all day. Chat is offered
    /// all day, but only answered while C1 is on: the voice-only agents, idle at times in the
    /// afternoon, never take one. Before profiles the roster was refused; had the skills been
    /// ignored, V1–V4 would have answered afternoon chats.
    func testTheOnlyAgentWithASkillGetsEveryContactOfIt() throws {
        var csv = "agent,date,start,end,skills\n"
        csv += "C1,2027-01-04,08:00,12:00,voice:1; chat:1\n"
        for v in 1...4 { csv += "V\(v),2027-01-04,08:00,20:00,voice:1.0\n" }
        let scenario = try load(Self.center(teams: Self.desk.replacingOccurrences(of: "absenteeism: 5%", with: "absenteeism: 0%")),
                                files: ["roster.csv": csv])
        let contacts = try handled(scenario)
        let chats = contacts.filter { $0.channel == "chat" }
        XCTAssertGreaterThan(chats.count, 10)
        XCTAssertTrue(chats.allSatisfy { $0.start <= 12 * 3600 }, "\(chats.map(\.start).max() ?? 0)")
        // Voice was answered after noon (the voice-only agents were there, and at times idle).
        XCTAssertTrue(contacts.contains { $0.channel == "voice" && $0.start > 14 * 3600 })
        // The summary: chat after noon is offered but not answered.
        let summary = try summary(scenario)
        let afternoon = summary.intervals.indices.filter { summary.intervals[$0].start >= 12.5 * 3600 && summary.intervals[$0].end <= 20 * 3600 }
        let offered = afternoon.reduce(0.0) { $0 + (summary.channels[1].intervals[$1][.offered]?.mean ?? 0) }
        let answered = afternoon.reduce(0.0) { $0 + (summary.channels[1].intervals[$1][.answered]?.mean ?? 0) }
        XCTAssertGreaterThan(offered, 30)
        XCTAssertEqual(answered, 0)
    }

    /// A roster whose per-agent skills all equal the team's runs exactly as one without a skills
    /// column: one agent group, the team's, and the same numbers on the same seed.
    func testSkillsEqualToTheTeamsGiveIdenticalResults() throws {
        var plain = "agent,date,start,end,activities\n", spelled = "agent,date,start,end,activities,skills\n"
        for a in 0..<12 {
            let start = 8 + a % 5
            let row = "A\(a),2027-01-04,\(String(format: "%02d", start)):00,\(String(format: "%02d", start + 8)):00,\(String(format: "%02d", start + 3)):00-\(String(format: "%02d", start + 3)):30 lunch unpaid"
            plain += row + "\n"
            // Both spellings of the team's profile: channel order and number format do not matter.
            spelled += row + (a % 2 == 0 ? ",voice:1; chat:1.0\n" : ",chat:1;voice\n")
        }
        let a = try summary(try load(Self.center(teams: Self.desk), files: ["roster.csv": plain]))
        let b = try summary(try load(Self.center(teams: Self.desk), files: ["roster.csv": spelled]))
        XCTAssertGreaterThan(a.channels[0].metrics[.answered]?.mean ?? 0, 100)
        XCTAssertEqual(SummaryFiles.metricsCSV(a), SummaryFiles.metricsCSV(b))
        XCTAssertEqual(SummaryFiles.intervalsCSV(a), SummaryFiles.intervalsCSV(b))
    }

    /// A team's outputs are the sums of its agent groups': the same roster run as one team with
    /// two skill profiles, and as two teams (one per profile, in the same agent order), gives the
    /// same contacts (channel results identical) and team figures that add up.
    func testTeamTotalsAreTheSumOverItsGroups() throws {
        var joined = "agent,team,date,start,end,activities,skills\n", split = joined
        for a in 0..<10 {
            let bilingual = a < 4
            let start = 8 + (a * 3) % 5
            let times = "2027-01-04,\(String(format: "%02d", start)):00,\(String(format: "%02d", start + 8)):00,\(String(format: "%02d", start + 4)):00-\(String(format: "%02d", start + 4)):30 lunch unpaid"
            joined += "A\(a),desk,\(times),\(bilingual ? "voice:1;chat:1" : "voice:1.2")\n"
            split += "A\(a),\(bilingual ? "both" : "voiceonly"),\(times),\(bilingual ? "" : "voice:1.2")\n"
        }
        let teams = """
              both:
                skills: [{channel: [voice, chat], tier: tier1}]
                hourly_cost: 20
                absenteeism: 5%
                roster: roster.csv
              voiceonly:
                skills: [{channel: voice, tier: tier1, proficiency: 1.2}]
                hourly_cost: 20
                absenteeism: 5%
                roster: roster.csv
            """
        let one = try load(Self.center(teams: Self.desk, replications: 3), files: ["roster.csv": joined])
        let two = try load(Self.center(teams: teams, replications: 3), files: ["roster.csv": split])
        let a = try summary(one), b = try summary(two)
        XCTAssertEqual(a.teams.count, 1)
        XCTAssertEqual(b.teams.count, 2)
        XCTAssertGreaterThan(a.channels[1].metrics[.answered]?.mean ?? 0, 50)
        for c in 0..<2 {
            XCTAssertEqual(a.channels[c].metrics, b.channels[c].metrics, "channel \(c)")
            XCTAssertEqual(a.channels[c].intervals, b.channels[c].intervals, "channel \(c)")
        }
        // Per replication: the team's seconds and counts are the two teams' sums.
        for r in 0..<3 {
            let x = try ContactCenterSimulator.run(one, replication: r), y = try ContactCenterSimulator.run(two, replication: r)
            let team = x.teamTotals[0], parts = y.teamTotals
            XCTAssertEqual(team.handled, parts[0].handled + parts[1].handled)
            for (whole, sum) in [(team.busySeconds, parts[0].busySeconds + parts[1].busySeconds),
                                 (team.availableSeconds, parts[0].availableSeconds + parts[1].availableSeconds),
                                 (team.paidSeconds, parts[0].paidSeconds + parts[1].paidSeconds),
                                 (team.overtimeSeconds, parts[0].overtimeSeconds + parts[1].overtimeSeconds)] {
                XCTAssertEqual(whole, sum, accuracy: 1e-9 * max(1, sum))
            }
            for i in 0..<x.intervalCount {
                XCTAssertEqual(x.teamIntervals[i].handled, y.teamIntervals[2 * i].handled + y.teamIntervals[2 * i + 1].handled)
                XCTAssertEqual(x.teamIntervals[i].meanAvailable, y.teamIntervals[2 * i].meanAvailable + y.teamIntervals[2 * i + 1].meanAvailable, accuracy: 1e-9)
                XCTAssertEqual(x.teamIntervals[i].meanBusy, y.teamIntervals[2 * i].meanBusy + y.teamIntervals[2 * i + 1].meanBusy, accuracy: 1e-9)
            }
        }
        // And the profiles matter: with every agent bilingual the run differs.
        let allBoth = joined.replacingOccurrences(of: "voice:1.2", with: "voice:1;chat:1")
        let c = try summary(try load(Self.center(teams: Self.desk, replications: 3), files: ["roster.csv": allBoth]))
        XCTAssertNotEqual(a.channels[1].metrics, c.channels[1].metrics)
    }

    /// `team_order` still means "the first team listed": a team's skill profiles are one team.
    /// The desk's voice-only group (listed after its bilingual group) is preferred to a second
    /// team listed after the desk, so the back office answers voice only when the desk is full.
    func testTeamOrderTreatsATeamsProfilesAsOneTeam() throws {
        var csv = "agent,team,date,start,end,skills\n"
        csv += "C1,desk,2027-01-04,08:00,20:00,voice:1; chat:1\n"
        for v in 1...6 { csv += "V\(v),desk,2027-01-04,08:00,20:00,voice:1\n" }
        for b in 1...6 { csv += "B\(b),backoffice,2027-01-04,08:00,20:00,\n" }
        let teams = Self.desk + """

              backoffice:
                skills: [{channel: voice, tier: tier1}]
                roster: roster.csv
            """
        let scenario = try load(Self.center(teams: teams, policy: "team_order"), files: ["roster.csv": csv])
        let s = try summary(scenario)
        let desk = s.teams[0].metrics[.handled]?.mean ?? 0, back = s.teams[1].metrics[.handled]?.mean ?? 0
        // 500 voice calls of 5 minutes over 12 hours need ~3.5 agents: the desk's seven take almost all.
        XCTAssertGreaterThan(desk, 5 * back, "desk \(desk), back office \(back)")
    }

    /// Bad skills, every one in one pass as FILE:LINE:COL: teams.<name>.roster: skills: problem.
    func testBadSkillsAreReportedWithLineAndColumnInOnePass() throws {
        let csv = """
            agent,date,start,end,skills
            A1,2027-01-04,08:00,16:00,vioce:1
            A2,2027-01-04,08:00,16:00,voice:0
            A3,2027-01-04,08:00,16:00,voice:11
            A4,2027-01-04,08:00,16:00,chat:1
            A5,2027-01-04,08:00,16:00,voice:1; chat:1
            A6,2027-01-04,08:00,16:00,voice:1; voice:1.2
            A7,2027-01-04,08:00,16:00,voice:1
            A7,2027-01-04,17:00,20:00,voice:1.3
            A8,2027-01-04,08:00,16:00,voice:fast
            A9,2027-01-04,08:00,16:00,voice:1
            """
        let teams = """
              desk:
                skills: [{channel: voice, tier: tier1}]
                roster: roster.csv
              chatdesk:
                skills: [{channel: chat, tier: tier1}]
                shifts: [{start: "08:00", length: 12h, agents: 3}]
            """
        XCTAssertThrowsError(try load(Self.center(teams: teams), files: ["roster.csv": csv])) { error in
            let e = error as! ScenarioError
            XCTAssertEqual(e.issues.map { "\($0.line ?? 0):\($0.column ?? 0)" }, ["2:5", "3:5", "4:5", "5:5", "6:5", "7:5", "9:5", "10:5"], e.detailedDescription)
            XCTAssertTrue(e.issues.allSatisfy { $0.file.hasSuffix("roster.csv") && $0.path == "teams.desk.roster" && $0.message.hasPrefix("skills: ") },
                          e.detailedDescription)
            let says = e.issues.map(\.message)
            XCTAssertTrue(says[0].contains("did you mean 'voice'"), says[0])
            XCTAssertTrue(says[1].contains("above 0 and at most 10"), says[1])
            XCTAssertTrue(says[2].contains("above 0 and at most 10"), says[2])
            XCTAssertTrue(says[3].contains("no skill on a channel the team serves (voice)"), says[3])
            XCTAssertTrue(says[4].contains("chat is not among the team's skills (voice)"), says[4])
            XCTAssertTrue(says[5].contains("voice is named twice"), says[5])
            XCTAssertTrue(says[6].contains("agent A7 has skills 'voice:1.3' here but 'voice:1' on line 8"), says[6])
            XCTAssertTrue(says[7].contains("proficiency 'fast'"), says[7])
        }
    }
}
