import ContactCenter
import Experiments
import Foundation
import ResultsSchema
import Scenarios
import Statistics

/// A what-if answered: the base scenario and the changed one simulated with the same seed and
/// replication indices (common random numbers: the same customers arrive with the same needs),
/// and the service level of each channel compared interval by interval, with the paired
/// difference's confidence interval across replications.
public struct WhatIfAnswer: Codable, Sendable {
    public var file: String
    public var seed: UInt64
    public var replications: Int
    public var confidenceLevel: Double
    public var changes: WhatIfChanges
    public var channels: [ChannelOverlay]
    /// Wall-clock seconds to answer, and whether the base came from the cache.
    public var seconds: Double
    public var baseFromCache: Bool

    public struct ChannelOverlay: Codable, Sendable {
        public var name: String
        /// The service-level target (share) and its threshold in seconds.
        public var target: Double
        public var answerWithinSeconds: Double
        /// Service level over the whole run, then abandonment (share of offered) and ASA (seconds).
        public var whole: Comparison
        public var wholeAbandonment: Comparison
        public var wholeASA: Comparison
        public var intervals: [IntervalComparison]
    }

    public struct IntervalComparison: Codable, Sendable {
        public var label: String
        public var startSeconds: Double
        /// Service level.
        public var comparison: Comparison
        public var abandonment: Comparison
        public var asa: Comparison
    }

    /// Base and changed means, and the mean paired difference (changed − base) with its CI,
    /// over the replications where both are defined (an interval with no contact has no service level).
    public struct Comparison: Codable, Sendable, Equatable {
        public var base: Double?
        public var changed: Double?
        public var difference: Double?
        public var differenceLow: Double?
        public var differenceHigh: Double?
        public var pairs: Int

        init(base: [Double?], changed: [Double?], level: Double) {
            var a = Tally(), b = Tally(), d = Tally()
            for (x, y) in zip(base, changed) {
                if let x { a.add(x) }
                if let y { b.add(y) }
                if let x, let y { d.add(y - x) }
            }
            self.base = a.count > 0 ? a.mean : nil
            self.changed = b.count > 0 ? b.mean : nil
            difference = d.count > 0 ? d.mean : nil
            pairs = d.count
            let ci = d.confidenceInterval(level: level)
            differenceLow = ci.map { $0.mean - $0.halfWidth }
            differenceHigh = ci.map { $0.mean + $0.halfWidth }
        }
    }

    /// Compares two sets of replications of the same center (same seed, same indices).
    init(file: String, scenario: Scenario, base: [CenterResult], changed: [CenterResult], changes: WhatIfChanges,
         seconds: Double, baseFromCache: Bool, level: Double = 0.95) {
        self.file = file
        seed = scenario.run.seed
        replications = base.count
        confidenceLevel = level
        self.changes = changes
        self.seconds = seconds
        self.baseFromCache = baseFromCache
        let labels = scenario.center.startDate.map(TimeLabel.init(startDate:))
            ?? TimeLabel(startWeekday: scenario.center.startWeekday.rawValue)
        let count = (base + changed).map(\.intervalCount).min() ?? 0
        let length = base.first?.intervalLength ?? scenario.run.interval
        channels = scenario.center.channels.enumerated().map { c, spec in
            let convention = spec.serviceLevel.convention
            /// One figure of each replication's outcomes, base against changed.
            func compare(_ outcomes: (CenterResult) -> OutcomeCounts, _ figure: (OutcomeCounts) -> Double?) -> Comparison {
                Comparison(base: base.map { figure(outcomes($0)) }, changed: changed.map { figure(outcomes($0)) }, level: level)
            }
            let whole: (CenterResult) -> OutcomeCounts = { $0.outcomes(channel: c) }
            let intervals = (0..<count).map { i in
                let slice: (CenterResult) -> OutcomeCounts = { $0.outcomes(interval: i, channel: c) }
                return IntervalComparison(
                    label: labels.moment(scenario.run.warmup + Double(i) * length), startSeconds: Double(i) * length,
                    comparison: compare(slice) { $0.serviceLevel(convention) },
                    abandonment: compare(slice, \.abandonmentRate), asa: compare(slice, \.averageSpeedOfAnswer))
            }
            return ChannelOverlay(name: spec.name, target: spec.serviceLevel.target, answerWithinSeconds: spec.serviceLevel.answerWithin,
                                  whole: compare(whole) { $0.serviceLevel(convention) }, wholeAbandonment: compare(whole, \.abandonmentRate),
                                  wholeASA: compare(whole, \.averageSpeedOfAnswer), intervals: intervals)
        }
    }
}

/// Answers what-ifs, keeping the last few base runs: moving a slider re-runs only the changed arm.
public actor WhatIfEngine {
    private struct Key: Hashable {
        var scenario: Scenario
    }
    private var cache: [(Key, [CenterResult])] = []
    private let cacheSize = 6
    private let slots: RunSlots
    private let jobs: Int

    public init(slots: RunSlots, jobs: Int) {
        self.slots = slots
        self.jobs = jobs
    }

    public func answer(file: String, scenario: Scenario, changes: WhatIfChanges) async throws -> WhatIfAnswer {
        let started = Date()
        let changed = try changes.applied(to: scenario)
        let key = Key(scenario: scenario)
        let cached = cache.first { $0.0 == key }?.1
        let jobs = self.jobs
        let (base, variant) = try await slots.withSlot {
            let base: [CenterResult]
            if let cached { base = cached } else {
                base = try await Replications.run(scenario, jobs: jobs, control: .init(total: scenario.run.replications * 100))
            }
            let variant = changes.isNone ? base
                : try await Replications.run(changed, jobs: jobs, control: .init(total: changed.run.replications * 100))
            return (base, variant)
        }
        if cached == nil {
            cache.removeAll { $0.0 == key }
            cache.insert((key, base), at: 0)
            if cache.count > cacheSize { cache.removeLast() }
        }
        return WhatIfAnswer(file: file, scenario: scenario, base: base, changed: variant, changes: changes,
                            seconds: Date().timeIntervalSince(started), baseFromCache: cached != nil)
    }
}
