/// A published roster for one team (`teams.<name>.roster: roster.csv`): named agents, each with
/// shifts on given dates or weekdays and the activities inside them, exactly as a WFM suite
/// exports them. The simulator places these agents at these times; nothing is drawn but
/// absenteeism (one uniform per rostered shift).
///
/// Times are seconds: a shift's `start` after midnight of the day it belongs to (it may run past
/// the next midnight), activities as offsets from the shift start, so one value type serves dated
/// and weekly rows alike.
public struct TeamRoster: Sendable, Hashable {
    /// The file as the user named it (for messages and results).
    public var file: String
    /// The team's agents, in order of first appearance in the file.
    public var agents: [RosteredAgent]
    /// Every shift, in file order.
    public var shifts: [RosteredShift]
    /// Dated rows outside the run, dropped at load (reported as a note).
    public var rowsOutsideRun: Int

    public init(file: String, agents: [RosteredAgent], shifts: [RosteredShift], rowsOutsideRun: Int = 0) {
        self.file = file
        self.agents = agents
        self.shifts = shifts
        self.rowsOutsideRun = rowsOutsideRun
    }

    /// Agents on duty on average over a run of `runDays` days (weekly rows repeat every week).
    public func meanAgentsOnDuty(runDays: Int) -> Double {
        var weekly = 0.0, dated = 0.0
        for shift in shifts {
            switch shift.days {
            case .weekday: weekly += shift.length
            case .runDay: dated += shift.length
            }
        }
        return weekly / (7 * 86_400) + dated / (Double(max(1, runDays)) * 86_400)
    }
}

/// One named person of a published roster.
public struct RosteredAgent: Sendable, Hashable {
    public var id: String
    /// `channel:proficiency` pairs from the `skills` column; nil = the team's skills.
    public var skills: [AgentSkill]?
    /// Contract name (informational).
    public var contract: String?

    public init(id: String, skills: [AgentSkill]? = nil, contract: String? = nil) {
        self.id = id
        self.skills = skills
        self.contract = contract
    }
}

/// A channel an agent of a roster handles, and at what speed (1 = the tier's handle time).
public struct AgentSkill: Sendable, Hashable {
    /// Index into `CenterSpec.channels`.
    public var channel: Int
    public var proficiency: Double

    public init(channel: Int, proficiency: Double) {
        self.channel = channel
        self.proficiency = proficiency
    }
}

/// One shift of one rostered agent.
public struct RosteredShift: Sendable, Hashable {
    /// Which run days the shift is worked on.
    public enum Days: Sendable, Hashable {
        /// One run day (a dated row: `date` − calendar.start).
        case runDay(Int)
        /// Every run day with this weekday (a weekly row: `day: mon`).
        case weekday(Weekday)
    }

    /// Index into ``TeamRoster/agents``.
    public var agent: Int
    public var days: Days
    /// Seconds after midnight of its day, in [0, 24 h).
    public var start: Double
    /// Seconds, in (0, 24 h].
    public var length: Double
    /// Off-phone segments, sorted by start, never overlapping, inside the shift.
    public var activities: [RosterActivity]
    /// The CSV line the shift comes from (for messages found after reading).
    public var line: Int

    public init(agent: Int, days: Days, start: Double, length: Double, activities: [RosterActivity] = [], line: Int = 0) {
        self.agent = agent
        self.days = days
        self.start = start
        self.length = length
        self.activities = activities
        self.line = line
    }

    /// Paid seconds: the length less unpaid activities.
    public var paidSeconds: Double {
        length - activities.filter { !$0.paid }.reduce(0) { $0 + $1.length }
    }
}

/// An off-phone segment of a rostered shift: a break, lunch, meeting, training or coaching.
public struct RosterActivity: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case `break`, lunch, meeting, training, coaching

        /// Breaks and lunches are rest; the others are off-phone work (aux, in ACD terms).
        public var isRest: Bool { self == .break || self == .lunch }
    }

    /// Seconds after the shift start.
    public var offset: Double
    public var length: Double
    public var kind: Kind
    public var paid: Bool

    public init(offset: Double, length: Double, kind: Kind, paid: Bool = true) {
        self.offset = offset
        self.length = length
        self.kind = kind
        self.paid = paid
    }
}
