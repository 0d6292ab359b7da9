/// What `ccsim schedule` may choose from: per team, the shift templates (start times, length,
/// breaks, weekly work patterns), a cap on agents, and what missing coverage costs.
///
/// The scheduler picks how many agents work each (template, start, pattern) so that a required
/// number of agents is on duty in every interval of the week at least cost. Coverage is soft:
/// a missing agent-hour costs `underCoveragePenalty`, so a request the cap cannot meet still
/// gets the best plan, with its shortfall reported instead of an error.
public struct SchedulingSpec: Sendable, Hashable {
    /// Currency per missing agent-hour, for every team that does not set its own; nil = the
    /// default, `TeamScheduling.defaultPenaltyFactor` × the team's hourly cost (coverage first).
    public var underCoveragePenalty: Double?
    /// Highest occupancy (busy time over available time) a plan may ask of a team in any
    /// interval, in `ccsim staff` and `ccsim schedule`; nil = none. Planners cap it (85–90%)
    /// because agents kept busier than that burn out, whatever the service level says.
    public var maxOccupancy: Double?
    public var teams: [TeamScheduling]

    public init(underCoveragePenalty: Double? = nil, maxOccupancy: Double? = nil, teams: [TeamScheduling]) {
        self.underCoveragePenalty = underCoveragePenalty
        self.maxOccupancy = maxOccupancy
        self.teams = teams
    }

    /// The scheduling entry of team `index` in `center.teams`, if it has one.
    public func team(_ index: Int) -> TeamScheduling? {
        teams.first { $0.team == index }
    }
}

/// One team's choices: `scheduling.teams.<name>`.
public struct TeamScheduling: Sendable, Hashable {
    /// A missing agent-hour costs this many paid agent-hours by default: far more than any shift
    /// costs per hour it covers, so the scheduler covers every interval it can and falls short
    /// only where the cap leaves no choice.
    public static let defaultPenaltyFactor = 1000.0

    /// Index of the team in `CenterSpec.teams`.
    public var team: Int
    /// At most this many distinct agents (the sum of the chosen shifts' agents); nil = no cap.
    public var maxAgents: Int?
    /// Currency per missing agent-hour for this team; nil = the section's, or the default.
    public var underCoveragePenalty: Double?
    /// At most this many distinct shift start times (clock times, over all templates and days);
    /// nil = no cap. A published schedule has a handful of starts, not one per half hour.
    public var maxStartTimes: Int?
    /// A start time chosen at all gets at least this many agents (one agent alone on a start is
    /// a schedule nobody publishes); nil = no minimum.
    public var minAgentsPerStart: Int?
    /// Contract types; empty = any tour the templates allow. When given, every agent holds one
    /// and works a tour that makes its weekly hours.
    public var contracts: [WorkContract]
    /// Least rest between one shift's end and the next one's start, seconds; nil = none.
    public var minRest: Double?
    /// Most working days in a row; nil = none.
    public var maxConsecutiveDays: Int?
    /// Whether an agent keeps one start all week (`same`) or may start differently each day.
    public var dailyStart: DailyStart
    public var templates: [ShiftTemplate]

    public init(team: Int, maxAgents: Int? = nil, underCoveragePenalty: Double? = nil, maxStartTimes: Int? = nil,
                minAgentsPerStart: Int? = nil, contracts: [WorkContract] = [], minRest: Double? = nil,
                maxConsecutiveDays: Int? = nil, dailyStart: DailyStart = .same, templates: [ShiftTemplate]) {
        self.team = team
        self.maxAgents = maxAgents
        self.underCoveragePenalty = underCoveragePenalty
        self.maxStartTimes = maxStartTimes
        self.minAgentsPerStart = minAgentsPerStart
        self.contracts = contracts
        self.minRest = minRest
        self.maxConsecutiveDays = maxConsecutiveDays
        self.dailyStart = dailyStart
        self.templates = templates
    }

    /// The penalty per missing agent-hour in force for this team.
    public func penalty(in spec: SchedulingSpec, hourlyCost: Double) -> Double {
        underCoveragePenalty ?? spec.underCoveragePenalty ?? Self.defaultPenaltyFactor * max(hourlyCost, 1)
    }
}

/// A family of shifts that share a length, breaks and work patterns, one per allowed start.
public struct ShiftTemplate: Sendable, Hashable {
    /// Allowed start times, seconds after midnight, ascending and distinct.
    public var starts: [Double]
    public var length: Double
    /// Breaks as in a team's shifts: each starts in its window, counted from the shift start.
    public var breaks: [Break]
    public var patterns: [WorkPattern]

    public init(starts: [Double], length: Double, breaks: [Break] = [], patterns: [WorkPattern] = [.days(Set(Weekday.allCases))]) {
        self.starts = starts
        self.length = length
        self.breaks = breaks
        self.patterns = patterns
    }

    /// Paid seconds of one shift: its length less unpaid breaks.
    public var paidLength: Double {
        length - breaks.filter { !$0.paid }.reduce(0) { $0 + $1.length }
    }

    /// Every distinct set of working days the patterns allow, in a fixed order.
    public var daySets: [Set<Weekday>] {
        var seen: Set<Set<Weekday>> = []
        var out: [Set<Weekday>] = []
        for pattern in patterns {
            for days in pattern.daySets where seen.insert(days).inserted { out.append(days) }
        }
        return out
    }
}
