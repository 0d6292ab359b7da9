import ContactCenter
import Statistics

/// Streams the statistics of one replication in O(intervals) memory.
///
/// Contacts are counted when they arrive in the measured window
/// [warm-up end, close); a contact still waiting at close is followed until
/// it is answered or abandons, so no counted contact is censored.
/// Time-weighted figures (occupancy, queue length) cover the measured window.
struct QueueStatistics {
    let measurementStart: Double
    let intervalLength: Double
    let serviceThreshold: Double

    private(set) var totals = OutcomeCounts()
    private(set) var intervals: [OutcomeCounts]
    private(set) var answeredWaits = QuantileHistogram()
    private(set) var busyAgents: TimeWeighted
    private(set) var queueLength: TimeWeighted
    /// Busy-agent and queue-length integrals of each interval, closed at its end.
    private(set) var intervalBusy: [Double]
    private(set) var intervalQueue: [Double]
    /// Busy-agent and queue-length integrals over the whole measured window, set when it closes.
    private(set) var measuredBusy = 0.0
    private(set) var measuredQueue = 0.0
    private var openInterval = 0
    private var busyAtIntervalStart = 0.0
    private var queueAtIntervalStart = 0.0

    init(measurementStart: Double, intervalLength: Double, intervalCount: Int, serviceThreshold: Double) {
        self.measurementStart = measurementStart
        self.intervalLength = intervalLength
        self.serviceThreshold = serviceThreshold
        intervals = Array(repeating: OutcomeCounts(), count: intervalCount)
        intervalBusy = Array(repeating: 0, count: intervalCount)
        intervalQueue = Array(repeating: 0, count: intervalCount)
        busyAgents = TimeWeighted(value: 0, at: 0)
        queueLength = TimeWeighted(value: 0, at: 0)
    }

    /// Drops everything accumulated during the warm-up.
    mutating func startMeasuring(at time: Double) {
        busyAgents.restart(at: time)
        queueLength.restart(at: time)
        busyAtIntervalStart = 0
        queueAtIntervalStart = 0
    }

    /// Ends the measured window: time-weighted figures stop here, while the
    /// contacts still waiting are followed to the end of their wait.
    mutating func stopMeasuring(at time: Double) {
        closeInterval(at: time)
        measuredBusy = busyAgents.integral(at: time)
        measuredQueue = queueLength.integral(at: time)
    }

    /// Closes the open interval at `time` (its end, or the early close of the run).
    mutating func closeInterval(at time: Double) {
        guard openInterval < intervals.count else { return }
        let busy = busyAgents.integral(at: time)
        let queue = queueLength.integral(at: time)
        intervalBusy[openInterval] = busy - busyAtIntervalStart
        intervalQueue[openInterval] = queue - queueAtIntervalStart
        busyAtIntervalStart = busy
        queueAtIntervalStart = queue
        openInterval += 1
    }

    @inline(__always)
    private func interval(ofArrival arrival: Double) -> Int? {
        guard arrival >= measurementStart else { return nil }
        return min(Int((arrival - measurementStart) / intervalLength), intervals.count - 1)
    }

    @inline(__always)
    mutating func arrived(at time: Double, delayed: Bool) {
        guard let i = interval(ofArrival: time) else { return }
        totals.offered += 1
        intervals[i].offered += 1
        if delayed {
            totals.delayed += 1
            intervals[i].delayed += 1
        }
    }

    @inline(__always)
    mutating func answered(arrival: Double, at time: Double) {
        guard let i = interval(ofArrival: arrival) else { return }
        let wait = time - arrival
        let withinTarget = wait <= serviceThreshold
        totals.recordAnswer(wait: wait, withinTarget: withinTarget)
        intervals[i].recordAnswer(wait: wait, withinTarget: withinTarget)
        answeredWaits.add(wait)
    }

    @inline(__always)
    mutating func abandoned(arrival: Double, at time: Double) {
        guard let i = interval(ofArrival: arrival) else { return }
        let wait = time - arrival
        let beforeTarget = wait < serviceThreshold
        totals.recordAbandonment(wait: wait, beforeTarget: beforeTarget)
        intervals[i].recordAbandonment(wait: wait, beforeTarget: beforeTarget)
    }

    @inline(__always)
    mutating func busyAgentsChanged(by delta: Double, at time: Double) {
        busyAgents.add(delta, at: time)
    }

    @inline(__always)
    mutating func queueLengthChanged(by delta: Double, at time: Double) {
        queueLength.add(delta, at: time)
    }
}

extension OutcomeCounts {
    @inline(__always)
    mutating func recordAnswer(wait: Double, withinTarget: Bool) {
        answered += 1
        answeredWaitSum += wait
        queueTimeSum += wait
        queueExits += 1
        if withinTarget { answeredWithinTarget += 1 }
    }

    @inline(__always)
    mutating func recordAbandonment(wait: Double, beforeTarget: Bool) {
        abandoned += 1
        queueTimeSum += wait
        queueExits += 1
        if beforeTarget { abandonedBeforeTarget += 1 }
    }
}
