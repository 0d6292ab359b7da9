import ContactCenter
import Scenarios
import SimKernel
import Stochastics

/// One queue, one team of identical agents, first come first served:
/// M/G/n, or M/G/n+G when callers have a patience distribution.
///
/// The model owns its random streams (one per purpose) and streams its
/// statistics; the kernel only orders events.
public struct SingleQueueModel: DiscreteEventModel {
    public enum Event {
        case arrival
        case handlingEnd
        /// A waiting caller's patience runs out.
        case abandonment(ContactRef)
        /// End of the warm-up: statistics start here.
        case measurementStart
        case intervalEnd
    }

    // Inputs.
    let agents: Int
    let interarrival: Distribution
    let handleTime: Distribution
    let patience: Distribution?
    let measurementStart: Double
    let closeTime: Double
    let intervalLength: Double
    let intervalCount: Int
    let maxArrivals: Int?

    // Streams, one per purpose.
    let arrivalStream: RandomStream
    let handleTimeStream: RandomStream
    let patienceStream: RandomStream

    // State.
    var idleAgents: Int
    var queue = ContactQueue()
    var arrivalsOpen = true
    var countedArrivals = 0
    var closedIntervals = 0
    var pendingIntervalEnd: EventHandle?
    /// When the measured window ended: the horizon, or the arrival that reached `maxArrivals`.
    private(set) var measurementEnd: Double
    private(set) var arrivalsSimulated = 0
    var statistics: QueueStatistics

    public init(queue: SingleQueueView, run: RunSettings, streams: StreamPlan, replication: Int) {
        agents = queue.agents
        interarrival = .exponential(mean: 1 / queue.ratePerSecond)
        handleTime = queue.handleTime
        patience = queue.patience
        measurementStart = run.warmup
        closeTime = run.warmup + run.horizon
        intervalLength = run.interval
        intervalCount = max(1, Int(clampedFrom: run.horizon / run.interval, rounding: .up))
        maxArrivals = run.maxArrivals
        arrivalStream = streams.stream(replication: replication, purpose: .arrivals)
        handleTimeStream = streams.stream(replication: replication, purpose: .handleTime)
        patienceStream = streams.stream(replication: replication, purpose: .patience)
        idleAgents = agents
        measurementEnd = closeTime
        statistics = QueueStatistics(
            measurementStart: measurementStart,
            intervalLength: intervalLength,
            intervalCount: intervalCount,
            serviceThreshold: queue.serviceLevel.answerWithin
        )
    }

    /// Schedules what starts a run: the first arrival and the end of the warm-up.
    public func start(_ scheduler: inout EventScheduler<Event>) {
        scheduler.schedule(.measurementStart, at: measurementStart, priority: .urgent)
        let first = interarrival.sample(from: arrivalStream)
        if first < closeTime { scheduler.schedule(.arrival, at: first) }
    }

    public mutating func handle(_ event: Event, scheduler: inout EventScheduler<Event>) {
        switch event {
        case .arrival: arrive(&scheduler)
        case .handlingEnd: finishHandling(&scheduler)
        case .abandonment(let ref): abandon(ref, at: scheduler.now)
        case .measurementStart:
            statistics.startMeasuring(at: scheduler.now)
            pendingIntervalEnd = scheduler.schedule(.intervalEnd, at: measurementStart + intervalLength, priority: .urgent)
        case .intervalEnd:
            closedIntervals += 1
            pendingIntervalEnd = nil
            if closedIntervals == intervalCount {
                statistics.stopMeasuring(at: scheduler.now)
            } else {
                statistics.closeInterval(at: scheduler.now)
                let end = min(measurementStart + Double(closedIntervals + 1) * intervalLength, closeTime)
                pendingIntervalEnd = scheduler.schedule(.intervalEnd, at: end, priority: .urgent)
            }
        }
    }

