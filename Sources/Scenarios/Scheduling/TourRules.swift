/// Labour rules that bound one agent's week, as the scheduler applies them.
public struct TourRules: Sendable, Hashable {
    /// Least time off between the end of one shift and the start of the next; nil = none.
    public var minRest: Double?
    /// Most working days in a row (the week repeats, so Sunday runs into Monday); nil = none.
    public var maxConsecutiveDays: Int?

    public init(minRest: Double? = nil, maxConsecutiveDays: Int? = nil) {
        self.minRest = minRest
        self.maxConsecutiveDays = maxConsecutiveDays
    }

    /// The longest run of working days in a repeating week (7 when every day is worked).
    public static func longestRun(_ days: Set<Weekday>) -> Int {
        guard days.count < 7 else { return 7 }
        var best = 0, run = 0
        // Two laps so a run over the week end (sat, sun, mon) is counted whole.
        for i in 0..<14 {
            run = days.contains(Weekday(rawValue: i % 7)!) ? run + 1 : 0
            best = max(best, run)
        }
        return best
    }

    /// Pairs of consecutive working days (cyclic, the last to the first of next week) with the
    /// calendar days between their starts (1 for adjacent days, 7 for a one-day week).
    public static func successions(_ days: Set<Weekday>) -> [(from: Weekday, to: Weekday, apart: Int)] {
        let sorted = days.sorted()
        return sorted.indices.map { i in
            let from = sorted[i], to = sorted[(i + 1) % sorted.count]
            let apart = (to.rawValue - from.rawValue + 7) % 7
            return (from, to, apart == 0 ? 7 : apart)
        }
    }

    /// Whether a tour on `days` can keep these rules with shifts of `length` whose starts lie in
    /// `starts` (ascending): with the same start every day when `sameStart`, else any per day.
    public func allow(_ days: Set<Weekday>, length: Double, starts: [Double], sameStart: Bool) -> Bool {
        if let most = maxConsecutiveDays, Self.longestRun(days) > most { return false }
        if let rest = minRest {
            let spread = sameStart ? 0 : (starts.last ?? 0) - (starts.first ?? 0)
            for pair in Self.successions(days) where Double(pair.apart) * 86_400 + spread - length < rest - 1e-9 {
                return false
            }
        }
        return true
    }
}
