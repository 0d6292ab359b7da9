import ContactCenter
import Scenarios
import Stochastics
import XCTest

/// `AgentPool` on its own: a voice team of two agents (0 and 1, agent group 0) and a chat team of
/// one agent (2, agent group 2) taking two chats at once, all on duty from time 0, built as the
/// model builds them. The pool's invariants are checked after every operation.
final class AgentPoolTests: XCTestCase {
    typealias F = CenterFixtures

    static let center = F.center(
        channels: [F.voice("voice", ratePerHour: 10), F.voice("chat", ratePerHour: 10, kind: .chat, chat: ChatSettings(concurrency: 2, slowdown: 0))],
        tiers: [F.tier(handle: [.exponential(mean: 60), .exponential(mean: 60)])],
        teams: [F.team("voice", agents: 2, skills: [Skill(channel: 0, tier: 0)]),
                F.team("chat", agents: 1, skills: [Skill(channel: 1, tier: 0)])])
    static let voiceGroup = 0, chatGroup = 2

    var pool = AgentPool(center: AgentPoolTests.center, plan: CenterPlan(AgentPoolTests.center),
                         roster: Roster(teams: AgentPoolTests.center.teams))
    var statistics = CenterStatistics(measurementStart: 0, intervalLength: 3600, intervalCount: 1,
                                      plan: CenterPlan(AgentPoolTests.center), teams: 2, resolutionTarget: nil)

    override func setUpWithError() throws {
        XCTAssertEqual(pool.count, 3)
        XCTAssertEqual(pool.rosterOffset, 3, "constant agents only: all permanent")
        for a in 0..<pool.rosterOffset { pool.startPermanent(a, &statistics) }
        try pool.checkInvariants()
    }

    func free(_ group: Int, level: Int = 0) -> Int? { pool.longestFree(group: group, level: level, tier: 0) }

    /// Voice: busy on beginContact (out of the free list, counts down), idle again on endContact,
    /// findable again once filed free; the longest-free agent is at the front.
    func testVoiceAgentGoesBusyAndFreeAgain() throws {
        XCTAssertEqual(free(Self.voiceGroup), 0)
        XCTAssertEqual(pool.beginContact(0, chatConcurrency: nil, at: 10, &statistics), 1)
        try pool.checkInvariants()
        XCTAssertEqual(pool[0].load, 1)
        XCTAssertEqual(pool.liveIdle[0], 1)
        XCTAssertEqual(pool.liveOnPhones[0], 2)
        XCTAssertEqual(statistics.busy[0].value, 1)
        XCTAssertEqual(free(Self.voiceGroup), 1, "the busy agent left the free list")

        XCTAssertTrue(pool.endContact(0, at: 100, &statistics), "still available")
        XCTAssertEqual(pool[0].load, 0)
        XCTAssertEqual(pool.liveIdle[0], 2)
        XCTAssertEqual(statistics.busy[0].value, 0)
        XCTAssertEqual(statistics.busy[0].integral(at: 100), 90)
        // Idle and available but not filed yet: the check catches it (the model files it in the same event).
        XCTAssertThrowsError(try pool.checkInvariants())
        pool.fileFree(0, at: 100)
        try pool.checkInvariants()
        XCTAssertEqual(pool[0].since, 100)
        // Agent 1 has been idle since 0, agent 0 only since 100.
        XCTAssertEqual(free(Self.voiceGroup), 1)
        _ = pool.beginContact(1, chatConcurrency: nil, at: 110, &statistics)
        XCTAssertEqual(free(Self.voiceGroup), 0)
        try pool.checkInvariants()
    }

    /// Chat: each chat takes a slot; an agent with a slot left is filed one level up, a full agent
    /// is in no free list, and ending a chat files it back at its load.
    func testChatAgentFillsAndFreesSlots() throws {
        XCTAssertEqual(pool.beginContact(2, chatConcurrency: 2, at: 5, &statistics), 1)
        try pool.checkInvariants()
        XCTAssertTrue(pool[2].chatting)
        XCTAssertNil(free(Self.chatGroup))
        XCTAssertEqual(free(Self.chatGroup, level: 1), 2, "one slot left")
        XCTAssertEqual(pool.liveIdle[1], 0)

        XCTAssertEqual(pool.beginContact(2, chatConcurrency: 2, at: 6, &statistics), 2)
        try pool.checkInvariants()
        XCTAssertNil(free(Self.chatGroup, level: 1), "full")
        XCTAssertEqual(statistics.busy[1].value, 1, "busy counts agents, not chats")

        XCTAssertTrue(pool.endContact(2, at: 20, &statistics))
        pool.fileFree(2, at: 20)
        try pool.checkInvariants()
        XCTAssertEqual(free(Self.chatGroup, level: 1), 2)
        XCTAssertTrue(pool[2].chatting)

        XCTAssertTrue(pool.endContact(2, at: 30, &statistics))
        pool.fileFree(2, at: 30)
        try pool.checkInvariants()
        XCTAssertFalse(pool[2].chatting)
        XCTAssertEqual(free(Self.chatGroup), 2)
        XCTAssertNil(free(Self.chatGroup, level: 1))
        XCTAssertEqual(pool.liveIdle[1], 1)
    }

    /// An idle agent going on a break leaves the free list and the counts at once; back from it,
    /// the pool says it should look for work.
    func testAnIdleAgentOnABreakLeavesTheFreeList() throws {
        XCTAssertFalse(pool.change(0, .pauseStart, paidShare: 1, at: 20, &statistics))
        try pool.checkInvariants()
        XCTAssertFalse(pool[0].available)
        XCTAssertEqual(free(Self.voiceGroup), 1)
        XCTAssertEqual(pool.liveIdle[0], 1)
        XCTAssertEqual(pool.liveOnPhones[0], 1)
        XCTAssertEqual(pool.onDuty[0], 1)
        XCTAssertEqual(statistics.available[0].value, 1)

        XCTAssertTrue(pool.change(0, .pauseEnd, paidShare: 1, at: 50, &statistics), "back: looks for work")
        pool.fileFree(0, at: 50)
        try pool.checkInvariants()
        XCTAssertEqual(pool.onDuty[0], 2)
        XCTAssertEqual(statistics.available[0].integral(at: 50), 2 * 20 + 1 * 30)
    }

    /// An agent whose shift ends during a contact finishes it first: it stays on duty (callbacks
    /// count it) and staffed until the contact ends, then leaves without being filed free.
    func testAnAgentOnAContactFinishesItBeforeGoingOff() throws {
        _ = pool.beginContact(0, chatConcurrency: nil, at: 10, &statistics)
        XCTAssertFalse(pool.change(0, .shiftEnd, paidShare: 1, at: 20, &statistics))
        try pool.checkInvariants()
        XCTAssertFalse(pool[0].available)
        XCTAssertEqual(pool[0].load, 1)
        XCTAssertEqual(pool.onDuty[0], 2, "still on duty while finishing")
        XCTAssertEqual(pool.liveOnPhones[0], 1)
        XCTAssertEqual(statistics.available[0].value, 2)

        XCTAssertFalse(pool.endContact(0, at: 40, &statistics), "gone: takes no more work")
        try pool.checkInvariants()
        XCTAssertEqual(pool.onDuty[0], 1)
        XCTAssertEqual(statistics.available[0].value, 1)
        XCTAssertEqual(free(Self.voiceGroup), 1)
        XCTAssertEqual(pool.liveIdle[0], 1)
    }
}
