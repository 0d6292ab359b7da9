import Scenarios
import SimKernel
import Stochastics

/// The full contact center: channels, tiers, escalations, repeat contacts and
/// teams with skills and rotas, on the generic kernel.
///
/// Routing is event-driven and local: a new contact looks for the
/// longest-free qualified agent (or queues); an agent who becomes free takes
/// the waiting contact of highest priority, then longest wait, among the
/// queues it serves. Both are O(teams + skills) per event, never O(contacts).
public struct ContactCenterModel: DiscreteEventModel {
    public typealias Event = CenterEvent

    let plan: CenterPlan
    let measurementStart: Double
    let closeTime: Double
    let intervalLength: Double
    let intervalCount: Int
    let maxArrivals: Int?

    // One stream per purpose; channels draw their arrivals from substreams of the arrivals stream.
    var arrivalStreams: [RandomStream]
    let tierStream: RandomStream
    let handleTimeStream: RandomStream
    let patienceStream: RandomStream
    let outcomeStream: RandomStream
    let repeatStream: RandomStream
    let callbackStream: RandomStream

    var generators: [ArrivalGenerator]
    let roster: Roster
    let workforceStream: RandomStream
    let absenteeismStream: RandomStream
    var agents: [AgentRecord]
    /// Per team: live agents on the phones, and those of them idle (for the backlog reserve).
    var liveOnPhones: [Int32]
    var liveIdle: [Int32]
    /// Per-agent multipliers from tenure and training (all 1 without workforce dynamics).
    var adjust: [AgentAdjustment]
    /// Rota seats' occupants over the weeks; nil without workforce dynamics and programs.
    var workforce: WorkforceDynamics?
    var free: FreeAgents
    var queues: [SkillQueue]
    var waitingByChannel: [Int]
    var contacts = ContactTable()
    var statistics: CenterStatistics

    /// Per-contact rows, when a trace was asked for.
    var trace: ContactTrace?
    var issuesStarted: Int32 = 0
    var arrivalsOpen = true
    var countedArrivals = 0
    private(set) var arrivalsSimulated = 0
    var pendingIntervalEnd: EventHandle?
    private(set) var measurementEnd: Double

    public init(scenario: Scenario, streams: StreamPlan, replication: Int) {
        self.init(center: scenario.center, run: scenario.run, streams: streams, replication: replication)
    }

    public init(center: CenterSpec, run: RunSettings, streams: StreamPlan, replication: Int) {
        plan = CenterPlan(center)
        measurementStart = run.warmup
        closeTime = run.warmup + run.horizon
        intervalLength = run.interval
        intervalCount = max(1, Int((run.horizon / run.interval).rounded(.up)))
        maxArrivals = run.maxArrivals
        measurementEnd = closeTime

        let arrivals = streams.stream(replication: replication, purpose: .arrivals)
        var channelStreams = [arrivals]
        for c in 1..<max(1, center.channels.count) {
            let stream = streams.stream(replication: replication, purpose: .arrivals)
            for _ in 0..<c { stream.nextSubstream() }
            channelStreams.append(stream)
        }
        arrivalStreams = channelStreams
        tierStream = streams.stream(replication: replication, purpose: .tierChoice)
        handleTimeStream = streams.stream(replication: replication, purpose: .handleTime)
        patienceStream = streams.stream(replication: replication, purpose: .patience)
        outcomeStream = streams.stream(replication: replication, purpose: .escalation)
        repeatStream = streams.stream(replication: replication, purpose: .repeats)
        callbackStream = streams.stream(replication: replication, purpose: .callbacks)

        generators = center.channels.indices.map { c in
            // Each channel's busyness factors come from its own substream.
            let stream = streams.stream(replication: replication, purpose: .busyness)
            for _ in 0..<c { stream.nextSubstream() }
            return ArrivalGenerator(demand: center.channels[c].demand, startWeekday: center.startWeekday,
                                    horizonEnd: run.warmup + run.horizon, busyness: stream)
        }
        roster = Roster(teams: center.teams, startWeekday: center.startWeekday)
        workforceStream = streams.stream(replication: replication, purpose: .workforce)
        absenteeismStream = streams.stream(replication: replication, purpose: .absenteeism)
        paidShare = roster.agents.map { seat in
            let shift = center.teams[seat.team].shifts[seat.shift]
            return shift.length > 0 ? seat.paidSecondsPerShift / shift.length : 1
        }
        var agents: [AgentRecord] = []
        // The first `backlogShare` of each shift's seats (and of the agents on duty throughout) work backlog only.
        func reserved(_ seat: Int, of count: Int, _ team: AgentTeamSpec) -> Bool {
            seat < Int((team.backlogShare * Double(count)).rounded())
        }
        for (t, team) in center.teams.enumerated() {
            for seat in 0..<team.constantAgents {
                agents.append(AgentRecord(team: t, permanent: true, backlogOnly: reserved(seat, of: team.constantAgents, team)))
            }
        }
        for seat in roster.agents {
            let team = center.teams[seat.team]
            agents.append(AgentRecord(team: seat.team, permanent: false,
                                      backlogOnly: reserved(seat.seat, of: team.shifts[seat.shift].agents, team)))
        }
        self.agents = agents
        liveOnPhones = Array(repeating: 0, count: center.teams.count)
        liveIdle = Array(repeating: 0, count: center.teams.count)
        adjust = Array(repeating: AgentAdjustment(), count: agents.count)
        workforce = WorkforceDynamics(center: center, roster: roster, streams: streams, replication: replication)
        free = FreeAgents(capacities: plan.teamChatCapacity)
        queues = Array(repeating: SkillQueue(), count: plan.queueCount)
        waitingByChannel = Array(repeating: 0, count: plan.channelCount)
        statistics = CenterStatistics(measurementStart: measurementStart, intervalLength: intervalLength,
                                      intervalCount: intervalCount, plan: plan, teams: center.teams.count,
                                      resolutionTarget: center.resolutionTarget)
        rosterOffset = agents.count - roster.agents.count
        initialQueues = center.channels.map { $0.initialQueue }
        demandPatterns = center.channels.map(\.demand.pattern)
    }

