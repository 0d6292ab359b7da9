/// How many contacts of one channel arrive, and when: a non-homogeneous Poisson
/// process whose rate is constant within each reporting interval.
public struct DemandSpec: Sendable, Hashable {
    public enum Pattern: Sendable, Hashable {
        /// The same rate around the clock (the foundation's single queue).
        case constant(ratePerSecond: Double)
        /// A daily volume shaped by an intraday profile and day-of-week factors.
        case daily(DailyDemand)
        /// Dated volumes per forecast interval, read from a planner's forecast file.
        case forecast(ForecastDemand)
    }

    public var pattern: Pattern
    /// Extra volume between two times, e.g. an outage spike.
    public var batches: [ArrivalBatch]
    /// Dated exceptions (holidays, short days), at most one per day; only in a dated scenario.
    public var specialDays: [SpecialDay]

    public init(pattern: Pattern, batches: [ArrivalBatch] = [], specialDays: [SpecialDay] = []) {
        self.pattern = pattern
        self.batches = batches
        self.specialDays = specialDays
    }
}

/// A day's volume spread over the day by a profile.
///
/// The rate in interval i of day d is `volumePerDay × dayFactors[weekday(d)] ×
/// busyness(d) × profile[i] / Σ profile / interval length`, and 0 outside
/// opening hours; busyness is 1, or gamma-distributed with mean 1 and the
/// given cv, drawn once per day (real centers' day-to-day overdispersion).
public struct DailyDemand: Sendable, Hashable {
    /// Expected contacts on a day whose factor is 1.
    public var volumePerDay: Double
    /// Relative weights of the intervals of a day (one per reporting interval of 24 h); need not sum to 1.
    public var profile: [Double]
    /// Per-weekday profiles, Monday first (7 lists like `profile`), when the days differ in
    /// shape (`profile: {mon: [...], sat: [...]}`); nil = `profile` every day.
    public var weekdayProfiles: [[Double]]? = nil
    /// Multipliers by weekday, Monday first (7 values, 1 = an average day).
    public var dayFactors: [Double]
    /// Opening hours, seconds after midnight; no arrivals outside [open, close).
    public var open: Double
    public var close: Double
    /// Coefficient of variation of the daily busyness factor; nil = no overdispersion.
    public var busynessCV: Double?

    public init(volumePerDay: Double, profile: [Double], dayFactors: [Double] = Array(repeating: 1, count: 7),
                open: Double = 0, close: Double = 86_400, busynessCV: Double? = nil) {
        self.volumePerDay = volumePerDay
        self.profile = profile
        self.dayFactors = dayFactors
        self.open = open
        self.close = close
        self.busynessCV = busynessCV
    }
}

/// Extra Poisson volume between two times of the run (seconds from the run's start, midnight of day 0).
public struct ArrivalBatch: Sendable, Hashable {
    public var start: Double
    public var end: Double
    /// Expected extra contacts over [start, end).
    public var volume: Double

    public init(start: Double, end: Double, volume: Double) {
        self.start = start
        self.end = end
        self.volume = volume
    }
}
