import ContactCenter
import Scenarios
import Stochastics
import XCTest

/// `WaitingQueues` on its own: two channels × two tiers (four skill queues), contacts made by
/// hand, the room's invariants checked after every operation.
final class WaitingQueuesTests: XCTestCase {
    typealias F = CenterFixtures

    var contacts = ContactTable.empty()
    var queues = WaitingQueues(channels: 2, tiers: 2)
    var statistics = WaitingQueuesTests.statistics()

    /// The statistics of a two-channel, two-tier center, built as the model builds them.
    static func statistics() -> CenterStatistics {
        let handle = [Distribution?](repeating: .exponential(mean: 60), count: 2)
        let center = F.center(channels: [F.voice("voice", ratePerHour: 10, tierShares: [0.5, 0.5]),
                                         F.voice("email", ratePerHour: 10, kind: .email, tierShares: [0.5, 0.5])],
                              tiers: [F.tier("t1", handle: handle), F.tier("t2", handle: handle)],
                              teams: [F.team("all", agents: 1, skills: [Skill(channel: 0, tier: 0), Skill(channel: 1, tier: 0)])])
        return CenterStatistics(measurementStart: 0, intervalLength: 3600, intervalCount: 1, plan: CenterPlan(center),
                                teams: 1, resolutionTarget: nil)
    }

    /// A contact of (channel, tier) waiting since `since` (default `now`) joins its queue (`channel × 2 + tier`) at `now`.
    @discardableResult
    func join(channel: Int, tier: Int = 0, since: Double? = nil, at now: Double) throws -> ContactRef {
        let ref = contacts.insertWaiting(channel: channel, tier: tier, queuedAt: since ?? now)
        queues.enqueue(ref, queue: channel * 2 + tier, at: now, &statistics)
        try queues.checkInvariants(contacts: contacts)
        return ref
    }

    func testEachQueueIsFirstComeFirstServed() throws {
        let first = try join(channel: 0, at: 0)
        let other = try join(channel: 0, tier: 1, at: 1)
        let second = try join(channel: 0, at: 2)
        XCTAssertEqual(queues.head(0, in: contacts), first)
        XCTAssertEqual(queues.head(1, in: contacts), other)
        queues.removeHead(0, at: 3, &statistics)
        try queues.checkInvariants(contacts: contacts)
        XCTAssertEqual(queues.head(0, in: contacts), second)
        XCTAssertEqual(queues.count(0), 1)
        queues.removeHead(0, at: 4, &statistics)
        XCTAssertNil(queues.head(0, in: contacts))
        XCTAssertEqual(queues.head(1, in: contacts), other, "the other tier's queue is untouched")
        try queues.checkInvariants(contacts: contacts)
    }

    /// Counts per channel cover all its tiers and move with every enqueue, removeHead and remove;
    /// a contact removed out of turn (abandoned: its reference re-keyed) is skipped at the head.
    func testCountsPerChannelFollowEveryChange() throws {
        let a = try join(channel: 0, at: 0)
        let b = try join(channel: 0, at: 1)
        try join(channel: 0, tier: 1, at: 2)
        try join(channel: 1, tier: 1, at: 3)
        XCTAssertEqual(queues.waitingByChannel, [3, 1])
        XCTAssertEqual((0..<4).map(queues.count), [2, 1, 0, 1])
        // a abandons from the head's place, out of turn: the caller re-keys it, the room forgets it.
        _ = contacts.rekey(a)
        queues.remove(from: 0, at: 4, &statistics)
        try queues.checkInvariants(contacts: contacts)
        XCTAssertEqual(queues.waitingByChannel, [2, 1])
        XCTAssertEqual(queues.head(0, in: contacts), b, "the stale entry of the contact who left is skipped")
        XCTAssertNotNil(queues.head(3, in: contacts))
        queues.removeHead(3, at: 5, &statistics)
        try queues.checkInvariants(contacts: contacts)
        XCTAssertEqual(queues.waitingByChannel, [2, 0])
    }

    /// The recount catches a contact counted out without leaving (no re-key) and a contact filed in
    /// the wrong queue: the check can fail.
    func testInvariantCheckCatchesDrift() throws {
        try join(channel: 0, at: 0)
        queues.remove(from: 0, at: 1, &statistics)
        XCTAssertThrowsError(try queues.checkInvariants(contacts: contacts))

        var misfiled = WaitingQueues(channels: 2, tiers: 2)
        misfiled.enqueue(contacts.insertWaiting(channel: 1, tier: 0, queuedAt: 2), queue: 0, at: 2, &statistics)
        XCTAssertThrowsError(try misfiled.checkInvariants(contacts: contacts))
    }

    /// The queue-length statistic sees every change: channel 0 holds 1 contact on [0, 10), 2 on
    /// [10, 30), 1 on [30, 40), 0 on [40, 50): ∫ = 10 + 40 + 10 = 60, a time average of 1.2 over 50 s.
    /// Channel 1 holds 1 contact on [20, 50): ∫ = 30.
    func testQueueLengthStatisticMatchesAHandComputation() throws {
        let a = try join(channel: 0, at: 0)
        let b = try join(channel: 0, tier: 1, at: 10)
        try join(channel: 1, at: 20)
        XCTAssertEqual(queues.head(0, in: contacts), a)
        queues.removeHead(0, at: 30, &statistics)
        _ = contacts.rekey(a)                   // served, as the model does
        _ = contacts.rekey(b)                   // abandons
        queues.remove(from: 1, at: 40, &statistics)
        try queues.checkInvariants(contacts: contacts)
        XCTAssertEqual(statistics.queueLength[0].integral(at: 50), 60, accuracy: 1e-9)
        XCTAssertEqual(statistics.queueLength[0].average(at: 50), 1.2, accuracy: 1e-12)
        XCTAssertEqual(statistics.queueLength[1].integral(at: 50), 30, accuracy: 1e-9)
        XCTAssertEqual(statistics.queueLength[0].value, Double(queues.waitingByChannel[0]))
    }

    /// The interval snapshot: the backlog per channel and the age of each channel's oldest waiting
    /// contact over all its tiers (0 for an empty channel).
    func testSnapshotGivesBacklogAndOldestAgePerChannel() throws {
        try join(channel: 0, at: 5)
        try join(channel: 0, tier: 1, since: -20, at: 6)   // waiting since before it joined (an initial queue)
        try join(channel: 0, at: 8)
        let snapshot = queues.snapshot(at: 50, in: contacts)
        XCTAssertEqual(snapshot.backlog, [3, 0])
        XCTAssertEqual(snapshot.oldestAge, [70, 0])
        try queues.checkInvariants(contacts: contacts)
    }
}
