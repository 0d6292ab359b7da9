import Scenarios

extension Weekday {
    /// How every output names the weekday (`Mon`), as `TimeLabel` does; scenario files keep
    /// their lower-case spelling (`shortName`).
    public var label: String { TimeLabel.weekdays[rawValue] }
}
