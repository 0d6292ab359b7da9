import Scenarios

/// The planning grid of a staffing plan: one representative week of planning intervals,
/// indexed weekday-major (`weekday × slotsPerDay + slot of the day`, Monday first).
///
/// Why a week: shifts repeat by weekday, so a plan over the week's slots is what a
/// roster can express; a run longer than a week repeats it, a shorter one uses part of it.
public struct WeekGrid: Sendable, Hashable {
    /// Seconds per planning interval (the scenario's reporting interval).
    public let intervalLength: Double
    public let slotsPerDay: Int
    public var slotCount: Int { 7 * slotsPerDay }

    /// - Precondition: `intervalLength` divides 24 h.
    public init(intervalLength: Double) {
        let perDay = (86_400 / intervalLength).rounded()
        precondition(intervalLength > 0 && abs(perDay * intervalLength - 86_400) < 1e-6,
                     "the planning interval must divide 24 h, got \(intervalLength) s")
        self.intervalLength = intervalLength
        slotsPerDay = Int(perDay)
    }

    public func weekday(ofSlot slot: Int) -> Weekday { Weekday(rawValue: slot / slotsPerDay)! }
    public func slotOfDay(_ slot: Int) -> Int { slot % slotsPerDay }
    /// Start of the slot, in seconds after its day's midnight.
    public func startOfDay(_ slot: Int) -> Double { Double(slotOfDay(slot)) * intervalLength }

    /// The week slot an absolute run time falls in (time 0 is midnight of day 0, a `startWeekday`).
    public func slot(at time: Double, startWeekday: Weekday) -> Int {
        let day = Int(clampedFrom: time / 86_400, rounding: .down)
        let ofDay = min(slotsPerDay - 1, max(0, Int(clampedFrom: (time - Double(day) * 86_400) / intervalLength, rounding: .down)))
        return startWeekday.advanced(by: day).rawValue * slotsPerDay + ofDay
    }

    /// `HH:MM` of a slot's start.
    public func clock(_ slot: Int) -> String {
        let minutes = Int((startOfDay(slot) / 60).rounded())
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}

/// Where each measured interval of a run falls in the week grid.
public struct RunCalendar: Sendable, Hashable {
    public let grid: WeekGrid
    /// Week slot of each measured interval of the run.
    public let slotOfInterval: [Int]
    /// Start and end of each measured interval, seconds from the run's time 0.
    public let intervalStart: [Double]
    public let runEnd: Double
    /// Every interval simulated, warm-up included: start and week slot.
    public let simulatedStart: [Double]
    public let slotOfSimulated: [Int]

    public init(grid: WeekGrid, run: RunSettings, startWeekday: Weekday) {
        self.grid = grid
        let count = Int(clampedFrom: run.horizon / run.interval, rounding: .toNearestOrAwayFromZero)
        intervalStart = (0..<count).map { run.warmup + Double($0) * run.interval }
        slotOfInterval = intervalStart.map { grid.slot(at: $0, startWeekday: startWeekday) }
        var bySlot = Array(repeating: [Int](), count: grid.slotCount)
        for (i, s) in slotOfInterval.enumerated() { bySlot[s].append(i) }
        occurrencesBySlot = bySlot
        runEnd = run.warmup + run.horizon
        let all = Int(clampedFrom: runEnd / run.interval, rounding: .up)
        simulatedStart = (0..<all).map { Double($0) * run.interval }
        slotOfSimulated = simulatedStart.map { grid.slot(at: $0, startWeekday: startWeekday) }
    }

    /// Measured intervals that fall in `slot` (one per week of the horizon).
    public func occurrences(of slot: Int) -> [Int] { occurrencesBySlot[slot] }
    private let occurrencesBySlot: [[Int]]
}
