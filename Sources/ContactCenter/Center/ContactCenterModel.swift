import Scenarios
import SimKernel
import Stochastics

/// The full contact center on the generic kernel: the contact's life cycle. A contact arrives
/// (new, from the initial queue, or coming back about its issue), goes to a free agent or waits
/// (with a callback offer, a patience and overflow timers), is handled, then is resolved,
/// escalated (a transfer or a ticket that waits again) or left unresolved (and may come back);
/// a waiting caller may abandon (and may come back).
///
/// Everything else lives in rooms that own their invariants, and the model only sequences them:
/// ``ChannelArrivals`` (when new contacts come), ``ContactDraws`` (who they are: tier, handle
/// time, patience, outcome, repeats, callbacks), ``WaitingQueues`` (who waits where),
/// ``AgentPool`` (who is free, busy or off), ``Router`` (who serves whom, by the scenario's policy),
/// ``Rota`` (who is on shift, and the weekly workforce update), ``MeasurementWindow`` (when the
/// run measures) and ``CenterStatistics`` (what is measured, and the result).
public struct ContactCenterModel: DiscreteEventModel {
    public typealias Event = CenterEvent

    let plan: CenterPlan
    let arrivals: ChannelArrivals
    let draws: ContactDraws
    let router: Router
    package private(set) var pool: AgentPool
    package private(set) var queues: WaitingQueues
    var contacts = ContactTable()
    var rota: Rota
    var window: MeasurementWindow
    var statistics: CenterStatistics
    /// Per-contact rows, when a trace was asked for. Set before `start`: the trace numbers the
    /// issues and keeps each contact's arrival from the first contact on.
    var trace: ContactTrace?
    /// Contacts that arrived (new ones and customers coming back), warm-up included.
    private(set) var arrivalsSimulated = 0

    public init(scenario: Scenario, streams: StreamPlan, replication: Int) {
        self.init(center: scenario.center, run: scenario.run, streams: streams, replication: replication)
    }

    public init(center: CenterSpec, run: RunSettings, streams: StreamPlan, replication: Int) {
        plan = CenterPlan(center)
        window = MeasurementWindow(run: run)
        arrivals = ChannelArrivals(center: center, run: run, streams: streams, replication: replication)
        draws = ContactDraws(center: center, plan: plan, streams: streams, replication: replication)
        let roster = Roster(teams: center.teams, startWeekday: center.startWeekday)
        pool = AgentPool(center: center, plan: plan, roster: roster)
        rota = Rota(center: center, roster: roster, rosterOffset: pool.rosterOffset, closeTime: window.closeTime,
                    streams: streams, replication: replication)
        queues = WaitingQueues(channels: plan.channelCount, tiers: plan.tierCount)
        router = Router(plan: plan, closeTime: window.closeTime, streams: streams, replication: replication)
        statistics = CenterStatistics(measurementStart: window.measurementStart, intervalLength: window.intervalLength,
                                      intervalCount: window.intervalCount, plan: plan, teams: center.teams.count,
                                      resolutionTarget: center.resolutionTarget)
    }

    /// Schedules what starts a run: permanent agents, the first day's rota, the
    /// end of the warm-up, each channel's first arrival and any initial queue.
    public mutating func start(_ scheduler: inout EventScheduler<Event>) {
        window.start(&scheduler)
        for a in 0..<pool.rosterOffset { pool.startPermanent(a, &statistics) }
        rota.start(&scheduler)
        for c in 0..<plan.channelCount {
            if let first = arrivals.next(channel: c, after: 0) {
                // Each channel's next arrival waits in a lane of its own, off the heap.
                scheduler.schedule(.arrival(channel: Int32(c)), at: first, lane: c)
            }
        }
        for (c, initial) in arrivals.initialQueues.enumerated() {
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
        case .agentChange(let agent, let change):
            let agent = Int(agent)
            if pool.change(agent, change, paidShare: rota.paidShare(of: agent), at: scheduler.now, &statistics) { dispatch(agent, &scheduler) }
        case .dayStart(let day):
            for agent in rota.startWeek(ifFirstDay: Int(day), pool: &pool) { dispatch(agent, &scheduler) }
            rota.scheduleDay(Int(day), &scheduler)
        case .measurementStart: window.begin(&statistics, &scheduler)
        case .intervalEnd: window.endInterval(queues: &queues, contacts: contacts, &statistics, &scheduler)
        }
    }

    // MARK: Arrivals

