import Scenarios
import Stochastics

/// Which uncertain effect moves ROI most: the tornado table.
///
/// Every uncertain effect of the compared programs is fixed at its mean (the base point);
/// then each in turn is set to its 5th and then its 95th percentile, the others staying at
/// their means, and the ROI is re-estimated on the same replications (the arm without the
/// program is not re-run: it does not change). Rows are sorted by swing, largest first.
public struct Sensitivity: Sendable {
    public struct Row: Sendable, Hashable, Codable {
        public var range: EffectRange
        public var roiAtLow: Double?
        public var roiAtHigh: Double?

        /// |ROI(high) − ROI(low)|.
        public var swing: Double { abs((roiAtHigh ?? 0) - (roiAtLow ?? 0)) }
    }

    public var baseROI: Double?
    public var rows: [Row]
    public var replications: Int

    /// The uncertain effects of the programs being compared.
    public static func ranges(_ arms: ROIArms) -> [EffectRange] {
        (arms.with.center.training?.programs ?? []).filter { arms.programs.contains($0.name) }.flatMap { program in
            TrainingEffects.Kind.allCases.compactMap { kind in
                program.effects[kind].map { EffectRange(program: program.name, kind: kind, distribution: $0) }
            }
        }.filter(\.varies)
    }

    /// Runs 1 + 2 × (uncertain effects) program arms of `replications` replications each.
    public static func run(_ study: ROIStudy, base: ROIResult, replications: Int) throws -> Sensitivity {
        let ranges = ranges(study.arms)
        let count = min(replications, base.replications.count)
        let atMeans = setting(study.arms.with, ranges: ranges, override: nil)
        let baseROI = try study.rerunWith(atMeans, against: base, count: count).roi?.mean
        var rows: [Row] = []
        for (i, range) in ranges.enumerated() {
            let low = try study.rerunWith(setting(study.arms.with, ranges: ranges, override: (i, range.low)), against: base, count: count)
            let high = try study.rerunWith(setting(study.arms.with, ranges: ranges, override: (i, range.high)), against: base, count: count)
            rows.append(Row(range: range, roiAtLow: low.roi?.mean, roiAtHigh: high.roi?.mean))
        }
        rows.sort { $0.swing > $1.swing }
        return Sensitivity(baseROI: baseROI, rows: rows, replications: count)
    }

    /// The scenario with every varied effect fixed at its mean, except `override` (index, value).
    static func setting(_ scenario: Scenario, ranges: [EffectRange], override: (Int, Double)?) -> Scenario {
        var scenario = scenario
        guard var training = scenario.center.training else { return scenario }
        for (i, range) in ranges.enumerated() {
            guard let p = training.programs.firstIndex(where: { $0.name == range.program }),
                  let kind = TrainingEffects.Kind(rawValue: range.effect) else { continue }
            let value = override.flatMap { $0.0 == i ? $0.1 : nil } ?? range.base
            training.programs[p].effects[kind] = .deterministic(value)
        }
        scenario.center.training = training
        return scenario
    }
}
