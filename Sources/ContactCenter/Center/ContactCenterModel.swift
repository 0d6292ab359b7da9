import Scenarios
import SimKernel
import Stochastics

/// The full contact center on the generic kernel: the contact's life cycle (arrive, wait,
/// get handled, escalate, come back, leave) and the rota's changes.
///
/// The state lives in rooms that own their invariants: ``WaitingQueues`` (who waits where),
/// ``AgentPool`` (who is free, busy or off) and ``Router`` (who serves whom, by the scenario's
/// policy). The model only sequences them; ``CenterStatistics`` measures and builds the result.
public struct ContactCenterModel: DiscreteEventModel {
    public typealias Event = CenterEvent

    let plan: CenterPlan
    let measurementStart: Double
    let closeTime: Double
    let intervalLength: Double
    let intervalCount: Int
    let maxArrivals: Int?

    // One stream per purpose; channels draw their arrivals from substreams of the arrivals stream.
    let arrivalStreams: [RandomStream]
    let tierStream: RandomStream
    let handleTimeStream: RandomStream
    let patienceStream: RandomStream
    let outcomeStream: RandomStream
    let repeatStream: RandomStream
    let callbackStream: RandomStream

    let generators: RoomArray<ArrivalGenerator>
    /// Per channel: the forecast's AHT by interval as a factor on new contacts' handle times; nil = none.
    let handleScales: [HandleTimeScale?]
    /// Per channel: the forecast's tier mix by interval, nil when it gives none.
    let tierMixes: [ForecastTierMix?]
    let hasTierMixes: Bool
    /// Whether any channel has one (most scenarios: none, and arrivals skip the lookup).
    let hasHandleScales: Bool
    let roster: Roster
    let workforceStream: RandomStream
    let absenteeismStream: RandomStream
    /// Aux blocks of roster teams with a shrinkage; nil (never made) without one.
    let rosterAuxStream: RandomStream?
    package private(set) var pool: AgentPool
    /// Rota seats' occupants over the weeks; nil without workforce dynamics and programs.
    var workforce: WorkforceDynamics?
    package private(set) var queues: WaitingQueues
    let router: Router
    var contacts = ContactTable()
    var statistics: CenterStatistics

    /// The day's rota changes, gathered for the kernel's feed (storage kept from day to day).
    var rotaChanges: [(event: CenterEvent, time: Double, priority: EventPriority)] = []
    /// The day's transitions from the roster (storage kept from day to day).
    var rotaDay = RosterDay()

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