    /// Contacts present at time 0, by channel.
    let initialQueues: [InitialQueue?]
    let demandPatterns: [DemandSpec.Pattern]
    /// Share of each rota agent's on-shift time that is paid (unpaid lunches excluded).
    let paidShare: [Double]

    /// Index of the first rota agent in `agents` (permanent agents come first).
    let rosterOffset: Int

    /// Schedules what starts a run: permanent agents, the first day's rota, the
    /// end of the warm-up, each channel's first arrival and any initial queue.
    public mutating func start(_ scheduler: inout EventScheduler<Event>) {
        scheduler.schedule(.measurementStart, at: measurementStart, priority: .urgent)
        for a in 0..<rosterOffset {
            statistics.availableChanged(team: Int(agents[a].team), by: 1, at: 0)
            statistics.paidChanged(team: Int(agents[a].team), by: 1, at: 0)
            if !agents[a].backlogOnly {
                liveOnPhones[Int(agents[a].team)] += 1
                liveIdle[Int(agents[a].team)] += 1
            }
            agents[a].since = 0
            free.add(a, of: agents)
        }
        if !roster.agents.isEmpty { scheduler.schedule(.dayStart(day: 0), at: 0, priority: .urgent) }
        for c in 0..<plan.channelCount {
            if let first = generators[c].next(after: 0, stream: arrivalStreams[c]), first < closeTime {
                scheduler.schedule(.arrival(channel: Int32(c)), at: first)
            }
        }
        for (c, initial) in initialQueues.enumerated() {
            guard let initial else { continue }
            for age in initial.ages { admitInitial(channel: c, age: age, &scheduler) }
        }
    }

    public mutating func handle(_ event: Event, scheduler: inout EventScheduler<Event>) {
        switch event {
        case .arrival(let channel): arrive(channel: Int(channel), &scheduler)
        case .repeatArrival(let ref): comeBack(ref, &scheduler)
        case .handlingEnd(let agent, let ref): finishHandling(agent: Int(agent), ref, &scheduler)
        case .abandonment(let ref): abandon(ref, &scheduler)
        case .overflow(let ref): overflow(ref, &scheduler)
        case .agentChange(let agent, let change): changeAgent(Int(agent), change, &scheduler)
        case .dayStart(let day): startDay(Int(day), &scheduler)
        case .measurementStart:
            statistics.startMeasuring(at: scheduler.now)
            pendingIntervalEnd = scheduler.schedule(.intervalEnd, at: measurementStart + intervalLength, priority: .urgent)
        case .intervalEnd:
            pendingIntervalEnd = nil
            if statistics.closedIntervals + 1 >= intervalCount {
                stopMeasuring(at: scheduler.now)
            } else {
                let (backlog, oldest) = queueSnapshot(at: scheduler.now)
                statistics.closeInterval(at: scheduler.now, backlog: backlog, oldestAge: oldest)
                let end = min(measurementStart + Double(statistics.closedIntervals + 1) * intervalLength, closeTime)
                pendingIntervalEnd = scheduler.schedule(.intervalEnd, at: end, priority: .urgent)
            }
        }
    }