    // The steps every contact takes (arrive, admit, start and finish service, dispatch) are inlined
    // into `handle`: as calls, their prologues and argument passing were ~2% of a run's instructions.
    @inline(__always)
    private mutating func arrive(channel c: Int, _ scheduler: inout EventScheduler<Event>) {
        let now = scheduler.now
        arrivalsSimulated += 1
        if window.countArrival(at: now) { window.closeEarly(queues: &queues, contacts: contacts, &statistics, &scheduler) }
        if window.arrivalsOpen, let next = arrivals.next(channel: c, after: now) {
            scheduler.schedule(.arrival(channel: Int32(c)), at: next, lane: c)
        }
        // Attributes are drawn at arrival, whatever happens next, so the i-th
        // customer is the same person in every scenario run with this seed.
        let tier = draws.arrivingTier(channel: c, at: now)
        let q = plan.queue(channel: c, tier: tier)
        let handle = draws.arrivingHandleTime(queue: q, channel: c, at: now)
        let patience = draws.patience(channel: c)
        let record = ContactRecord(channel: Int32(c), tier: Int32(tier), stage: .first,
                                   arrivalCell: statistics.arrivalCell(at: now, channel: c, tier: tier), queuedAt: now,
                                   issueStart: now, contactNumber: 1, escalated: false, handleTime: handle, abandonment: nil)
        let ref = contacts.insert(record)
        trace?.beganIssue(ref, arrival: now)
        admit(ref, record, patience: patience, &scheduler)
    }

    /// A contact waiting at time 0 since `age` seconds (its patience already partly spent).
    private mutating func admitInitial(channel c: Int, age: Double, _ scheduler: inout EventScheduler<Event>) {
        let tier = draws.tier(channel: c)
        let q = plan.queue(channel: c, tier: tier)
        let handle = draws.handleTime(queue: q)
        let patience = draws.patience(channel: c).map { max(0, $0 - age) }
        let record = ContactRecord(channel: Int32(c), tier: Int32(tier), stage: .first,
                                   arrivalCell: statistics.arrivalCell(at: -age, channel: c, tier: tier), queuedAt: -age,
                                   issueStart: -age, contactNumber: 1, escalated: false, handleTime: handle, abandonment: nil)
        let ref = contacts.insert(record)
        trace?.beganIssue(ref, arrival: -age)
        admit(ref, record, patience: patience, &scheduler)
    }

    private mutating func comeBack(_ ref: ContactRef, _ scheduler: inout EventScheduler<Event>) {
        var record = contacts[ref]
        let q = plan.queue(channel: Int(record.channel), tier: Int(record.tier))
        record.handleTime = draws.handleTime(queue: q)
        contacts[ref] = record
        arrivalsSimulated += 1
        admit(ref, record, patience: draws.patience(channel: Int(record.channel)), &scheduler)
    }

