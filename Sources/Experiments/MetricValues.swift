import Scenarios

/// A run's whole-run metrics by name (means across replications), for sweeps
/// and scripts that compare runs.
///
/// Every metric appears qualified by its scope's name: `voice.service_level`,
/// `tier1.fcr`, `frontline.occupancy`, `center.labour_cost`. The first channel's
/// and the first team's metrics also appear unqualified (`service_level`,
/// `asa`, `occupancy`, …): for a single-queue scenario these are the names the
/// single-queue reports always used. A metric undefined in the run (e.g. ASA
/// with nothing answered) is absent. Where two scopes share a name, the
/// channel's figure wins, then the tier's, then the team's.
public func metricValues(of summary: CenterSummary) -> [String: Double] {
    var values: [String: Double] = [:]
    for (name, scope, metric) in namedMetrics(summary.center) {
        guard values[name] == nil, let mean = summary.metrics(scope)[metric]?.mean, mean.isFinite else { continue }
        values[name] = mean
    }
    return values
}

/// Every name `metricValues(of:)` can give for runs of `scenario`, so a sweep
/// can check the metrics it asks for before running anything.
public func metricNames(for scenario: Scenario) -> [String] {
    metricNames(for: scenario.center)
}

/// The same for a center given apart from a scenario (the package's tests).
package func metricNames(for center: CenterSpec) -> [String] {
    var seen = Set<String>()
    return namedMetrics(center).map(\.name).filter { seen.insert($0).inserted }
}

/// (name, scope, metric) in precedence order: unqualified first, then qualified by scope.
private func namedMetrics(_ center: CenterSpec) -> [(name: String, scope: MetricScope, metric: Metric)] {
    var named: [(String, MetricScope, Metric)] = []
    if !center.channels.isEmpty { named += ChannelSummary.wholeRun(center.channels[0]).map { ($0.rawValue, .channel(0), $0) } }
    if !center.teams.isEmpty { named += TeamSummary.wholeRun.map { ($0.rawValue, .team(0), $0) } }
    for (c, channel) in center.channels.enumerated() {
        named += ChannelSummary.wholeRun(channel).map { ("\(channel.name).\($0.rawValue)", .channel(c), $0) }
    }
    let tierMetrics = TierSummary.wholeRun(resolutionTarget: center.resolutionTarget)
    for (k, tier) in center.tiers.enumerated() {
        named += tierMetrics.map { ("\(tier.name).\($0.rawValue)", .tier(k), $0) }
    }
    for (t, team) in center.teams.enumerated() {
        named += TeamSummary.wholeRun.map { ("\(team.name).\($0.rawValue)", .team(t), $0) }
    }
    named += CenterSummary.overallMetrics.map { ("center.\($0.rawValue)", .center, $0) }
    return named
}
