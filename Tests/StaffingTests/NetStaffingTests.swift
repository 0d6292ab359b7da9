import Foundation
import Analytics
import ContactCenter
import Experiments
import Scenarios
import Staffing
import Stochastics
import XCTest

/// `staffing-check.csv`: the Erlang requirement of each interval is the one `ccsim erlang`
/// computes for that interval alone, and the net agents are the agents the run had on the phones.
final class NetStaffingTests: XCTestCase {
    static let hour = 3600.0

    func summary(_ scenario: Scenario, replications: Int = 2) throws -> CenterSummary {
        CenterSummary(scenario: scenario, replications: try ReplicationRunner.run(scenario, replications: replications, jobs: 1))
    }

    /// M/M/c at 540/h and 5 min (Erlang C) and with a 3 min patience (Erlang A): every interval
    /// needs what `ccsim erlang --rate 540/h --aht 5m --target 80%` (with `--patience 3m`) prints,
    /// and the 50 constant agents are the net agents.
    func testRequirementIsErlangOfEachIntervalAndNetAgentsAreTheAgentsOnDuty() throws {
        let erlangC = Staffing.minimumAgentsErlangC(arrivalRate: 0.15, meanHandleTime: 300, answerWithin: 20, target: 0.8)
        let erlangA = Staffing.minimumAgentsErlangA(arrivalRate: 0.15, meanHandleTime: 300, meanPatience: 180, answerWithin: 20, target: 0.8)
        XCTAssertEqual(erlangC, 51, "540/h × 5 min = 45 Erlangs needs 51 agents for 80/20 (ccsim erlang)")
        XCTAssertNotEqual(erlangC, erlangA)
        for (patience, expected) in [(nil, erlangC), (Distribution.exponential(mean: 180), erlangA)] {
            let scenario = StaffingTests.singleQueue(patience: patience, replications: 2)
            let summary = try summary(scenario)
            let check = NetStaffing(summary: summary)
            XCTAssertEqual(check.rows.count, 6)
            for row in check.rows {
                XCTAssertEqual(row.expectedOffered, 540, accuracy: 1e-6)
                XCTAssertEqual(row.handleTime ?? 0, 300, accuracy: 1e-9)
                XCTAssertEqual(row.erlangAgents, Double(expected))
                XCTAssertEqual(row.netAgents ?? 0, 50, accuracy: 1e-9)
                XCTAssertEqual(row.netStaffing ?? 0, 50 - Double(expected), accuracy: 1e-9)
                XCTAssertEqual(row.missed, (row.serviceLevel ?? 1) < 0.8)
            }
        }
    }

    /// A two-agent roster counted by hand (measured 01:00–07:00 in hours, almost no contacts so no
    /// call delays a lunch or a shift end): A 01:00–05:00 with an unpaid lunch 02:00–02:30,
    /// B 03:00–07:00 → 1, 0.5, 2, 2, 1, 1 agents.
    func testNetAgentsOfASmallRosterAreTheHandCountedAgents() throws {
        var scenario = StaffingTests.singleQueue(replications: 2)
        scenario.center.channels[0].demand.pattern = .constant(ratePerSecond: 1e-7)
        let roster = TeamRoster(file: "r.csv", agents: [RosteredAgent(id: "A"), RosteredAgent(id: "B")], shifts: [
            RosteredShift(agent: 0, days: .runDay(0), start: Self.hour, length: 4 * Self.hour, activities: [
                RosterActivity(offset: Self.hour, length: 1800, kind: .lunch, paid: false),
            ]),
            RosteredShift(agent: 1, days: .runDay(0), start: 3 * Self.hour, length: 4 * Self.hour),
        ])
        scenario.center.teams[0] = AgentTeamSpec(name: "agents", skills: [Skill(channel: 0, tier: 0)], shifts: [], roster: roster)
        let check = NetStaffing(summary: try summary(scenario))
        let net = check.rows.map { $0.netAgents ?? -1 }
        for (got, expected) in zip(net, [1, 0.5, 2, 2, 1, 1]) { XCTAssertEqual(got, expected, accuracy: 1e-6, "\(net)") }
        XCTAssertEqual(net.count, 6)
        // The roster's planned coverage says the same.
        let planned = RosterCoverage.onPhone(roster, days: 1, startWeekday: .monday, interval: Self.hour)
        XCTAssertEqual(Array(planned[1..<7]), [1, 0.5, 2, 2, 1, 1])
    }