        generators = RoomArray(center.channels.indices.map { c in
            // Each channel's busyness factors come from its own substream.
            let stream = streams.stream(replication: replication, purpose: .busyness)
            for _ in 0..<c { stream.nextSubstream() }
            return ArrivalGenerator(demand: center.channels[c].demand, startWeekday: center.startWeekday,
                                    horizonEnd: run.warmup + run.horizon, busyness: stream)
        })
        let built = plan
        handleScales = center.channels.indices.map { c in
            let baseline = center.channels[c].tierShares.enumerated().reduce(0.0) { $0 + $1.element * built.meanHandleTime[built.queue(channel: c, tier: $1.offset)] }
            return HandleTimeScale(demand: center.channels[c].demand, baselineMean: baseline,
                                   tierMeans: center.tiers.indices.map { built.meanHandleTime[built.queue(channel: c, tier: $0)] })
        }
        tierMixes = center.channels.map { ForecastTierMix(demand: $0.demand) }
        hasTierMixes = tierMixes.contains { $0 != nil }
        hasHandleScales = handleScales.contains { $0 != nil }
        let roster = Roster(teams: center.teams, startWeekday: center.startWeekday)
        self.roster = roster
        workforceStream = streams.stream(replication: replication, purpose: .workforce)
        absenteeismStream = streams.stream(replication: replication, purpose: .absenteeism)
        rosterAuxStream = roster.needsAuxStream ? streams.stream(replication: replication, purpose: .rosterAux) : nil
        paidShare = roster.agents.indices.map { a in
            if a >= roster.published.firstAgent { return roster.published.paidShare(of: a) }
            let seat = roster.agents[a], shift = center.teams[seat.team].shifts[seat.shift]
            return shift.length > 0 ? seat.paidSecondsPerShift / shift.length : 1
        }
        var agents: [AgentRecord] = []
        // The first `backlogShare` of each shift's seats (and of the agents on duty throughout) work backlog only.
        func reserved(_ seat: Int, of count: Int, _ team: AgentTeamSpec) -> Bool {
            seat < Int((team.backlogShare * Double(count)).rounded())
        }
        for (t, team) in center.teams.enumerated() {
            for seat in 0..<team.constantAgents {
                agents.append(AgentRecord(team: t, profile: plan.profiles.base[t], permanent: true, backlogOnly: reserved(seat, of: team.constantAgents, team)))
            }
        }
        for (a, seat) in roster.agents.enumerated() {
            let team = center.teams[seat.team]
            // A published roster's first `backlogShare` of named agents, like a shift's first seats.
            let published = a >= roster.published.firstAgent
            let seats = published ? roster.published.teamSize[seat.team] ?? 0 : team.shifts[seat.shift].agents
            let profile = published ? plan.profiles.rostered[seat.team][seat.seat] : plan.profiles.base[seat.team]
            agents.append(AgentRecord(team: seat.team, profile: profile, permanent: false, backlogOnly: reserved(seat.seat, of: seats, team)))
        }
        rosterOffset = agents.count - roster.agents.count
        pool = AgentPool(agents: agents, teams: center.teams.count, chatCapacity: plan.profileChatCapacity, rosterOffset: rosterOffset)
        workforce = WorkforceDynamics(center: center, roster: roster, streams: streams, replication: replication)
        queues = WaitingQueues(channels: plan.channelCount, tiers: plan.tierCount)
        // The routing stream is made only for a policy that draws (making one costs 63 matrix products).
        router = Router(plan: plan, closeTime: closeTime,
                        stream: plan.policy == .randomAgent ? streams.stream(replication: replication, purpose: .routing) : nil)
        statistics = CenterStatistics(measurementStart: measurementStart, intervalLength: intervalLength,
                                      intervalCount: intervalCount, plan: plan, teams: center.teams.count,
                                      resolutionTarget: center.resolutionTarget)
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
        for a in 0..<rosterOffset { pool.startPermanent(a, &statistics) }
        if !roster.agents.isEmpty { scheduler.schedule(.dayStart(day: 0), at: 0, priority: .urgent) }
        for c in 0..<plan.channelCount {
            if let first = generators[c].next(after: 0, stream: arrivalStreams[c]), first < closeTime {
                // Each channel's next arrival waits in a lane of its own, off the heap.
                scheduler.schedule(.arrival(channel: Int32(c)), at: first, lane: c)
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
                let (backlog, oldest) = queues.snapshot(at: scheduler.now, in: contacts)
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
            scheduler.schedule(.arrival(channel: Int32(c)), at: next, lane: c)
        }
        let tier: Int
        if hasTierMixes, let mix = tierMixes[c], let slot = mix.slot(at: now) {
            tier = mix.sole[slot] ?? mix.tier(slot: slot, u: tierStream.uniform())
        } else {
            tier = plan.soleTier[c] ?? drawTier(channel: c)
        }
        let q = plan.queue(channel: c, tier: tier)
        // Attributes are drawn at arrival, whatever happens next, so the i-th
        // customer is the same person in every scenario run with this seed.
        var handle = plan.drawHandleTime(queue: q, from: handleTimeStream)
        if hasHandleScales, let scale = handleScales[c] { handle *= scale.factor(at: now) }
        let patience = plan.drawPatience(channel: c, from: patienceStream)
        issuesStarted += 1
        let record = ContactRecord(channel: Int32(c), tier: Int32(tier), stage: .first, arrival: now,
                                   arrivalInterval: statistics.interval(at: now), queuedAt: now,
                                   issueStart: now, contactNumber: 1, issue: issuesStarted, escalated: false,
                                   handleTime: handle, abandonment: nil)
        admit(contacts.insert(record), record, patience: patience, &scheduler)
    }

    @inline(__always)
    private func drawTier(channel c: Int) -> Int {
        let u = tierStream.uniform()
        let cumulative = plan.tierCumulative[c]
        for (k, bound) in cumulative.enumerated() where u < bound { return k }
        return cumulative.count - 1
    }

