/// The contacts waiting for agents: one first-come-first-served ``SkillQueue`` per
/// (channel, tier), the number waiting per channel, and the queue-length statistic.
/// The three move together in one place, so they never disagree (see ``checkInvariants(contacts:)``).
///
/// A value type kept inline in the model: no allocation per event, no dynamic dispatch.
package struct WaitingQueues {
    private let queues: RoomArray<SkillQueue>
    /// Contacts waiting per channel (all its tiers).
    package private(set) var waitingByChannel: [Int]
    /// Contacts waiting in all queues: a freed agent finds nothing to take without a look at its skills.
    package private(set) var total = 0
    private let tierCount: Int
    /// The channel of each queue (looked up, not divided out).
    private let queueChannel: [Int]

    package init(channels: Int, tiers: Int) {
        queues = RoomArray(repeating: SkillQueue(), count: channels * tiers)
        waitingByChannel = Array(repeating: 0, count: channels)
        tierCount = tiers
        queueChannel = (0..<channels * tiers).map { $0 / tiers }
    }

    @inline(__always)
    private func channel(ofQueue q: Int) -> Int { queueChannel[q] }

    /// Contacts waiting in queue `q`.
    @inline(__always)
    package func count(_ q: Int) -> Int { queues[q].count }

    /// The longest-waiting contact of `q`, if any (drops entries of contacts who left on the way).
    /// Not `mutating`: dropping a stale entry changes no answer this room gives, and the queues'
    /// shared storage takes the write, so the router can read the queues while the model holds
    /// the pool (a `mutating` call here made the caller copy the pool for every freed agent).
    @inline(__always)
    package func head(_ q: Int, in contacts: ContactTable) -> ContactRef? {
        queues[q].head(in: contacts)
    }

    /// A contact joins the back of queue `q`.
    package mutating func enqueue(_ ref: ContactRef, queue q: Int, at now: Double, _ statistics: inout CenterStatistics) {
        queues[q].append(ref)
        let c = channel(ofQueue: q)
        waitingByChannel[c] += 1
        total += 1
        statistics.queueChanged(channel: c, by: 1, at: now)
    }

    /// The head of `q` (as returned by `head`) goes to an agent.
    package mutating func removeHead(_ q: Int, at now: Double, _ statistics: inout CenterStatistics) {
        queues[q].removeHead()
        left(q, at: now, &statistics)
    }

    /// A contact leaves `q` out of turn (abandons, or an overflow team takes it); the caller
    /// re-keys or frees the contact so that its entry goes stale.
    package mutating func remove(from q: Int, at now: Double, _ statistics: inout CenterStatistics) {
        queues[q].forget()
        left(q, at: now, &statistics)
    }

    @inline(__always)
    private mutating func left(_ q: Int, at now: Double, _ statistics: inout CenterStatistics) {
        let c = channel(ofQueue: q)
        waitingByChannel[c] -= 1
        total -= 1
        statistics.queueChanged(channel: c, by: -1, at: now)
    }

    /// Waiting contacts per channel and the age of each channel's oldest, for an interval's close.
    package mutating func snapshot(at now: Double, in contacts: ContactTable) -> (backlog: [Int], oldestAge: [Double]) {
        var oldest = Array(repeating: 0.0, count: waitingByChannel.count)
        for q in queues.indices {
            guard let head = queues[q].head(in: contacts) else { continue }
            let c = channel(ofQueue: q)
            oldest[c] = max(oldest[c], now - contacts[head].queuedAt)
        }
        return (waitingByChannel, oldest)
    }

    /// Every contact still waiting, queue by queue, longest-waiting first.
    func forEachWaiting(in contacts: ContactTable, _ body: (ContactRef) -> Void) {
        for queue in queues {
            for ref in queue.waiting(in: contacts) { body(ref) }
        }
    }

    /// Recounts the queues against the contact table. O(queue entries): tests run it after every event.
    package func checkInvariants(contacts: ContactTable) throws {
        var byChannel = Array(repeating: 0, count: waitingByChannel.count)
        for (q, queue) in queues.enumerated() {
            let waiting = queue.waiting(in: contacts)
            if waiting.count != queue.count {
                throw InvariantViolation("queue \(q) counts \(queue.count) waiting but holds \(waiting.count) current entries")
            }
            for ref in waiting {
                let record = contacts[ref]
                if Int(record.channel) * tierCount + Int(record.tier) != q {
                    throw InvariantViolation("queue \(q) holds a contact of channel \(record.channel), tier \(record.tier)")
                }
            }
            byChannel[channel(ofQueue: q)] += waiting.count
        }
        if byChannel != waitingByChannel {
            throw InvariantViolation("waiting by channel \(waitingByChannel), recounted \(byChannel)")
        }
        if total != byChannel.reduce(0, +) {
            throw InvariantViolation("\(total) waiting in all, recounted \(byChannel.reduce(0, +))")
        }
    }
}