    // MARK: Arrivals

    private mutating func arrive(channel c: Int, _ scheduler: inout EventScheduler<Event>) {
        let now = scheduler.now
        arrivalsSimulated += 1
        if now >= measurementStart {
            countedArrivals += 1
            if let maxArrivals, countedArrivals >= maxArrivals { closeEarly(&scheduler) }
        }
        if arrivalsOpen, let next = generators[c].next(after: now, stream: arrivalStreams[c]), next < closeTime {
            scheduler.schedule(.arrival(channel: Int32(c)), at: next)
        }
        let tier = plan.soleTier[c] ?? drawTier(channel: c)
        let q = plan.queue(channel: c, tier: tier)
        // Attributes are drawn at arrival, whatever happens next, so the i-th
        // customer is the same person in every scenario run with this seed.
        let handle = plan.handleTime[q]?.sample(from: handleTimeStream) ?? 0
        let patience = plan.patience[c]?.sample(from: patienceStream)
        issuesStarted += 1
        let record = ContactRecord(channel: Int32(c), tier: Int32(tier), stage: .first, arrival: now, queuedAt: now,
                                   issueStart: now, contactNumber: 1, issue: issuesStarted, escalated: false,
                                   handleTime: handle, abandonment: nil)
        admit(contacts.insert(record), patience: patience, &scheduler)
    }

    private func drawTier(channel c: Int) -> Int {
        let u = tierStream.uniform()
        let cumulative = plan.tierCumulative[c]
        for (k, bound) in cumulative.enumerated() where u < bound { return k }
        return cumulative.count - 1
    }

    private mutating func admitInitial(channel c: Int, age: Double, _ scheduler: inout EventScheduler<Event>) {
        let tier = plan.soleTier[c] ?? drawTier(channel: c)
        let q = plan.queue(channel: c, tier: tier)
        let handle = plan.handleTime[q]?.sample(from: handleTimeStream) ?? 0
        let patience = plan.patience[c].map { max(0, $0.sample(from: patienceStream) - age) }
        issuesStarted += 1
        let record = ContactRecord(channel: Int32(c), tier: Int32(tier), stage: .first, arrival: -age, queuedAt: -age,
                                   issueStart: -age, contactNumber: 1, issue: issuesStarted, escalated: false,
                                   handleTime: handle, abandonment: nil)
        admit(contacts.insert(record), patience: patience, &scheduler)
    }

    private mutating func comeBack(_ ref: ContactRef, _ scheduler: inout EventScheduler<Event>) {
        var record = contacts[ref]
        let q = plan.queue(channel: Int(record.channel), tier: Int(record.tier))
        record.handleTime = plan.handleTime[q]?.sample(from: handleTimeStream) ?? 0
        contacts[ref] = record
        arrivalsSimulated += 1
        admit(ref, patience: plan.patience[Int(record.channel)]?.sample(from: patienceStream), &scheduler)
    }

    /// Gives a contact to a free agent, or queues it with its patience and overflow timers.
    private mutating func admit(_ ref: ContactRef, patience: Double?, _ scheduler: inout EventScheduler<Event>) {
        let record = contacts[ref]
        let c = Int(record.channel)
        let q = plan.queue(channel: c, tier: Int(record.tier))
        let now = scheduler.now
        if let (agent, proficiency) = freeAgent(for: q, queuedAt: record.queuedAt, now: now) {
            if record.stage == .first { statistics.arrived(record, delayed: false) }
            startService(agent: agent, ref, proficiency: proficiency, &scheduler)
            return
        }
        if record.stage == .first { statistics.arrived(record, delayed: true) }
        queues[q].append(ref)
        waitingByChannel[c] += 1
        statistics.queueChanged(channel: c, by: 1, at: now)
        if record.stage == .first, let offer = plan.callbacks[c], takesCallback(queue: q, offer: offer) {
            contacts[ref].isCallback = true
        } else if let patience {
            contacts[ref].abandonment = scheduler.schedule(.abandonment(ref), after: patience)
        }
        if let at = nextOverflow(queue: q, queuedAt: record.queuedAt, now: now) {
            scheduler.schedule(.overflow(ref), at: at)
        }
    }

