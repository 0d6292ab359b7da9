import ContactCenter
import Scenarios

/// The answer to `ccsim run`: the full model's replications summarised per
/// channel, tier and team, for the whole center, and per reporting interval,
/// each metric with its mean, standard deviation and Student-t confidence
/// interval across replications.
///
/// Built once from the replications' `CenterResult`s; the table, the JSON and
/// CSV files and `metricValues(of:)` all read from it, so they always agree.
public struct CenterSummary: Sendable {
    public var scenario: Scenario
    /// The center summarised: `scenario.center`.
    public var center: CenterSpec
    /// `scenario.singleQueue`: set when the center is one queue served by one team.
    public var singleQueue: SingleQueueView?
    /// What Erlang C/A predicts, for a single M/M/n or M/M/n+M queue.
    public var reference: ErlangReference?
    public var confidenceLevel: Double
    public var replications: Int
    /// Reporting intervals measured in every replication.
    public var intervals: [ReportingInterval]
    public var channels: [ChannelSummary]
    public var tiers: [TierSummary]
    public var teams: [TeamSummary]
    /// The whole center: offered, handled, resolved, labour cost, SLA penalties, total cost, cost per
    /// handled and per resolved contact.
    public var overall: MetricSet
    /// Arrivals and events simulated over all replications, warm-ups included.
    public var arrivalsSimulated: Int
    public var eventsHandled: Int

    public static let overallMetrics: [Metric] = [
        .offered, .handled, .resolved, .labourCost, .slaPenalty, .totalCost, .costPerHandled, .costPerResolved,
    ]

    public init(scenario: Scenario, replications results: [CenterResult], confidenceLevel: Double = 0.95) {
        self.init(scenario: scenario, center: scenario.center, singleQueue: scenario.singleQueue,
                  replications: results, confidenceLevel: confidenceLevel)
    }

    /// With the center given apart from the scenario: lets the package's tests
    /// summarise multi-channel results until `Scenario` can hold any center.
    package init(scenario: Scenario, center: CenterSpec, singleQueue: SingleQueueView?, replications results: [CenterResult],
                 confidenceLevel: Double = 0.95) {
        precondition(results.allSatisfy {
            $0.channels == center.channels.count && $0.tiers == center.tiers.count && $0.teams == center.teams.count
        }, "CenterSummary: results of another center")
        self.scenario = scenario
        self.center = center
        self.singleQueue = singleQueue
        reference = singleQueue.flatMap(ErlangReference.init)
        self.confidenceLevel = confidenceLevel
        replications = results.count
        let level = confidenceLevel
        // The intervals every replication measured (max_arrivals may close a replication early).
        let count = results.map(\.intervalCount).min() ?? 0
        let intervals = (0..<count).map { i in
            let length = results[0].intervalLength
            let start = Double(i) * length
            return ReportingInterval(index: i, start: start, length: min(length, results[0].measuredDuration - start))
        }
        self.intervals = intervals
        channels = center.channels.enumerated().map {
            ChannelSummary($1, index: $0, results: results, intervals: intervals, level: level)
        }
        tiers = center.tiers.enumerated().map {
            TierSummary($1, index: $0, results: results, intervals: intervals,
                        resolutionTarget: center.resolutionTarget, level: level)
        }
        teams = center.teams.enumerated().map {
            TeamSummary($1, index: $0, results: results, intervals: intervals, level: level)
        }
        overall = MetricSet(Self.overallMetrics, perReplication: results.map { Self.overallFigures($0, center: center) },
                            level: level)
        arrivalsSimulated = results.reduce(0) { $0 + $1.arrivalsSimulated }
        eventsHandled = results.reduce(0) { $0 + $1.eventsHandled }
    }

    /// One replication's whole-center figures. Offered, handled and resolved
    /// count the contacts that arrived in the measured window; labour cost is
    /// the teams' paid time in the window (shrinkage included: paid but off the
    /// phones), overtime at its premium. Total cost adds the SLA penalties, and
    /// hiring and training when the workforce is modelled; the per-contact
    /// costs divide the total.
    static func overallFigures(_ result: CenterResult, center: CenterSpec) -> [Metric: Double] {
        let resolutions = result.allResolutions
        let labour = zip(result.teamTotals, center.teams).reduce(0.0) { $0 + TeamSummary.labourCost($1.0, spec: $1.1) }
        let penalty = ServiceLevelMisses.penalty(result, channels: center.channels)
        // Onboarding is paid time outside the rota (new hires are off the phones), so it is
        // priced here; training time sits inside shifts and is already in the labour cost.
        let people = result.workforceWeeks.reduce(0.0) {
            $0 + $1.hiringCost + $1.trainingCost + $1.onboardingSeconds / 3600 * center.teams[$1.team].hourlyCost
        }
        let total = labour + penalty + people
        var figures: [Metric: Double] = [
            .offered: Double(result.allOutcomes.offered),
            .handled: Double(resolutions.handled),
            .resolved: Double(resolutions.resolved),
            .labourCost: labour,
            .totalCost: total,
        ]
        if center.channels.contains(where: { $0.missPenalty != nil }) { figures[.slaPenalty] = penalty }
        if resolutions.handled > 0 { figures[.costPerHandled] = total / Double(resolutions.handled) }
        if resolutions.resolved > 0 { figures[.costPerResolved] = total / Double(resolutions.resolved) }
        return figures
    }

    /// The metrics of a scope.
    public func metrics(_ scope: MetricScope) -> MetricSet {
        switch scope {
        case .channel(let c): channels[c].metrics
        case .tier(let k): tiers[k].metrics
        case .team(let t): teams[t].metrics
        case .center: overall
        }
    }

    /// The scope's name in the scenario (`center` for the whole center).
    public func name(_ scope: MetricScope) -> String {
        switch scope {
        case .channel(let c): channels[c].name
        case .tier(let k): tiers[k].name
        case .team(let t): teams[t].name
        case .center: "center"
        }
    }

    /// Every scope, in reporting order: channels, tiers, teams, the whole center.
    public var scopes: [MetricScope] {
        channels.indices.map(MetricScope.channel) + tiers.indices.map(MetricScope.tier)
            + teams.indices.map(MetricScope.team) + [.center]
    }

    /// The Erlang C/A prediction of a whole-run metric, for a single M/M/n(+M)
    /// queue: the channel's figures and the team's occupancy.
    public func theory(_ metric: Metric, _ scope: MetricScope) -> Double? {
        guard let reference else { return nil }
        switch scope {
        case .channel(0) where metric != .occupancy: return reference[metric]
        case .team(0) where metric == .occupancy: return reference[metric]
        default: return nil
        }
    }
}
