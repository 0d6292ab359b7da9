import ContactCenter
import Scenarios

/// One team across replications: how busy its agents were, what it handled,
/// and what it cost.
///
/// Occupancy is busy time over available time (on shift, off breaks and
/// off-phone blocks); utilisation is busy time over paid on-shift time, so the
/// gap between them is the cost of shrinkage. Handled counts contacts whose
/// handling ended in the measured window, by this team.
public struct TeamSummary: Sendable {
    public var name: String
    public var hourlyCost: Double
    public var overtimeMultiplier: Double
    public var metrics: MetricSet
    /// One set per reporting interval, aligned with `CenterSummary.intervals`.
    public var intervals: [MetricSet]

    public static let wholeRun: [Metric] = [
        .occupancy, .utilisation, .busyAgents, .availableAgents, .handled, .overtimeHours, .labourCost, .costPerHandled,
    ]
    public static let perInterval: [Metric] = [.busyAgents, .availableAgents, .occupancy, .handled]

    init(_ spec: AgentTeamSpec, index t: Int, results: [CenterResult], intervals: [ReportingInterval], level: Double) {
        name = spec.name
        hourlyCost = spec.hourlyCost
        overtimeMultiplier = spec.overtimeMultiplier
        metrics = MetricSet(Self.wholeRun, perReplication: results.map {
            Self.figures($0.teamTotals[t], window: $0.measuredDuration, spec: spec)
        }, level: level)
        self.intervals = intervals.map { interval in
            MetricSet(Self.perInterval, perReplication: results.map {
                Self.figures($0.teamIntervals[interval.index * $0.teams + t])
            }, level: level)
        }
    }

    /// Paid cost of a team's time in the measured window: on-shift hours at the
    /// hourly cost, plus overtime hours at the hourly cost times the overtime multiplier.
    public static func labourCost(_ team: CenterResult.Team, spec: AgentTeamSpec) -> Double {
        team.paidSeconds / 3600 * spec.hourlyCost + team.overtimeSeconds / 3600 * spec.hourlyCost * spec.overtimeMultiplier
    }

    /// One replication's whole-run figures for a team.
    static func figures(_ team: CenterResult.Team, window: Double, spec: AgentTeamSpec) -> [Metric: Double] {
        let cost = labourCost(team, spec: spec)
        var figures: [Metric: Double] = [
            .handled: Double(team.handled),
            .overtimeHours: team.overtimeSeconds / 3600,
            .labourCost: cost,
        ]
        figures[.occupancy] = team.occupancy
        if team.paidSeconds > 0 { figures[.utilisation] = team.busySeconds / team.paidSeconds }
        if window > 0 {
            figures[.busyAgents] = team.busySeconds / window
            figures[.availableAgents] = team.availableSeconds / window
        }
        if team.handled > 0 { figures[.costPerHandled] = cost / Double(team.handled) }
        return figures
    }

    /// One replication's figures for a team in one interval.
    static func figures(_ interval: CenterResult.TeamInterval) -> [Metric: Double] {
        var figures: [Metric: Double] = [
            .busyAgents: interval.meanBusy,
            .availableAgents: interval.meanAvailable,
            .handled: Double(interval.handled),
        ]
        if interval.meanAvailable > 0 { figures[.occupancy] = interval.meanBusy / interval.meanAvailable }
        return figures
    }
}
