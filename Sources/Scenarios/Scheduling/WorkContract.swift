/// A contract type of a team (`scheduling.teams.<name>.contracts[i]`): the paid hours and working
/// days of one agent's week, how many agents may hold it, and its labour rules.
///
/// The scheduler builds tours (one agent's week: a shift template on a set of working days) and
/// lets a contract take only the tours whose paid time (length less unpaid breaks, × days) is its
/// weekly hours: `{name: full_time, weekly_hours: 40, days: 5}` takes 8.5-hour shifts with a
/// 30-minute unpaid lunch on five days, not a 4-hour part-time shift.
public struct WorkContract: Sendable, Hashable {
    public var name: String
    /// Paid hours of one agent's week.
    public var weeklyHours: Double
    /// Working days per week; nil = any number whose shifts add up to `weeklyHours`.
    public var days: Int?
    /// At least / at most this many agents on the contract (per team); nil = no bound.
    public var minAgents: Int?
    public var maxAgents: Int?
    /// Labour rules for this contract; nil = the team's.
    public var minRest: Double?
    public var maxConsecutiveDays: Int?

    public init(name: String, weeklyHours: Double, days: Int? = nil, minAgents: Int? = nil, maxAgents: Int? = nil,
                minRest: Double? = nil, maxConsecutiveDays: Int? = nil) {
        self.name = name
        self.weeklyHours = weeklyHours
        self.days = days
        self.minAgents = minAgents
        self.maxAgents = maxAgents
        self.minRest = minRest
        self.maxConsecutiveDays = maxConsecutiveDays
    }

    /// Paid time of a tour may differ from the weekly hours by this much (seconds) and still fit.
    public static let hoursTolerance = 60.0

    /// Whether `days.count` working days of `template` make this contract's week.
    public func fits(_ template: ShiftTemplate, days count: Int) -> Bool {
        if let days, days != count { return false }
        return abs(template.paidLength * Double(count) - weeklyHours * 3600) <= Self.hoursTolerance
    }

    /// `40h in 5 days`.
    public var summary: String {
        "\(Quantity.describe(number: weeklyHours))h" + (days.map { " in \($0) day\($0 == 1 ? "" : "s")" } ?? "")
    }
}

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

/// How a tour's start may change from one working day to the next.
public enum DailyStart: String, Sendable, Hashable, CaseIterable {
    /// One start time all week (the usual published pattern, and the smaller program).
    case same
    /// Any of the template's starts on each day, within the rest rule: the program chooses the
    /// agents starting at each time on each day and keeps every agent's rest (see `ShiftScheduler`).
    case free
}

/// One kind of tour the scheduler may use: a template on one set of working days, under a
/// contract or none.
public struct TourFamily: Sendable, Hashable {
    /// Index in `TeamScheduling.contracts`, nil when the team has no contracts.
    public var contract: Int?
    public var template: Int
    public var days: Set<Weekday>
    public var rules: TourRules
}

extension TeamScheduling {
    /// The rules in force for contract `index` (its own, else the team's).
    public func rules(contract index: Int?) -> TourRules {
        let contract = index.map { contracts[$0] }
        return TourRules(minRest: contract?.minRest ?? minRest, maxConsecutiveDays: contract?.maxConsecutiveDays ?? maxConsecutiveDays)
    }

    /// Every (contract, template, day set) whose tours keep the rules and make the contract's week.
    public var tourFamilies: [TourFamily] {
        var out: [TourFamily] = []
        let contractIndices: [Int?] = contracts.isEmpty ? [nil] : contracts.indices.map { $0 }
        for c in contractIndices {
            let rules = rules(contract: c)
            for (k, template) in templates.enumerated() {
                for days in template.daySets {
                    if let c, !contracts[c].fits(template, days: days.count) { continue }
                    guard rules.allow(days, length: template.length, starts: template.starts, sameStart: dailyStart == .same) else { continue }
                    out.append(TourFamily(contract: c, template: k, days: days, rules: rules))
                }
            }
        }
        return out
    }
}
