/// A day of the week; day-of-week factors and shift patterns are indexed Monday first.
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The weekday `days` days after this one.
    public func advanced(by days: Int) -> Weekday {
        Weekday(rawValue: ((rawValue + days) % 7 + 7) % 7)!
    }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}
