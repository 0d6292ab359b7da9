import ResultsSchema

/// A dated exception to a channel's usual demand: a holiday on which it is closed, or a day with
/// other opening hours and a volume factor (`{date: 2027-12-24, open: "08:00", close: "14:00",
/// factor: 0.6}`). `calendar.closed` lists dates closed on every channel.
///
/// The factor multiplies the day's arrival rates; shortened hours cut the day's volume outside
/// them (it is not moved into the open hours: put that into the factor if customers call earlier).
public struct SpecialDay: Sendable, Hashable {
    public enum Hours: Sendable, Hashable {
        /// No new contacts that day (batches still arrive, as everywhere).
        case closed
        /// The channel's usual opening hours.
        case usual
        /// Open [open, close), seconds after midnight.
        case open(from: Double, to: Double)
    }

    public var date: CivilDate
    /// Day of the run (0 = `calendar.start`).
    public var day: Int
    public var hours: Hours
    /// Multiplier of the day's rates (1 = as usual).
    public var factor: Double

    public init(date: CivilDate, day: Int, hours: Hours, factor: Double = 1) {
        self.date = date
        self.day = day
        self.hours = hours
        self.factor = factor
    }
}
