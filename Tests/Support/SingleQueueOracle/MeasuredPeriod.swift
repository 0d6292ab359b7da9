import ContactCenter

/// A stretch of simulated time with its outcomes: a whole replication or one
/// of its reporting intervals. Metrics are defined once over this shape.
public protocol MeasuredPeriod {
    var counts: OutcomeCounts { get }
    var occupancy: Double { get }
    var meanQueueLength: Double { get }
    /// Wait percentiles of answered contacts, where they were collected.
    func waitQuantile(_ p: WaitPercentile) -> Double?
}

/// The wait percentiles ccsim reports.
public enum WaitPercentile: Sendable, CaseIterable {
    case p50, p90, p95
}

extension ReplicationResult: MeasuredPeriod {
    public func waitQuantile(_ p: WaitPercentile) -> Double? {
        switch p {
        case .p50: waitP50
        case .p90: waitP90
        case .p95: waitP95
        }
    }
}

extension IntervalResult: MeasuredPeriod {
    /// Percentiles are collected for the whole run only, to keep memory flat in the number of intervals.
    public func waitQuantile(_ p: WaitPercentile) -> Double? { nil }
}
