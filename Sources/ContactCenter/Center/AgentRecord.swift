/// One agent's state. Agents never allocate: the model keeps them in an array.
struct AgentRecord {
    let team: Int32
    /// Reserved for backlog work (email, tickets): takes no live contact.
    let backlogOnly: Bool
    /// The free-agent pool the agent is filed in: its team's, split by `backlogOnly`.
    var group: Int { Int(team) * 2 + (backlogOnly ? 1 : 0) }
    /// Agents on duty for the whole run never go off and stay through the final drain.
    let permanent: Bool
    var onShift: Bool
    /// Breaks and off-phone (shrinkage) blocks in progress.
    var pauses: Int32 = 0
    /// Contacts in service (several only for chat).
    var load: Int32 = 0
    /// Whether the contacts in service are chats (then only more chats may be added).
    var chatting = false
    /// Bumped whenever the agent's availability changes, so entries left in the
    /// free-agent pools go stale instead of being searched for.
    var ticket: UInt32 = 0
    /// Since when the agent has been at its current load (longest-idle routing).
    var since: Double = 0
    /// When the shift ended while the agent was still busy (overtime runs from here).
    var overtimeFrom: Double?

    init(team: Int, permanent: Bool, backlogOnly: Bool = false) {
        self.team = Int32(team)
        self.permanent = permanent
        self.backlogOnly = backlogOnly
        onShift = permanent
    }

    var available: Bool { onShift && pauses == 0 }
}

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
        guard level < levels[group].count else { return nil }
        let ring = levels[group][level]
        for i in 0..<ring.count {
            let entry = ring.element(at: i)
            let agent = Int(entry.agent)
            if agents[agent].ticket == entry.ticket && eligible(agent) { return agent }
        }
        return nil
    }

    func levelCount(group: Int) -> Int { levels[group].count }
}
