import ContactCenter

/// One reporting interval of one replication.
public struct IntervalResult: Sendable, Hashable, Codable {
    public var index: Int
    /// Start, in seconds after the end of the warm-up.
    public var start: Double
    public var length: Double
    /// Outcomes of the contacts that arrived in this interval.
    public var counts: OutcomeCounts
    /// Mean number of busy agents over the interval.
    public var meanBusyAgents: Double
    /// Busy agents over staffed agents.
    public var occupancy: Double
    public var meanQueueLength: Double
}

/// Everything one replication measured: the single output record that
/// summaries, tables and files are built from (Ciw's one-record design).
public struct ReplicationResult: Sendable, Hashable, Codable {
    public var replication: Int
    public var agents: Int
    /// Outcomes of all contacts offered in the measured window.
    public var counts: OutcomeCounts
    /// Length of the measured window, in seconds.
    public var measuredDuration: Double
    public var meanBusyAgents: Double
    public var occupancy: Double
    public var meanQueueLength: Double
    /// Percentiles of the wait of answered contacts (streamed, ≤ 0.5% relative error).
    public var waitP50: Double?
    public var waitP90: Double?
    public var waitP95: Double?
    public var intervals: [IntervalResult]
    /// Arrivals simulated, warm-up included.
    public var arrivalsSimulated: Int
    public var eventsHandled: Int

    /// Offered contacts per second in the measured window.
    public var observedArrivalRate: Double {
        measuredDuration > 0 ? Double(counts.offered) / measuredDuration : 0
    }
}
