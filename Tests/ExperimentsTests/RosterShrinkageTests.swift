import ContactCenter
import Experiments
import Foundation
import Scenarios
import Stochastics
import XCTest

/// Absenteeism and unplanned aux time (`absenteeism`, `shrinkage`) on a team that works a
/// published roster: whole rostered days lost at random, and a share of the on-phone time lost
/// in aux blocks at random times, while the roster's own breaks and activities stay put.
final class RosterShrinkageTests: XCTestCase {
    static let agents = 20, days = 7
    static let shiftHours = 8.0

    /// One voice channel with little demand (so nobody works past a shift end), and a roster of
    /// 20 agents × 7 dated days, 09:00–17:00 with a paid break and a paid meeting.
    static func scenario(absenteeism: String, shrinkage: String? = nil, replications: Int = 1) -> (yaml: String, csv: String) {
        var csv = "agent,date,start,end,activities\n"
        for a in 0..<agents {
            for d in 0..<days {
                csv += "A\(a),2027-01-\(String(format: "%02d", 4 + d)),09:00,17:00,\"11:00-11:15 break; 14:00-14:30 meeting\"\n"
            }
        }
        let yaml = """
            name: absence
            run: {horizon: \(days)d, interval: 1h, replications: \(replications), seed: 3}
            calendar: {start: 2027-01-04}
            channels:
              voice:
                kind: voice
                demand: {per_day: 4, open: "09:00", close: "16:00"}
                patience: {exponential: {mean: 3m}}
            tiers:
              tier1:
                handle_time: {voice: {exponential: {mean: 1m}}}
            teams:
              desk:
                skills: [{channel: voice, tier: tier1}]
                absenteeism: \(absenteeism)
                roster: roster.csv
            """ + (shrinkage.map { "\n    shrinkage: \($0)" } ?? "")
        return (yaml, csv)
    }

    /// The validation: with absence probability p, the paid agent-hours a replication measures
    /// (present agents' rostered shifts, all paid here) average (1 − p) × the rostered hours over
    /// the replications, within 4 standard errors of the binomial count of present shifts:
    /// sd of the mean = hours per shift × √(shifts × p(1 − p) / replications). With p = 0 every
    /// rostered hour is there, exactly.
    func testAbsenceRemovesWholeRosteredDaysAtItsRate() throws {
        let p = 0.2, replications = 30
        let files = Self.scenario(absenteeism: "20%", replications: replications)
        let scenario = try load(files.yaml, files: ["roster.csv": files.csv])
        let shifts = Double(Self.agents * Self.days)
        let rostered = shifts * Self.shiftHours
        var hours: [Double] = []
        for r in 0..<replications {
            hours.append(try ContactCenterSimulator.run(scenario, replication: r).teamTotals[0].paidSeconds / 3600)
        }
        let mean = hours.reduce(0, +) / Double(replications)
        let standardError = Self.shiftHours * (shifts * p * (1 - p) / Double(replications)).squareRoot()
        XCTAssertEqual(mean, (1 - p) * rostered, accuracy: 4 * standardError, "mean \(mean) h against \((1 - p) * rostered) h")
        // Whole days: every replication's hours are a whole number of shifts.
        for h in hours { XCTAssertEqual((h / Self.shiftHours).rounded(), h / Self.shiftHours, accuracy: 1e-6) }
        XCTAssertGreaterThan(Set(hours).count, 3, "absence is drawn anew in each replication")

        let none = Self.scenario(absenteeism: "0%")
        let all = try ContactCenterSimulator.run(try load(none.yaml, files: ["roster.csv": none.csv]), replication: 0)
        XCTAssertEqual(all.teamTotals[0].paidSeconds / 3600, rostered, accuracy: 1e-6)
    }