    /// Whether a caller about to queue takes a callback: offered when the expected
    /// wait (contacts ahead and this one, times the mean handle time, over the
    /// agents on duty who serve the queue) exceeds the threshold; accepted with
    /// the offer's probability. The callback keeps the caller's place in line.
    private func takesCallback(queue q: Int, offer: CallbackOffer) -> Bool {
        var agents = 0.0
        for p in plan.servers.range(q) { agents += statistics.available[plan.servers[position: p].team].value }
        let expectedWait = Double(queues[q].count) * plan.meanHandleTime[q] / max(agents, 1)
        guard expectedWait > offer.whenExpectedWaitAbove else { return false }
        return callbackStream.uniform() < offer.acceptance
    }

    /// When the next overflow team of `q` becomes eligible for a contact queued at
    /// `queuedAt`, if one is still to come. Times are compared as `queuedAt + threshold`,
    /// the same sum the event is scheduled at, so a threshold is never met twice.
    private func nextOverflow(queue q: Int, queuedAt: Double, now: Double) -> Double? {
        var next: Double?
        for p in plan.servers.range(q) {
            let server = plan.servers[position: p]
            guard queuedAt + server.overflowAfter > now else { continue }
            next = min(next ?? .infinity, queuedAt + server.overflowAfter)
        }
        return next
    }

    // MARK: Routing

    /// The qualified free agent for a contact of queue `q` queued at `queuedAt`:
    /// the least-loaded level first (idle agents, then agents with one chat, ...),
    /// and within it the agent free longest (or the first team in order).
    private mutating func freeAgent(for q: Int, queuedAt: Double, now: Double) -> (Int, Double)? {
        let c = plan.channel(ofQueue: q)
        let tier = plan.tier(ofQueue: q)
        let isChat = plan.kinds[c] == .chat
        if !plan.kinds[c].isLive && now >= closeTime { return nil }
        let levels = isChat ? plan.chatConcurrency[c] : 1
        for level in 0..<levels {
            var best: (agent: Int, since: Double, proficiency: Double)?
            for p in plan.servers.range(q) {
                let server = plan.servers[position: p]
                guard queuedAt + server.overflowAfter <= now else { continue }
                // Backlog work may also go to the team's agents reserved for it.
                for group in server.team * 2...(server.team * 2 + (plan.kinds[c].isLive ? 0 : 1)) {
                    guard var agent = free.front(group: group, level: level, agents: agents) else { continue }
                    if !adjust[agent].mayTake(tier: tier) {
                        // A trainee limited to other tiers is at the front: the longest-free agent who may take it.
                        guard let other = free.firstEligible(group: group, level: level, agents: agents, { adjust[$0].mayTake(tier: tier) })
                        else { continue }
                        agent = other
                    }
                    if !plan.kinds[c].isLive && !mayTakeBacklog(agent) { continue }
                    if level > 0 && !agents[agent].chatting { continue }
                    if plan.policy == .teamOrder { return (agent, server.proficiency) }
                    if best == nil || agents[agent].since < best!.since {
                        best = (agent, agents[agent].since, server.proficiency)
                    }
                }
            }
            if let best { return (best.agent, best.proficiency) }
        }
        return nil
    }

    /// Whether an idle agent may start backlog work under the team's reserve: agents kept for
    /// backlog always may; a live agent only if enough of its team's live agents stay idle.
    @inline(__always)
    private func mayTakeBacklog(_ agent: Int) -> Bool {
        let record = agents[agent]
        guard plan.backlogReserve > 0, !record.backlogOnly else { return true }
        let team = Int(record.team)
        let reserve = (plan.backlogReserve * Double(liveOnPhones[team])).rounded(.up)
        // The agent itself is idle and would leave the pool.
        return Double(liveIdle[team] - (record.load == 0 ? 1 : 0)) >= reserve
    }

    /// Work for an agent who just became free: the waiting contact of highest
    /// priority, then longest wait, among the queues its team serves.
    private mutating func nextContact(for agent: Int, now: Double) -> (queue: Int, proficiency: Double)? {
        let record = agents[agent]
        var best: (queue: Int, priority: Int, queuedAt: Double, proficiency: Double)?
        for p in plan.teamSkills.range(Int(record.team)) {
            let skill = plan.teamSkills[position: p]
            let c = plan.channel(ofQueue: skill.queue)
            if record.load > 0 && (plan.kinds[c] != .chat || Int(record.load) >= min(plan.chatConcurrency[c], adjust[agent].maxChats)) { continue }
            if record.backlogOnly && plan.kinds[c].isLive { continue }
            if !adjust[agent].mayTake(tier: plan.tier(ofQueue: skill.queue)) { continue }
            if !plan.kinds[c].isLive && (now >= closeTime || !mayTakeBacklog(agent)) { continue }
            guard let head = queues[skill.queue].head(in: contacts) else { continue }
            let queuedAt = contacts[head].queuedAt
            if queuedAt + skill.overflowAfter > now { continue }
            let priority = plan.priority[skill.queue]
            if let current = best, (priority, -queuedAt) <= (current.priority, -current.queuedAt) { continue }
            best = (skill.queue, priority, queuedAt, skill.proficiency)
        }
        return best.map { ($0.queue, $0.proficiency) }
    }

