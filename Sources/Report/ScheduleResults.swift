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
            for name in ["team", "start", "end", "agents"] where table.column(name) == nil {
                throw LayoutError.notASchedule("schedule.csv: column \(name) is missing (expected the file of `ccsim schedule --out`)")
            }
            shifts = table.rows.map { row in
                Shift(team: table.text(row, table.column("team")), contract: table.text(row, table.column("contract")), start: table.text(row, table.column("start")), end: table.text(row, table.column("end")),
                      days: table.text(row, table.column("days")), agents: Int(table.number(row, table.column("agents")) ?? 0),
                      paidHoursPerAgentWeek: table.number(row, table.column("paid_hours_per_agent_week")),
                      weeklyCost: table.number(row, table.column("weekly_cost")), breaks: table.text(row, table.column("breaks")))
            }
        }
        self.coverage = []
        dayLabels = []
        guard let table = coverage else { return }
        for name in ["team", "weekday", "start", "required", "on_duty"] where table.column(name) == nil {
            throw LayoutError.notASchedule("coverage.csv: column \(name) is missing (expected the file of `ccsim schedule --out`)")
        }
        var axis = WeekAxis()
        var byTeam: [(team: String, intervals: [Coverage])] = []
        for row in table.rows {
            let team = table.text(row, table.column("team")), weekday = table.text(row, table.column("weekday")), start = table.text(row, table.column("start"))
            guard let hours = axis.position(day: weekday, clock: start) else {
                throw LayoutError.notASchedule("coverage.csv: start '\(start)' is not a clock time")
            }
            let required = table.number(row, table.column("required")) ?? 0, onDuty = table.number(row, table.column("on_duty")) ?? 0
            let entry = Coverage(label: "\(weekday) \(start)", hours: hours, required: required, onDuty: onDuty,
                                 short: table.number(row, table.column("short")) ?? Swift.max(0, required - onDuty))
            if let t = byTeam.firstIndex(where: { $0.team == team }) { byTeam[t].intervals.append(entry) } else { byTeam.append((team, [entry])) }
        }
        self.coverage = byTeam
        dayLabels = axis.days
    }

    public var weeklyCost: Double { shifts.reduce(0) { $0 + ($1.weeklyCost ?? 0) } }
    public var agents: Int { shifts.reduce(0) { $0 + $1.agents } }
}
