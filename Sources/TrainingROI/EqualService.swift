import Experiments
import Foundation
import Scenarios

/// Equal-service ROI: the program buys labour, not service. Each arm is staffed to meet the
/// same service targets over the horizon, and the labour the program arm no longer needs is
/// its benefit.
///
/// The staffing is the scenario's own shifts scaled by one factor per arm: the smallest factor
/// (to a 1% step) at which every channel's service level, ASA and abandonment targets are met on
/// the mean of `replications` runs with common random numbers, found by bisection. Scaling keeps
/// the rota's people whole (each seat is a person who is hired, learns and may leave), which
/// the per-interval staffing search of `ccsim staff` cannot: its stacked shifts would turn every
/// half-hour step of the requirement into another part-time person. Labour saved is then
/// measured per paired replication: the paid labour cost without the program minus with it.
public struct EqualService: Sendable {
    public var replications: Int
    public var jobs: Int
    /// Smallest and largest factors tried.
    public var range: ClosedRange<Double>

    public init(replications: Int = 5, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                range: ClosedRange<Double> = 0.5...3) {
        self.replications = replications
        self.jobs = jobs
        self.range = range
    }

    public struct Staffed: Sendable {
        public var arms: ROIArms
        /// The factors applied to every shift's agents, with and without the program.
        public var factorWith: Double
        public var factorWithout: Double
        /// Whether the largest factor still missed a target in an arm (then that arm is staffed at it).
        public var reachedLimit: Bool
        public var evaluations: Int
    }

    public func staff(_ arms: ROIArms, progress: ((String) -> Void)? = nil) throws -> Staffed {
        var evaluations = 0
        func factor(_ scenario: Scenario, _ label: String) throws -> (Double, Bool) {
            func meets(_ k: Double) throws -> Bool {
                evaluations += 1
                let candidate = Self.scaled(scenario, by: k)
                let results = try ReplicationRunner.run(candidate, replications: replications, jobs: jobs)
                let summary = CenterSummary(scenario: candidate, replications: results)
                let ok = summary.channels.allSatisfy { channel in
                    [channel.serviceLevel, channel.averageSpeedOfAnswerCeiling, channel.abandonmentCeiling]
                        .compactMap { $0?.passed }.allSatisfy { $0 }
                }
                progress?("\(label): × \(String(format: "%.2f", k)) \(ok ? "meets" : "misses") the targets")
                return ok
            }
            guard try meets(range.upperBound) else { return (range.upperBound, true) }
            var low = range.lowerBound, high = range.upperBound
            if try meets(low) { return (low, false) }
            while high - low > 0.01 {
                let mid = (low + high) / 2
                if try meets(mid) { high = mid } else { low = mid }
            }
            return (high, false)
        }
        let (with, limitWith) = try factor(arms.with, "with")
        let (without, limitWithout) = try factor(arms.without, "without")
        var staffed = arms
        staffed.with = Self.scaled(arms.with, by: with)
        staffed.without = Self.scaled(arms.without, by: without)
        return Staffed(arms: staffed, factorWith: with, factorWithout: without, reachedLimit: limitWith || limitWithout,
                       evaluations: evaluations)
    }

    /// Every shift's agents (and agents on duty throughout) times `k`, rounded to whole agents.
    public static func scaled(_ scenario: Scenario, by k: Double) -> Scenario {
        var copy = scenario
        for t in copy.center.teams.indices {
            for s in copy.center.teams[t].shifts.indices {
                copy.center.teams[t].shifts[s].agents = Int((Double(copy.center.teams[t].shifts[s].agents) * k).rounded())
            }
            copy.center.teams[t].constantAgents = Int((Double(copy.center.teams[t].constantAgents) * k).rounded())
        }
        return copy
    }
}