    private mutating func admitInitial(channel c: Int, age: Double, _ scheduler: inout EventScheduler<Event>) {
        let tier = plan.soleTier[c] ?? drawTier(channel: c)
        let q = plan.queue(channel: c, tier: tier)
        let handle = plan.drawHandleTime(queue: q, from: handleTimeStream)
        let patience = plan.drawPatience(channel: c, from: patienceStream).map { max(0, $0 - age) }
        issuesStarted += 1
        let record = ContactRecord(channel: Int32(c), tier: Int32(tier), stage: .first, arrival: -age,
                                   arrivalInterval: statistics.interval(at: -age), queuedAt: -age,
                                   issueStart: -age, contactNumber: 1, issue: issuesStarted, escalated: false,
                                   handleTime: handle, abandonment: nil)
        admit(contacts.insert(record), record, patience: patience, &scheduler)
    }

    private mutating func comeBack(_ ref: ContactRef, _ scheduler: inout EventScheduler<Event>) {
        var record = contacts[ref]
        let q = plan.queue(channel: Int(record.channel), tier: Int(record.tier))
        record.handleTime = plan.drawHandleTime(queue: q, from: handleTimeStream)
        contacts[ref] = record
        arrivalsSimulated += 1
        admit(ref, record, patience: plan.drawPatience(channel: Int(record.channel), from: patienceStream), &scheduler)
    }

    /// Gives a contact to a free agent, or queues it with its patience and overflow timers.
    /// `record` is the contact's row in the table (passed along, not read back).
    private mutating func admit(_ ref: ContactRef, _ record: ContactRecord, patience: Double?, _ scheduler: inout EventScheduler<Event>) {
        let c = Int(record.channel)
        let q = plan.queue(channel: c, tier: Int(record.tier))
        let now = scheduler.now
        if let (agent, proficiency) = router.selectAgent(for: q, queuedAt: record.queuedAt, now: now, pool: &pool) {
            statistics.arrived(record, delayed: false)
            startService(agent: agent, ref, record, proficiency: proficiency, &scheduler)
            return
        }
        statistics.arrived(record, delayed: true)
        queues.enqueue(ref, queue: q, at: now, &statistics)
        let callback = record.stage == .first ? plan.callbacks[c].flatMap { takesCallback(queue: q, offer: $0) } : nil
        if let callback { statistics.callbackOffered(record, accepted: callback) }
        if callback == true {
            contacts[ref].isCallback = true
        } else if let patience {
            contacts[ref].abandonment = scheduler.schedule(.abandonment(ref), after: patience)
        }
        if let at = router.nextOverflow(queue: q, queuedAt: record.queuedAt, now: now) {
            scheduler.schedule(.overflow(ref), at: at)
        }
    }

    /// Whether a caller about to queue takes a callback: offered when the expected
    /// wait (contacts ahead and this one, times the mean handle time, over the
    /// agents on duty who serve the queue) exceeds the threshold; accepted with
    /// the offer's probability. The callback keeps the caller's place in line.
    /// nil when no callback is offered.
    @inline(__always)
    private func takesCallback(queue q: Int, offer: CallbackOffer) -> Bool? {
        var agents = 0.0
        for p in plan.servers.range(q) { agents += Double(pool.onDuty[plan.servers[position: p].profile]) }
        let expectedWait = Double(queues.count(q)) * plan.meanHandleTime[q] / max(agents, 1)
        guard expectedWait > offer.whenExpectedWaitAbove else { return nil }
        return callbackStream.uniform() < offer.acceptance
    }

    // MARK: Service

    /// Lets a free, available agent take waiting work, or files it as free.
    private mutating func dispatch(_ agent: Int, _ scheduler: inout EventScheduler<Event>) {
        let now = scheduler.now
        if let (q, proficiency) = router.selectContact(for: agent, now: now, pool: pool, queues: &queues, contacts: contacts),
           let head = queues.head(q, in: contacts) {
            queues.removeHead(q, at: now, &statistics)
            startService(agent: agent, contacts.rekey(head), contacts[head], proficiency: proficiency, &scheduler)
        } else {
            pool.fileFree(agent, at: now)
        }
    }

