import ContactCenter
import Scenarios

/// One channel across replications: what became of its contacts, how long
/// they waited, its queue, and its service level against the agreement.
///
/// Contacts count in the channel and interval of their arrival (a ticket in the
/// channel and interval it joins). Service level, ASA and the wait percentiles
/// count first waits only (a warm transfer's second wait is the same call);
/// accepted callbacks are left out of them and have their own service level.
/// Mean time in queue and mean queue length count every wait in the channel's
/// queues (second waits and callbacks' places in line included), so that
/// Little's law holds between them. Every offered contact is answered,
/// abandoned, a callback (made or pending) or unanswered at the end.
public struct ChannelSummary: Sendable {
    public var name: String
    public var kind: ChannelKind
    public var serviceLevelTarget: ServiceLevelTarget
    public var metrics: MetricSet
    /// One set per reporting interval, aligned with `CenterSummary.intervals`.
    public var intervals: [MetricSet]
    /// Service level by the channel's convention against its target.
    public var serviceLevel: TargetCheck
    /// ASA and abandonment rate against the channel's optional ceilings.
    public var averageSpeedOfAnswerCeiling: TargetCheck?
    public var abandonmentCeiling: TargetCheck?
    /// The contract's penalty per missed period, if any (`sla_misses` counts the periods).
    public var missPenalty: ServiceLevelPenalty?
    /// The interval with the lowest mean service level, when there is more than one.
    public var worstInterval: WorstInterval?

    public struct WorstInterval: Sendable, Hashable {
        public var interval: ReportingInterval
        public var serviceLevel: Double
    }

    /// Whole-run metrics, in reporting order.
    public static let wholeRun: [Metric] = [
        .offered, .answered, .abandoned, .serviceLevel, .serviceLevelOffered, .serviceLevelExcludingShortAbandons,
        .serviceLevelAnswered, .averageSpeedOfAnswer, .waitP50, .waitP90, .waitP95, .abandonmentRate,
        .probabilityOfWait, .meanTimeInQueue, .meanQueueLength, .unansweredAtEnd, .serviceLevelMisses,
        .callbacksOffered, .callbacksAccepted, .callbacksCompleted, .callbacksWithinPromise, .callbacksPending,
        .callbackServiceLevel,
    ]

    /// The callback metrics, carried only by channels that offer callbacks.
    public static let callbackMetrics: Set<Metric> = [
        .callbacksOffered, .callbacksAccepted, .callbacksCompleted, .callbacksWithinPromise, .callbacksPending,
        .callbackServiceLevel,
    ]

    /// The whole-run metrics of a channel: the callback metrics only where callbacks are offered.
    public static func wholeRun(_ spec: ChannelSpec) -> [Metric] {
        spec.callbacks == nil ? wholeRun.filter { !callbackMetrics.contains($0) } : wholeRun
    }

    /// Per-interval metrics (wait percentiles are whole-run only, to keep memory flat in intervals).
    public static let perInterval: [Metric] = [
        .offered, .answered, .abandoned, .serviceLevel, .averageSpeedOfAnswer, .abandonmentRate,
        .probabilityOfWait, .meanQueueLength, .backlog, .oldestAge, .unansweredAtEnd, .callbacksAccepted,
    ]

    /// The per-interval metrics of a channel: accepted callbacks only where callbacks are offered.
    public static func perInterval(_ spec: ChannelSpec) -> [Metric] {
        spec.callbacks == nil ? perInterval.filter { $0 != .callbacksAccepted } : perInterval
    }

