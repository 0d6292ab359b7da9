import ContactCenter
import Foundation
import Scenarios
import Stochastics
import XCTest

/// Each routing policy on two- or three-agent centers built so that the policy alone decides
/// who gets which contact: one agent per team (the trace names the team), a handle time of
/// exactly 100 s, no new arrivals, and contacts present at time 0 (`initial_queue`).
/// Every run checks the rooms' invariants after every event.
final class RoutingPolicyTests: XCTestCase {
    typealias F = CenterFixtures

    /// One row of the contact trace: who handled a contact of which channel, queued when, started when.
    struct Visit: Equatable {
        let channel: String
        let queued: Double
        let start: Double
        let team: String
    }

    /// Runs `center` for an hour from time 0 with invariant checks, returning the handled visits by start time.
    static func visits(_ center: CenterSpec, seed: UInt64 = 1) throws -> [Visit] {
        let path = NSTemporaryDirectory() + "ccsim-routing-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = RunSettings(horizon: 3600, warmup: 0, interval: 3600, replications: 1, seed: seed)
        _ = try ContactCenterSimulator.runCenterCheckingInvariants(center, run: run, replication: 0, tracePath: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var visits: [Visit] = []
        for line in text.split(separator: "\n") {
            let f: [String] = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 12, f[10] != "abandoned", let queued = Double(f[7]), let wait = Double(f[8]) else { continue }
            visits.append(Visit(channel: f[3], queued: queued, start: queued + wait, team: f[11]))
        }
        return visits.sorted { ($0.start, $0.queued) < ($1.start, $1.queued) }
    }

    static let handle = Distribution.deterministic(100)

    /// A channel with no new arrivals, holding contacts aged `ages` at time 0.
    static func waiting(_ name: String, ages: [Double], answerWithin: Double = 20) -> ChannelSpec {
        ChannelSpec(name: name, kind: .voice, demand: DemandSpec(pattern: .constant(ratePerSecond: 0)), tierShares: [1],
                    serviceLevel: ServiceLevelTarget(answerWithin: answerWithin, target: 0.8), initialQueue: InitialQueue(ages: ages))
    }

    /// One agent on a shift from `onAt` seconds after midnight, for two hours.
    static func agent(_ name: String, onAt: Double, skills: [Skill]) -> AgentTeamSpec {
        AgentTeamSpec(name: name, skills: skills, shifts: [Shift(start: onAt, length: 7200, agents: 1)])
    }

    // MARK: Which agent a contact goes to

    /// Three free agents when a waiting contact becomes eligible for them at 300 s (all three are
    /// overflow teams after 300 s): `mid` (listed first, ×1.5 handle time, on at 60 s), `fast`
    /// (×1, on at 120 s) and `slow` (×2, on since 0 s).
    func agentRuleCenter(_ policy: RoutingSpec.Policy) -> CenterSpec {
        func skill(_ proficiency: Double) -> Skill { Skill(channel: 0, tier: 0, proficiency: proficiency, overflowAfter: 300) }
        var center = F.center(channels: [Self.waiting("voice", ages: [0])], tiers: [F.tier(handle: [Self.handle])],
                              teams: [Self.agent("mid", onAt: 60, skills: [skill(1.5)]),
                                      Self.agent("fast", onAt: 120, skills: [skill(1)]),
                                      Self.agent("slow", onAt: 0, skills: [skill(2)])])
        center.routing.policy = policy
        return center
    }

    func testLongestIdleGivesTheContactToTheAgentFreeLongest() throws {
        XCTAssertEqual(try Self.visits(agentRuleCenter(.longestIdle)), [Visit(channel: "voice", queued: 0, start: 300, team: "slow")])
    }

    func testTeamOrderGivesTheContactToTheFirstTeamListed() throws {
        XCTAssertEqual(try Self.visits(agentRuleCenter(.teamOrder)), [Visit(channel: "voice", queued: 0, start: 300, team: "mid")])
    }

    func testFastestAgentGivesTheContactToTheLowestHandleTimeMultiplier() throws {
        XCTAssertEqual(try Self.visits(agentRuleCenter(.fastestAgent)), [Visit(channel: "voice", queued: 0, start: 300, team: "fast")])
    }

    /// Policies that only choose contacts keep the longest-idle agent rule.
    func testContactRulesKeepTheLongestIdleAgent() throws {
        for policy in [RoutingSpec.Policy.agentPreference, .targetPriority] {
            XCTAssertEqual(try Self.visits(agentRuleCenter(policy)).map(\.team), ["slow"], "\(policy)")
        }
    }

    /// `random_agent` picks each of the three free agents with probability 1/3: over 300 seeds each
    /// count is Binomial(300, 1/3), mean 100, sd 8.2; a 4.5-sd band (±37) fails by chance < 1e-4.
    func testRandomAgentPicksEachFreeAgentEqually() throws {
        var counts: [String: Int] = [:]
        for seed in 1...300 {
            let visits = try Self.visits(agentRuleCenter(.randomAgent), seed: UInt64(seed))
            XCTAssertEqual(visits.count, 1)
            counts[visits[0].team, default: 0] += 1
        }
        XCTAssertEqual(Set(counts.keys), ["mid", "fast", "slow"])
        for (team, n) in counts { XCTAssertEqual(Double(n), 100, accuracy: 37, "\(team): \(counts)") }
    }

    /// With one free agent, `random_agent` has no choice to make and draws nothing that changes the
    /// outcome: the same visits as longest idle.
    func testRandomAgentWithOneCandidateIsLongestIdle() throws {
        var one = agentRuleCenter(.randomAgent)
        one.teams = [one.teams[2]]
        var longest = one
        longest.routing.policy = .longestIdle
        XCTAssertEqual(try Self.visits(one), try Self.visits(longest))
    }

    // MARK: Which contact an agent takes

    /// One agent coming on at 60 s finds two contacts: `en` queued 30 s before time 0 (priority 1,
    /// answer within 20 s) and `de` queued 10 s before (priority 2, answer within 300 s). At 60 s
    /// `en` has waited 90 s = 4.5 targets and `de` 70 s = 0.23 targets.
    func contactRuleCenter(_ policy: RoutingSpec.Policy, listing: [Int] = [0, 1]) -> CenterSpec {
        var center = F.center(channels: [Self.waiting("en", ages: [30], answerWithin: 20), Self.waiting("de", ages: [10], answerWithin: 300)],
                              tiers: [F.tier(handle: [Self.handle, Self.handle])],
                              teams: [Self.agent("both", onAt: 60, skills: listing.map { Skill(channel: $0, tier: 0) })])
        center.routing.priorities = [[1], [2]]
        center.routing.policy = policy
        return center
    }

    func testStaticPriorityTakesTheHigherPriorityQueueFirst() throws {
        let visits = try Self.visits(contactRuleCenter(.longestIdle))
        XCTAssertEqual(visits.map(\.channel), ["de", "en"])
        XCTAssertEqual(visits.map(\.start), [60, 160])
    }

    /// Equal priorities: the contact that has waited longest, across queues.
    func testEqualPrioritiesTakeTheLongestWaitingContact() throws {
        var center = contactRuleCenter(.longestIdle)
        center.routing.priorities = [[1], [1]]
        XCTAssertEqual(try Self.visits(center).map(\.channel), ["en", "de"])
    }

    func testAgentPreferenceTakesTheTeamsFirstListedSkill() throws {
        XCTAssertEqual(try Self.visits(contactRuleCenter(.agentPreference, listing: [0, 1])).map(\.channel), ["en", "de"])
        XCTAssertEqual(try Self.visits(contactRuleCenter(.agentPreference, listing: [1, 0])).map(\.channel), ["de", "en"])
    }

    /// `target_priority` serves the queue furthest behind its target, whatever the static priority
    /// or the team's listing: `en` (4.5 targets) before `de` (0.23).
    func testTargetPriorityTakesTheQueueFurthestBehindItsTarget() throws {
        XCTAssertEqual(try Self.visits(contactRuleCenter(.targetPriority, listing: [1, 0])).map(\.channel), ["en", "de"])
        // With de's target at 10 s instead, de is 7 targets behind and goes first.
        var center = contactRuleCenter(.targetPriority, listing: [0, 1])
        center.channels[1].serviceLevel.answerWithin = 10
        XCTAssertEqual(try Self.visits(center).map(\.channel), ["de", "en"])
    }

    // MARK: Threshold reservation

    /// Two agents of one team on duty from time 0 with two `std` contacts waiting; the team takes
    /// `std` only while keeping one idle agent in reserve. The first `std` contact is served at once, the second waits until the
    /// first agent is free again at 100 s (one agent stays idle the whole time); with no reservation
    /// both start at once.
    func testReservationKeepsAnIdleAgentForOtherWork() throws {
        var center = F.center(channels: [Self.waiting("vip", ages: []), Self.waiting("std", ages: [20, 10])],
                              tiers: [F.tier(handle: [Self.handle, Self.handle])],
                              teams: [F.team("team", agents: 2, skills: [Skill(channel: 0, tier: 0), Skill(channel: 1, tier: 0)])])
        XCTAssertEqual(try Self.visits(center).map(\.start), [0, 0])
        center.teams[0].skills[1].reserve = 1
        XCTAssertEqual(try Self.visits(center).map(\.start), [0, 100])
        // A vip contact (admitted first) takes an agent at once; the other stays idle in reserve,
        // so the std contacts are served one after the other by the first agent.
        center.channels[0].initialQueue = InitialQueue(ages: [5])
        let visits = try Self.visits(center)
        XCTAssertEqual(visits.map(\.channel), ["vip", "std", "std"])
        XCTAssertEqual(visits.map(\.start), [0, 100, 200])
    }

    /// A reservation of k = 0 is no reservation, contact for contact, on a busy N-design (English
    /// agents, and bilinguals who also take English); a reservation as large as the team means the
    /// team never takes that work: the same as not having the skill, contact for contact.
    func testReservationOfZeroIsNoneAndOfTheWholeTeamIsNoSkill() throws {
        let exp = Distribution.exponential(mean: 240)
        var center = F.center(channels: [F.voice("en", ratePerHour: 400, patience: .exponential(mean: 120)),
                                         F.voice("de", ratePerHour: 200, patience: .exponential(mean: 120))],
                              tiers: [F.tier(handle: [exp, exp])],
                              teams: [F.team("en", agents: 18, skills: [Skill(channel: 0, tier: 0)]),
                                      F.team("both", agents: 14, skills: [Skill(channel: 1, tier: 0), Skill(channel: 0, tier: 0)])])
        center.routing.priorities = [[1], [2]]
        let run = F.run(hours: 24)
        func simulate(_ center: CenterSpec) throws -> CenterResult {
            try ContactCenterSimulator.run(center, run: run, replication: 0)
        }
        let plain = try simulate(center)
        XCTAssertGreaterThan(plain.outcomes(channel: 0).delayed, 100)
        center.teams[1].skills[1].reserve = 0
        XCTAssertEqual(try simulate(center).cells, plain.cells)
        center.teams[1].skills[1].reserve = 2     // bilinguals keep two idle for de before taking en
        let reserving = try simulate(center)
        XCTAssertNotEqual(reserving.cells, plain.cells, "a reservation of 2 changes who waits")
        XCTAssertLessThan(reserving.outcomes(channel: 1).averageSpeedOfAnswer!, plain.outcomes(channel: 1).averageSpeedOfAnswer!)
        center.teams[1].skills[1].reserve = 14
        let whole = try simulate(center)
        center.teams[1].skills.removeLast()
        let noSkill = try simulate(center)
        XCTAssertEqual(whole.cells, noSkill.cells)
        XCTAssertEqual(whole.teamTotals, noSkill.teamTotals)
    }
}
