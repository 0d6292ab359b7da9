import ResultsSchema

/// How a metric named in a results file (a sweep or staffing file) is shown on a chart: shares
/// as percentages, times as durations, money as money, the rest as numbers — by the unit
/// `ResultsSchema.Metric` gives the name.
enum ChartUnit {
    case share, seconds, money, number

    /// By the metric's last dotted part that the results schema names (`ResultsSchema.Metric`),
    /// so `voice.service_level` and `voice.service_level.worst_interval` are shares; a number for
    /// names it does not know.
    init(metric: String) {
        let known = metric.split(separator: ".").reversed().lazy.compactMap { ResultsSchema.Metric(rawValue: String($0)) }.first
        switch known?.unit {
        case .share?: self = .share
        case .seconds?: self = .seconds
        case .money?: self = .money
        default: self = .number
        }
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
