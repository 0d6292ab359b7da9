import Scenarios
import SimKernel

/// When the run measures: from the end of the warm-up, in reporting intervals, to the end of the
/// horizon, or earlier when `max_arrivals` counted arrivals have come (then no new contact or
/// repeat arrives, and the measurement stops there while the contacts present drain).
///
/// Why a room: the window's events (`measurementStart`, `intervalEnd`) and the early close are
/// bookkeeping the contact's life cycle never reads, except ``arrivalsOpen``. Each closed interval
/// snapshots the queues (backlog, oldest age) into the statistics.
struct MeasurementWindow {
    let measurementStart: Double
    /// The end of the horizon: no new contact arrives from here.
    let closeTime: Double
    let intervalLength: Double
    let intervalCount: Int
    let maxArrivals: Int?
    /// Arrivals from the end of the warm-up, toward `maxArrivals`.
    private(set) var countedArrivals = 0
    /// False once `maxArrivals` is reached: no more new contacts or repeats.
    private(set) var arrivalsOpen = true
    /// The next interval end, cancelled by an early close.
    private var pendingIntervalEnd: EventHandle?
    /// `closeTime`, or the time of the early close.
    private(set) var measurementEnd: Double

    init(run: RunSettings) {
        measurementStart = run.warmup
        closeTime = run.warmup + run.horizon
        intervalLength = run.interval
        intervalCount = max(1, Int((run.horizon / run.interval).rounded(.up)))
        maxArrivals = run.maxArrivals
        measurementEnd = closeTime
    }

    func start(_ scheduler: inout EventScheduler<CenterEvent>) {
        scheduler.schedule(.measurementStart, at: measurementStart, priority: .urgent)
    }

    /// The end of the warm-up: measuring starts, and the first interval runs.
    mutating func begin(_ statistics: inout CenterStatistics, _ scheduler: inout EventScheduler<CenterEvent>) {
        statistics.startMeasuring(at: scheduler.now)
        pendingIntervalEnd = scheduler.schedule(.intervalEnd, at: measurementStart + intervalLength, priority: .urgent)
    }

    /// An interval ends: it is closed with the queues' snapshot, and the next one runs (the last
    /// one ends at `closeTime`); after the last one, measuring stops.
    mutating func endInterval(queues: inout WaitingQueues, contacts: ContactTable, _ statistics: inout CenterStatistics,
                              _ scheduler: inout EventScheduler<CenterEvent>) {
        pendingIntervalEnd = nil
        if statistics.closedIntervals + 1 >= intervalCount {
            Self.stopMeasuring(at: scheduler.now, queues: &queues, contacts: contacts, &statistics)
        } else {
            let (backlog, oldest) = queues.snapshot(at: scheduler.now, in: contacts)
            statistics.closeInterval(at: scheduler.now, backlog: backlog, oldestAge: oldest)
            let end = min(measurementStart + Double(statistics.closedIntervals + 1) * intervalLength, closeTime)
            pendingIntervalEnd = scheduler.schedule(.intervalEnd, at: end, priority: .urgent)
        }
    }

    /// Counts a new contact's arrival at `now`; true when it is the `maxArrivals`-th, which
    /// closes the window early (``closeEarly(queues:contacts:_:_:)``).
    @inline(__always)
    mutating func countArrival(at now: Double) -> Bool {
        guard now >= measurementStart else { return false }
        countedArrivals += 1
        guard let maxArrivals else { return false }
        return countedArrivals >= maxArrivals
    }

    /// No more new contacts or repeats: measuring stops now, unless it already has.
    mutating func closeEarly(queues: inout WaitingQueues, contacts: ContactTable, _ statistics: inout CenterStatistics,
                             _ scheduler: inout EventScheduler<CenterEvent>) {
        arrivalsOpen = false
        measurementEnd = scheduler.now
        if let pending = pendingIntervalEnd, scheduler.cancel(pending) {
            Self.stopMeasuring(at: scheduler.now, queues: &queues, contacts: contacts, &statistics)
            pendingIntervalEnd = nil
        }
    }

    private static func stopMeasuring(at now: Double, queues: inout WaitingQueues, contacts: ContactTable,
                                      _ statistics: inout CenterStatistics) {
        let (backlog, oldest) = queues.snapshot(at: now, in: contacts)
        statistics.stopMeasuring(at: now, backlog: backlog, oldestAge: oldest)
    }

    /// The window's bounds and the early close agree with the arrivals counted.
    func checkInvariants() throws {
        guard measurementStart <= measurementEnd, measurementEnd <= closeTime else {
            throw InvariantViolation("measurement window [\(measurementStart), \(measurementEnd)] outside [\(measurementStart), \(closeTime)]")
        }
        let reached = maxArrivals.map { countedArrivals >= $0 } ?? false
        if arrivalsOpen == reached {
            throw InvariantViolation("arrivals \(arrivalsOpen ? "open" : "closed") after \(countedArrivals) of \(maxArrivals.map(String.init) ?? "no limit") counted arrivals")
        }
    }
}
