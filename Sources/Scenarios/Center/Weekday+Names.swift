/// How weekdays are written in scenario files: `mon` … `sun`, or in full (`monday`).
extension Weekday {
    /// The three-letter YAML spelling, `mon` … `sun` (also used in messages).
    public var shortName: String { ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue] }
    /// The full spelling, `monday` … `sunday`.
    public var fullName: String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][rawValue]
    }

    /// Reads `mon` or `monday` (lower case, as written in files).
    public init?(name: String) {
        guard let day = Weekday.allCases.first(where: { $0.shortName == name || $0.fullName == name }) else { return nil }
        self = day
    }

    /// Every accepted spelling, short ones first, for suggestions.
    static var spellings: [String] { allCases.map(\.shortName) + allCases.map(\.fullName) }

    /// Named groups accepted for a shift's `days`.
    static let groups: [(name: String, days: Set<Weekday>)] = [
        ("every_day", Set(allCases)),
        ("weekdays", [.monday, .tuesday, .wednesday, .thursday, .friday]),
        ("weekend", [.saturday, .sunday]),
    ]

    /// Days listed in week order, `mon, tue, sat`.
    static func describe(_ days: Set<Weekday>) -> String {
        days.sorted().map(\.shortName).joined(separator: ", ")
    }
}
