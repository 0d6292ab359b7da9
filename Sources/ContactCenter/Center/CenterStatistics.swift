import Statistics

/// Streams the statistics of one replication of the full model, in
/// O(intervals × channels × tiers + intervals × teams) memory.
///
/// Contacts are attributed to the interval, channel and tier of their
/// arrival and counted when they arrive in the measured window (a ticket to the
/// channel it joins, when it joins); time-weighted figures (queue length, busy
/// and available agents) cover the window.
///
/// After the window the run drains: agents on duty keep answering the live
/// queues (backlog work stops at the horizon), and every agent-second spent on
/// contacts after the window is paid as overtime (`drainSeconds`). What is still
/// waiting when the run ends is counted unanswered (`leftWaiting`).
package struct CenterStatistics {
    let measurementStart: Double
    let intervalLength: Double
    let intervalCount: Int
    let channels: Int
    let tiers: Int
    let teams: Int
    let thresholds: [Double]
    let resolutionTarget: Double?

    /// interval × channel × tier
    /// (Per-event counters live in ``RoomArray``s: updated in place, without a copy-on-write check per write.)
    var outcomes: RoomArray<OutcomeCounts>
    var resolutions: RoomArray<ResolutionCounts>
    /// Answered waits by channel (first waits only).
    let waits: RoomArray<QuantileHistogram>
    package let queueLength: RoomArray<TimeWeighted>
    package let busy: RoomArray<TimeWeighted>
    package let available: RoomArray<TimeWeighted>
    /// Paid agents on shift (unpaid lunches prorated out).
    let paid: RoomArray<TimeWeighted>
    /// interval × channel
    private(set) var intervalQueue: [Double]
    private(set) var intervalBacklog: [Int]
    private(set) var intervalOldest: [Double]
    /// interval × team
    private(set) var intervalBusy: [Double]
    private(set) var intervalAvailable: [Double]
    let intervalHandled: RoomArray<Int>
    private(set) var overtime: [Double]
    /// Whole-window integrals, fixed when measurement stops.
    private(set) var measuredQueue: [Double]
    private(set) var measuredBusy: [Double]
    private(set) var measuredAvailable: [Double]
    private(set) var measuredPaid: [Double]
    private(set) var closedIntervals = 0
    private var queueMark: [Double]
    private var busyMark: [Double]
    private var availableMark: [Double]
    private(set) var measuring = false
    /// When measurement stopped (the horizon, or earlier with `max_arrivals`).
    private(set) var windowEnd: Double?

    package init(measurementStart: Double, intervalLength: Double, intervalCount: Int, plan: CenterPlan,
         teams: Int, resolutionTarget: Double?) {
        self.measurementStart = measurementStart
        self.intervalLength = intervalLength
        self.intervalCount = intervalCount
        channels = plan.channelCount
        tiers = plan.tierCount
        self.teams = teams
        thresholds = plan.serviceThreshold
        self.resolutionTarget = resolutionTarget
        let cells = intervalCount * channels * tiers
        outcomes = RoomArray(repeating: OutcomeCounts(), count: cells)
        resolutions = RoomArray(repeating: ResolutionCounts(), count: cells)
        waits = RoomArray(repeating: QuantileHistogram(), count: channels)
        queueLength = RoomArray(repeating: TimeWeighted(), count: channels)
        busy = RoomArray(repeating: TimeWeighted(), count: teams)
        available = RoomArray(repeating: TimeWeighted(), count: teams)
        paid = RoomArray(repeating: TimeWeighted(), count: teams)
        intervalQueue = Array(repeating: 0, count: intervalCount * channels)
        intervalBacklog = Array(repeating: 0, count: intervalCount * channels)
        intervalOldest = Array(repeating: 0, count: intervalCount * channels)
        intervalBusy = Array(repeating: 0, count: intervalCount * teams)
        intervalAvailable = Array(repeating: 0, count: intervalCount * teams)
        intervalHandled = RoomArray(repeating: 0, count: intervalCount * teams)
        overtime = Array(repeating: 0, count: teams)
        measuredQueue = Array(repeating: 0, count: channels)
        measuredBusy = Array(repeating: 0, count: teams)
        measuredAvailable = Array(repeating: 0, count: teams)
        measuredPaid = Array(repeating: 0, count: teams)
        queueMark = Array(repeating: 0, count: channels)
        busyMark = Array(repeating: 0, count: teams)
        availableMark = Array(repeating: 0, count: teams)
    }

    @inline(__always)
    func cell(arrival: Double, channel: Int, tier: Int) -> Int? {
        let i = interval(at: arrival)
        return i < 0 ? nil : (i * channels + channel) * tiers + tier
    }

    /// The reporting interval a time falls in (the last one past the window), -1 before the window.
    @inline(__always)
    func interval(at time: Double) -> Int {
        guard time >= measurementStart else { return -1 }
        // One interval (a long run measured as a whole): no division per arrival.
        if intervalCount == 1 { return 0 }
        return min(Int((time - measurementStart) / intervalLength), intervalCount - 1)
    }

    /// The cell of the contact's arrival, in its current channel and tier (kept in the record).
    @inline(__always)
    func arrivalCell(_ contact: ContactRecord) -> Int? {
        contact.arrivalCell < 0 ? nil : contact.arrivalCell
    }

    /// The cell a contact arriving at `time` in `channel` and `tier` counts in, -1 before the window.
    @inline(__always)
    func arrivalCell(at time: Double, channel: Int, tier: Int) -> Int {
        cell(arrival: time, channel: channel, tier: tier) ?? -1
    }

    /// `cell` (of an arrival) moved to another channel and tier in the same interval, as an
    /// escalation moves the contact; -1 stays -1.
    @inline(__always)
    func arrivalCell(_ cell: Int, movedTo channel: Int, tier: Int) -> Int {
        cell < 0 ? -1 : (cell / (channels * tiers) * channels + channel) * tiers + tier
    }

    // MARK: Time-weighted

    mutating func startMeasuring(at time: Double) {
        measuring = true
        for c in 0..<channels { queueLength[c].restart(at: time) }
        for t in 0..<teams {
            busy[t].restart(at: time)
            available[t].restart(at: time)
            paid[t].restart(at: time)
        }
        queueMark = Array(repeating: 0, count: channels)
        busyMark = Array(repeating: 0, count: teams)
        availableMark = Array(repeating: 0, count: teams)
    }

    /// Closes the open interval; `backlog` and `oldestAge` describe each channel's queue at that moment.
    mutating func closeInterval(at time: Double, backlog: [Int], oldestAge: [Double]) {
        guard closedIntervals < intervalCount else { return }
        let i = closedIntervals
        for c in 0..<channels {
            let q = queueLength[c].integral(at: time)
            intervalQueue[i * channels + c] = q - queueMark[c]
            queueMark[c] = q
            intervalBacklog[i * channels + c] = backlog[c]
            intervalOldest[i * channels + c] = oldestAge[c]
        }
        for t in 0..<teams {
            let b = busy[t].integral(at: time)
            let a = available[t].integral(at: time)
            intervalBusy[i * teams + t] = b - busyMark[t]
            intervalAvailable[i * teams + t] = a - availableMark[t]
            busyMark[t] = b
            availableMark[t] = a
        }
        closedIntervals += 1
    }

    mutating func stopMeasuring(at time: Double, backlog: [Int], oldestAge: [Double]) {
        windowEnd = time
        closeInterval(at: time, backlog: backlog, oldestAge: oldestAge)
        for c in 0..<channels { measuredQueue[c] = queueLength[c].integral(at: time) }
        for t in 0..<teams {
            measuredBusy[t] = busy[t].integral(at: time)
            measuredAvailable[t] = available[t].integral(at: time)
            measuredPaid[t] = paid[t].integral(at: time)
        }
        measuring = false
    }

    @inline(__always) mutating func queueChanged(channel: Int, by delta: Double, at time: Double) {
        queueLength[channel].add(delta, at: time)
    }

    @inline(__always) mutating func busyChanged(team: Int, by delta: Double, at time: Double) {
        busy[team].add(delta, at: time)
    }

    @inline(__always) mutating func availableChanged(team: Int, by delta: Double, at time: Double) {
        available[team].add(delta, at: time)
    }

    @inline(__always) mutating func paidChanged(team: Int, by delta: Double, at time: Double) {
        paid[team].add(delta, at: time)
    }

    /// An agent finished work it kept after its shift ended, from `from` to `to`: the part inside
    /// the window is overtime here; the part after it is in `drainSeconds`.
    mutating func addOvertime(team: Int, from: Double, to: Double) {
        let start = max(from, measurementStart), end = min(to, windowEnd ?? .infinity)
        if end > start { overtime[team] += end - start }
    }

    /// Agent-seconds of a team spent handling contacts after the window (the drain), paid as overtime.
    func drainSeconds(team t: Int) -> Double {
        guard let windowEnd else { return 0 }
        return max(0, busy[t].integral(at: max(busy[t].lastUpdateTime, windowEnd)) - measuredBusy[t])
    }

    // MARK: Contacts

    /// The cell of an offered contact: a first contact's by its arrival, a ticket's by when it
    /// joined its channel (inside the window); nil for warm transfers' second waits, which are
    /// the same call as the first, and for contacts outside the window.
    @inline(__always)
    func offeredCell(_ contact: ContactRecord) -> Int? {
        switch contact.stage {
        case .first: return arrivalCell(contact)
        case .ticket:
            guard contact.queuedAt < windowEnd ?? .infinity else { return nil }
            return cell(arrival: contact.queuedAt, channel: Int(contact.channel), tier: Int(contact.tier))
        case .transfer: return nil
        }
    }

    /// The cell whose queue-time figures a wait adds to: the offered cell, or a transfer's by its call's arrival.
    @inline(__always)
    func waitCell(_ contact: ContactRecord) -> Int? {
        contact.stage == .transfer ? arrivalCell(contact) : offeredCell(contact)
    }

    /// A contact enters a channel: first contacts and tickets are offered there; warm transfers are not.
    @inline(__always)
    mutating func arrived(_ contact: ContactRecord, delayed: Bool) {
        guard let i = offeredCell(contact) else { return }
        outcomes[i].offered += 1
        if delayed { outcomes[i].delayed += 1 }
        if contact.stage == .first && contact.contactNumber > 1 { resolutions[i].repeatContacts += 1 }
    }

    /// A queued caller was offered a callback (`accepted`: and took it).
    @inline(__always)
    mutating func callbackOffered(_ contact: ContactRecord, accepted: Bool) {
        guard let i = offeredCell(contact) else { return }
        outcomes[i].callbacksOffered += 1
        if accepted { outcomes[i].callbacksAccepted += 1 }
    }

    /// A contact reaches an agent. Its wait counts for the channel's service level when it was
    /// offered there (a first contact or a ticket); a warm transfer's second wait only for the
    /// time in queue.
    @inline(__always)
    mutating func answered(_ contact: ContactRecord, at time: Double, promise: Double?) {
        let wait = time - contact.queuedAt
        if let w = waitCell(contact) {
            outcomes[w].queueTimeSum += wait
            outcomes[w].queueExits += 1
        }
        guard contact.stage != .transfer, let i = offeredCell(contact) else { return }
        if contact.isCallback {
            outcomes[i].callbacksCompleted += 1
            if wait <= promise ?? .infinity { outcomes[i].callbacksWithinPromise += 1 }
            return
        }
        outcomes[i].answered += 1
        outcomes[i].answeredWaitSum += wait
        if wait <= thresholds[Int(contact.channel)] { outcomes[i].answeredWithinTarget += 1 }
        waits[Int(contact.channel)].add(wait)
    }

    @inline(__always)
    mutating func abandoned(_ contact: ContactRecord, at time: Double) {
        let wait = time - contact.queuedAt
        if let w = waitCell(contact) {
            outcomes[w].queueTimeSum += wait
            outcomes[w].queueExits += 1
        }
        if contact.stage == .transfer {
            // A customer lost while waiting for the next tier: the issue stays unresolved.
            if let i = arrivalCell(contact) {
                resolutions[i].unresolved += 1
            }
            return
        }
        guard let i = offeredCell(contact) else { return }
        outcomes[i].abandoned += 1
        if wait < thresholds[Int(contact.channel)] { outcomes[i].abandonedBeforeTarget += 1 }
    }

    /// A contact still waiting when the run ended, counted into the first `measuredCells` cells:
    /// a pending callback, or unanswered — and right-censored for the service level when its
    /// wait was still under the threshold when service stopped at `serviceStop`.
    func leftWaiting(_ contact: ContactRecord, serviceStop: Double, measuredCells: Int) {
        guard let i = offeredCell(contact), i < measuredCells else { return }
        if contact.isCallback {
            outcomes[i].callbacksPending += 1
            return
        }
        outcomes[i].unansweredAtEnd += 1
        if serviceStop - contact.queuedAt < thresholds[Int(contact.channel)] { outcomes[i].censored += 1 }
    }

    enum Outcome { case resolved, escalated, unresolved }
    @inline(__always)
    mutating func handled(_ contact: ContactRecord, by team: Int, outcome: Outcome, handleTime: Double, at time: Double) {
        if measuring, closedIntervals < intervalCount { intervalHandled[closedIntervals * teams + team] += 1 }
        guard let i = arrivalCell(contact) else { return }
        resolutions[i].handled += 1
        resolutions[i].handleTimeSum += handleTime
        let first = contact.contactNumber == 1 && contact.stage == .first
        if first { resolutions[i].firstContactsHandled += 1 }
        switch outcome {
        case .resolved:
            resolutions[i].resolved += 1
            if first && !contact.escalated { resolutions[i].firstContactResolved += 1 }
            let elapsed = time - contact.issueStart
            resolutions[i].resolutionTimeSum += elapsed
            if let resolutionTarget, elapsed <= resolutionTarget { resolutions[i].resolvedWithinTarget += 1 }
        case .escalated:
            resolutions[i].escalated += 1
        case .unresolved:
            resolutions[i].unresolved += 1
        }
    }
}