    /// Lets a free, available agent take waiting work, or files it as free.
    private mutating func dispatch(_ agent: Int, _ scheduler: inout EventScheduler<Event>) {
        let now = scheduler.now
        if let (q, proficiency) = nextContact(for: agent, now: now), let head = queues[q].head(in: contacts) {
            queues[q].removeHead()
            let c = plan.channel(ofQueue: q)
            waitingByChannel[c] -= 1
            statistics.queueChanged(channel: c, by: -1, at: now)
            startService(agent: agent, contacts.rekey(head), proficiency: proficiency, &scheduler)
        } else {
            agents[agent].ticket &+= 1
            agents[agent].since = now
            // A chat agent at full concurrency has no free capacity to file.
            let load = Int(agents[agent].load)
            if load < free.levelCount(group: agents[agent].group) && load < adjust[agent].maxChats { free.add(agent, of: agents) }
        }
    }

    private mutating func startService(agent: Int, _ ref: ContactRef, proficiency: Double, _ scheduler: inout EventScheduler<Event>) {
        let now = scheduler.now
        var record = contacts[ref]
        if let timer = record.abandonment {
            scheduler.cancel(timer)
            record.abandonment = nil
        }
        statistics.answered(record, at: now, promise: plan.callbacks[Int(record.channel)]?.promisedWithin)
        let c = Int(record.channel)
        let team = Int(agents[agent].team)
        if agents[agent].load == 0 {
            statistics.busyChanged(team: team, by: 1, at: now)
            if !agents[agent].backlogOnly && agents[agent].available { liveIdle[team] -= 1 }
        }
        agents[agent].load += 1
        agents[agent].ticket &+= 1
        agents[agent].since = now
        var duration = record.handleTime * proficiency * adjust[agent].handleTime
        if plan.kinds[c] == .chat {
            agents[agent].chatting = true
            duration *= 1 + plan.chatSlowdown[c] * Double(agents[agent].load - 1)
            if agents[agent].available && Int(agents[agent].load) < min(plan.chatConcurrency[c], adjust[agent].maxChats) {
                free.add(agent, of: agents)
            }
        }
        record.handleTime = duration
        contacts[ref] = record
        scheduler.schedule(.handlingEnd(agent: Int32(agent), contact: ref), after: duration)
    }

    // MARK: End of handling

    private mutating func finishHandling(agent: Int, _ ref: ContactRef, _ scheduler: inout EventScheduler<Event>) {
        let now = scheduler.now
        let record = contacts[ref]
        let tier = Int(record.tier)
        let team = Int(agents[agent].team)
        let adjustment = adjust[agent]
        let outcome = drawOutcome(tier: tier, adjustment)
        statistics.handled(record, by: team, outcome: outcome, handleTime: record.handleTime, at: now)
        if let trace {
            let traced: ContactTrace.Outcome = switch outcome {
            case .resolved: .resolved
            case .escalated: .escalated
            case .unresolved: .unresolved
            }
            trace.record(record, issue: Int(record.issue), at: now, handleTime: record.handleTime, outcome: traced, team: team)
        }
        switch outcome {
        case .resolved:
            _ = contacts.remove(ref)
        case .escalated:
            escalate(ref, &scheduler)
        case .unresolved:
            let gone = contacts.remove(ref)
            scheduleRepeat(of: gone, probability: plan.repeats[tier].map { $0.afterUnresolved * adjustment.repeats }, &scheduler)
        }
        release(agent, &scheduler)
    }

    /// The outcome of a handled contact; the agent's tenure and training scale the tier's shares.
    private func drawOutcome(tier: Int, _ adjustment: AgentAdjustment) -> CenterStatistics.Outcome {
        let resolved = min(1, plan.resolved[tier] * adjustment.resolved + adjustment.resolvedPoints)
        if resolved >= 1 { return .resolved }
        let u = outcomeStream.uniform()
        if u < resolved { return .resolved }
        if u < resolved + min(1 - resolved, plan.escalated[tier] * adjustment.escalated), plan.escalation[tier] != nil { return .escalated }
        return .unresolved
    }

