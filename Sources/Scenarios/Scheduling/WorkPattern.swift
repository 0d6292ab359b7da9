/// Which days of the week an agent on a shift template works.
///
/// One agent keeps one pattern all week, so a pattern is a set of weekdays; a rotating pattern
/// (`five_of_seven`) stands for all its rotations, and the scheduler picks how many agents take each.
public enum WorkPattern: Sendable, Hashable {
    /// Exactly these days (`weekdays`, `weekend`, `[mon, wed, fri]`).
    case days(Set<Weekday>)
    /// Every run of `daysOn` consecutive days, wrapping over the week end (7 rotations, 1 when
    /// `daysOn` is 7): `five_of_seven` is `consecutive(5)`, two days off in a row.
    case consecutive(daysOn: Int)
    /// Every set of `daysOn` days, in any arrangement (7 choose `daysOn` sets).
    case anyDays(daysOn: Int)

    /// The day sets this pattern allows, in a fixed order (rotations start Monday first).
    public var daySets: [Set<Weekday>] {
        switch self {
        case .days(let days):
            return [days]
        case .consecutive(let n):
            guard (1...7).contains(n) else { return [] }
            if n == 7 { return [Set(Weekday.allCases)] }
            return Weekday.allCases.map { first in Set((0..<n).map { first.advanced(by: $0) }) }
        case .anyDays(let n):
            guard (1...7).contains(n) else { return [] }
            return (0..<(1 << 7)).filter { $0.nonzeroBitCount == n }.map { mask in
                Set(Weekday.allCases.filter { mask & (1 << $0.rawValue) != 0 })
            }
        }
    }

    /// How the pattern is written in YAML, for messages.
    public var description: String {
        switch self {
        case .days(let days): "[\(Weekday.describe(days))]"
        case .consecutive(let n): n == 5 ? "five_of_seven" : "{days_on: \(n)}"
        case .anyDays(let n): "{days_on: \(n), consecutive: false}"
        }
    }
}
