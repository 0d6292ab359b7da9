import Scenarios
import Stochastics

/// Which uncertain effect moves ROI most (the tornado), and at what size each effect makes the
/// program break even.
///
/// One base, the headline's: each uncertain effect in turn is fixed at its 5th and then its
/// 95th percentile while every other effect keeps the value it drew in the headline
/// replications (each effect draws from its own substream, so fixing one leaves the others'
/// draws unchanged); only the program arm is re-run, on the first `replications` headline
/// replications, so the base ROI is the headline's ROI over those same replications.
/// Rows are sorted by swing, largest first.
public struct Sensitivity: Sendable {
    public struct Row: Sendable, Hashable, Codable {
        public var range: EffectRange
        /// ROI with the effect at its 5th and 95th percentile.
        public var roiAtLow: Double?
        public var roiAtHigh: Double?

        /// |ROI(high) − ROI(low)|.
        public var swing: Double { abs((roiAtHigh ?? 0) - (roiAtLow ?? 0)) }
    }

    /// The headline ROI over the replications the table re-runs.
    public var baseROI: Double?
    public var rows: [Row]
    public var breakEven: [BreakEven]
    public var replications: Int

    /// Every effect of the compared programs (uncertain or fixed).
    public static func ranges(_ arms: ROIArms) -> [EffectRange] {
        (arms.with.center.training?.programs ?? []).filter { arms.programs.contains($0.name) }.flatMap { program in
            TrainingEffects.Kind.allCases.compactMap { kind in
                program.effects[kind].map { EffectRange(program: program.name, kind: kind, distribution: $0, basis: program.effects.fcrBasis) }
            }
        }
    }

    /// Runs 2 × (uncertain effects) program arms for the tornado and a few more per effect for
    /// the break-even search, `replications` replications each. `progress` is told after each.
    public static func run(_ study: ROIStudy, base: ROIResult, replications: Int, breakEven: Bool = true) throws -> Sensitivity {
        let ranges = ranges(study.arms)
        let count = min(replications, base.replications.count)
        let baseROI = ROIResult(replications: Array(base.replications.prefix(count)), valuation: base.valuation).roi?.mean
        func roi(_ range: EffectRange, at value: Double) throws -> Double? {
            try study.rerunWith(setting(study.arms.with, range: range, value: value), against: base, count: count).roi?.mean
        }
        var rows: [Row] = []
        var evenPoints: [BreakEven] = []
        for range in ranges {
            var known: [(Double, Double)] = []
            if range.varies {
                let low = try roi(range, at: range.low), high = try roi(range, at: range.high)
                rows.append(Row(range: range, roiAtLow: low, roiAtHigh: high))
                if let low, let high { known = [(range.low, low), (range.high, high)] }
            }
            if breakEven {
                evenPoints.append(try BreakEven.search(range, known: known) { try roi(range, at: $0) })
            }
        }
        rows.sort { $0.swing > $1.swing }
        return Sensitivity(baseROI: baseROI, rows: rows, breakEven: evenPoints, replications: count)
    }

    /// Program-arm evaluations a run takes at most (for a progress total): the tornado's points
    /// plus the break-even search's.
    public static func plannedEvaluations(_ arms: ROIArms, breakEven: Bool) -> Int {
        ranges(arms).reduce(0) { $0 + ($1.varies ? 2 : 0) + (breakEven ? BreakEven.maxEvaluations + 2 : 0) }
    }

    /// The scenario with one effect of one program fixed at `value`.
    static func setting(_ scenario: Scenario, range: EffectRange, value: Double) -> Scenario {
        var scenario = scenario
        guard var training = scenario.center.training,
              let p = training.programs.firstIndex(where: { $0.name == range.program }),
              let kind = TrainingEffects.Kind(rawValue: range.effect) else { return scenario }
        training.programs[p].effects[kind] = .deterministic(value)
        scenario.center.training = training
        return scenario
    }
}