    private mutating func escalate(_ ref: ContactRef, _ scheduler: inout EventScheduler<Event>) {
        var record = contacts[ref]
        guard let escalation = plan.escalation[Int(record.tier)] else { return }
        let channel = escalation.mode == .ticket ? (escalation.ticketChannel ?? Int(record.channel)) : Int(record.channel)
        let q = plan.queue(channel: channel, tier: escalation.toTier)
        record.channel = Int32(channel)
        record.tier = Int32(escalation.toTier)
        record.stage = escalation.mode == .ticket ? .ticket : .transfer
        record.escalated = true
        record.queuedAt = scheduler.now
        record.handleTime = plan.handleTime[q]?.sample(from: handleTimeStream) ?? 0
        let moved = contacts.rekey(ref)
        contacts[moved] = record
        let patience = escalation.mode == .warmTransfer ? plan.patience[channel]?.sample(from: patienceStream) : nil
        admit(moved, patience: patience, &scheduler)
    }

    private mutating func scheduleRepeat(of record: ContactRecord, probability: Double?, _ scheduler: inout EventScheduler<Event>) {
        guard let probability, probability > 0, let spec = plan.repeats[Int(record.tier)] else { return }
        guard repeatStream.uniform() < probability else { return }
        let channel = spec.channel ?? Int(record.channel)
        guard arrivalsOpen, let at = opening(channel: channel, from: scheduler.now + spec.delay.sample(from: repeatStream)),
              at < closeTime else { return }
        let comeback = ContactRecord(channel: Int32(channel), tier: record.tier, stage: .first,
                                     arrival: at, queuedAt: at, issueStart: record.issueStart,
                                     contactNumber: record.contactNumber + 1, issue: record.issue, escalated: false,
                                     handleTime: 0, abandonment: nil)
        scheduler.schedule(.repeatArrival(contacts.insert(comeback)), at: at)
    }

    /// The first time at or after `time` when `channel` takes contacts: a customer who
    /// comes back while the channel is closed tries again when it opens. Channels with a
    /// constant demand (or none: escalation-only queues) never close. Searched in steps
    /// of a reporting interval over at most a week; nil if the channel never opens.
    private func opening(channel c: Int, from time: Double) -> Double? {
        if case .constant = demandPatterns[c] { return time }
        if generators[c].rate(at: time) > 0 { return time }
        var t = (time / intervalLength).rounded(.down) * intervalLength
        for _ in 0..<Int((7 * 86_400 / intervalLength).rounded(.up)) {
            t += intervalLength
            if generators[c].rate(at: t) > 0 { return t }
        }
        return nil
    }

    /// An agent finished one contact: it takes more work if it is still available.
    private mutating func release(_ agent: Int, _ scheduler: inout EventScheduler<Event>) {
        let now = scheduler.now
        let team = Int(agents[agent].team)
        agents[agent].load -= 1
        agents[agent].ticket &+= 1
        if agents[agent].load == 0 {
            agents[agent].chatting = false
            statistics.busyChanged(team: team, by: -1, at: now)
            if !agents[agent].backlogOnly && agents[agent].available { liveIdle[team] += 1 }
            // Staffed time covers the last contact of a shift or before a break, so occupancy stays ≤ 100%.
            if !agents[agent].available { statistics.availableChanged(team: team, by: -1, at: now) }
            if let from = agents[agent].overtimeFrom {
                statistics.addOvertime(team: team, now - from)
                agents[agent].overtimeFrom = nil
            }
        }
        guard agents[agent].available else { return }
        dispatch(agent, &scheduler)
    }

    private mutating func abandon(_ ref: ContactRef, _ scheduler: inout EventScheduler<Event>) {
        guard contacts.isCurrent(ref) else { return }
        let record = contacts.remove(ref)
        let c = Int(record.channel)
        queues[plan.queue(channel: c, tier: Int(record.tier))].forget()
        waitingByChannel[c] -= 1
        statistics.queueChanged(channel: c, by: -1, at: scheduler.now)
        statistics.abandoned(record, at: scheduler.now)
        trace?.record(record, issue: Int(record.issue), at: scheduler.now, handleTime: nil, outcome: .abandoned, team: nil)
        scheduleRepeat(of: record, probability: plan.repeats[Int(record.tier)]?.afterAbandonment, &scheduler)
    }

