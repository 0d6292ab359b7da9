/// What one arm (with or without the program) did in one week of one replication: the
/// figures a training ROI values. Contacts count in the week of their arrival.
public struct ArmWeek: Sendable, Hashable, Codable {
    public var offered = 0
    public var handled = 0
    public var abandoned = 0
    public var repeats = 0
    public var escalations = 0
    public var firstContacts = 0
    public var firstContactResolved = 0
    /// Agent time spent handling, seconds.
    public var handleSeconds = 0.0
    /// Per channel: contacts answered within the SLA threshold and the SLA's denominator
    /// (by the channel's convention), so weeks and replications add up exactly.
    public var answeredWithinTarget: [Int]
    public var serviceLevelBase: [Int]
    /// Contract penalties for the periods missed that start this week.
    public var slaPenalty = 0.0
    // The people side, summed over teams (see `WorkforceWeek`).
    public var headcount = 0
    public var leavers = 0
    public var hires = 0
    public var hiringCost = 0.0
    /// Direct cost of training programs (per-agent and fixed parts).
    public var trainingCost = 0.0
    /// Hours spent in training and coaching, off the phones, and their wages.
    public var trainingSeconds = 0.0
    public var trainingWages = 0.0
    public var onboardingSeconds = 0.0
    /// Wages of new hires' onboarding, off the phones and outside the rota.
    public var onboardingWages = 0.0

    public init(channels: Int) {
        answeredWithinTarget = Array(repeating: 0, count: channels)
        serviceLevelBase = Array(repeating: 0, count: channels)
    }

    /// The service level of channel `c` this week; nil without contacts.
    public func serviceLevel(channel c: Int) -> Double? {
        serviceLevelBase[c] > 0 ? Double(answeredWithinTarget[c]) / Double(serviceLevelBase[c]) : nil
    }

    public mutating func add(_ other: ArmWeek) {
        offered += other.offered
        handled += other.handled
        abandoned += other.abandoned
        repeats += other.repeats
        escalations += other.escalations
        firstContacts += other.firstContacts
        firstContactResolved += other.firstContactResolved
        handleSeconds += other.handleSeconds
        for c in answeredWithinTarget.indices {
            answeredWithinTarget[c] += other.answeredWithinTarget[c]
            serviceLevelBase[c] += other.serviceLevelBase[c]
        }
        slaPenalty += other.slaPenalty
        headcount += other.headcount
        leavers += other.leavers
        hires += other.hires
        hiringCost += other.hiringCost
        trainingCost += other.trainingCost
        trainingSeconds += other.trainingSeconds
        trainingWages += other.trainingWages
        onboardingSeconds += other.onboardingSeconds
        onboardingWages += other.onboardingWages
    }
}
