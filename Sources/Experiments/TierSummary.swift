import ContactCenter
import Scenarios

/// One tier across replications: how much it handled and how well it
/// resolved issues — first-contact resolution, escalations, repeat contacts,
/// time to resolution and handle time — over all channels.
public struct TierSummary: Sendable {
    public var name: String
    public var metrics: MetricSet
    /// One set per reporting interval, aligned with `CenterSummary.intervals`
    /// (contacts attributed to the interval of their arrival).
    public var intervals: [MetricSet]

    public static let perInterval: [Metric] = [.handled, .resolved, .firstContactResolution, .escalationRate,
                                               .repeatContacts, .averageHandleTime]

    /// Whole-run metrics, in reporting order; `resolved_within_target` only
    /// when the center sets a resolution target.
    public static func wholeRun(resolutionTarget: Double?) -> [Metric] {
        [.handled, .resolved, .firstContactResolution, .escalationRate, .repeatContacts, .meanResolutionTime]
            + (resolutionTarget == nil ? [] : [.resolvedWithinTarget]) + [.averageHandleTime]
    }

    init(_ spec: TierSpec, index k: Int, results: [CenterResult], intervals: [ReportingInterval],
         resolutionTarget: Double?, level: Double) {
        name = spec.name
        metrics = MetricSet(Self.wholeRun(resolutionTarget: resolutionTarget),
                            perReplication: results.map { Self.figures($0.resolutions(tier: k)) }, level: level)
        self.intervals = intervals.map { interval in
            MetricSet(Self.perInterval, perReplication: results.map {
                Self.figures($0.resolutions(interval: interval.index, tier: k))
            }, level: level)
        }
    }

    /// One replication's figures from a tier's resolution counts.
    static func figures(_ counts: ResolutionCounts) -> [Metric: Double] {
        var figures: [Metric: Double] = [
            .handled: Double(counts.handled),
            .resolved: Double(counts.resolved),
            .repeatContacts: Double(counts.repeatContacts),
        ]
        figures[.firstContactResolution] = counts.firstContactResolution
        figures[.escalationRate] = counts.escalationRate
        figures[.meanResolutionTime] = counts.meanResolutionTime
        figures[.averageHandleTime] = counts.averageHandleTime
        if counts.resolved > 0 {
            figures[.resolvedWithinTarget] = Double(counts.resolvedWithinTarget) / Double(counts.resolved)
        }
        return figures
    }
}
