import Scenarios
import Stochastics

/// Who serves whom: the free agent a new contact goes to (``selectAgent(for:queuedAt:now:pool:)``),
/// the waiting contact a freed agent takes (``selectContact(for:now:pool:queues:contacts:)``), and
/// when a waiting contact next becomes eligible for an overflow team.
///
/// The policy is a closed enum switched on in the hot path (no protocol, no closure), so the
/// default stays as fast as a hand-written loop. Adding a policy is a case of
/// `RoutingSpec.Policy` and its branch in the four exhaustive switches here: the agent rule
/// (`selectAgent`), the queue rule (`selectContact`), ``drawsRandomNumbers(_:)`` and
/// ``takesLongestFreeInGroup(_:)`` (the compiler lists each one the new case misses).
///
/// Both searches are O(teams + skills) per event, never O(contacts); only `random_agent`
/// scans the free lists of the qualified groups (O(free agents)).
package struct Router {
    let plan: CenterPlan
    let policy: RoutingSpec.Policy
    /// After closing, backlog work (email, tickets) is no longer started.
    let closeTime: Double
    /// The `random_agent` policy's stream (the `.routing` purpose: nothing else draws from it).
    let stream: RandomStream?
    /// Per queue, what a search for an agent needs of it, read in one access (see ``QueueRoute``).
    let routes: RoomArray<QueueRoute>

    /// A queue's routing facts, worked out once from the plan: the search for an agent reads one
    /// record instead of five plan arrays, and a queue served by one agent group with nothing to
    /// weigh (no overflow delay, no reservation, no chat levels, live work) takes that group's
    /// agent free longest without the general search, which would choose the same agent.
    struct QueueRoute {
        let tier: Int
        let isLive: Bool
        /// Load levels searched: the channel's chat concurrency, 1 for other channels.
        let levels: Int
        /// Whether any reservation can hold an agent back (a skill's reserve, or the backlog reserve on backlog work).
        let reserves: Bool
        /// Whether a server of the queue waits before taking its contacts (an overflow team): else no overflow timer.
        let overflows: Bool
        /// The only agent group and its proficiency, when the queue takes the direct route.
        let soleGroup: Int?
        let soleProficiency: Double
    }

    package init(plan: CenterPlan, closeTime: Double, streams: StreamPlan, replication: Int) {
        self.plan = plan
        policy = plan.policy
        self.closeTime = closeTime
        // Made only for a policy that draws (making a stream costs 63 matrix products).
        stream = Self.drawsRandomNumbers(plan.policy) ? streams.stream(replication: replication, purpose: .routing) : nil
        routes = RoomArray((0..<plan.queueCount).map { q in
            let c = plan.channel(ofQueue: q)
            let isLive = plan.kinds[c].isLive
            let levels = plan.kinds[c] == .chat ? plan.chatConcurrency[c] : 1
            let servers = plan.servers.range(q).map { plan.servers[position: $0] }
            let reserves = servers.contains { $0.reserve > 0 } || (!isLive && plan.backlogReserve > 0)
            let direct = servers.count == 1 && servers[0].overflowAfter == 0 && !reserves && isLive && levels == 1
                && Self.takesLongestFreeInGroup(plan.policy)
            return QueueRoute(tier: plan.tier(ofQueue: q), isLive: isLive, levels: levels, reserves: reserves,
                              overflows: servers.contains { $0.overflowAfter > 0 },
                              soleGroup: direct ? servers[0].profile * 2 : nil,
                              soleProficiency: direct ? servers[0].proficiency : 1)
        })
    }

    /// Whether `policy` draws random numbers: then it gets the run's routing stream, which nothing
    /// else draws from (so switching policy moves no other draw).
    static func drawsRandomNumbers(_ policy: RoutingSpec.Policy) -> Bool {
        switch policy {
        case .randomAgent: true
        case .longestIdle, .teamOrder, .agentPreference, .targetPriority, .fastestAgent: false
        }
    }

    /// Whether `policy` gives a contact, among one agent group's free agents, to the agent free
    /// longest: then a queue served by a single group takes the direct route (see ``QueueRoute``).
    static func takesLongestFreeInGroup(_ policy: RoutingSpec.Policy) -> Bool {
        switch policy {
        case .longestIdle, .teamOrder, .agentPreference, .targetPriority, .fastestAgent: true
        case .randomAgent: false
        }
    }

    /// When the next overflow team of `q` becomes eligible for a contact queued at
    /// `queuedAt`, if one is still to come. Times are compared as `queuedAt + threshold`,
    /// the same sum the event is scheduled at, so a threshold is never met twice.
    /// A queue without overflow teams answers without a search (every contact that waits asks).
    @inline(__always)
    package func nextOverflow(queue q: Int, queuedAt: Double, now: Double) -> Double? {
        guard routes[q].overflows else { return nil }
        return laterOverflow(queue: q, queuedAt: queuedAt, now: now)
    }

    private func laterOverflow(queue q: Int, queuedAt: Double, now: Double) -> Double? {
        var next: Double?
        for p in plan.servers.range(q) {
            let server = plan.servers[position: p]
            guard queuedAt + server.overflowAfter > now else { continue }
            next = min(next ?? .infinity, queuedAt + server.overflowAfter)
        }
        return next
    }

    /// Whether `agent` may start work of queue `q` under the reservations: agents kept for
    /// backlog always may; a live agent only if enough of its team's live agents stay idle —
    /// the skill's `reserve` of them, and for backlog work the `backlog_reserve` share of those on the phones.
    @inline(__always)
    func keepsReserve(_ agent: Int, queue q: Int, reserve fixed: Int32, pool: AgentPool) -> Bool {
        let record = pool[agent]
        let isBacklog = !plan.kinds[plan.channel(ofQueue: q)].isLive
        guard !record.backlogOnly, fixed > 0 || (isBacklog && plan.backlogReserve > 0) else { return true }
        let team = Int(record.team)
        // The agent itself is idle and would leave the pool.
        let staying = Double(pool.liveIdle[team] - (record.load == 0 ? 1 : 0))
        if staying < Double(fixed) { return false }
        guard isBacklog, plan.backlogReserve > 0 else { return true }
        return staying >= (plan.backlogReserve * Double(pool.liveOnPhones[team])).rounded(.up)
    }

    // MARK: A contact looks for an agent

    /// The qualified free agent for a contact of queue `q` queued at `queuedAt`, with the
    /// proficiency it works that queue at: the least-loaded level first (idle agents, then agents
    /// with one chat, ...), and within a level the policy's choice among the front agent of each
    /// eligible (agent group, live or backlog-only):
    /// - `longest_idle` (and the policies that only choose contacts): the agent free longest;
    /// - `team_order`: the first team in the order listed (among its skill profiles, the agent free longest);
    /// - `fastest_agent`: the lowest handle-time multiplier, then free longest;
    /// - `random_agent`: uniformly among every free qualified agent.
    package func selectAgent(for q: Int, queuedAt: Double, now: Double, pool: inout AgentPool) -> (agent: Int, proficiency: Double)? {
        let route = routes[q]
        let tier = route.tier
        if let group = route.soleGroup {
            // One group, no overflow delay, no reservation, one level: its agent free longest.
            return pool.longestFree(group: group, level: 0, tier: tier).map { ($0, route.soleProficiency) }
        }
        let isLive = route.isLive
        if !isLive && now >= closeTime { return nil }
        let levels = route.levels
        if policy == .randomAgent { return randomAgent(for: q, queuedAt: queuedAt, now: now, levels: levels, pool: &pool) }
        for level in 0..<levels {
            var best: (agent: Int, since: Double, proficiency: Double, server: Int)?
            for p in plan.servers.range(q) {
                let server = plan.servers[position: p]
                guard queuedAt + server.overflowAfter <= now else { continue }
                // Backlog work may also go to the team's agents reserved for it.
                for group in server.profile * 2...(server.profile * 2 + (isLive ? 0 : 1)) {
                    guard let agent = pool.longestFree(group: group, level: level, tier: tier) else { continue }
                    if route.reserves && !keepsReserve(agent, queue: q, reserve: server.reserve, pool: pool) { continue }
                    if level > 0 && !pool[agent].chatting { continue }
                    let since = pool[agent].since
                    switch policy {
                    case .teamOrder:
                        // Groups of one team are listed together: a later team is never better.
                        if let current = best {
                            let prior = plan.servers[position: current.server]
                            if prior.team != server.team { return (current.agent, current.proficiency) }
                            if prior.profile == server.profile || since >= current.since { continue }
                        }
                    case .fastestAgent:
                        if let current = best, (server.proficiency, since) >= (current.proficiency, current.since) { continue }
                    case .longestIdle, .agentPreference, .targetPriority, .randomAgent:
                        if let current = best, since >= current.since { continue }
                    }
                    best = (agent, since, server.proficiency, p)
                }
            }
            if let best { return (best.agent, best.proficiency) }
        }
        return nil
    }

    /// `random_agent`: the free qualified agents of the least-loaded level, each with the same chance.
    /// Reservations and chat levels depend only on the group and level, so a group's agents are
    /// all candidates or none: one pass counts them, a second finds the drawn one.
    private func randomAgent(for q: Int, queuedAt: Double, now: Double, levels: Int, pool: inout AgentPool) -> (agent: Int, proficiency: Double)? {
        let tier = plan.tier(ofQueue: q)
        let groupsPerServer = plan.kinds[plan.channel(ofQueue: q)].isLive ? 1 : 2
        func candidates(_ server: CenterPlan.Server, group: Int, level: Int) -> Int {
            guard queuedAt + server.overflowAfter <= now else { return 0 }
            let count = pool.freeCount(group: group, level: level, tier: tier)
            guard count > 0, let front = pool.freeAgent(0, group: group, level: level, tier: tier),
                  keepsReserve(front, queue: q, reserve: server.reserve, pool: pool), level == 0 || pool[front].chatting else { return 0 }
            return count
        }
        for level in 0..<levels {
            var total = 0
            for p in plan.servers.range(q) {
                let server = plan.servers[position: p]
                for g in 0..<groupsPerServer { total += candidates(server, group: server.profile * 2 + g, level: level) }
            }
            guard total > 0, let stream else { continue }
            var drawn = min(Int(stream.uniform() * Double(total)), total - 1)
            for p in plan.servers.range(q) {
                let server = plan.servers[position: p]
                for g in 0..<groupsPerServer {
                    let n = candidates(server, group: server.profile * 2 + g, level: level)
                    if drawn < n {
                        return pool.freeAgent(drawn, group: server.profile * 2 + g, level: level, tier: tier).map { ($0, server.proficiency) }
                    }
                    drawn -= n
                }
            }
        }
        return nil
    }

    // MARK: An agent looks for work

    /// The queue whose head a free, available agent takes next, with the agent's proficiency
    /// on it; among the queues its team serves that the agent may work now:
    /// - `agent_preference`: the team's most preferred (first listed) skill with work waiting;
    /// - `target_priority`: the queue furthest behind its service-level target (head's wait over
    ///   the channel's answer-within time; a generalised c-mu rule), then longest wait;
    /// - every other policy: highest static priority, then longest wait.
    ///
    /// Reads the pool only; it is `inout` because the model lends its own pool, and a borrowed
    /// stored property of the model was copied whole (160 bytes) for every freed agent.
    package func selectContact(for agent: Int, now: Double, pool: inout AgentPool, queues: WaitingQueues,
                                contacts: ContactTable) -> (queue: Int, proficiency: Double)? {
        // Nobody waiting anywhere (most freed agents of a center that keeps up): nothing to weigh.
        if queues.total == 0 { return nil }
        let record = pool[agent]
        let adjustment = pool.adjustment(agent)
        var best: (queue: Int, rank: Double, queuedAt: Double, proficiency: Double)?
        for p in plan.profileSkills.range(Int(record.profile)) {
            let skill = plan.profileSkills[position: p]
            // Nothing waiting: nothing to weigh (the cheapest test first; the others have no side effects).
            if queues.count(skill.queue) == 0 { continue }
            let route = routes[skill.queue]
            // A busy agent takes more only of a chat channel (levels > 1), below its concurrency.
            if record.load > 0 && Int(record.load) >= min(route.levels, adjustment.maxChats) { continue }
            if record.backlogOnly && route.isLive { continue }
            if !adjustment.mayTake(tier: route.tier) { continue }
            if !route.isLive && now >= closeTime { continue }
            if route.reserves && !keepsReserve(agent, queue: skill.queue, reserve: skill.reserve, pool: pool) { continue }
            guard let head = queues.head(skill.queue, in: contacts) else { continue }
            let queuedAt = contacts[head].queuedAt
            if queuedAt + skill.overflowAfter > now { continue }
            // Larger rank first, then the longer wait; ties keep the skill met first.
            let rank: Double = switch policy {
            case .agentPreference: -Double(skill.preference)
            case .targetPriority: (now - queuedAt) / plan.target[skill.queue]
            case .longestIdle, .teamOrder, .fastestAgent, .randomAgent: Double(plan.priority[skill.queue])
            }
            if let current = best, (rank, -queuedAt) <= (current.rank, -current.queuedAt) { continue }
            best = (skill.queue, rank, queuedAt, skill.proficiency)
        }
        return best.map { ($0.queue, $0.proficiency) }
    }
}
