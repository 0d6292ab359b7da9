import ContactCenter
import Experiments
import Scenarios

/// One arm's replication reduced to weeks, right after it ran: O(weeks × channels)
/// memory however long the run and however fine its reporting intervals.
public struct ArmLedger: Sendable, Hashable {
    public var weeks: [ArmWeek]
    /// Average paid hourly cost over the run (teams weighted by their paid hours): the rate
    /// at which agent time saved or spent is valued.
    public var hourlyRate: Double
    public var labourCost: Double

    public static let week = 604_800.0

    public init(weeks: [ArmWeek], hourlyRate: Double, labourCost: Double) {
        self.weeks = weeks
        self.hourlyRate = hourlyRate
        self.labourCost = labourCost
    }

    /// Weeks count from time 0 (warm-up included), like `WorkforceWeek`; a last partial week counts.
    public init(_ result: CenterResult, center: CenterSpec, run: RunSettings) {
        let weekCount = max(1, Int(((run.warmup + run.horizon) / Self.week).rounded(.up)))
        let channels = center.channels.count
        var weeks = Array(repeating: ArmWeek(channels: channels), count: weekCount)
        func week(of measured: Double) -> Int { min(weekCount - 1, Int((run.warmup + measured) / Self.week)) }

        for i in 0..<result.intervalCount {
            let w = week(of: Double(i) * result.intervalLength)
            for c in 0..<channels {
                let convention = center.channels[c].serviceLevel.convention
                for k in 0..<center.tiers.count {
                    let cell = result.cell(interval: i, channel: c, tier: k)
                    let o = cell.outcomes, r = cell.resolutions
                    weeks[w].offered += o.offered
                    weeks[w].abandoned += o.abandoned
                    weeks[w].handled += r.handled
                    weeks[w].repeats += r.repeatContacts
                    weeks[w].escalations += r.escalated
                    weeks[w].firstContacts += r.firstContactsHandled
                    weeks[w].firstContactResolved += r.firstContactResolved
                    weeks[w].handleSeconds += r.handleTimeSum
                    weeks[w].answeredWithinTarget[c] += o.answeredWithinTarget
                    weeks[w].serviceLevelBase[c] += o.serviceLevelDenominator(convention)
                }
            }
        }
        for (c, channel) in center.channels.enumerated() {
            guard let penalty = channel.missPenalty else { continue }
            for start in ServiceLevelMisses.missedPeriodStarts(result, channel: c, spec: channel) {
                weeks[week(of: start)].slaPenalty += penalty.amount
            }
        }
        for record in result.workforceWeeks where record.week < weekCount {
            let rate = center.teams[record.team].hourlyCost
            weeks[record.week].headcount += record.headcount
            weeks[record.week].leavers += record.leavers
            weeks[record.week].hires += record.hires
            weeks[record.week].hiringCost += record.hiringCost
            weeks[record.week].trainingCost += record.trainingCost
            weeks[record.week].trainingSeconds += record.trainingSeconds
            weeks[record.week].trainingWages += record.trainingSeconds / 3600 * rate
            weeks[record.week].onboardingSeconds += record.onboardingSeconds
            weeks[record.week].onboardingWages += record.onboardingSeconds / 3600 * rate
        }
        let paid = result.teamTotals.reduce(0) { $0 + $1.paidSeconds }
        let labour = zip(result.teamTotals, center.teams).reduce(0.0) { $0 + TeamSummary.labourCost($1.0, spec: $1.1) }
        let weighted = zip(result.teamTotals, center.teams).reduce(0.0) { $0 + $1.0.paidSeconds * $1.1.hourlyCost }
        self.init(weeks: weeks, hourlyRate: paid > 0 ? weighted / paid : 0, labourCost: labour)
    }

    /// All weeks added up.
    public var total: ArmWeek {
        weeks.dropFirst().reduce(into: weeks[0]) { $0.add($1) }
    }
}
