import Foundation
import Scenarios
import Stochastics

/// `summary.json`: the scenario's key inputs, the run settings, and every
/// metric by scope (channels, tiers, teams, whole center) with mean, sd,
/// confidence interval and, where theory applies, the Erlang prediction; the
/// channels' verdicts against their SLA and ceilings; and the per-interval
/// figures. Keys are snake_case and sorted, so runs diff cleanly; a number
/// without a value (e.g. `ci_lower` with one replication, a mean no replication
/// defined, an infinite mean) is written as `null`, as is `met` when a verdict
/// is undefined (`NullWhenAbsent`).
extension SummaryFiles {
    /// `ResultsVersion.ccsim`: the one version number.
    public static let version = ResultsVersion.ccsim

    public static func json(_ summary: CenterSummary) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(Document(summary)) + Data("\n".utf8)
    }

    struct Document: Encodable {
        var ccsimVersion = SummaryFiles.version
        var scenario: ScenarioEcho
        var run: RunEcho
        var theoryModel: String?
        var channels: [ChannelEntry]
        var tiers: [ScopeEntry]
        var teams: [ScopeEntry]
        var center: ScopeEntry
        var simulated: Simulated

        init(_ summary: CenterSummary) {
            scenario = ScenarioEcho(summary)
            let settings = summary.scenario.run
            run = RunEcho(seed: settings.seed, replications: summary.replications, horizonSeconds: settings.horizon,
                          warmupSeconds: settings.warmup, intervalSeconds: settings.interval,
                          maxArrivals: settings.maxArrivals, confidenceLevel: summary.confidenceLevel)
            theoryModel = summary.reference?.model.rawValue
            channels = summary.channels.indices.map { ChannelEntry(summary, $0) }
            tiers = summary.tiers.indices.map { ScopeEntry(summary, .tier($0), intervals: summary.tiers[$0].intervals) }
            teams = summary.teams.indices.map { ScopeEntry(summary, .team($0), intervals: summary.teams[$0].intervals) }
            center = ScopeEntry(summary, .center, intervals: nil)
            simulated = Simulated(arrivals: summary.arrivalsSimulated, events: summary.eventsHandled)
        }
    }

    // MARK: Inputs

    struct ScenarioEcho: Encodable {
        var name: String
        var file: String?
        /// Day 0's weekday (`Mon`…`Sun`): with `run.warmup_seconds` it names every interval (`TimeLabel`).
        var startWeekday: String
        /// Day 0's date (`2027-01-04`) when the scenario is dated; absent otherwise.
        var startDate: String?
        var channels: [ChannelEcho]
        var tiers: [TierEcho]
        var teams: [TeamEcho]
        @NullWhenAbsent var resolutionTargetSeconds: Double?

        init(_ summary: CenterSummary) {
            name = summary.scenario.name
            file = summary.scenario.source
            startWeekday = TimeLabel.weekdays[summary.center.startWeekday.rawValue]
            startDate = summary.center.startDate.map { "\($0)" }
            channels = summary.center.channels.map(ChannelEcho.init)
            tiers = summary.center.tiers.map { TierEcho(name: $0.name, handleTimes: $0.handleTimes.map { $0.map(DistributionEcho.init) }) }
            teams = summary.center.teams.map {
                TeamEcho(name: $0.name, constantAgents: $0.constantAgents, shifts: $0.shifts.count,
                         hourlyCost: $0.hourlyCost, overtimeMultiplier: $0.overtimeMultiplier)
            }
            resolutionTargetSeconds = summary.center.resolutionTarget
        }
    }

    struct ChannelEcho: Encodable {
        var name: String
        var kind: String
        var demand: DemandEcho
        var patience: DistributionEcho?
        var serviceLevel: ServiceLevelEcho
        @NullWhenAbsent var maxAsaSeconds: Double?
        @NullWhenAbsent var maxAbandonmentRate: Double?

        init(_ spec: ChannelSpec) {
            name = spec.name
            kind = spec.kind.rawValue
            demand = DemandEcho(spec.demand)
            patience = spec.patience.map(DistributionEcho.init)
            serviceLevel = ServiceLevelEcho(answerWithinSeconds: spec.serviceLevel.answerWithin,
                                            target: spec.serviceLevel.target,
                                            convention: spec.serviceLevel.convention.rawValue)
            maxAsaSeconds = spec.maxAverageSpeedOfAnswer
            maxAbandonmentRate = spec.maxAbandonmentRate
        }
    }

    struct DemandEcho: Encodable {
        @NullWhenAbsent var ratePerHour: Double?
        @NullWhenAbsent var volumePerDay: Double?
        /// The forecast file of a forecast demand (`volume_per_day` is then its average day); absent otherwise.
        var forecastFile: String?
        var batches: Int

        init(_ demand: DemandSpec) {
            switch demand.pattern {
            case .constant(let rate): ratePerHour = rate * 3600
            case .daily(let daily): volumePerDay = daily.volumePerDay
            case .forecast(let forecast):
                volumePerDay = forecast.averagePerDay
                forecastFile = forecast.file
            }
            batches = demand.batches.count
        }
    }

    struct ServiceLevelEcho: Encodable {
        var answerWithinSeconds: Double
        var target: Double
        var convention: String
    }

    struct TierEcho: Encodable {
        var name: String
        /// One per channel; null where the tier is not served on that channel.
        var handleTimes: [DistributionEcho?]
    }

    struct TeamEcho: Encodable {
        var name: String
        var constantAgents: Int
        var shifts: Int
        var hourlyCost: Double
        var overtimeMultiplier: Double
    }

    struct DistributionEcho: Encodable {
        var family: String
        @NullWhenAbsent var meanSeconds: Double?
        @NullWhenAbsent var cv: Double?

        init(_ distribution: Distribution) {
            family = distribution.family
            meanSeconds = distribution.mean
            cv = distribution.cv
        }
    }

    struct RunEcho: Encodable {
        var seed: UInt64
        var replications: Int
        var horizonSeconds: Double
        var warmupSeconds: Double
        var intervalSeconds: Double
        var maxArrivals: Int?
        var confidenceLevel: Double
        /// What happens after the window (`AfterWindow`).
        var afterWindow = AfterWindow.drain
    }

    /// After the measured window the run drains: arrivals stop, the agents on duty (permanent
    /// agents included) answer the live queues until they are empty, and every agent-second spent
    /// on contacts after the window is paid as overtime (`overtime_hours`); backlog work (email)
    /// is not started after the horizon. Whatever is still waiting when the run ends is counted
    /// in `unanswered_at_end` (or `callbacks_pending`).
    enum AfterWindow: String, Encodable {
        case drain
    }

    // MARK: Results

    struct Entry: Encodable {
        @NullWhenAbsent var mean: Double?
        @NullWhenAbsent var sd: Double?
        @NullWhenAbsent var ciLower: Double?
        @NullWhenAbsent var ciUpper: Double?
        var replications: Int
        @NullWhenAbsent var theory: Double?

        init(_ item: MetricSummary, theory: Double?) {
            mean = item.mean
            sd = item.standardDeviation
            ciLower = item.confidenceInterval?.lower
            ciUpper = item.confidenceInterval?.upper
            replications = item.replications
            self.theory = theory
        }
    }

    static func entries(_ set: MetricSet, theory: (Metric) -> Double? = { _ in nil }) -> [String: Entry] {
        Dictionary(uniqueKeysWithValues: set.items.map { ($0.metric.rawValue, Entry($0, theory: theory($0.metric))) })
    }

    struct IntervalEntry: Encodable {
        var index: Int
        var startSeconds: Double
        var lengthSeconds: Double
        var metrics: [String: Entry]
    }

    static func intervalEntries(_ summary: CenterSummary, _ sets: [MetricSet]) -> [IntervalEntry] {
        zip(summary.intervals, sets).map {
            IntervalEntry(index: $0.index, startSeconds: $0.start, lengthSeconds: $0.length, metrics: entries($1))
        }
    }

    /// A tier, a team or the whole center.
    struct ScopeEntry: Encodable {
        var name: String?
        var metrics: [String: Entry]
        var intervals: [IntervalEntry]?

        init(_ summary: CenterSummary, _ scope: MetricScope, intervals: [MetricSet]?) {
            name = scope == .center ? nil : summary.name(scope)
            metrics = entries(summary.metrics(scope)) { summary.theory($0, scope) }
            self.intervals = intervals.map { intervalEntries(summary, $0) }
        }
    }

    struct ChannelEntry: Encodable {
        var name: String
        var kind: String
        var sla: SLAVerdict
        var asaCeiling: CeilingVerdict?
        var abandonmentCeiling: CeilingVerdict?
        var worstInterval: WorstInterval?
        var metrics: [String: Entry]
        var intervals: [IntervalEntry]

        init(_ summary: CenterSummary, _ c: Int) {
            let channel = summary.channels[c]
            name = channel.name
            kind = channel.kind.rawValue
            let target = channel.serviceLevelTarget
            sla = SLAVerdict(answerWithinSeconds: target.answerWithin, target: target.target,
                             convention: target.convention.rawValue, check: channel.serviceLevel)
            asaCeiling = channel.averageSpeedOfAnswerCeiling.map(CeilingVerdict.init)
            abandonmentCeiling = channel.abandonmentCeiling.map(CeilingVerdict.init)
            worstInterval = channel.worstInterval.map {
                WorstInterval(index: $0.interval.index, startSeconds: $0.interval.start,
                              lengthSeconds: $0.interval.length, serviceLevel: $0.serviceLevel)
            }
            metrics = entries(channel.metrics) { summary.theory($0, .channel(c)) }
            intervals = intervalEntries(summary, channel.intervals)
        }
    }

    /// The service level against its target. `met`: the mean reaches the target;
    /// `verdict` says whether the whole confidence interval does.
    struct SLAVerdict: Encodable {
        var answerWithinSeconds: Double
        var target: Double
        var convention: String
        @NullWhenAbsent var achieved: Double?
        @NullWhenAbsent var ciLower: Double?
        @NullWhenAbsent var ciUpper: Double?
        var verdict: String
        @NullWhenAbsent var met: Bool?

        init(answerWithinSeconds: Double, target: Double, convention: String, check: TargetCheck) {
            self.answerWithinSeconds = answerWithinSeconds
            self.target = target
            self.convention = convention
            achieved = check.achieved.mean
            ciLower = check.achieved.confidenceInterval?.lower
            ciUpper = check.achieved.confidenceInterval?.upper
            verdict = check.verdict.rawValue
            met = check.passed
        }
    }

    /// ASA or abandonment rate against its ceiling, read like `SLAVerdict`.
    struct CeilingVerdict: Encodable {
        var ceiling: Double
        @NullWhenAbsent var achieved: Double?
        @NullWhenAbsent var ciLower: Double?
        @NullWhenAbsent var ciUpper: Double?
        var verdict: String
        @NullWhenAbsent var met: Bool?

        init(_ check: TargetCheck) {
            ceiling = check.limit
            achieved = check.achieved.mean
            ciLower = check.achieved.confidenceInterval?.lower
            ciUpper = check.achieved.confidenceInterval?.upper
            verdict = check.verdict.rawValue
            met = check.passed
        }
    }

    struct WorstInterval: Encodable {
        var index: Int
        var startSeconds: Double
        var lengthSeconds: Double
        var serviceLevel: Double
    }

    struct Simulated: Encodable {
        var arrivals: Int
        var events: Int
    }
}
