import ContactCenter
import Scenarios
import Stochastics
import XCTest

/// `Router` on its own: two or three agents, one per team unless said, rooms built as the model
/// builds them and set up by hand (who is idle since when, who waits where), then asked
/// `selectAgent` / `selectContact` / `nextOverflow`. The pool's and queues' invariants are
/// checked after every change. End-to-end runs of each policy are in `RoutingPolicyTests`.
final class RouterTests: XCTestCase {
    typealias F = CenterFixtures

    /// The rooms of `center` at time 0, permanent agents on duty and idle.
    struct Rooms {
        let plan: CenterPlan
        let router: Router
        var pool: AgentPool
        var queues: WaitingQueues
        var contacts = ContactTable.empty()
        var statistics: CenterStatistics

        init(_ center: CenterSpec) throws {
            plan = CenterPlan(center)
            router = Router(plan: plan, closeTime: .infinity, streams: try StreamPlan(seed: 1), replication: 0)
            pool = AgentPool(center: center, plan: plan, roster: Roster(teams: center.teams))
            queues = WaitingQueues(channels: center.channels.count, tiers: center.tiers.count)
            statistics = CenterStatistics(measurementStart: 0, intervalLength: 3600, intervalCount: 1, plan: plan,
                                          teams: center.teams.count, resolutionTarget: nil)
            for a in 0..<pool.rosterOffset { pool.startPermanent(a, &statistics) }
            try check()
        }

        func check() throws {
            try pool.checkInvariants()
            try queues.checkInvariants(contacts: contacts)
        }

        /// Agent `a` handles a voice contact from `start` to `end`, then is filed free (idle since `end`).
        mutating func work(_ a: Int, from start: Double, to end: Double) throws {
            _ = pool.beginContact(a, chatConcurrency: nil, at: start, &statistics)
            _ = pool.endContact(a, at: end, &statistics)
            pool.fileFree(a, at: end)
            try check()
        }

        mutating func wait(channel: Int, since queuedAt: Double) throws {
            queues.enqueue(contacts.insertWaiting(channel: channel, tier: 0, queuedAt: queuedAt),
                           queue: plan.queue(channel: channel, tier: 0), at: max(0, queuedAt), &statistics)
            try check()
        }

        mutating func agent(for q: Int, queuedAt: Double = 0, now: Double) -> Int? {
            router.selectAgent(for: q, queuedAt: queuedAt, now: now, pool: &pool)?.agent
        }

        mutating func queue(for a: Int, now: Double) -> Int? {
            router.selectContact(for: a, now: now, pool: &pool, queues: queues, contacts: contacts)?.queue
        }
    }

    static let handle = Distribution.exponential(mean: 60)

    static func waiting(_ name: String, answerWithin: Double = 20) -> ChannelSpec {
        var channel = F.voice(name, ratePerHour: 10)
        channel.serviceLevel = ServiceLevelTarget(answerWithin: answerWithin, target: 0.8)
        return channel
    }

    // MARK: selectAgent

    /// Two groups (teams) for one queue: `quick` (listed first, ×0.8 handle time, idle since 20 s)
    /// and `steady` (×1, idle since 0 s).
    func agentRuleRooms(_ policy: RoutingSpec.Policy, steadyFirst: Bool = false) throws -> Rooms {
        var teams = [F.team("quick", agents: 1, skills: [Skill(channel: 0, tier: 0, proficiency: 0.8)]),
                     F.team("steady", agents: 1, skills: [Skill(channel: 0, tier: 0, proficiency: 1)])]
        if steadyFirst { teams.reverse() }
        var center = F.center(channels: [Self.waiting("voice")], tiers: [F.tier(handle: [Self.handle])], teams: teams)
        center.routing.policy = policy
        var rooms = try Rooms(center)
        try rooms.work(steadyFirst ? 1 : 0, from: 5, to: 20)
        return rooms
    }

    func testSelectAgentByPolicy() throws {
        var longest = try agentRuleRooms(.longestIdle)
        XCTAssertEqual(longest.agent(for: 0, now: 30), 1, "steady, idle since 0")
        var team = try agentRuleRooms(.teamOrder)
        XCTAssertEqual(team.agent(for: 0, now: 30), 0, "quick, listed first")
        var teamSwapped = try agentRuleRooms(.teamOrder, steadyFirst: true)
        XCTAssertEqual(teamSwapped.agent(for: 0, now: 30), 0, "steady, now listed first")
        var fastest = try agentRuleRooms(.fastestAgent)
        let pick = try XCTUnwrap(fastest.router.selectAgent(for: 0, queuedAt: 30, now: 30, pool: &fastest.pool))
        XCTAssertEqual(pick.agent, 0, "quick, ×0.8")
        XCTAssertEqual(pick.proficiency, 0.8)
        // Selecting takes nobody: the caller begins the contact.
        try fastest.check()
        XCTAssertEqual(fastest.pool.liveIdle.reduce(0, +), 2)
    }

