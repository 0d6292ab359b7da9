import Stochastics

/// A team of agents: what they can handle, what they cost, and when they work.
public struct AgentTeamSpec: Sendable, Hashable {
    public var name: String
    public var skills: [Skill]
    /// Paid cost per agent-hour.
    public var hourlyCost: Double
    /// Multiplier on the hourly cost for time worked past the end of a shift.
    public var overtimeMultiplier: Double
    public var shifts: [Shift]
    /// A published roster of named agents (`roster: roster.csv`), instead of `shifts`; nil = none.
    public var roster: TeamRoster?
    /// Agents on duty for the whole run, never off, besides any shifts (the foundation's
    /// single team). They stay until the queue drains after the last arrival.
    public var constantAgents: Int
    /// Share of scheduled time off the phones (meetings, coaching, aux), placed in blocks inside shifts.
    public var shrinkage: Double
    /// Probability that a scheduled agent does not show up on a given day.
    public var absenteeism: Double
    /// Share of each shift's agents reserved for backlog work (email and tickets): they take
    /// no live contact. The others work backlog too, when no live contact of theirs waits.
    public var backlogShare: Double
    /// Tenure, learning curve, attrition and hiring of the team's rota seats; nil = a fixed, fully proficient workforce.
    public var workforce: TeamWorkforce?

    public init(name: String, skills: [Skill], hourlyCost: Double = 0, overtimeMultiplier: Double = 1.5,
                shifts: [Shift], constantAgents: Int = 0, shrinkage: Double = 0, absenteeism: Double = 0,
                backlogShare: Double = 0, workforce: TeamWorkforce? = nil, roster: TeamRoster? = nil) {
        self.name = name
        self.skills = skills
        self.hourlyCost = hourlyCost
        self.overtimeMultiplier = overtimeMultiplier
        self.shifts = shifts
        self.constantAgents = constantAgents
        self.shrinkage = shrinkage
        self.absenteeism = absenteeism
        self.backlogShare = backlogShare
        self.workforce = workforce
        self.roster = roster
    }
}

/// A (channel, tier) a team handles.
public struct Skill: Sendable, Hashable {
    public var channel: Int
    public var tier: Int
    /// Handle-time multiplier for this team on this work (1 = as specified; 1.2 = 20% slower).
    public var proficiency: Double
    /// nil: the team takes this work at once. A duration: the team is an overflow
    /// group, eligible only for contacts that have waited at least that long.
    public var overflowAfter: Double?
    /// Threshold reservation: the team's live agents start this work only while at least this many
    /// of them stay idle, kept for the team's other (higher-priority) work. 0 = no reservation.
    public var reserve: Int

    public init(channel: Int, tier: Int, proficiency: Double = 1, overflowAfter: Double? = nil, reserve: Int = 0) {
        self.channel = channel
        self.tier = tier
        self.proficiency = proficiency
        self.overflowAfter = overflowAfter
        self.reserve = reserve
    }

    /// Most idle agents a skill may reserve: far above any team, small enough that counts never overflow.
    public static let maxReserve = 100_000
}

/// A block of scheduled time worked by `agents` agents on the given weekdays.
public struct Shift: Sendable, Hashable {
    /// Start, in seconds after midnight (may run past midnight).
    public var start: Double
    public var length: Double
    public var agents: Int
    public var days: Set<Weekday>
    public var breaks: [Break]

    public init(start: Double, length: Double, agents: Int, days: Set<Weekday> = Set(Weekday.allCases), breaks: [Break] = []) {
        self.start = start
        self.length = length
        self.agents = agents
        self.days = days
        self.breaks = breaks
    }
}

/// A break or lunch: each agent's starts at a time drawn uniformly in
/// [earliest, latest] after the shift start (staggered breaks); `paid` says whether it is paid time.
public struct Break: Sendable, Hashable {
    public var earliest: Double
    public var latest: Double
    public var length: Double
    public var paid: Bool

    public init(earliest: Double, latest: Double, length: Double, paid: Bool = true) {
        self.earliest = earliest
        self.latest = latest
        self.length = length
        self.paid = paid
    }
}
