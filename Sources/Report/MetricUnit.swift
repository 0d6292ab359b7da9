/// How a metric named in a results file is shown: shares as percentages, times as durations,
/// money with two decimals, the rest as numbers. Mirrors `Metric.unit` (Experiments) for the
/// names a sweep or staffing file carries, without linking the simulator.
enum MetricUnit {
    case share, seconds, money, number

    static let shares: Set<String> = ["service_level", "service_level_offered", "service_level_excluding_short_abandons",
                                      "service_level_answered", "abandonment_rate", "probability_of_wait", "fcr",
                                      "escalation_rate", "resolved_within_target", "occupancy", "utilisation"]
    static let times: Set<String> = ["asa", "wait_p50", "wait_p90", "wait_p95", "mean_time_in_queue", "oldest_age",
                                     "mean_resolution_time", "aht"]
    static let moneys: Set<String> = ["labour_cost", "cost_per_handled", "cost_per_resolved", "sla_penalty", "total_cost"]

    /// By the metric's last dotted part, so `voice.service_level` is a share.
    init(metric: String) {
        let base = metric.split(separator: ".").last.map(String.init) ?? metric
        self = Self.shares.contains(base) ? .share : Self.times.contains(base) ? .seconds : Self.moneys.contains(base) ? .money : .number
    }

    /// A confidence interval cut to the values the metric can take (a share in 0–100%, a time
    /// or cost not below zero), so a wide interval does not stretch the axis past them.
    func clamped(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
        switch self {
        case .share: Swift.min(Swift.max(range.lowerBound, 0), 1)...Swift.max(Swift.min(range.upperBound, 1), 0)
        case .seconds, .money: Swift.max(range.lowerBound, 0)...Swift.max(range.upperBound, 0)
        case .number: range
        }
    }

    func format(_ x: Double?) -> String {
        switch self {
        case .share: ValueFormat.percent(x)
        case .seconds: ValueFormat.duration(x)
        case .money: ValueFormat.money(x)
        case .number: ValueFormat.number(x)
        }
    }

    func tick(_ x: Double) -> String {
        switch self {
        case .share: ValueFormat.percentTick(x)
        case .seconds: ValueFormat.duration(x)
        case .money, .number: ValueFormat.number(x)
        }
    }
}