    /// An overflow team becomes eligible `overflow_after` seconds after the contact queued, for
    /// both searches; `nextOverflow` says when.
    func testOverflowTeamWaitsItsDelay() throws {
        let center = F.center(channels: [Self.waiting("voice")], tiers: [F.tier(handle: [Self.handle])],
                              teams: [F.team("primary", agents: 1, skills: [Skill(channel: 0, tier: 0)]),
                                      F.team("overflow", agents: 1, skills: [Skill(channel: 0, tier: 0, overflowAfter: 30)])])
        var rooms = try Rooms(center)
        _ = rooms.pool.beginContact(0, chatConcurrency: nil, at: 0, &rooms.statistics)
        try rooms.wait(channel: 0, since: 0)
        XCTAssertNil(rooms.agent(for: 0, queuedAt: 0, now: 10))
        XCTAssertNil(rooms.queue(for: 1, now: 10))
        XCTAssertEqual(rooms.router.nextOverflow(queue: 0, queuedAt: 0, now: 10), 30)
        XCTAssertEqual(rooms.agent(for: 0, queuedAt: 0, now: 30), 1)
        XCTAssertEqual(rooms.queue(for: 1, now: 30), 0)
        XCTAssertNil(rooms.router.nextOverflow(queue: 0, queuedAt: 0, now: 30), "no team left to wait for")
    }

    // MARK: selectContact

    /// One agent, two queues: `en` (priority 1, answer within 20 s) waiting since -30 s and `de`
    /// (priority 2, answer within 300 s) since -10 s. At 60 s `en` is 90/20 = 4.5 targets behind, `de` 70/300.
    func contactRuleRooms(_ policy: RoutingSpec.Policy) throws -> Rooms {
        var center = F.center(channels: [Self.waiting("en", answerWithin: 20), Self.waiting("de", answerWithin: 300)],
                              tiers: [F.tier(handle: [Self.handle, Self.handle])],
                              teams: [F.team("both", agents: 1, skills: [Skill(channel: 0, tier: 0), Skill(channel: 1, tier: 0, proficiency: 1.25)])])
        center.routing.priorities = [[1], [2]]
        center.routing.policy = policy
        var rooms = try Rooms(center)
        try rooms.wait(channel: 0, since: -30)
        try rooms.wait(channel: 1, since: -10)
        return rooms
    }

    func testSelectContactByStaticPriority() throws {
        var rooms = try contactRuleRooms(.longestIdle)
        let pick = try XCTUnwrap(rooms.router.selectContact(for: 0, now: 60, pool: &rooms.pool, queues: rooms.queues, contacts: rooms.contacts))
        XCTAssertEqual(pick.queue, 1, "de: priority 2, though en waited longer")
        XCTAssertEqual(pick.proficiency, 1.25)
    }

    func testSelectContactByTargetRule() throws {
        var rooms = try contactRuleRooms(.targetPriority)
        XCTAssertEqual(rooms.queue(for: 0, now: 60), 0, "en: 4.5 targets behind against 0.23")
    }

    // MARK: Threshold reservation

    /// A team of two takes `std` only while keeping one idle agent (`reserve: 1`) for `vip`.
    func testReservationKeepsAnIdleAgent() throws {
        let center = F.center(channels: [Self.waiting("vip"), Self.waiting("std")], tiers: [F.tier(handle: [Self.handle, Self.handle])],
                              teams: [F.team("team", agents: 2, skills: [Skill(channel: 0, tier: 0), Skill(channel: 1, tier: 0, reserve: 1)])])
        var rooms = try Rooms(center)
        XCTAssertEqual(rooms.agent(for: 1, now: 0), 0, "two idle: one may go, one stays")
        _ = rooms.pool.beginContact(0, chatConcurrency: nil, at: 0, &rooms.statistics)
        try rooms.check()
        XCTAssertNil(rooms.agent(for: 1, now: 1), "the last idle agent is kept")
        XCTAssertEqual(rooms.agent(for: 0, now: 1), 1, "and goes to vip")
        try rooms.wait(channel: 1, since: 2)
        XCTAssertNil(rooms.queue(for: 1, now: 3), "the idle agent does not take std")
        try rooms.wait(channel: 0, since: 4)
        XCTAssertEqual(rooms.queue(for: 1, now: 5), 0)
    }
}