    private mutating func arrive(_ scheduler: inout EventScheduler<Event>) {
        let now = scheduler.now
        arrivalsSimulated += 1
        if now >= measurementStart {
            countedArrivals += 1
            if let maxArrivals, countedArrivals >= maxArrivals { closeEarly(&scheduler) }
        }
        if arrivalsOpen {
            let next = now + interarrival.sample(from: arrivalStream)
            if next < closeTime { scheduler.schedule(.arrival, at: next) }
        }
        // Every caller draws a handle time and a patience, answered or not, so
        // the i-th caller is the same person whatever the staffing.
        let handle = handleTime.sample(from: handleTimeStream)
        let patienceTime = patience?.sample(from: patienceStream)

        if idleAgents > 0 {
            idleAgents -= 1
            statistics.arrived(at: now, delayed: false)
            statistics.answered(arrival: now, at: now)
            statistics.busyAgentsChanged(by: 1, at: now)
            scheduler.schedule(.handlingEnd, after: handle)
        } else {
            statistics.arrived(at: now, delayed: true)
            let ref = queue.append(WaitingContact(arrivalTime: now, handleTime: handle, abandonment: nil))
            statistics.queueLengthChanged(by: 1, at: now)
            if let patienceTime {
                queue.setAbandonment(scheduler.schedule(.abandonment(ref), after: patienceTime), for: ref)
            }
        }
    }

    private mutating func finishHandling(_ scheduler: inout EventScheduler<Event>) {
        let now = scheduler.now
        if let next = queue.popOldest() {
            if let timer = next.abandonment { scheduler.cancel(timer) }
            statistics.queueLengthChanged(by: -1, at: now)
            statistics.answered(arrival: next.arrivalTime, at: now)
            scheduler.schedule(.handlingEnd, after: next.handleTime)
        } else {
            idleAgents += 1
            statistics.busyAgentsChanged(by: -1, at: now)
        }
    }

    private mutating func abandon(_ ref: ContactRef, at now: Double) {
        guard let contact = queue.remove(ref) else { return }
        statistics.queueLengthChanged(by: -1, at: now)
        statistics.abandoned(arrival: contact.arrivalTime, at: now)
    }

    /// Stops arrivals after `maxArrivals`; the measured window ends here.
    private mutating func closeEarly(_ scheduler: inout EventScheduler<Event>) {
        arrivalsOpen = false
        measurementEnd = scheduler.now
        if let pending = pendingIntervalEnd, scheduler.cancel(pending) {
            statistics.stopMeasuring(at: scheduler.now)
            closedIntervals += 1
            pendingIntervalEnd = nil
        }
    }

    /// Builds the output record once the run has drained.
    func result(replication: Int, eventsHandled: Int) -> ReplicationResult {
        let window = max(measurementEnd - measurementStart, 0)
        let busy = statistics.measuredBusy
        let queued = statistics.measuredQueue
        let waits = statistics.answeredWaits
        var intervals: [IntervalResult] = []
        for i in 0..<closedIntervals {
            let start = Double(i) * intervalLength
            let length = min(intervalLength, window - start)
            guard length > 0 else { break }
            intervals.append(IntervalResult(
                index: i,
                start: start,
                length: length,
                counts: statistics.intervals[i],
                meanBusyAgents: statistics.intervalBusy[i] / length,
                occupancy: statistics.intervalBusy[i] / (length * Double(agents)),
                meanQueueLength: statistics.intervalQueue[i] / length
            ))
        }
        return ReplicationResult(
            replication: replication,
            agents: agents,
            counts: statistics.totals,
            measuredDuration: window,
            meanBusyAgents: window > 0 ? busy / window : 0,
            occupancy: window > 0 ? busy / (window * Double(agents)) : 0,
            meanQueueLength: window > 0 ? queued / window : 0,
            waitP50: waits.count > 0 ? waits.quantile(0.5) : nil,
            waitP90: waits.count > 0 ? waits.quantile(0.9) : nil,
            waitP95: waits.count > 0 ? waits.quantile(0.95) : nil,
            intervals: intervals,
            arrivalsSimulated: arrivalsSimulated,
            eventsHandled: eventsHandled
        )
    }
}