    private mutating func overflow(_ ref: ContactRef, _ scheduler: inout EventScheduler<Event>) {
        guard contacts.isCurrent(ref) else { return }
        let record = contacts[ref]
        let c = Int(record.channel)
        let q = plan.queue(channel: c, tier: Int(record.tier))
        if let (agent, proficiency) = freeAgent(for: q, queuedAt: record.queuedAt, now: scheduler.now) {
            queues[q].forget()
            waitingByChannel[c] -= 1
            statistics.queueChanged(channel: c, by: -1, at: scheduler.now)
            startService(agent: agent, contacts.rekey(ref), proficiency: proficiency, &scheduler)
        } else if let at = nextOverflow(queue: q, queuedAt: record.queuedAt, now: scheduler.now) {
            scheduler.schedule(.overflow(ref), at: at)
        }
    }

    // MARK: Rota

    private mutating func startDay(_ day: Int, _ scheduler: inout EventScheduler<Event>) {
        if day % 7 == 0, workforce != nil {
            let masks = adjust.map(\.tierMask)
            workforce!.startWeek(day / 7, adjust: &adjust, rosterOffset: rosterOffset)
            // A trainee idle on a night shift at midnight may have just been cleared for more tiers.
            for agent in rosterOffset..<agents.count
            where adjust[agent].tierMask & ~masks[agent] != 0 && agents[agent].available && agents[agent].load == 0 {
                dispatch(agent, &scheduler)
            }
        }
        for transition in roster.transitions(day: day, workforce: workforceStream, absenteeism: absenteeismStream) {
            let change: AgentChange = switch transition.kind {
            case .shiftStart: .shiftStart
            case .shiftEnd: .shiftEnd
            case .breakStart, .auxStart: .pauseStart
            case .breakEnd, .auxEnd: .pauseEnd
            }
            // Nobody new comes on after closing; those on duty still go off.
            guard transition.time < closeTime || !transition.kind.isOn else { continue }
            let agent = Int32(rosterOffset + transition.agent)
            let at = max(transition.time, scheduler.now)
            switch workforce?.admit(transition) ?? .keep {
            case .keep:
                scheduler.schedule(.agentChange(agent: agent, change: change), at: at)
            case .drop:
                continue
            case .trainingBlock(let length):
                // The pause comes first, so the agent never takes a contact before the block.
                scheduler.schedule(.agentChange(agent: agent, change: .pauseStart), at: at)
                scheduler.schedule(.agentChange(agent: agent, change: change), at: at)
                if length < roster.shiftLength(of: transition.agent) - 1e-6, transition.time + length < closeTime {
                    scheduler.schedule(.agentChange(agent: agent, change: .pauseEnd), at: transition.time + length)
                }
            case .endThenResume:
                scheduler.schedule(.agentChange(agent: agent, change: change), at: at)
                scheduler.schedule(.agentChange(agent: agent, change: .pauseEnd), at: at)
            }
        }
        let next = Double(day + 1) * 86_400
        if next < closeTime { scheduler.schedule(.dayStart(day: Int32(day + 1)), at: next, priority: .urgent) }
    }

    private mutating func changeAgent(_ agent: Int, _ change: AgentChange, _ scheduler: inout EventScheduler<Event>) {
        let now = scheduler.now
        let team = Int(agents[agent].team)
        let wasAvailable = agents[agent].available
        switch change {
        case .shiftStart:
            agents[agent].onShift = true
            statistics.paidChanged(team: team, by: paidShare[agent - rosterOffset], at: now)
        case .shiftEnd:
            agents[agent].onShift = false
            statistics.paidChanged(team: team, by: -paidShare[agent - rosterOffset], at: now)
            if agents[agent].load > 0 { agents[agent].overtimeFrom = now }
        case .pauseStart: agents[agent].pauses += 1
        case .pauseEnd: agents[agent].pauses = max(0, agents[agent].pauses - 1)
        }
        let isAvailable = agents[agent].available
        guard wasAvailable != isAvailable else { return }
        if !agents[agent].backlogOnly {
            let step: Int32 = isAvailable ? 1 : -1
            liveOnPhones[team] += step
            if agents[agent].load == 0 { liveIdle[team] += step }
        }
        // An agent still handling a contact stays staffed until it ends (see `release`).
        if agents[agent].load == 0 { statistics.availableChanged(team: team, by: isAvailable ? 1 : -1, at: now) }
        agents[agent].ticket &+= 1
        if isAvailable && (agents[agent].load == 0 || agents[agent].chatting) { dispatch(agent, &scheduler) }
    }

