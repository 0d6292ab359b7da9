import Foundation
import Scenarios

/// Turns the two arms' weeks into cash, line by line (``ROILine``), on one stated basis.
///
/// Costs are what the program arm spends beyond the other; benefits are what it avoids.
/// Agent time saved is never cash here (see ``ROILine``): it is ``CapacityFreed``.
public struct ROIValuation: Sendable, Hashable {
    public var values: BenefitValuation
    /// Equal service: the off-phone hours are paid inside the labour of the staffing that holds
    /// the SLA (the labour-saved line), so they are not a cost line of their own.
    public var equalService: Bool

    public init(values: BenefitValuation, equalService: Bool = false) {
        self.values = values
        self.equalService = equalService
    }

    /// One week's cash lines.
    public func lines(with w: ArmWeek, without o: ArmWeek) -> [ROILine: Double] {
        var lines: [ROILine: Double] = [
            .directCost: w.trainingCost - o.trainingCost,
            .repeatsAvoided: Double(o.repeats - w.repeats) * values.perRepeatAvoided,
            .escalationsAvoided: Double(o.escalations - w.escalations) * values.perEscalationAvoided,
            .abandonmentsAvoided: Double(o.abandoned - w.abandoned) * values.perAbandonmentAvoided,
            .replacementsAvoided: o.hiringCost + o.onboardingWages - w.hiringCost - w.onboardingWages,
            .penaltiesAvoided: o.slaPenalty - w.slaPenalty,
        ]
        if !equalService { lines[.offPhoneWages] = w.trainingWages - o.trainingWages }
        return lines
    }

    /// Everything one arm's week costs by the same measure: the net benefit of the program
    /// is the arm without it minus the arm with it, so the spread of each arm alone tells what
    /// an unpaired comparison would have had to beat.
    public func armValue(_ w: ArmWeek) -> Double {
        w.trainingCost + (equalService ? 0 : w.trainingWages) + w.hiringCost + w.onboardingWages + w.slaPenalty
            + Double(w.repeats) * values.perRepeatAvoided + Double(w.escalations) * values.perEscalationAvoided
            + Double(w.abandoned) * values.perAbandonmentAvoided
    }

    /// Benefits minus costs, added in `ROILine` order: a dictionary's order changes from one
    /// instance to the next, and so would the last bit of the sum (a net of exactly -23,276.5
    /// printed as -23,276 in the table and -23,277 in roi.json).
    public static func net(_ lines: [ROILine: Double]) -> Double {
        ROILine.allCases.reduce(0) { total, line in total + (lines[line].map { line.isCost ? -$0 : $0 } ?? 0) }
    }

    public static func cost(_ lines: [ROILine: Double]) -> Double {
        ROILine.allCases.reduce(0) { total, line in total + (line.isCost ? lines[line] ?? 0 : 0) }
    }

    /// The factor that brings money of week w (1-based, paid at its end) back to time 0 at an
    /// annual `rate`: (1 + rate)^(−w/52).
    public static func discount(week: Int, annualRate: Double) -> Double {
        annualRate == 0 ? 1 : pow(1 + annualRate, -Double(week) / 52)
    }
}
