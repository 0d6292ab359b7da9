import ContactCenter
import Experiments
import Foundation
import Scenarios
import TrainingROI

/// An ROI study started from the page: `ccsim roi FILE --program NAME --out DIR` (fixed staffing,
/// common random numbers, sensitivity and break-even), writing the same files through
/// `ROIFiles`, so the page shows them with the Report module's ROI page, as `ccsim report` does.
///
/// The paired replications are those of `ROIStudy.run` (the same `ROIStudy.ledger` of each arm on
/// replication r, paired by `PairedReplication`, valued by the study's `ROIValuation`) with a
/// cancel check before each arm run: `ROIStudy` has no cancel hook, and the workbench must be able
/// to stop a study between arm runs. The tornado and break-even search (`Sensitivity.run`) stops
/// after its next arm run too, through the study's throwing `progress`. `ROIJobTests` checks the
/// result equals `ROIStudy.run`'s.
enum ROIJob {
    /// What the page sends: the scenario (the editor's text or the file) and the program to
    /// study, either named (a program of the scenario) or given by the form.
    struct Request: Codable {
        var path: String
        var yaml: String?
        var programName: String?
        var program: TrainingProgramForm?
        var replications: Int?
        var sensitivityReplications: Int?
        var seed: UInt64?
        var name: String?
    }

    /// Most paired replications a page may ask for in the headline study, and per sensitivity point.
    static let maxReplications = 200
    static let maxSensitivityReplications = 20

    /// Progress in arm runs: both arms of each paired replication, then each program-arm run of
    /// the sensitivity and break-even study (an upper bound: the search usually stops early).
    static func control(_ arms: ROIArms, replications: Int, sensitivityReplications: Int) -> Replications.Control {
        let planned = sensitivityReplications > 0 ? min(sensitivityReplications, replications)
            * Sensitivity.plannedEvaluations(arms, breakEven: true) : 0
        return Replications.Control(total: 2 * replications + planned, unit: "arm runs", stepsPerUnit: 1)
    }

    static func work(_ arms: ROIArms, replications: Int, sensitivityReplications: Int, jobs: Int) -> RunManager.Work {
        { folder, control in
            control.message = "paired replications, with and without \(arms.programs.joined(separator: ", "))"
            var study = ROIStudy(arms: arms, replications: replications, jobs: jobs)
            let result = try pairs(study, control: control)
            var sensitivity: Sensitivity?
            if sensitivityReplications > 0, !Sensitivity.ranges(arms).isEmpty {
                if control.isCancelled { throw Replications.Cancelled() }
                control.message = "sensitivity and break-even (\(min(sensitivityReplications, replications)) replications a point)"
                // Each arm run of the tornado and break-even search checks the cancel: it stops there.
                study.progress = {
                    control.advance(1)
                    if control.isCancelled { throw Replications.Cancelled() }
                }
                sensitivity = try Sensitivity.run(study, base: result, replications: sensitivityReplications, breakEven: true)
            }
            control.advance(control.total - control.stepsDone)
            try ROIFiles.write(result, arms: arms, mode: .fixedStaffing, sensitivity: sensitivity, to: folder.path)
            let subject = arms.programs.joined(separator: ", ")
            return RunManager.Outcome(headline: nil, values: [], message: ROIVerdict.sentence(result, subject: subject, versus: arms.versus))
        }
    }

    /// The study's paired replications (see the type's note), cancellable between arm runs.
    static func pairs(_ study: ROIStudy, control: Replications.Control) throws -> ROIResult {
        let (with, without, valuation) = (study.arms.with, study.arms.without, study.valuation)
        let pairs = try ReplicationRunner.run(with, replications: study.replications, jobs: study.jobs) { _, r in
            if control.isCancelled { throw Replications.Cancelled() }
            let a = try ROIStudy.ledger(with, replication: r)
            control.advance(1)
            if control.isCancelled { throw Replications.Cancelled() }
            let b = try ROIStudy.ledger(without, replication: r)
            control.advance(1)
            return PairedReplication(replication: r, with: a, without: b, valuation: valuation)
        }
        return ROIResult(replications: pairs, valuation: valuation)
    }
}
