/// The agents of a run: their records, the free lists the router searches, their
/// tenure and training adjustments, and the live counts that reservations and
/// callback offers read. Every change of an agent's load or availability goes
/// through here, so the counts can never drift from the records (see ``checkInvariants()``).
///
/// A value type kept inline in the model: no allocation per event, no dynamic dispatch.
package struct AgentPool {
    let agents: RoomArray<AgentRecord>
    /// Per-agent multipliers from tenure and training (all 1 without workforce dynamics).
    let adjust: RoomArray<AgentAdjustment>
    private(set) var free: FreeAgents
    /// Per team: live agents available on the phones, and those of them idle (reservations read both).
    package let liveOnPhones: RoomArray<Int32>
    package let liveIdle: RoomArray<Int32>
    /// Per agent group (skill profile): agents staffed now, available or finishing a last contact
    /// after going off (the expected-wait estimate of callback offers reads it, over the groups
    /// that serve the queue; it moves with the staffed statistic).
    package let onDuty: RoomArray<Int32>
    /// Index of the first rota agent (permanent agents come first).
    package let rosterOffset: Int

    /// `chatCapacity` per agent group (skill profile).
    init(agents: [AgentRecord], teams: Int, chatCapacity: [Int], rosterOffset: Int) {
        self.agents = RoomArray(agents)
        adjust = RoomArray(repeating: AgentAdjustment(), count: agents.count)
        free = FreeAgents(capacities: chatCapacity)
        liveOnPhones = RoomArray(repeating: 0, count: teams)
        liveIdle = RoomArray(repeating: 0, count: teams)
        onDuty = RoomArray(repeating: 0, count: chatCapacity.count)
        self.rosterOffset = rosterOffset
    }

    package var count: Int { agents.count }

    @inline(__always)
    package subscript(agent: Int) -> AgentRecord { agents[agent] }

    @inline(__always)
    func adjustment(_ agent: Int) -> AgentAdjustment { adjust[agent] }

    /// Whether the agent is idle and on the phones (counted in `liveIdle`).
    @inline(__always)
    private func isLiveIdle(_ record: AgentRecord) -> Bool {
        !record.backlogOnly && record.available && record.load == 0
    }

    // MARK: Changes

    /// A permanent agent comes on duty at time 0, idle.
    package mutating func startPermanent(_ agent: Int, _ statistics: inout CenterStatistics) {
        let team = Int(agents[agent].team)
        statistics.availableChanged(team: team, by: 1, at: 0)
        statistics.paidChanged(team: team, by: 1, at: 0)
        onDuty[Int(agents[agent].profile)] += 1
        if !agents[agent].backlogOnly {
            liveOnPhones[team] += 1
            liveIdle[team] += 1
        }
        agents[agent].since = 0
        free.add(agent, of: agents)
    }

    /// The agent starts one more contact; returns its load with it. A chat agent with room for
    /// more is filed again one level up.
    package mutating func beginContact(_ agent: Int, chatConcurrency: Int?, at now: Double, _ statistics: inout CenterStatistics) -> Int {
        let team = Int(agents[agent].team)
        if agents[agent].load == 0 {
            statistics.busyChanged(team: team, by: 1, at: now)
            if isLiveIdle(agents[agent]) { liveIdle[team] -= 1 }
        }
        agents[agent].load += 1
        agents[agent].ticket &+= 1
        agents[agent].since = now
        let load = Int(agents[agent].load)
        if let chatConcurrency {
            agents[agent].chatting = true
            if agents[agent].available && load < min(chatConcurrency, adjust[agent].maxChats) {
                free.add(agent, of: agents)
            }
        }
        return load
    }

    /// The agent finished one contact; returns whether it is available for more work.
    package mutating func endContact(_ agent: Int, at now: Double, _ statistics: inout CenterStatistics) -> Bool {
        let team = Int(agents[agent].team)
        agents[agent].load -= 1
        agents[agent].ticket &+= 1
        if agents[agent].load == 0 {
            agents[agent].chatting = false
            statistics.busyChanged(team: team, by: -1, at: now)
            if isLiveIdle(agents[agent]) { liveIdle[team] += 1 }
            // Staffed time covers the last contact of a shift or before a break, so occupancy stays ≤ 100%.
            if !agents[agent].available {
                statistics.availableChanged(team: team, by: -1, at: now)
                onDuty[Int(agents[agent].profile)] -= 1
            }
            if let from = agents[agent].overtimeFrom {
                statistics.addOvertime(team: team, from: from, to: now)
                agents[agent].overtimeFrom = nil
            }
        }
        return agents[agent].available
    }

    /// A rota change; returns whether the agent should look for work now.
    package mutating func change(_ agent: Int, _ change: AgentChange, paidShare: Double, at now: Double,
                         _ statistics: inout CenterStatistics) -> Bool {
        let team = Int(agents[agent].team)
        let wasAvailable = agents[agent].available
        switch change {
        case .shiftStart:
            agents[agent].onShift = true
            statistics.paidChanged(team: team, by: paidShare, at: now)
        case .shiftEnd:
            agents[agent].onShift = false
            statistics.paidChanged(team: team, by: -paidShare, at: now)
            if agents[agent].load > 0 { agents[agent].overtimeFrom = now }
        case .pauseStart: agents[agent].pauses += 1
        case .pauseEnd: agents[agent].pauses = max(0, agents[agent].pauses - 1)
        }
        let isAvailable = agents[agent].available
        guard wasAvailable != isAvailable else { return false }
        if !agents[agent].backlogOnly {
            let step: Int32 = isAvailable ? 1 : -1
            liveOnPhones[team] += step
            if agents[agent].load == 0 { liveIdle[team] += step }
        }
        // An agent still handling a contact stays staffed until it ends (see `endContact`).
        if agents[agent].load == 0 {
            statistics.availableChanged(team: team, by: isAvailable ? 1 : -1, at: now)
            onDuty[Int(agents[agent].profile)] += isAvailable ? 1 : -1
        }
        agents[agent].ticket &+= 1
        return isAvailable && (agents[agent].load == 0 || agents[agent].chatting)
    }

    /// No waiting work for an available agent: it is filed as free (unless a chat agent is full).
    package mutating func fileFree(_ agent: Int, at now: Double) {
        agents[agent].ticket &+= 1
        agents[agent].since = now
        let load = Int(agents[agent].load)
        if load < free.levelCount(group: agents[agent].group) && load < adjust[agent].maxChats { free.add(agent, of: agents) }
    }

    /// The weekly workforce update of the adjustments; returns the idle available agents it
    /// cleared for more tiers (a trainee idle on a night shift at midnight may take work now).
    mutating func startWeek(_ week: Int, _ workforce: inout WorkforceDynamics) -> [Int] {
        let masks = adjust.map(\.tierMask)
        var updated = adjust.array
        workforce.startWeek(week, adjust: &updated, rosterOffset: rosterOffset)
        adjust.assign(updated)
        return (rosterOffset..<agents.count).filter { agent in
            adjust[agent].tierMask & ~masks[agent] != 0 && agents[agent].available && agents[agent].load == 0
        }
    }

    // MARK: Free lists, for the router

    /// The agent free longest at `level` in `group` who may take `tier`.
    @inline(__always)
    package mutating func longestFree(group: Int, level: Int, tier: Int) -> Int? {
        guard let agent = free.front(group: group, level: level, agents: agents) else { return nil }
        if adjust[agent].mayTake(tier: tier) { return agent }
        // A trainee limited to other tiers is at the front: the longest-free agent who may take it.
        return free.firstEligible(group: group, level: level, agents: agents) { adjust[$0].mayTake(tier: tier) }
    }

    /// How many free agents at `level` in `group` may take `tier` (O(free agents): random routing only).
    mutating func freeCount(group: Int, level: Int, tier: Int) -> Int {
        free.compact(group: group, level: level, agents: agents)
        return free.count(group: group, level: level, agents: agents) { adjust[$0].mayTake(tier: tier) }
    }

    /// The `n`-th (0-based, longest free first) free agent at `level` in `group` who may take `tier`.
    func freeAgent(_ n: Int, group: Int, level: Int, tier: Int) -> Int? {
        free.eligible(n, group: group, level: level, agents: agents) { adjust[$0].mayTake(tier: tier) }
    }

    // MARK: Invariants

    /// Recounts everything the pool keeps incrementally and checks it against the records.
    /// O(agents + free entries): tests run it after every event; the simulation never does.
    package func checkInvariants() throws {
        var onPhones = Array(repeating: Int32(0), count: liveOnPhones.count)
        var idle = onPhones, staffed = Array(repeating: Int32(0), count: onDuty.count)
        for (a, record) in agents.enumerated() {
            let team = Int(record.team)
            if record.available && !record.backlogOnly { onPhones[team] += 1 }
            if isLiveIdle(record) { idle[team] += 1 }
            if record.available || record.load > 0 { staffed[Int(record.profile)] += 1 }
            if record.load < 0 { throw InvariantViolation("agent \(a): negative load \(record.load)") }
            if record.load == 0 && record.chatting { throw InvariantViolation("agent \(a): chatting with no contact") }
            if record.load > 0 && record.chatting == false && record.load > 1 {
                throw InvariantViolation("agent \(a): \(record.load) contacts at once that are not chats")
            }
            if record.overtimeFrom != nil && record.load == 0 {
                throw InvariantViolation("agent \(a): overtime running while idle")
            }
        }
        if onPhones != liveOnPhones.array { throw InvariantViolation("live agents on the phones \(liveOnPhones.array), recounted \(onPhones)") }
        if idle != liveIdle.array { throw InvariantViolation("idle live agents \(liveIdle.array), recounted \(idle)") }
        if staffed != onDuty.array { throw InvariantViolation("agents on duty \(onDuty.array), recounted \(staffed)") }
        // Every current free-list entry names an available agent filed at its own load and group,
        // with room for the work; and no agent is filed twice.
        var filed = Array(repeating: false, count: agents.count)
        try free.forEachCurrent(agents: agents) { agent, group, level in
            let record = agents[agent]
            guard record.available, group == record.group, level == Int(record.load) else {
                throw InvariantViolation("agent \(agent) filed free at group \(group) level \(level) but is at group \(record.group), load \(record.load), available \(record.available)")
            }
            guard level < adjust[agent].maxChats, level == 0 || record.chatting else {
                throw InvariantViolation("agent \(agent) filed free at level \(level) beyond its capacity")
            }
            guard !filed[agent] else { throw InvariantViolation("agent \(agent) filed free twice") }
            filed[agent] = true
        }
        // An idle available agent is always findable.
        for (a, record) in agents.enumerated() where record.available && record.load == 0 && !filed[a] {
            throw InvariantViolation("agent \(a) is idle and available but in no free list")
        }
    }
}

/// A broken invariant of a model room, found by `checkInvariants()` (tests only).
package struct InvariantViolation: Error, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
}
