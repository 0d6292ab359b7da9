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