    // MARK: Measurement

    private mutating func queueSnapshot(at now: Double) -> ([Int], [Double]) {
        var oldest = Array(repeating: 0.0, count: plan.channelCount)
        for q in 0..<plan.queueCount {
            guard let head = queues[q].head(in: contacts) else { continue }
            let c = plan.channel(ofQueue: q)
            oldest[c] = max(oldest[c], now - contacts[head].queuedAt)
        }
        return (waitingByChannel, oldest)
    }

    private mutating func stopMeasuring(at now: Double) {
        let (backlog, oldest) = queueSnapshot(at: now)
        statistics.stopMeasuring(at: now, backlog: backlog, oldestAge: oldest)
    }

    private mutating func closeEarly(_ scheduler: inout EventScheduler<Event>) {
        arrivalsOpen = false
        measurementEnd = scheduler.now
        if let pending = pendingIntervalEnd, scheduler.cancel(pending) {
            stopMeasuring(at: scheduler.now)
            pendingIntervalEnd = nil
        }
    }
}

extension ContactCenterModel {
    /// Builds the output record once the run has drained.
    func result(replication: Int, eventsHandled: Int) -> CenterResult {
        let s = statistics
        let window = max(measurementEnd - measurementStart, 0)
        let measured = s.closedIntervals
        // Hand over the statistics' arrays (shared, not copied) when every interval was measured.
        let cellCount = measured * s.channels * s.tiers
        var outcomeCells = cellCount == s.outcomes.count ? s.outcomes : Array(s.outcomes.prefix(cellCount))
        // First waits shorter than the threshold when service stopped (arrivals close, and no
        // backlog work starts after): right-censored, left out of the service level.
        for queue in queues {
            for ref in queue.waiting(in: contacts) {
                let record = contacts[ref]
                let c = Int(record.channel)
                guard record.stage == .first, !record.isCallback, closeTime - record.queuedAt < s.thresholds[c],
                      let i = s.cell(arrival: record.arrival, channel: c, tier: Int(record.tier)), i < outcomeCells.count else { continue }
                outcomeCells[i].censored += 1
            }
        }
        let resolutionCells = cellCount == s.resolutions.count ? s.resolutions : Array(s.resolutions.prefix(cellCount))
        func length(_ i: Int) -> Double { min(intervalLength, window - Double(i) * intervalLength) }
        var channelIntervals: [CenterResult.ChannelInterval] = []
        var teamIntervals: [CenterResult.TeamInterval] = []
        for i in 0..<measured {
            let span = length(i)
            for c in 0..<s.channels {
                let x = i * s.channels + c
                channelIntervals.append(.init(meanQueueLength: span > 0 ? s.intervalQueue[x] / span : 0,
                                              backlog: s.intervalBacklog[x], oldestAge: s.intervalOldest[x]))
            }
            for t in 0..<s.teams {
                let x = i * s.teams + t
                teamIntervals.append(.init(meanBusy: span > 0 ? s.intervalBusy[x] / span : 0,
                                           meanAvailable: span > 0 ? s.intervalAvailable[x] / span : 0,
                                           handled: s.intervalHandled[x]))
            }
        }
        let teamTotals = (0..<s.teams).map { t in
            CenterResult.Team(busySeconds: s.measuredBusy[t], availableSeconds: s.measuredAvailable[t],
                              paidSeconds: s.measuredPaid[t], overtimeSeconds: s.overtime[t],
                              handled: (0..<measured).reduce(0) { $0 + s.intervalHandled[$1 * s.teams + t] })
        }
        func percentile(_ p: Double) -> [Double?] { s.waits.map { $0.count > 0 ? $0.quantile(p) : nil } }
        return CenterResult(
            replication: replication, channels: s.channels, tiers: s.tiers, teams: s.teams,
            intervalLength: intervalLength, intervalCount: measured, measuredDuration: window,
            outcomeCells: outcomeCells, resolutionCells: resolutionCells, channelIntervals: channelIntervals, teamIntervals: teamIntervals, teamTotals: teamTotals,
            waitP50: percentile(0.5), waitP90: percentile(0.9), waitP95: percentile(0.95),
            meanQueueLength: s.measuredQueue.map { window > 0 ? $0 / window : 0 },
            unansweredAtEnd: waitingByChannel, workforceWeeks: workforce?.weeks ?? [],
            arrivalsSimulated: arrivalsSimulated, eventsHandled: eventsHandled
        )
    }
}
