import ContactCenter
import Scenarios

/// A figure reported for a run or an interval, with how to read it off a
/// measured period.
public enum Metric: String, CaseIterable, Codable, Sendable {
    case offered
    case answered
    case abandoned
    /// Service level by the scenario's own convention.
    case serviceLevel = "service_level"
    case serviceLevelOffered = "service_level_offered"
    case serviceLevelExcludingShortAbandons = "service_level_excluding_short_abandons"
    case serviceLevelAnswered = "service_level_answered"
    case averageSpeedOfAnswer = "asa"
    case waitP50 = "wait_p50"
    case waitP90 = "wait_p90"
    case waitP95 = "wait_p95"
    case abandonmentRate = "abandonment_rate"
    case probabilityOfWait = "probability_of_wait"
    case meanTimeInQueue = "mean_time_in_queue"
    case meanQueueLength = "mean_queue_length"
    case occupancy

    public enum Unit: Sendable {
        case count, share, seconds, contacts
    }

    public var unit: Unit {
        switch self {
        case .offered, .answered, .abandoned: .count
        case .serviceLevel, .serviceLevelOffered, .serviceLevelExcludingShortAbandons, .serviceLevelAnswered,
             .abandonmentRate, .probabilityOfWait, .occupancy: .share
        case .averageSpeedOfAnswer, .waitP50, .waitP90, .waitP95, .meanTimeInQueue: .seconds
        case .meanQueueLength: .contacts
        }
    }

    /// A short label for tables.
    public var label: String {
        switch self {
        case .offered: "offered"
        case .answered: "answered"
        case .abandoned: "abandoned"
        case .serviceLevel: "service level"
        case .serviceLevelOffered: "SL over offered"
        case .serviceLevelExcludingShortAbandons: "SL excl. short abandons"
        case .serviceLevelAnswered: "SL over answered"
        case .averageSpeedOfAnswer: "ASA"
        case .waitP50: "wait p50 (answered)"
        case .waitP90: "wait p90 (answered)"
        case .waitP95: "wait p95 (answered)"
        case .abandonmentRate: "abandonment"
        case .probabilityOfWait: "P(wait)"
        case .meanTimeInQueue: "mean time in queue"
        case .meanQueueLength: "mean queue length"
        case .occupancy: "occupancy"
        }
    }

    /// The metrics reported per interval (percentiles are whole-run only).
    public static let perInterval: [Metric] = [
        .offered, .answered, .abandoned, .serviceLevel, .averageSpeedOfAnswer,
        .abandonmentRate, .probabilityOfWait, .occupancy, .meanQueueLength,
    ]

    /// The value in `period`, or `nil` where it is undefined (e.g. no contact was answered).
    public func value(in period: some MeasuredPeriod, convention: ServiceLevelConvention) -> Double? {
        let counts = period.counts
        switch self {
        case .offered: return Double(counts.offered)
        case .answered: return Double(counts.answered)
        case .abandoned: return Double(counts.abandoned)
        case .serviceLevel: return counts.serviceLevel(convention)
        case .serviceLevelOffered: return counts.serviceLevel(.offered)
        case .serviceLevelExcludingShortAbandons: return counts.serviceLevel(.excludingShortAbandons)
        case .serviceLevelAnswered: return counts.serviceLevel(.answered)
        case .averageSpeedOfAnswer: return counts.averageSpeedOfAnswer
        case .waitP50: return period.waitQuantile(.p50)
        case .waitP90: return period.waitQuantile(.p90)
        case .waitP95: return period.waitQuantile(.p95)
        case .abandonmentRate: return counts.abandonmentRate
        case .probabilityOfWait: return counts.probabilityOfWait
        case .meanTimeInQueue: return counts.meanTimeInQueue
        case .meanQueueLength: return period.meanQueueLength
        case .occupancy: return period.occupancy
        }
    }
}
