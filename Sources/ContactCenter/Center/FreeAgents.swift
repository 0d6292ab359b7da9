/// Free capacity by group (a team's agents, split into those who take live work
/// and those reserved for backlog) and load: level 0 holds idle agents, level j
/// the agents handling j chats who can take one more. Each level is first in,
/// first out, so its front has been at that level longest.
///
/// Entries are (agent, ticket); a change of the agent's ticket makes its old
/// entries stale, skipped when they reach the front. O(1) amortised per operation.
struct FreeAgents {
    private struct Entry {
        let agent: Int32
        let ticket: UInt32
    }

    /// Every group's levels in one flat room array (written in place):
    /// group g's level j is `rings[firstRing[g] + j]`, for j < `firstRing[g + 1] - firstRing[g]`.
    private let rings: RoomArray<RingBuffer<Entry>>
    private let firstRing: [Int]

    /// `capacities[t]`: most chats at once for team t's live agents (backlog-only agents take one contact).
    init(capacities: [Int]) {
        let counts = capacities.flatMap { [max(1, $0), 1] }
        var first = [0]
        for n in counts { first.append(first.last! + n) }
        firstRing = first
        rings = RoomArray(repeating: RingBuffer<Entry>(), count: first.last!)
    }

    /// The ring of `level` in `group`, if the group has that level.
    @inline(__always)
    private func ring(group: Int, level: Int) -> Int? {
        let i = firstRing[group] + level
        return i < firstRing[group + 1] ? i : nil
    }

    /// Files a free agent at its current load.
    @inline(__always)
    mutating func add(_ agent: Int, of agents: RoomArray<AgentRecord>) {
        let record = agents[agent]
        rings[firstRing[record.group] + Int(record.load)].append(Entry(agent: Int32(agent), ticket: record.ticket))
    }

    /// The agent that has been free longest at `level` in `group`, skipping stale entries.
    @inline(__always)
    mutating func front(group: Int, level: Int, agents: RoomArray<AgentRecord>) -> Int? {
        guard let r = ring(group: group, level: level) else { return nil }
        while let entry = rings[r].first {
            if agents[Int(entry.agent)].ticket == entry.ticket { return Int(entry.agent) }
            _ = rings[r].popFirst()
        }
        return nil
    }

    /// The agent free longest at `level` in `group` that satisfies `eligible` (a trainee limited
    /// to some tiers may sit at the front): scans past ineligible and stale entries without
    /// removing them. O(entries) — used only when the front agent is ineligible.
    func firstEligible(group: Int, level: Int, agents: RoomArray<AgentRecord>, _ eligible: (Int) -> Bool) -> Int? {
        self.eligible(0, group: group, level: level, agents: agents, eligible)
    }

    /// How many current entries at `level` in `group` satisfy `eligible`. O(entries).
    func count(group: Int, level: Int, agents: RoomArray<AgentRecord>, _ eligible: (Int) -> Bool) -> Int {
        guard let r = ring(group: group, level: level) else { return 0 }
        let ring = rings[r]
        var n = 0
        for i in 0..<ring.count {
            let entry = ring.element(at: i)
            let agent = Int(entry.agent)
            if agents[agent].ticket == entry.ticket && eligible(agent) { n += 1 }
        }
        return n
    }

    /// The `n`-th current entry (0 = free longest) at `level` in `group` satisfying `eligible`. O(entries).
    func eligible(_ n: Int, group: Int, level: Int, agents: RoomArray<AgentRecord>, _ eligible: (Int) -> Bool) -> Int? {
        guard let r = ring(group: group, level: level) else { return nil }
        let ring = rings[r]
        var seen = 0
        for i in 0..<ring.count {
            let entry = ring.element(at: i)
            let agent = Int(entry.agent)
            guard agents[agent].ticket == entry.ticket && eligible(agent) else { continue }
            if seen == n { return agent }
            seen += 1
        }
        return nil
    }

    func levelCount(group: Int) -> Int { firstRing[group + 1] - firstRing[group] }

    /// Drops the stale entries of `level` in `group` when they outnumber the current ones, keeping
    /// the order. Agents taken from the middle of a level (random routing) leave stale entries that
    /// no front ever reaches; this keeps a level's scans O(free agents), amortised O(1) per entry.
    mutating func compact(group: Int, level: Int, agents: RoomArray<AgentRecord>) {
        guard let r = ring(group: group, level: level) else { return }
        let ring = rings[r]
        guard ring.count > 16 else { return }
        var current = RingBuffer<Entry>(capacity: ring.count)
        for i in 0..<ring.count {
            let entry = ring.element(at: i)
            if agents[Int(entry.agent)].ticket == entry.ticket { current.append(entry) }
        }
        guard 2 * current.count < ring.count else { return }
        rings[r] = current
    }

    /// Every current (not stale) entry as (agent, group, level), for invariant checks.
    func forEachCurrent(agents: RoomArray<AgentRecord>, _ body: (Int, Int, Int) throws -> Void) rethrows {
        for group in 0..<firstRing.count - 1 {
            for level in 0..<levelCount(group: group) {
                let ring = rings[firstRing[group] + level]
                for i in 0..<ring.count {
                    let entry = ring.element(at: i)
                    if agents[Int(entry.agent)].ticket == entry.ticket { try body(Int(entry.agent), group, level) }
                }
            }
        }
    }
}