    /// Gives a contact to a free agent, or queues it with its patience and overflow timers.
    /// `record` is the contact's row in the table (passed along, not read back).
    @inline(__always)
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
        return draws.acceptsCallback(offer)
    }

    // MARK: Service

    /// Lets a free, available agent take waiting work, or files it as free.
    @inline(__always)
    private mutating func dispatch(_ agent: Int, _ scheduler: inout EventScheduler<Event>) {
        let now = scheduler.now
        if let (q, proficiency) = router.selectContact(for: agent, now: now, pool: &pool, queues: queues, contacts: contacts),
           let head = queues.head(q, in: contacts) {
            queues.removeHead(q, at: now, &statistics)
            startService(agent: agent, contacts.rekey(head), contacts[head], proficiency: proficiency, &scheduler)
        } else {
            pool.fileFree(agent, at: now)
        }
    }

    /// `record` is the contact's row in the table; its handle time becomes the time worked.
    @inline(__always)
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

    @inline(__always)
    private mutating func finishHandling(agent: Int, _ ref: ContactRef, _ scheduler: inout EventScheduler<Event>) {
        let now = scheduler.now
        let record = contacts[ref]
        let tier = Int(record.tier)
        let team = Int(pool[agent].team)
        let adjustment = pool.adjustment(agent)
        let outcome = draws.outcome(tier: tier, adjustment)
        statistics.handled(record, by: team, outcome: outcome, handleTime: record.handleTime, at: now)
        if let trace {
            let traced: ContactTrace.Outcome = switch outcome {
            case .resolved: .resolved
            case .escalated: .escalated
            case .unresolved: .unresolved
            }
            trace.record(record, ref, at: now, handleTime: record.handleTime, outcome: traced, team: team)
        }
        switch outcome {
        case .resolved:
            _ = contacts.remove(ref)
        case .escalated:
            escalate(ref, &scheduler)
        case .unresolved:
            let gone = contacts.remove(ref)
            scheduleRepeat(of: gone, ref, probability: plan.repeats[tier].map { $0.afterUnresolved * adjustment.repeats }, &scheduler)
        }
        // The agent finished one contact: it takes more work if it is still available.
        if pool.endContact(agent, at: now, &statistics) { dispatch(agent, &scheduler) }
    }

    private mutating func escalate(_ ref: ContactRef, _ scheduler: inout EventScheduler<Event>) {
        var record = contacts[ref]
        guard let escalation = plan.escalation[Int(record.tier)] else { return }
        let channel = escalation.mode == .ticket ? (escalation.ticketChannel ?? Int(record.channel)) : Int(record.channel)
        let q = plan.queue(channel: channel, tier: escalation.toTier)
        record.arrivalCell = statistics.arrivalCell(record.arrivalCell, movedTo: channel, tier: escalation.toTier)
        record.channel = Int32(channel)
        record.tier = Int32(escalation.toTier)
        record.stage = escalation.mode == .ticket ? .ticket : .transfer
        record.escalated = true
        record.isCallback = false  // the callback was made; the next wait is a new one
        record.queuedAt = scheduler.now
        record.handleTime = draws.handleTime(queue: q)
        let moved = contacts.rekey(ref)
        contacts[moved] = record
        let patience = escalation.mode == .warmTransfer ? draws.patience(channel: channel) : nil
        admit(moved, record, patience: patience, &scheduler)
    }

    /// The customer comes back about the issue with `probability` (a repeat of the tier's spec),
    /// after its delay, when its channel is open; prepared in the table now, arriving then.
    /// `record` and `ref` are the contact that just left the table.
    private mutating func scheduleRepeat(of record: ContactRecord, _ ref: ContactRef, probability: Double?,
                                         _ scheduler: inout EventScheduler<Event>) {
        guard let probability, probability > 0, let spec = plan.repeats[Int(record.tier)] else { return }
        guard draws.comesBack(probability: probability) else { return }
        let channel = spec.channel ?? Int(record.channel)
        guard window.arrivalsOpen, let at = arrivals.opening(channel: channel, from: scheduler.now + draws.repeatDelay(spec)),
              at < window.closeTime else { return }
        let comeback = ContactRecord(channel: Int32(channel), tier: record.tier, stage: .first,
                                     arrivalCell: statistics.arrivalCell(at: at, channel: channel, tier: Int(record.tier)),
                                     queuedAt: at, issueStart: record.issueStart,
                                     contactNumber: record.contactNumber + 1, escalated: false, handleTime: 0, abandonment: nil)
        let issue = trace?.issue(of: ref)  // read before the insert, which may reuse the slot
        let comebackRef = contacts.insert(comeback)
        if let issue { trace?.cameBack(comebackRef, arrival: at, issue: issue) }
        scheduler.schedule(.repeatArrival(comebackRef), at: at)
    }

    private mutating func abandon(_ ref: ContactRef, _ scheduler: inout EventScheduler<Event>) {
        guard contacts.isCurrent(ref) else { return }
        let record = contacts.remove(ref)
        queues.remove(from: plan.queue(channel: Int(record.channel), tier: Int(record.tier)), at: scheduler.now, &statistics)
        statistics.abandoned(record, at: scheduler.now)
        trace?.record(record, ref, at: scheduler.now, handleTime: nil, outcome: .abandoned, team: nil)
        scheduleRepeat(of: record, ref, probability: plan.repeats[Int(record.tier)]?.afterAbandonment, &scheduler)
    }

    /// A waiting contact became eligible for an overflow team: taken if one is free, else the
    /// next overflow team's turn is timed.
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
}

extension ContactCenterModel {
    /// The output record once the run has drained (built by the statistics, whose measured
    /// cells it takes over: call it once).
    package mutating func result(replication: Int, eventsHandled: Int) -> CenterResult {
        statistics.result(replication: replication, eventsHandled: eventsHandled, measurementEnd: window.measurementEnd,
                          closeTime: window.closeTime, waiting: queues, contacts: contacts, workforceWeeks: rota.workforceWeeks,
                          arrivalsSimulated: arrivalsSimulated)
    }

    /// Checks every room's invariants and the contacts' bookkeeping against each other.
    /// O(agents + contacts): tests run it after every event (see `InvariantCheckedCenter`); runs never do.
    package func checkInvariants() throws {
        try pool.checkInvariants()
        try queues.checkInvariants(contacts: contacts)
        try rota.checkInvariants(pool: pool)
        try window.checkInvariants()
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
