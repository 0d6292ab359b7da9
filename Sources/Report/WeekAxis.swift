/// Intervals of a week as positions on a chart's x axis: hours since the start of the first day
/// in the file, with a tick per day labelled by its weekday ("Mon"), so a week reads left to right.
struct WeekAxis {
    /// Days in order of first appearance, as their labels.
    private(set) var days: [String] = []

    /// "08:30" or "8:30" as hours; nil when not a clock time.
    static func hours(clock: String) -> Double? {
        let parts = clock.split(separator: ":")
        guard parts.count >= 2, let h = Double(parts[0]), let m = Double(parts[1]) else { return nil }
        let s = parts.count > 2 ? Double(parts[2]) ?? 0 : 0
        return h + m / 60 + s / 3600
    }

    /// The position of an interval starting at `clock` on the day labelled `day`.
    mutating func position(day: String, clock: String) -> Double? {
        guard let h = Self.hours(clock: clock) else { return nil }
        if !days.contains(day) { days.append(day) }
        return Double(days.firstIndex(of: day)!) * 24 + h
    }

    var ticks: [(value: Double, label: String)]? {
        days.count > 1 ? days.enumerated().map { (Double($0.offset) * 24, $0.element) } : nil
    }
}
