import ResultsSchema
import Scenarios

extension Weekday {
    /// How every output names the weekday (`Mon`), as `TimeLabel` does; scenario files keep
    /// their lower-case spelling (`shortName`).
    public var label: String { TimeLabel.weekdays[rawValue] }
}

extension CenterSpec {
    /// How every output names this center's moments: weekday and clock, with the date when the
    /// scenario is dated (`calendar.start: 2027-01-04`).
    public var timeLabel: TimeLabel {
        startDate.map(TimeLabel.init(startDate:)) ?? TimeLabel(startWeekday: startWeekday.rawValue)
    }
}
