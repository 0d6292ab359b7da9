/// A contract penalty for missing a channel's service level, as BPO clients
/// write them: an amount for every interval, day or week (or the whole run)
/// whose service level falls below target.
///
/// Periods without offered contacts cannot miss. The penalty adds to the labour
/// cost in `total_cost`, so a cheaper plan that misses more can lose to a dearer one.
public struct ServiceLevelPenalty: Sendable, Hashable {
    /// The unit over which the service level is measured against its target.
    public enum Period: String, Sendable, Hashable, CaseIterable {
        case interval, day, week, run

        /// Length in seconds, nil for the whole run (intervals use the run's interval).
        public var seconds: Double? {
            switch self {
            case .interval, .run: nil
            case .day: 86_400
            case .week: 604_800
            }
        }
    }

    /// Money per missed period, in the currency of the teams' hourly costs.
    public var amount: Double
    public var per: Period

    public init(amount: Double, per: Period = .day) {
        self.amount = amount
        self.per = per
    }
}
