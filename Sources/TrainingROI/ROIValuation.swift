import Scenarios

/// Turns the two arms' weeks into money, line by line (``ROILine``).
///
/// Costs are what the program arm spends beyond the other; benefits are what it avoids.
/// Agent time is valued at the average paid hourly rate of the arm without the program,
/// the same rate for both arms so that a difference in time is a difference in money.
public struct ROIValuation: Sendable, Hashable {
    public var values: BenefitValuation
    /// Count agent time saved as a benefit. On in fixed staffing (capacity freed, the usual
    /// trainer's figure); off in equal service, where the saving shows as labour saved instead.
    public var countsHandlingTime: Bool

    public init(values: BenefitValuation, countsHandlingTime: Bool = true) {
        self.values = values
        self.countsHandlingTime = countsHandlingTime
    }

    /// One week's lines, indexed by `ROILine.allCases` order.
    public func lines(with w: ArmWeek, without o: ArmWeek, hourlyRate: Double) -> [ROILine: Double] {
        var lines: [ROILine: Double] = [
            .directCost: w.trainingCost - o.trainingCost,
            .offPhoneWages: w.trainingWages - o.trainingWages,
            .repeatsAvoided: Double(o.repeats - w.repeats) * values.perRepeatAvoided,
            .escalationsAvoided: Double(o.escalations - w.escalations) * values.perEscalationAvoided,
            .abandonmentsAvoided: Double(o.abandoned - w.abandoned) * values.perAbandonmentAvoided,
            .replacementsAvoided: o.hiringCost + o.onboardingWages - w.hiringCost - w.onboardingWages,
            .penaltiesAvoided: o.slaPenalty - w.slaPenalty,
        ]
        if countsHandlingTime { lines[.handlingTime] = (o.handleSeconds - w.handleSeconds) / 3600 * hourlyRate }
        return lines
    }

    /// Everything one arm's week costs by the same measure: the net benefit of the program
    /// is the arm without it minus the arm with it, so the spread of each arm alone tells what
    /// an unpaired comparison would have had to beat.
    public func armValue(_ w: ArmWeek, hourlyRate: Double) -> Double {
        var value = w.trainingCost + w.trainingWages + w.hiringCost + w.onboardingWages + w.slaPenalty
            + Double(w.repeats) * values.perRepeatAvoided + Double(w.escalations) * values.perEscalationAvoided
            + Double(w.abandoned) * values.perAbandonmentAvoided
        if countsHandlingTime { value += w.handleSeconds / 3600 * hourlyRate }
        return value
    }

    /// Benefits minus costs.
    public static func net(_ lines: [ROILine: Double]) -> Double {
        lines.reduce(0) { $0 + ($1.key.isCost ? -$1.value : $1.value) }
    }

    public static func cost(_ lines: [ROILine: Double]) -> Double {
        lines.reduce(0) { $0 + ($1.key.isCost ? $1.value : 0) }
    }
}