    /// `record` is the contact's row in the table; its handle time becomes the time worked.
    private mutating func startService(agent: Int, _ ref: ContactRef, _ record: ContactRecord, proficiency: Double,
                                       _ scheduler: inout EventScheduler<Event>) {
        let now = scheduler.now
        if let timer = record.abandonment {
            scheduler.cancel(timer)
            contacts[ref].abandonment = nil
        }
        statistics.answered(record, at: now, promise: plan.callbacks[Int(record.channel)]?.promisedWithin)
        let c = Int(record.channel)
        let isChat = plan.kinds[c] == .chat
        let load = pool.beginContact(agent, chatConcurrency: isChat ? plan.chatConcurrency[c] : nil, at: now, &statistics)
        var duration = record.handleTime * proficiency * pool.adjustment(agent).handleTime
        if isChat { duration *= 1 + plan.chatSlowdown[c] * Double(load - 1) }
        // Only the handle time changes (and the timer above): two fields written, not the whole row.
        contacts[ref].handleTime = duration
        scheduler.schedule(.handlingEnd(agent: Int32(agent), contact: ref), after: duration)
    }

    // MARK: End of handling

    private mutating func finishHandling(agent: Int, _ ref: ContactRef, _ scheduler: inout EventScheduler<Event>) {
        let now = scheduler.now
        let record = contacts[ref]
        let tier = Int(record.tier)
        let team = Int(pool[agent].team)
        let adjustment = pool.adjustment(agent)
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
    @inline(__always)
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
        record.isCallback = false  // the callback was made; the next wait is a new one
        record.queuedAt = scheduler.now
        record.handleTime = plan.drawHandleTime(queue: q, from: handleTimeStream)
        let moved = contacts.rekey(ref)
        contacts[moved] = record
        let patience = escalation.mode == .warmTransfer ? plan.drawPatience(channel: channel, from: patienceStream) : nil
        admit(moved, record, patience: patience, &scheduler)
    }

    private mutating func scheduleRepeat(of record: ContactRecord, probability: Double?, _ scheduler: inout EventScheduler<Event>) {
        guard let probability, probability > 0, let spec = plan.repeats[Int(record.tier)] else { return }
        guard repeatStream.uniform() < probability else { return }
        let channel = spec.channel ?? Int(record.channel)
        guard arrivalsOpen, let at = opening(channel: channel, from: scheduler.now + spec.delay.sample(from: repeatStream)),
              at < closeTime else { return }
        let comeback = ContactRecord(channel: Int32(channel), tier: record.tier, stage: .first,
                                     arrival: at, arrivalInterval: statistics.interval(at: at), queuedAt: at, issueStart: record.issueStart,
                                     contactNumber: record.contactNumber + 1, issue: record.issue, escalated: false,
                                     handleTime: 0, abandonment: nil)
        scheduler.schedule(.repeatArrival(contacts.insert(comeback)), at: at)
    }

    /// The first time at or after `time` when `channel` takes contacts: a customer who
    /// comes back while the channel is closed tries again when it opens. Channels with a
    /// constant demand (or none: escalation-only queues) never close. Searched in steps
    /// of a reporting interval over at most a week; nil if the channel never opens.
    @inline(__always)
    private func opening(channel c: Int, from time: Double) -> Double? {
        if case .constant = demandPatterns[c] { return time }
        if generators[c].takesContacts(at: time) { return time }
        var t = (time / intervalLength).rounded(.down) * intervalLength
        for _ in 0..<Int((7 * 86_400 / intervalLength).rounded(.up)) {
            t += intervalLength
            if generators[c].takesContacts(at: t) { return t }
        }
        return nil
    }

    /// An agent finished one contact: it takes more work if it is still available.
    private mutating func release(_ agent: Int, _ scheduler: inout EventScheduler<Event>) {
        if pool.endContact(agent, at: scheduler.now, &statistics) { dispatch(agent, &scheduler) }
    }

    private mutating func abandon(_ ref: ContactRef, _ scheduler: inout EventScheduler<Event>) {
        guard contacts.isCurrent(ref) else { return }
        let record = contacts.remove(ref)
        queues.remove(from: plan.queue(channel: Int(record.channel), tier: Int(record.tier)), at: scheduler.now, &statistics)
        statistics.abandoned(record, at: scheduler.now)
        trace?.record(record, issue: Int(record.issue), at: scheduler.now, handleTime: nil, outcome: .abandoned, team: nil)
        scheduleRepeat(of: record, probability: plan.repeats[Int(record.tier)]?.afterAbandonment, &scheduler)
    }

