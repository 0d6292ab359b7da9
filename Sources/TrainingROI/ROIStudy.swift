import ContactCenter
import Experiments
import Foundation
import Scenarios

/// Runs an ROI comparison: both arms, replication by replication, with common random numbers.
///
/// Replication r of both arms uses the same seed and replication index, so the same customers
/// arrive with the same needs and patience, and agents draw the same attrition uniforms; only
/// what the program changes differs. Each replication is reduced to weekly ledgers as soon as
/// it finishes, so memory stays O(replications × weeks). Replications run in parallel (`jobs`);
/// results do not depend on the number of jobs.
public struct ROIStudy: Sendable {
    public enum Pairing: String, Sendable, CaseIterable {
        /// Both arms of replication r share streams (the default, and the point).
        case commonRandomNumbers = "crn"
        /// The arm without the program runs on another seed: the unpaired design, for comparison.
        case independent
    }

    /// What the program buys.
    public enum Mode: String, Sendable, CaseIterable {
        /// Service, at the staffing both arms share: benefits are the service differences, valued;
        /// agent time saved is capacity freed (hours, FTE), not cash, since agents are paid either way.
        case fixedStaffing = "fixed-staffing"
        /// Labour: each arm staffed to meet the same SLAs (``EqualService``); the benefit is the
        /// labour saved, which already holds the agent time saved and the off-phone hours.
        case equalService = "equal-service"
    }

    public var arms: ROIArms
    public var replications: Int
    public var jobs: Int
    public var pairing: Pairing
    public var mode: Mode
    public var valuation: ROIValuation
    /// Told after every arm run (one replication of one arm), from any thread: for a progress line.
    /// It may throw to stop the study there (the workbench's cancel); the error is rethrown.
    public var progress: (@Sendable () throws -> Void)?

    /// In equal-service mode, `arms` must already be staffed (``EqualService/staff(_:progress:)``).
    public init(arms: ROIArms, replications: Int, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                pairing: Pairing = .commonRandomNumbers, mode: Mode = .fixedStaffing) {
        self.arms = arms
        self.replications = replications
        self.jobs = jobs
        self.pairing = pairing
        self.mode = mode
        valuation = ROIValuation(values: arms.with.center.training?.valuation ?? BenefitValuation(),
                                 equalService: mode == .equalService)
    }

    public func run() throws -> ROIResult {
        let with = arms.with
        var other = arms.without
        if pairing == .independent {
            other.run.seed = (with.run.seed + 1) % (RunSettings.maxSeed + 1)
        }
        let without = other
        let valuation = valuation
        let equalService = mode == .equalService
        let progress = progress
        let pairs = try ReplicationRunner.run(with, replications: replications, jobs: jobs) { _, r in
            let a = try Self.ledger(with, replication: r)
            try progress?()
            let b = try Self.ledger(without, replication: r)
            try progress?()
            return PairedReplication(replication: r, with: a, without: b, valuation: valuation,
                                     labourSaved: equalService ? b.labourCost - a.labourCost : nil)
        }
        return ROIResult(replications: pairs, valuation: valuation)
    }

    /// One arm's replication, reduced to its weeks.
    public static func ledger(_ scenario: Scenario, replication r: Int) throws -> ArmLedger {
        let result = try ContactCenterSimulator.run(scenario, replication: r)
        return ArmLedger(result, center: scenario.center, run: scenario.run)
    }

    /// The "with" arm re-run with other effects against the stored "without" ledgers of the
    /// first `count` replications (the tornado's points): only the program arm changes.
    public func rerunWith(_ scenario: Scenario, against base: ROIResult, count: Int) throws -> ROIResult {
        let stored = Array(base.replications.prefix(count))
        let valuation = valuation
        let equalService = mode == .equalService
        let progress = progress
        let pairs = try ReplicationRunner.run(scenario, replications: stored.count, jobs: jobs) { scenario, r in
            let a = try Self.ledger(scenario, replication: r)
            try progress?()
            return PairedReplication(replication: r, with: a, without: stored[r].without, valuation: valuation,
                                     labourSaved: equalService ? stored[r].without.labourCost - a.labourCost : nil)
        }
        return ROIResult(replications: pairs, valuation: valuation)
    }
}
