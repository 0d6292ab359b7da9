import Foundation

/// The one way every output names a moment of simulated time: weekday and clock, `Mon 08:00`,
/// with the day number past the first week (`day 9 Tue 08:00`); or, when the scenario is dated
/// (`calendar.start: 2027-01-04`), weekday, date and clock, `Mon 2027-01-04 08:00`. Used by the
/// terminal table, `intervals.csv` and `staffing.csv` (day, date, weekday and clock columns),
/// the HTML axes and worst-interval lines.
public struct TimeLabel: Sendable, Hashable {
    /// Weekday names, Monday first (`Weekday` order in scenarios).
    public static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// Day 0's weekday, 0 = Monday.
    public var startWeekday: Int
    /// Day 0's date when the scenario is dated; day d is this date plus d days of 24 h
    /// (ccsim's clock is the center's local wall clock, see `CivilDate`).
    public var startDate: CivilDate?

    public init(startWeekday: Int) {
        self.startWeekday = ((startWeekday % 7) + 7) % 7
    }

    /// A dated calendar: the weekday follows from the date.
    public init(startDate: CivilDate) {
        self.startWeekday = startDate.weekdayIndex
        self.startDate = startDate
    }

    /// Day number from 1, weekday and clock of a time in seconds from midnight of day 0;
    /// nil for a time that is not finite, negative, or beyond a million years.
    public func parts(_ seconds: Double) -> (day: Int, weekday: String, clock: String)? {
        guard seconds.isFinite, seconds >= 0, seconds < 3.2e13 else { return nil }
        let minutes = Int((seconds / 60).rounded())
        let day = minutes / 1440
        let minuteOfDay = minutes % 1440
        let clock = String(format: "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60)
        return (day + 1, Self.weekdays[(startWeekday + day) % 7], clock)
    }

    /// The date of day `day` (from 1, as `parts` counts) in a dated calendar; nil when undated.
    public func date(ofDay day: Int) -> CivilDate? {
        startDate?.adding(days: day - 1)
    }

    /// The date of a time, as `parts` names its day; nil when undated or not shown.
    public func date(_ seconds: Double) -> CivilDate? {
        parts(seconds).flatMap { date(ofDay: $0.day) }
    }

    /// `Mon 08:00` in the first week, `day 9 Tue 08:00` after; `Mon 2027-01-04 08:00` when
    /// dated; `—` when the time cannot be shown.
    public func moment(_ seconds: Double) -> String {
        guard let p = parts(seconds) else { return ValueText.missing }
        if let date = date(ofDay: p.day) { return "\(p.weekday) \(date) \(p.clock)" }
        return p.day <= 7 ? "\(p.weekday) \(p.clock)" : "day \(p.day) \(p.weekday) \(p.clock)"
    }

    /// `Mon 08:00–08:30` (the end's clock only, or its full label when on another day).
    public func window(from start: Double, to end: Double) -> String {
        guard let a = parts(start), let b = parts(end) else { return ValueText.missing }
        let sameDay = a.day == b.day || (b.day == a.day + 1 && b.clock == "00:00")
        return moment(start) + "–" + (sameDay ? (b.clock == "00:00" && b.day != a.day ? "24:00" : b.clock) : moment(end))
    }

    /// A day tick on a chart axis: `Mon`, or `day 9 Tue` after the first week; `Mon 4 Jan`
    /// when dated.
    public func dayTick(_ day: Int) -> String {
        let name = Self.weekdays[(startWeekday + day) % 7]
        if let date = date(ofDay: day + 1) { return "\(name) \(date.day) \(CivilDate.monthNames[date.month - 1])" }
        return day < 7 ? name : "day \(day + 1) \(name)"
    }
}
