import Foundation
import Scenarios
import Stochastics

/// `summary.json`: the `ResultsSchema.SummaryDocument` of a run, built here from its
/// `CenterSummary` and decoded by the report with the same types.
extension SummaryFiles {
    public static func json(_ summary: CenterSummary) throws -> Data {
        try SummaryDocument(summary).encoded()
    }
}

extension SummaryDocument {
    /// The document of a run: the scenario's key inputs, the run settings, and every metric by
    /// scope with the channels' verdicts and the per-interval figures.
    public init(_ summary: CenterSummary) {
        let settings = summary.scenario.run
        self.init(
            scenario: Inputs(summary),
            run: RunSettings(seed: settings.seed, replications: summary.replications, horizonSeconds: settings.horizon,
                             warmupSeconds: settings.warmup, intervalSeconds: settings.interval,
                             maxArrivals: settings.maxArrivals, confidenceLevel: summary.confidenceLevel),
            theoryModel: summary.reference?.model,
            channels: summary.channels.indices.map { Channel(summary, $0) },
            tiers: summary.tiers.indices.map { Scope(summary, .tier($0), intervals: summary.tiers[$0].intervals) },
            teams: summary.teams.indices.map { Scope(summary, .team($0), intervals: summary.teams[$0].intervals) },
            center: Center(metrics: Metrics(summary.metrics(.center)) { summary.theory($0, .center) }),
            simulated: Simulated(arrivals: summary.arrivalsSimulated, events: summary.eventsHandled))
    }
}

// MARK: Inputs

extension SummaryDocument.Inputs {
    init(_ summary: CenterSummary) {
        self.init(
            name: summary.scenario.name,
            file: summary.scenario.source,
            startWeekday: summary.center.startWeekday.label,
            channels: summary.center.channels.map(SummaryDocument.ChannelInputs.init),
            tiers: summary.center.tiers.map {
                SummaryDocument.TierInputs(name: $0.name, handleTimes: $0.handleTimes.map { $0.map(SummaryDocument.DistributionInputs.init) })
            },
            teams: summary.center.teams.map {
                SummaryDocument.TeamInputs(name: $0.name, constantAgents: $0.constantAgents, shifts: $0.shifts.count + ($0.roster?.shifts.count ?? 0),
                                           hourlyCost: $0.hourlyCost, overtimeMultiplier: $0.overtimeMultiplier,
                                           rosterFile: $0.roster?.file, rosteredAgents: $0.roster?.agents.count)
            },
            resolutionTargetSeconds: summary.center.resolutionTarget,
            startDate: summary.center.startDate.map { "\($0)" })
    }
}

extension SummaryDocument.ChannelInputs {
    init(_ spec: ChannelSpec) {
        self.init(
            name: spec.name,
            kind: spec.kind.rawValue,
            demand: SummaryDocument.Demand(spec.demand),
            patience: spec.patience.map(SummaryDocument.DistributionInputs.init),
            serviceLevel: SummaryDocument.ServiceLevelInputs(answerWithinSeconds: spec.serviceLevel.answerWithin,
                                                             target: spec.serviceLevel.target,
                                                             convention: spec.serviceLevel.convention.rawValue),
            maxAsaSeconds: spec.maxAverageSpeedOfAnswer,
            maxAbandonmentRate: spec.maxAbandonmentRate)
    }
}

extension SummaryDocument.Demand {
    init(_ demand: DemandSpec) {
        switch demand.pattern {
        case .constant(let rate): self.init(ratePerHour: rate * 3600, volumePerDay: nil, batches: demand.batches.count)
        case .daily(let daily): self.init(ratePerHour: nil, volumePerDay: daily.volumePerDay, batches: demand.batches.count)
        case .forecast(let forecast):
            self.init(ratePerHour: nil, volumePerDay: forecast.averagePerDay, batches: demand.batches.count, forecastFile: forecast.file)
        }
    }
}

extension SummaryDocument.DistributionInputs {
    init(_ distribution: Distribution) {
        self.init(family: distribution.family, meanSeconds: distribution.mean, cv: distribution.cv)
    }
}

// MARK: Results

extension SummaryDocument.Entry {
    init(_ item: MetricSummary, theory: Double?) {
        self.init(mean: item.mean, sd: item.standardDeviation, ciLower: item.confidenceInterval?.lower,
                  ciUpper: item.confidenceInterval?.upper, replications: item.replications, theory: theory)
    }
}

extension SummaryDocument.Metrics {
    init(_ set: MetricSet, theory: (Metric) -> Double? = { _ in nil }) {
        self.init(Dictionary(uniqueKeysWithValues: set.items.map {
            ($0.metric.rawValue, SummaryDocument.Entry($0, theory: theory($0.metric)))
        }))
    }
}

extension SummaryDocument.Interval {
    static func all(_ summary: CenterSummary, _ sets: [MetricSet]) -> [Self] {
        zip(summary.intervals, sets).map {
            Self(index: $0.index, startSeconds: $0.start, lengthSeconds: $0.length, metrics: SummaryDocument.Metrics($1))
        }
    }
}

extension SummaryDocument.Scope {
    /// A tier or a team.
    init(_ summary: CenterSummary, _ scope: MetricScope, intervals: [MetricSet]) {
        self.init(name: summary.name(scope),
                  metrics: SummaryDocument.Metrics(summary.metrics(scope)) { summary.theory($0, scope) },
                  intervals: SummaryDocument.Interval.all(summary, intervals))
    }
}

extension SummaryDocument.Channel {
    init(_ summary: CenterSummary, _ c: Int) {
        let channel = summary.channels[c]
        let target = channel.serviceLevelTarget
        let check = channel.serviceLevel
        self.init(
            name: channel.name,
            kind: channel.kind.rawValue,
            sla: SummaryDocument.ServiceLevelVerdict(
                answerWithinSeconds: target.answerWithin, target: target.target, convention: target.convention.rawValue,
                achieved: check.achieved.mean, ciLower: check.achieved.confidenceInterval?.lower,
                ciUpper: check.achieved.confidenceInterval?.upper, verdict: check.verdict),
            asaCeiling: channel.averageSpeedOfAnswerCeiling.map(SummaryDocument.CeilingVerdict.init),
            abandonmentCeiling: channel.abandonmentCeiling.map(SummaryDocument.CeilingVerdict.init),
            worstInterval: channel.worstInterval.map {
                SummaryDocument.WorstInterval(index: $0.interval.index, startSeconds: $0.interval.start,
                                              lengthSeconds: $0.interval.length, serviceLevel: $0.serviceLevel)
            },
            metrics: SummaryDocument.Metrics(channel.metrics) { summary.theory($0, .channel(c)) },
            intervals: SummaryDocument.Interval.all(summary, channel.intervals))
    }
}

extension SummaryDocument.CeilingVerdict {
    init(_ check: TargetCheck) {
        self.init(ceiling: check.limit, achieved: check.achieved.mean, ciLower: check.achieved.confidenceInterval?.lower,
                  ciUpper: check.achieved.confidenceInterval?.upper, verdict: check.verdict)
    }
}