    init(_ spec: ChannelSpec, index c: Int, results: [CenterResult], intervals: [ReportingInterval], level: Double) {
        name = spec.name
        kind = spec.kind
        serviceLevelTarget = spec.serviceLevel
        missPenalty = spec.missPenalty
        let convention = spec.serviceLevel.convention
        metrics = MetricSet(Self.wholeRun(spec), perReplication: results.map {
            var figures = Self.figures($0, channel: c, convention: convention)
            figures[.serviceLevelMisses] = Double(ServiceLevelMisses.count($0, channel: c, spec: spec))
            return figures
        }, level: level)
        self.intervals = intervals.map { interval in
            MetricSet(Self.perInterval(spec), perReplication: results.map {
                Self.figures($0, interval: interval.index, channel: c, convention: convention)
            }, level: level)
        }
        serviceLevel = TargetCheck(metrics[.serviceLevel]!, .atLeast, spec.serviceLevel.target)
        averageSpeedOfAnswerCeiling = spec.maxAverageSpeedOfAnswer.map { TargetCheck(metrics[.averageSpeedOfAnswer]!, .atMost, $0) }
        abandonmentCeiling = spec.maxAbandonmentRate.map { TargetCheck(metrics[.abandonmentRate]!, .atMost, $0) }
        worstInterval = nil
        if intervals.count > 1 {
            let levels = zip(intervals, self.intervals).compactMap { interval, set in
                set[.serviceLevel]?.mean.map { WorstInterval(interval: interval, serviceLevel: $0) }
            }
            worstInterval = levels.min { $0.serviceLevel < $1.serviceLevel }
        }
    }

    /// One replication's whole-run figures for channel `c`.
    static func figures(_ result: CenterResult, channel c: Int, convention: ServiceLevelConvention) -> [Metric: Double] {
        let counts = result.outcomes(channel: c)
        var figures = outcomeFigures(counts, convention: convention)
        figures[.serviceLevelOffered] = counts.serviceLevel(.offered)
        figures[.serviceLevelExcludingShortAbandons] = counts.serviceLevel(.excludingShortAbandons)
        figures[.serviceLevelAnswered] = counts.serviceLevel(.answered)
        figures[.meanTimeInQueue] = counts.meanTimeInQueue
        figures[.waitP50] = result.waitP50[c]
        figures[.waitP90] = result.waitP90[c]
        figures[.waitP95] = result.waitP95[c]
        figures[.meanQueueLength] = result.meanQueueLength[c]
        figures[.callbacksOffered] = Double(counts.callbacksOffered)
        figures[.callbacksCompleted] = Double(counts.callbacksCompleted)
        figures[.callbacksWithinPromise] = Double(counts.callbacksWithinPromise)
        figures[.callbacksPending] = Double(counts.callbacksPending)
        figures[.callbackServiceLevel] = counts.callbackServiceLevel
        return figures
    }

    /// One replication's figures for channel `c` in interval `i`.
    static func figures(_ result: CenterResult, interval i: Int, channel c: Int, convention: ServiceLevelConvention) -> [Metric: Double] {
        var figures = outcomeFigures(result.outcomes(interval: i, channel: c), convention: convention)
        let queue = result.channelIntervals[i * result.channels + c]
        figures[.meanQueueLength] = queue.meanQueueLength
        figures[.backlog] = Double(queue.backlog)
        figures[.oldestAge] = queue.oldestAge
        return figures
    }

    /// The figures read off outcome counts alone, shared by the whole run and intervals.
    static func outcomeFigures(_ counts: OutcomeCounts, convention: ServiceLevelConvention) -> [Metric: Double] {
        var figures: [Metric: Double] = [
            .offered: Double(counts.offered),
            .answered: Double(counts.answered),
            .abandoned: Double(counts.abandoned),
            .unansweredAtEnd: Double(counts.unansweredAtEnd),
            .callbacksAccepted: Double(counts.callbacksAccepted),
        ]
        figures[.serviceLevel] = counts.serviceLevel(convention)
        figures[.averageSpeedOfAnswer] = counts.averageSpeedOfAnswer
        figures[.abandonmentRate] = counts.abandonmentRate
        figures[.probabilityOfWait] = counts.probabilityOfWait
        return figures
    }
}
