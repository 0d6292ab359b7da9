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

    private var levels: [[RingBuffer<Entry>]]

    /// `capacities[t]`: most chats at once for team t's live agents (backlog-only agents take one contact).
    init(capacities: [Int]) {
        levels = capacities.flatMap { [Array(repeating: RingBuffer<Entry>(), count: max(1, $0)), [RingBuffer<Entry>()]] }
    }

    /// Files a free agent at its current load.
    mutating func add(_ agent: Int, of agents: [AgentRecord]) {
        let record = agents[agent]
        levels[record.group][Int(record.load)].append(Entry(agent: Int32(agent), ticket: record.ticket))
    }

    /// The agent that has been free longest at `level` in `group`, skipping stale entries.
    @inline(__always)
    mutating func front(group: Int, level: Int, agents: [AgentRecord]) -> Int? {
        guard level < levels[group].count else { return nil }
        while let entry = levels[group][level].first {
            let record = agents[Int(entry.agent)]
            if record.ticket == entry.ticket { return Int(entry.agent) }
            _ = levels[group][level].popFirst()
        }
        return nil
    }

    /// The agent free longest at `level` in `group` that satisfies `eligible` (a trainee limited
    /// to some tiers may sit at the front): scans past ineligible and stale entries without
    /// removing them. O(entries) — used only when the front agent is ineligible.
    func firstEligible(group: Int, level: Int, agents: [AgentRecord], _ eligible: (Int) -> Bool) -> Int? {
        self.eligible(0, group: group, level: level, agents: agents, eligible)
    }

    /// How many current entries at `level` in `group` satisfy `eligible`. O(entries).
    func count(group: Int, level: Int, agents: [AgentRecord], _ eligible: (Int) -> Bool) -> Int {
        guard level < levels[group].count else { return 0 }
        let ring = levels[group][level]
        var n = 0
        for i in 0..<ring.count {
            let entry = ring.element(at: i)
            let agent = Int(entry.agent)
            if agents[agent].ticket == entry.ticket && eligible(agent) { n += 1 }
        }
        return n
    }

    /// The `n`-th current entry (0 = free longest) at `level` in `group` satisfying `eligible`. O(entries).
    func eligible(_ n: Int, group: Int, level: Int, agents: [AgentRecord], _ eligible: (Int) -> Bool) -> Int? {
        guard level < levels[group].count else { return nil }
        let ring = levels[group][level]
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

    func levelCount(group: Int) -> Int { levels[group].count }

    /// Drops the stale entries of `level` in `group` when they outnumber the current ones, keeping
    /// the order. Agents taken from the middle of a level (random routing) leave stale entries that
    /// no front ever reaches; this keeps a level's scans O(free agents), amortised O(1) per entry.
    mutating func compact(group: Int, level: Int, agents: [AgentRecord]) {
        guard level < levels[group].count else { return }
        let ring = levels[group][level]
        guard ring.count > 16 else { return }
        var current = RingBuffer<Entry>(capacity: ring.count)
        for i in 0..<ring.count {
            let entry = ring.element(at: i)
            if agents[Int(entry.agent)].ticket == entry.ticket { current.append(entry) }
        }
        guard 2 * current.count < ring.count else { return }
        levels[group][level] = current
    }

    /// Every current (not stale) entry as (agent, group, level), for invariant checks.
    func forEachCurrent(agents: [AgentRecord], _ body: (Int, Int, Int) throws -> Void) rethrows {
        for (group, rings) in levels.enumerated() {
            for (level, ring) in rings.enumerated() {
                for i in 0..<ring.count {
                    let entry = ring.element(at: i)
                    if agents[Int(entry.agent)].ticket == entry.ticket { try body(Int(entry.agent), group, level) }
                }
            }
        }
    }
}
