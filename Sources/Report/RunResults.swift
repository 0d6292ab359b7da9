import Foundation
import ResultsSchema

/// The parts of `summary.json` (results/README.md) that the report shows, decoded on their own
/// so that the report reads a results folder without linking the simulator.
public struct RunResults: Decodable, Sendable {
    public var ccsimVersion: String?
    public var scenario: ScenarioInputs
    public var run: RunSettingsInfo
    public var theoryModel: String?
    public var channels: [ChannelResult]
    public var tiers: [ScopeResult]
    public var teams: [ScopeResult]
    public var center: CenterResult
    public var simulated: Simulated?

    /// Reads a `summary.json` document (snake_case keys).
    public static func decode(_ data: Data) throws -> RunResults {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(RunResults.self, from: data)
    }
}

/// A metric across replications: mean and confidence interval (absent when undefined).
public struct MetricEntry: Decodable, Sendable {
    public var mean: Double?
    public var sd: Double?
    public var ciLower: Double?
    public var ciUpper: Double?
    public var replications: Int?
    public var theory: Double?
}

public struct ScenarioInputs: Decodable, Sendable {
    public var name: String
    public var file: String?
    /// Day 0's weekday (`Mon`…`Sun`); absent in files from before 0.2.0 (read as Monday).
    public var startWeekday: String?
    /// Day 0's date in a dated scenario (`2027-01-04`); absent otherwise.
    public var startDate: String?
    public var channels: [ChannelInput]

    /// Names moments of the run as the terminal and `intervals.csv` do.
    public var timeLabel: TimeLabel {
        if let date = startDate.flatMap(CivilDate.init(iso:)) { return TimeLabel(startDate: date) }
        return TimeLabel(startWeekday: startWeekday.flatMap { TimeLabel.weekdays.firstIndex(of: $0) } ?? 0)
    }
    public var tiers: [TierInput]
    public var teams: [TeamInput]
    public var resolutionTargetSeconds: Double?
}

public struct ChannelInput: Decodable, Sendable {
    public struct Demand: Decodable, Sendable {
        public var ratePerHour: Double?
        public var volumePerDay: Double?
    }
    public struct ServiceLevel: Decodable, Sendable {
        public var answerWithinSeconds: Double
        public var target: Double
        public var convention: String?
    }
    public var name: String
    public var kind: String?
    public var demand: Demand?
    public var patience: DistributionInfo?
    public var serviceLevel: ServiceLevel?
    public var maxAsaSeconds: Double?
    public var maxAbandonmentRate: Double?
}

public struct DistributionInfo: Decodable, Sendable {
    public var family: String
    public var meanSeconds: Double
    public var cv: Double?
}

public struct TierInput: Decodable, Sendable {
    public var name: String
    public var handleTimes: [DistributionInfo?]?
}

public struct TeamInput: Decodable, Sendable {
    public var name: String
    public var constantAgents: Int?
    public var shifts: Int?
    public var hourlyCost: Double?
    public var overtimeMultiplier: Double?
}

public struct RunSettingsInfo: Decodable, Sendable {
    public var seed: UInt64?
    public var replications: Int
    public var horizonSeconds: Double
    public var warmupSeconds: Double?
    public var intervalSeconds: Double?
    public var confidenceLevel: Double?
    /// What happened after the window (`drain`).
    public var afterWindow: String?
}

/// A target or ceiling with its verdict (`met`, `met_on_mean`, `missed_on_mean`, `missed`, `undefined`).
public struct TargetVerdict: Decodable, Sendable {
    public var target: Double?
    public var ceiling: Double?
    public var answerWithinSeconds: Double?
    public var achieved: Double?
    public var ciLower: Double?
    public var ciUpper: Double?
    public var verdict: String
    /// nil when the verdict is undefined (a channel without demand): the writer writes `null`.
    @NullWhenAbsent public var met: Bool?
}

public struct IntervalResult: Decodable, Sendable {
    public var index: Int
    public var startSeconds: Double
    public var lengthSeconds: Double
    public var metrics: [String: MetricEntry]
}

public struct ChannelResult: Decodable, Sendable {
    public struct WorstInterval: Decodable, Sendable {
        public var index: Int
        public var startSeconds: Double
        public var lengthSeconds: Double?
        public var serviceLevel: Double?
    }
    public var name: String
    public var kind: String?
    public var sla: TargetVerdict
    public var asaCeiling: TargetVerdict?
    public var abandonmentCeiling: TargetVerdict?
    public var worstInterval: WorstInterval?
    public var metrics: [String: MetricEntry]
    public var intervals: [IntervalResult]
}

/// A tier or a team: whole-run metrics and per-interval figures.
public struct ScopeResult: Decodable, Sendable {
    public var name: String
    public var metrics: [String: MetricEntry]
    public var intervals: [IntervalResult]?
}

public struct CenterResult: Decodable, Sendable {
    public var metrics: [String: MetricEntry]
}

public struct Simulated: Decodable, Sendable {
    public var arrivals: Int
    public var events: Int
}