    /// A team that is chat's first choice and voice's overflow group counts on voice only what chat
    /// does not require: 10 agents, chat needing 4 and voice 6 → 4 on chat and 6 on voice; chat
    /// needing 12 → all 10 on chat; no voice requirement → all on chat. A blended team without
    /// overflow keeps the proportional split.
    func testAnOverflowTeamCountsOnItsOverflowChannelOnlyWhatItsOwnDoNotNeed() {
        func agents(_ weights: [Double], _ overflow: [Bool], _ available: Double) -> [Double] {
            BlendedShare.shares(weights, overflow: overflow, available: available).map { ($0 * available * 1e9).rounded() / 1e9 }
        }
        XCTAssertEqual(agents([4, 6], [false, true], 10), [4, 6])
        XCTAssertEqual(agents([4, 12], [false, true], 10), [4, 6], "the surplus goes to the overflow channel, however much it needs")
        XCTAssertEqual(agents([12, 6], [false, true], 10), [10, 0])
        XCTAssertEqual(agents([4, 0], [false, true], 10), [10, 0])
        XCTAssertEqual(agents([0, 6], [false, true], 10), [0, 10])
        XCTAssertEqual(agents([2, 2, 6, 2], [false, false, true, true], 10), [2, 2, 4.5, 1.5])
        XCTAssertEqual(agents([4, 6], [false, false], 10), [4, 6], "no overflow: in proportion")
        XCTAssertEqual(agents([12, 6], [false, false], 9), [6, 3])
        for (weights, overflow) in [([3.0, 5, 0], [false, true, true]), ([0.0, 0, 0], [true, false, true]), ([1.0, 2, 3], [true, true, false])] {
            XCTAssertEqual(BlendedShare.shares(weights, overflow: overflow, available: 7).reduce(0, +), 1, accuracy: 1e-12, "shares add up to 1")
        }
    }

    /// The CSV: one row per interval and channel, the columns of `StaffingCheckColumn`.
    func testCSVHasTheDocumentedColumns() throws {
        let scenario = StaffingTests.singleQueue(replications: 2)
        let summary = try summary(scenario)
        let lines = NetStaffing(summary: summary).csv(summary).split(separator: "\n")
        XCTAssertEqual(lines.first, "interval,start_s,end_s,day,weekday,clock,channel,expected_offered,aht_s,erlang_agents,net_agents,net_staffing,service_level,target,missed")
        XCTAssertEqual(lines.count, 7)
        XCTAssertTrue(lines[1].hasPrefix("0,0,3600,0,Mon,01:00,voice,540,300,51,50,-1,"), String(lines[1]))
    }

    /// A roster team with skill profiles: a voice-only agent of a voice and chat team is not
    /// counted on chat. C1 (voice and chat) works 08:00–12:00, V1–V4 (voice only) all day: chat's
    /// net agents are a part of C1 alone in the morning (shared with voice by requirement) and
    /// nobody in the afternoon; voice and chat together count all five, never more.
    func testARosterTeamsSkillProfilesCountOnTheirOwnChannels() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-net-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var csv = "agent,date,start,end,skills\nC1,2027-01-04,08:00,12:00,voice:1; chat:1\n"
        for v in 1...4 { csv += "V\(v),2027-01-04,08:00,20:00,voice:1\n" }
        try csv.write(to: dir.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let yaml = """
            name: profiles
            run: {horizon: 1d, interval: 30m, replications: 2, seed: 11}
            calendar: {start: 2027-01-04}
            channels:
              voice: {kind: voice, demand: {per_day: 300, open: "08:00", close: "20:00"}, patience: {exponential: {mean: 4m}}}
              chat: {kind: chat, demand: {per_day: 100, open: "08:00", close: "20:00"}, patience: {exponential: {mean: 6m}}}
            tiers:
              tier1: {handle_time: {voice: {exponential: {mean: 5m}}, chat: {exponential: {mean: 8m}}}}
            teams:
              desk: {skills: [{channel: [voice, chat], tier: tier1}], roster: roster.csv}
            """
        let scenario = try ScenarioLoader.parse(yaml: yaml, file: "s.yaml", baseDirectory: dir.path)
        let check = NetStaffing(summary: try summary(scenario))
        var checked = 0
        for row in check.rows where row.interval.start >= 8 * Self.hour && row.interval.end <= 20 * Self.hour {
            let morning = row.interval.end <= 12 * Self.hour, afternoon = row.interval.start >= 12.5 * Self.hour
            if row.channel == 1 && morning {
                XCTAssertGreaterThan(row.netAgents ?? 0, 0)
                XCTAssertLessThanOrEqual(row.netAgents ?? 2, 1 + 1e-9)
                let voice = check.rows.first { $0.channel == 0 && $0.interval == row.interval }
                XCTAssertEqual((row.netAgents ?? 0) + (voice?.netAgents ?? 0), 5, accuracy: 1e-6)
                XCTAssertGreaterThanOrEqual(voice?.netAgents ?? 0, 4 - 1e-9)
                checked += 1
            }
            if row.channel == 1 && afternoon { XCTAssertEqual(row.netAgents ?? -1, 0, accuracy: 1e-9); checked += 1 }
            if row.channel == 0 && afternoon { XCTAssertEqual(row.netAgents ?? 0, 4, accuracy: 1e-6); checked += 1 }
        }
        XCTAssertEqual(checked, 8 + 15 + 15)
    }
}