    private mutating func overflow(_ ref: ContactRef, _ scheduler: inout EventScheduler<Event>) {
        guard contacts.isCurrent(ref) else { return }
        let record = contacts[ref]
        let q = plan.queue(channel: Int(record.channel), tier: Int(record.tier))
        if let (agent, proficiency) = router.selectAgent(for: q, queuedAt: record.queuedAt, now: scheduler.now, pool: &pool) {
            queues.remove(from: q, at: scheduler.now, &statistics)
            startService(agent: agent, contacts.rekey(ref), record, proficiency: proficiency, &scheduler)
        } else if let at = router.nextOverflow(queue: q, queuedAt: record.queuedAt, now: scheduler.now) {
            scheduler.schedule(.overflow(ref), at: at)
        }
    }

    // MARK: Rota

    private mutating func startDay(_ day: Int, _ scheduler: inout EventScheduler<Event>) {
        if day % 7 == 0, workforce != nil {
            // A trainee idle on a night shift at midnight may have just been cleared for more tiers.
            for agent in pool.startWeek(day / 7, &workforce!) { dispatch(agent, &scheduler) }
        }
        rotaChanges.removeAll(keepingCapacity: true)
        roster.transitions(day: day, workforce: workforceStream, absenteeism: absenteeismStream, aux: rosterAuxStream, into: &rotaDay)
        for transition in rotaDay.transitions {
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
                rotaChanges.append((.agentChange(agent: agent, change: change), at, .normal))
            case .drop:
                continue
            case .trainingBlock(let length):
                // The pause comes first, so the agent never takes a contact before the block.
                rotaChanges.append((.agentChange(agent: agent, change: .pauseStart), at, .normal))
                rotaChanges.append((.agentChange(agent: agent, change: change), at, .normal))
                if length < roster.shiftLength(of: transition.agent) - 1e-6, transition.time + length < closeTime {
                    rotaChanges.append((.agentChange(agent: agent, change: .pauseEnd), transition.time + length, .normal))
                }
            case .endThenResume:
                rotaChanges.append((.agentChange(agent: agent, change: change), at, .normal))
                rotaChanges.append((.agentChange(agent: agent, change: .pauseEnd), at, .normal))
            }
        }
        // The day's changes (sorted by the roster) wait in the kernel's feed, off the heap: the
        // same order of events as scheduling them one by one.
        scheduler.scheduleInOrder(rotaChanges)
        let next = Double(day + 1) * 86_400
        if next < closeTime { scheduler.schedule(.dayStart(day: Int32(day + 1)), at: next, priority: .urgent) }
    }

    private mutating func changeAgent(_ agent: Int, _ change: AgentChange, _ scheduler: inout EventScheduler<Event>) {
        let paid = agent >= rosterOffset ? paidShare[agent - rosterOffset] : 1
        if pool.change(agent, change, paidShare: paid, at: scheduler.now, &statistics) { dispatch(agent, &scheduler) }
    }

    // MARK: Measurement

    private mutating func stopMeasuring(at now: Double) {
        let (backlog, oldest) = queues.snapshot(at: now, in: contacts)
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
    /// The output record once the run has drained (built by the statistics).
    package func result(replication: Int, eventsHandled: Int) -> CenterResult {
        statistics.result(replication: replication, eventsHandled: eventsHandled, measurementEnd: measurementEnd,
                          closeTime: closeTime, waiting: queues, contacts: contacts, workforceWeeks: workforce?.weeks ?? [],
                          arrivalsSimulated: arrivalsSimulated)
    }

    /// Checks every room's invariants and the contacts' bookkeeping against each other.
    /// O(agents + contacts): tests run it after every event (see `InvariantCheckedCenter`); runs never do.
    package func checkInvariants() throws {
        try pool.checkInvariants()
        try queues.checkInvariants(contacts: contacts)
        var waiting = 0
        queues.forEachWaiting(in: contacts) { _ in waiting += 1 }
        var inService = 0
        for a in 0..<pool.count { inService += Int(pool[a].load) }
        // Contacts in the table: waiting, in service, or prepared for a scheduled repeat.
        if waiting + inService > contacts.count {
            throw InvariantViolation("\(waiting) waiting and \(inService) in service but \(contacts.count) contacts in the table")
        }
    }
}
