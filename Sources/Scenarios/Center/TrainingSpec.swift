import Stochastics

/// Training programs run during the simulated weeks, and what their benefits are worth.
public struct TrainingSpec: Sendable, Hashable {
    public var programs: [TrainingProgram]
    public var valuation: BenefitValuation

    public init(programs: [TrainingProgram] = [], valuation: BenefitValuation = BenefitValuation()) {
        self.programs = programs
        self.valuation = valuation
    }
}

/// Money per event avoided, for turning service differences into value (0 = not valued),
/// and the time value of money.
public struct BenefitValuation: Sendable, Hashable {
    public var perRepeatAvoided: Double
    public var perAbandonmentAvoided: Double
    public var perEscalationAvoided: Double
    /// Annual discount rate (0.08 = 8% a year) for net present value and discounted payback.
    public var discountRate: Double

    /// Domain limit of `discount_rate`.
    public static let discountRates: ClosedRange<Double> = 0...1

    public init(perRepeatAvoided: Double = 0, perAbandonmentAvoided: Double = 0, perEscalationAvoided: Double = 0,
                discountRate: Double = 0) {
        self.perRepeatAvoided = perRepeatAvoided
        self.perAbandonmentAvoided = perAbandonmentAvoided
        self.perEscalationAvoided = perEscalationAvoided
        self.discountRate = discountRate
    }
}

/// One training program: who takes it, when, the time off the phones, what it costs, and
/// its (uncertain) effects on the participants.
public struct TrainingProgram: Sendable, Hashable {
    public enum Participants: Sendable, Hashable {
        /// Agents hired during the run, from `startWeek` on: each starts the week after onboarding.
        case newHires
        /// Every agent of these teams (indices), in cohorts from `startWeek`.
        case teams([Int])
        /// Every agent of every team, in cohorts from `startWeek`.
        case everyone
    }

    public var name: String
    public var participants: Participants
    /// Week (from 0, the week starting at time 0) from which agents start the program.
    public var startWeek: Int
    /// At most this many agents start per week (seat order); nil = all eligible at once.
    public var cohortSize: Int?
    /// Working time off the phones per participant, spread evenly over `spreadWeeks` weeks.
    public var offPhone: OffPhoneTime
    /// The off-phone time when written in hours.
    public var offPhoneHours: Double? { if case .hours(let h) = offPhone { h } else { nil } }
    public var spreadWeeks: Int
    /// Money per participant, charged the week the participant starts.
    public var costPerAgent: Double
    /// Money charged once, in `startWeek`.
    public var fixedCost: Double
    /// Off-phone coaching per participant per week, from the start of the program on.
    public var weeklyCoachingMinutes: Double
    public var effects: TrainingEffects

    public init(name: String, participants: Participants, startWeek: Int = 0, cohortSize: Int? = nil,
                offPhoneHours: Double = 0, offPhoneShifts: Double? = nil, spreadWeeks: Int = 1, costPerAgent: Double = 0, fixedCost: Double = 0,
                weeklyCoachingMinutes: Double = 0, effects: TrainingEffects = TrainingEffects()) {
        self.name = name
        self.participants = participants
        self.startWeek = startWeek
        self.cohortSize = cohortSize
        offPhone = offPhoneShifts.map(OffPhoneTime.shifts) ?? .hours(offPhoneHours)
        self.spreadWeeks = spreadWeeks
        self.costPerAgent = costPerAgent
        self.fixedCost = fixedCost
        self.weeklyCoachingMinutes = weeklyCoachingMinutes
        self.effects = effects
    }
}

/// A program's effects on a participant, each a change drawn once per replication (the
/// trainers' uncertainty): a relative draw d multiplies the quantity by (1 + d × fade), an FCR
/// change in points adds d × fade to the resolved share; the fade is 1 when the participant
/// finishes the program's off-phone weeks and halves every `halfLife`.
public struct TrainingEffects: Sendable, Hashable {
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        case handleTime = "handle_time", fcr, escalation, repeats
        case learningTimeConstant = "learning_time_constant", attrition
    }

    /// How an FCR change applies: `relative` multiplies the resolved share (+10% of 72% is
    /// 79.2%), `points` adds to it (+10 points of 72% is 82%).
    public enum FCRBasis: String, Sendable, Hashable { case relative, points }

    private var byKind: [Kind: Distribution] = [:]
    public var fcrBasis: FCRBasis = .relative
    /// Seconds; nil = the effects do not fade.
    public var halfLife: Double?

    public init(_ effects: [Kind: Distribution] = [:], halfLife: Double? = nil) {
        byKind = effects
        self.halfLife = halfLife
    }

    public subscript(kind: Kind) -> Distribution? {
        get { byKind[kind] }
        set { byKind[kind] = newValue }
    }
}

/// Off-phone training time is working time, taken inside the participant's shifts: either hours
/// (`24h`) or whole shifts of the participant's own shift (`3 shifts`: 24 hours on an 8-hour
/// shift, 36 on a 12-hour one). Clock units (`3d`, a week) are refused at load: `3d` would be
/// 72 hours, not three working days.
public enum OffPhoneTime: Sendable, Hashable {
    case hours(Double)
    case shifts(Double)

    /// Seconds off the phones for an agent whose shift lasts `shiftLength` seconds.
    public func seconds(shiftLength: Double) -> Double {
        switch self {
        case .hours(let h): h * 3600
        case .shifts(let n): n * shiftLength
        }
    }

    public var amount: Double {
        switch self {
        case .hours(let x), .shifts(let x): x
        }
    }
}
