/// The inputs `summary.json` repeats, so a results folder (and its report) can be read without
/// the scenario file beside it.
extension SummaryDocument {
    /// The scenario's key inputs.
    public struct Inputs: Codable, Sendable, Hashable {
        public var name: String
        /// The scenario file, when the scenario was read from one.
        public var file: String?
        /// Day 0's weekday (`Mon`…`Sun`): with `run.warmup_seconds` it names every interval (`TimeLabel`).
        public var startWeekday: String
        /// Day 0's date (`2027-01-04`) when the scenario is dated; absent otherwise.
        public var startDate: String?
        public var channels: [ChannelInputs]
        public var tiers: [TierInputs]
        public var teams: [TeamInputs]
        @NullWhenAbsent public var resolutionTargetSeconds: Double?

        public init(name: String, file: String?, startWeekday: String, channels: [ChannelInputs], tiers: [TierInputs],
                    teams: [TeamInputs], resolutionTargetSeconds: Double?, startDate: String? = nil) {
            self.name = name
            self.startDate = startDate
            self.file = file
            self.startWeekday = startWeekday
            self.channels = channels
            self.tiers = tiers
            self.teams = teams
            self.resolutionTargetSeconds = resolutionTargetSeconds
        }

        /// Names moments of the run as the terminal and `intervals.csv` do.
        public var timeLabel: TimeLabel {
            if let date = startDate.flatMap(CivilDate.init(iso:)) { return TimeLabel(startDate: date) }
            return TimeLabel(startWeekday: TimeLabel.weekdays.firstIndex(of: startWeekday) ?? 0)
        }
    }

    public struct ChannelInputs: Codable, Sendable, Hashable {
        public var name: String
        /// `voice`, `chat` or `email`.
        public var kind: String
        public var demand: Demand
        /// Absent when callers never abandon.
        public var patience: DistributionInputs?
        public var serviceLevel: ServiceLevelInputs
        @NullWhenAbsent public var maxAsaSeconds: Double?
        @NullWhenAbsent public var maxAbandonmentRate: Double?

        public init(name: String, kind: String, demand: Demand, patience: DistributionInputs?, serviceLevel: ServiceLevelInputs,
                    maxAsaSeconds: Double?, maxAbandonmentRate: Double?) {
            self.name = name
            self.kind = kind
            self.demand = demand
            self.patience = patience
            self.serviceLevel = serviceLevel
            self.maxAsaSeconds = maxAsaSeconds
            self.maxAbandonmentRate = maxAbandonmentRate
        }
    }

    /// A channel's demand: a constant rate or a daily volume (the other is null), and its batches.
    public struct Demand: Codable, Sendable, Hashable {
        @NullWhenAbsent public var ratePerHour: Double?
        @NullWhenAbsent public var volumePerDay: Double?
        /// The forecast file of a forecast demand (`volume_per_day` is then its average day); absent otherwise.
        public var forecastFile: String?
        public var batches: Int

        public init(ratePerHour: Double?, volumePerDay: Double?, batches: Int, forecastFile: String? = nil) {
            self.ratePerHour = ratePerHour
            self.forecastFile = forecastFile
            self.volumePerDay = volumePerDay
            self.batches = batches
        }
    }

    public struct ServiceLevelInputs: Codable, Sendable, Hashable {
        public var answerWithinSeconds: Double
        public var target: Double
        /// `offered`, `excluding_short_abandons` or `answered`.
        public var convention: String

        public init(answerWithinSeconds: Double, target: Double, convention: String) {
            self.answerWithinSeconds = answerWithinSeconds
            self.target = target
            self.convention = convention
        }
    }

    /// A distribution by family, mean and coefficient of variation (null where not finite).
    public struct DistributionInputs: Codable, Sendable, Hashable {
        public var family: String
        @NullWhenAbsent public var meanSeconds: Double?
        @NullWhenAbsent public var cv: Double?

        public init(family: String, meanSeconds: Double?, cv: Double?) {
            self.family = family
            self.meanSeconds = meanSeconds
            self.cv = cv
        }
    }

    public struct TierInputs: Codable, Sendable, Hashable {
        public var name: String
        /// One per channel; null where the tier is not served on that channel.
        public var handleTimes: [DistributionInputs?]

        public init(name: String, handleTimes: [DistributionInputs?]) {
            self.name = name
            self.handleTimes = handleTimes
        }
    }

    public struct TeamInputs: Codable, Sendable, Hashable {
        public var name: String
        public var constantAgents: Int
        /// The number of shifts the team works: template shifts, or the rows of a published roster.
        public var shifts: Int
        public var hourlyCost: Double
        public var overtimeMultiplier: Double
        /// A published roster's file and its named agents; nil (absent) for template shifts.
        public var rosterFile: String?
        public var rosteredAgents: Int?

        public init(name: String, constantAgents: Int, shifts: Int, hourlyCost: Double, overtimeMultiplier: Double,
                    rosterFile: String? = nil, rosteredAgents: Int? = nil) {
            self.name = name
            self.constantAgents = constantAgents
            self.shifts = shifts
            self.hourlyCost = hourlyCost
            self.overtimeMultiplier = overtimeMultiplier
            self.rosterFile = rosterFile
            self.rosteredAgents = rosteredAgents
        }

        /// How the team is staffed, in a few words: `10 agents throughout`, `4 shifts`, or
        /// `roster roster.csv: 40 agents, 98 shifts`.
        public var staffing: String {
            var parts: [String] = []
            if let rosterFile { parts.append("roster \(rosterFile): \(rosteredAgents ?? 0) agent\(rosteredAgents == 1 ? "" : "s"), \(shifts) shift\(shifts == 1 ? "" : "s")") }
            if constantAgents != 0 { parts.append("\(constantAgents) agent\(constantAgents == 1 ? "" : "s") throughout") }
            if rosterFile == nil, shifts > 0 || parts.isEmpty { parts.append("\(shifts) shift\(shifts == 1 ? "" : "s")") }
            return parts.joined(separator: " + ")
        }
    }

    /// How the run was made.
    public struct RunSettings: Codable, Sendable, Hashable {
        public var seed: UInt64
        public var replications: Int
        public var horizonSeconds: Double
        public var warmupSeconds: Double
        public var intervalSeconds: Double
        /// Absent when the run was not capped by a number of arrivals.
        public var maxArrivals: Int?
        public var confidenceLevel: Double
        public var afterWindow: AfterWindow

        public init(seed: UInt64, replications: Int, horizonSeconds: Double, warmupSeconds: Double, intervalSeconds: Double,
                    maxArrivals: Int?, confidenceLevel: Double, afterWindow: AfterWindow = .drain) {
            self.seed = seed
            self.replications = replications
            self.horizonSeconds = horizonSeconds
            self.warmupSeconds = warmupSeconds
            self.intervalSeconds = intervalSeconds
            self.maxArrivals = maxArrivals
            self.confidenceLevel = confidenceLevel
            self.afterWindow = afterWindow
        }
    }

    /// After the measured window the run drains: arrivals stop, the agents on duty (permanent
    /// agents included) answer the live queues until they are empty, and every agent-second spent
    /// on contacts after the window is paid as overtime (`overtime_hours`); backlog work (email)
    /// is not started after the horizon. Whatever is still waiting when the run ends is counted
    /// in `unanswered_at_end` (or `callbacks_pending`).
    public enum AfterWindow: String, Codable, Sendable, CaseIterable {
        case drain
    }
}
