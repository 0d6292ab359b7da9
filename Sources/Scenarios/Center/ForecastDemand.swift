import ResultsSchema

/// A channel's demand read from a forecast file: the expected number of new contacts in each
/// forecast interval of each day of the run, and optionally their average handle time.
///
/// Arrivals are Poisson with the interval's volume spread evenly over it (the forecast interval
/// may differ from `run.interval`: reporting buckets simply integrate the rate), times the day's
/// busyness factor when `busynessCV` is set. Where `handleTimes` gives an interval's AHT, the
/// handle times drawn for that interval's new contacts are scaled so that their mean is that AHT,
/// keeping the shape of the tiers' distributions (see `ForecastCSV`). Where `tierShares` gives an
/// interval's mix, that interval's new contacts draw their tier from it instead of the channel's.
public struct ForecastDemand: Sendable, Hashable {
    /// The file as the scenario names it (messages, summary).
    public var file: String
    /// Length of one forecast interval, seconds; divides 24 h.
    public var interval: Double
    /// Expected new contacts per interval, day 0's 00:00 interval first, `days × intervalsPerDay`
    /// values (days past the end of the list have no demand).
    public var volumes: [Double]
    /// Forecast average handle time per interval, seconds, aligned with `volumes`; nil where the
    /// file gives none (the tiers' own handle times apply), nil as a whole when it has no AHT column.
    public var handleTimes: [Double?]?
    /// Share of each tier (indexed as `CenterSpec.tiers`) of the interval's new contacts, aligned
    /// with `volumes`; nil where the file gives none (the channel's `tierShares` apply), nil as a
    /// whole when it has no share columns.
    public var tierShares: [[Double]?]?
    /// Coefficient of variation of the daily busyness factor; nil = none.
    public var busynessCV: Double?

    public init(file: String, interval: Double, volumes: [Double], handleTimes: [Double?]? = nil, tierShares: [[Double]?]? = nil,
                busynessCV: Double? = nil) {
        self.file = file
        self.interval = interval
        self.volumes = volumes
        self.handleTimes = handleTimes
        self.tierShares = tierShares
        self.busynessCV = busynessCV
    }

    public var intervalsPerDay: Int { Int((86_400 / interval).rounded()) }

    /// Expected contacts over the whole forecast.
    public var totalVolume: Double { volumes.reduce(0, +) }

    /// Average expected contacts per day over the days the forecast covers.
    public var averagePerDay: Double {
        let days = max(1, (volumes.count + intervalsPerDay - 1) / intervalsPerDay)
        return totalVolume / Double(days)
    }
}