    /// Shrinkage s takes s of every present shift's on-phone time (its length less its listed
    /// activities) in aux blocks: the agents' available time is exactly (1 − s) of it. Paid time is
    /// unchanged (aux time is paid), and absentees are the same agents as without shrinkage.
    func testShrinkageTakesItsShareOfTheOnPhoneTime() throws {
        let plain = Self.scenario(absenteeism: "10%")
        let shrunk = Self.scenario(absenteeism: "10%", shrinkage: "25%")
        let a = try ContactCenterSimulator.run(try load(plain.yaml, files: ["roster.csv": plain.csv]), replication: 0)
        let b = try ContactCenterSimulator.run(try load(shrunk.yaml, files: ["roster.csv": shrunk.csv]), replication: 0)
        XCTAssertEqual(a.teamTotals[0].paidSeconds, b.teamTotals[0].paidSeconds, "the same agents are absent")
        let presentShifts = a.teamTotals[0].paidSeconds / (Self.shiftHours * 3600)
        let onPhones = presentShifts * (Self.shiftHours * 3600 - 45 * 60)
        // Available time counts a contact finished after the agent went off: at 4 one-minute calls
        // a day that is at most a few minutes over the week.
        XCTAssertEqual(a.teamTotals[0].availableSeconds, onPhones, accuracy: 600)
        XCTAssertEqual(b.teamTotals[0].availableSeconds, 0.75 * onPhones, accuracy: 600)
        XCTAssertLessThan(a.teamTotals[0].availableSeconds - b.teamTotals[0].availableSeconds, 0.25 * onPhones + 600)
    }

    /// The day's transitions: the roster's break and meeting stay exactly where it puts them; the
    /// aux blocks lie in the gaps between them, never overlap, and add up to s × the on-phone time.
    func testAuxBlocksFillTheGapsAndLeaveTheRosteredActivitiesInPlace() throws {
        let files = Self.scenario(absenteeism: "0%", shrinkage: "30%")
        let scenario = try load(files.yaml, files: ["roster.csv": files.csv])
        let roster = Roster(teams: scenario.center.teams, startWeekday: .monday)
        XCTAssertTrue(roster.needsAuxStream)
        let plan = try StreamPlan(seed: 9)
        let aux = plan.stream(replication: 0, purpose: .rosterAux)
        let day = 2, midnight = Double(day) * 86_400
        let transitions = roster.transitions(day: day, workforce: plan.stream(replication: 0, purpose: .workforce),
                                             absenteeism: plan.stream(replication: 0, purpose: .absenteeism), aux: aux)
        for agent in 0..<Self.agents {
            let own = transitions.filter { $0.agent == agent }
            XCTAssertEqual(own.first?.kind, .shiftStart)
            XCTAssertEqual(own.last?.kind, .shiftEnd)
            XCTAssertEqual(own.filter { $0.kind == .breakStart }.map { $0.time - midnight }, [11 * 3600])
            XCTAssertEqual(own.filter { $0.kind == .breakEnd }.map { $0.time - midnight }, [11.25 * 3600])
            // The meeting is an aux segment of exactly 14:00–14:30; the rest are drawn aux blocks.
            var paused = 0, pausedSince = 0.0, pausedTime = 0.0
            for t in own {
                switch t.kind {
                case .breakStart, .auxStart:
                    XCTAssertEqual(paused, 0, "agent \(agent): two pauses overlap at \(t.time - midnight)")
                    paused += 1
                    pausedSince = t.time
                case .breakEnd, .auxEnd:
                    paused -= 1
                    pausedTime += t.time - pausedSince
                default: break
                }
                XCTAssertTrue(t.time >= midnight + 9 * 3600 && t.time <= midnight + 17 * 3600)
            }
            XCTAssertTrue(own.contains { $0.kind == .auxStart && $0.time == midnight + 14 * 3600 })
            XCTAssertTrue(own.contains { $0.kind == .auxEnd && $0.time == midnight + 14.5 * 3600 })
            let onPhones = Self.shiftHours * 3600 - 45 * 60
            XCTAssertEqual(pausedTime, 45 * 60 + 0.3 * onPhones, accuracy: 1e-6)
        }
    }

    /// Shrinkage 0 on a roster team draws nothing and changes nothing (the team's field may be
    /// written); before, a roster team with a shrinkage was refused.
    func testNoShrinkageChangesNothing() throws {
        let plain = Self.scenario(absenteeism: "10%")
        let zero = Self.scenario(absenteeism: "10%", shrinkage: "0%")
        let a = try load(plain.yaml, files: ["roster.csv": plain.csv])
        let b = try load(zero.yaml, files: ["roster.csv": zero.csv])
        XCTAssertFalse(Roster(teams: b.center.teams).needsAuxStream)
        XCTAssertEqual(try ContactCenterSimulator.run(a, replication: 0), try ContactCenterSimulator.run(b, replication: 0))
        XCTAssertNoThrow(try load(Self.scenario(absenteeism: "10%", shrinkage: "15%").yaml, files: ["roster.csv": plain.csv]))
    }
}
