import ResultsSchema
/// A `ccsim schedule --out` folder's plan: `schedule.csv` (one row per chosen shift) and
/// `coverage.csv` (per team and interval of the week: required agents, agents on duty, shortfall).
public struct ScheduleResults: Sendable {
    public struct Shift: Sendable {
        public var team: String
        /// The contract the shift's agents hold (empty without contracts or in an older file).
        public var contract: String = ""
        public var start: String
        public var end: String
        public var days: String
        public var agents: Int
        public var paidHoursPerAgentWeek: Double?
        public var weeklyCost: Double?
        public var breaks: String
    }
    public struct Coverage: Sendable {
        public var label: String
        public var hours: Double
        public var required: Double
        public var onDuty: Double
        public var short: Double
    }

    public var shifts: [Shift]
    /// Per team, in order of first appearance: its intervals.
    public var coverage: [(team: String, intervals: [Coverage])]
    public var dayLabels: [String]

    public enum LayoutError: Error, Equatable { case notASchedule(String) }

    public init(schedule: CSVTable?, coverage: CSVTable?) throws {
        shifts = []
        if let table = schedule {
            for column: ScheduleColumn in [.team, .start, .end, .agents] where table.column(column) == nil {
                throw LayoutError.notASchedule("schedule.csv: column \(column.rawValue) is missing (expected the file of `ccsim schedule --out`)")
            }
            shifts = table.rows.map { row in
                func text(_ column: ScheduleColumn) -> String { table.text(row, table.column(column)) }
                func number(_ column: ScheduleColumn) -> Double? { table.number(row, table.column(column)) }
                return Shift(team: text(.team), contract: text(.contract), start: text(.start), end: text(.end), days: text(.days),
                             agents: Int(number(.agents) ?? 0), paidHoursPerAgentWeek: number(.paidHoursPerAgentWeek),
                             weeklyCost: number(.weeklyCost), breaks: text(.breaks))
            }
        }
        self.coverage = []
        dayLabels = []
        guard let table = coverage else { return }
        for column: CoverageColumn in [.team, .weekday, .start, .required, .onDuty] where table.column(column) == nil {
            throw LayoutError.notASchedule("coverage.csv: column \(column.rawValue) is missing (expected the file of `ccsim schedule --out`)")
        }
        var axis = WeekAxis()
        var byTeam: [(team: String, intervals: [Coverage])] = []
        // A run shorter than a week (a one-day scenario) plans only its days: the weekdays before
        // the first and after the last that any team requires or staffs are left off the axis
        // rather than drawn as empty days (an idle day between two worked ones stays).
        func weekday(_ row: [String]) -> String { table.text(row, table.column(CoverageColumn.weekday)) }
        var days: [String] = []
        for row in table.rows where days.last != weekday(row) && !days.contains(weekday(row)) { days.append(weekday(row)) }
        let worked = Set(table.rows.filter { row in
            (table.number(row, table.column(CoverageColumn.required)) ?? 0) > 0 || (table.number(row, table.column(CoverageColumn.onDuty)) ?? 0) > 0
        }.map(weekday))
        let kept = Set(days.drop { !worked.contains($0) }.reversed().drop { !worked.contains($0) })
        for row in table.rows where worked.isEmpty || kept.contains(weekday(row)) {
            func text(_ column: CoverageColumn) -> String { table.text(row, table.column(column)) }
            func number(_ column: CoverageColumn) -> Double? { table.number(row, table.column(column)) }
            let team = text(.team), weekday = text(.weekday), start = text(.start)
            guard let hours = axis.position(day: weekday, clock: start) else {
                throw LayoutError.notASchedule("coverage.csv: start '\(start)' is not a clock time")
            }
            let required = number(.required) ?? 0, onDuty = number(.onDuty) ?? 0
            let entry = Coverage(label: "\(weekday) \(start)", hours: hours, required: required, onDuty: onDuty,
                                 short: number(.short) ?? Swift.max(0, required - onDuty))
            if let t = byTeam.firstIndex(where: { $0.team == team }) { byTeam[t].intervals.append(entry) } else { byTeam.append((team, [entry])) }
        }
        self.coverage = byTeam
        dayLabels = axis.days
    }

    public var weeklyCost: Double { shifts.reduce(0) { $0 + ($1.weeklyCost ?? 0) } }
    public var agents: Int { shifts.reduce(0) { $0 + $1.agents } }
}
