import Foundation
import Stochastics

/// How a team's people change over a run: tenure, learning, attrition and hiring.
///
/// Applies to the team's rota seats (one seat per shift agent): each seat has an
/// occupant with a tenure and an individual proficiency, who may leave and be
/// replaced. Times are in seconds; weekly figures are per week of 7 days.
public struct TeamWorkforce: Sendable, Hashable {
    /// Tenure of the agents on the seats at time 0 (seconds, ≥ 0).
    public var initialTenure: Distribution
    public var learningCurve: LearningCurve?
    public var attrition: Attrition?
    /// nil: leavers are not replaced (their seats stay vacant).
    public var hiring: Hiring?

    public init(initialTenure: Distribution = .deterministic(0), learningCurve: LearningCurve? = nil,
                attrition: Attrition? = nil, hiring: Hiring? = nil) {
        self.initialTenure = initialTenure
        self.learningCurve = learningCurve
        self.attrition = attrition
        self.hiring = hiring
    }
}

/// Proficiency by tenure: an agent of tenure τ handles contacts in
/// `p × (1 + (newHireHandleTime − 1) e^(−τ/T))` times the scenario's handle time and
/// resolves on first contact `(1 + newHireFCR e^(−τ/T))` times the tier's share, where p is
/// the agent's own asymptotic multiplier (drawn from `proficiencySpread`) and T the time constant.
public struct LearningCurve: Sendable, Hashable {
    /// Handle-time multiplier at tenure 0 (1.6 = 60% slower than an experienced agent).
    public var newHireHandleTime: Double
    /// Relative change of the first-contact resolution share at tenure 0 (−0.15 = 15% fewer resolved).
    public var newHireFCR: Double
    /// Exponential time constant of the approach to the experienced level (seconds, > 0).
    public var timeConstant: Double
    /// Each agent's asymptotic handle-time multiplier (mean about 1); nil = 1 for everyone.
    public var proficiencySpread: Distribution?
    /// What agents may take while their tenure is short, first matching step applies.
    public var limits: [TenureLimit]

    public init(newHireHandleTime: Double = 1, newHireFCR: Double = 0, timeConstant: Double,
                proficiencySpread: Distribution? = nil, limits: [TenureLimit] = []) {
        self.newHireHandleTime = newHireHandleTime
        self.newHireFCR = newHireFCR
        self.timeConstant = timeConstant
        self.proficiencySpread = proficiencySpread
        self.limits = limits
    }

    /// Most chats at once for an agent of tenure τ (nil = the channel's concurrency).
    public func maxChats(tenure: Double) -> Int? {
        limits.first { tenure < $0.until }?.maxChats
    }

    /// The tiers an agent of tenure τ may take (nil = every tier its team's skills cover): a
    /// trainee on tier 1 only, say, until week 4.
    public func tiers(tenure: Double) -> [Int]? {
        limits.first { tenure < $0.until }?.tiers
    }

    /// Weight of the new-hire deviation at tenure τ with time constant `t`.
    public static func novelty(tenure: Double, timeConstant t: Double) -> Double {
        t > 0 ? exp(-max(0, tenure) / t) : 0
    }
}

/// A limit on trainees: until `until` of tenure, at most `maxChats` chats at once
/// (a trainee 2–3, an experienced agent the channel's concurrency).
public struct TenureLimit: Sendable, Hashable {
    /// Tenure (seconds) below which the limit applies.
    public var until: Double
    /// Most chats at once; nil = the channel's concurrency.
    public var maxChats: Int?
    /// The tiers (indices) the agent may take; nil = every tier the team's skills cover.
    public var tiers: [Int]?

    public init(until: Double, maxChats: Int? = nil, tiers: [Int]? = nil) {
        self.until = until
        self.maxChats = maxChats
        self.tiers = tiers
    }
}

/// Weekly attrition hazard by tenure: the probability that an agent on the payroll at the
/// start of a week leaves during it, read from the first step whose `until` exceeds the tenure.
public struct Attrition: Sendable, Hashable {
    public struct Step: Sendable, Hashable {
        /// Tenure (seconds) up to which the step applies; nil = from here on.
        public var until: Double?
        /// Probability of leaving per week, in [0, 1].
        public var weeklyRate: Double

        public init(until: Double? = nil, weeklyRate: Double) {
            self.until = until
            self.weeklyRate = weeklyRate
        }
    }

    public var steps: [Step]

    public init(steps: [Step]) { self.steps = steps }

    /// A constant hazard equivalent to an annual attrition share `a`: 1 − (1 − a)^(1/52).
    public init(annual a: Double) {
        steps = [Step(weeklyRate: Self.weekly(annual: a))]
    }

    public static func weekly(annual a: Double) -> Double {
        a >= 1 ? 1 : 1 - pow(1 - a, 1.0 / 52)
    }

    /// The weekly hazard at tenure τ (seconds); 0 beyond a last bounded step.
    public func weeklyRate(tenure: Double) -> Double {
        for step in steps where step.until.map({ tenure < $0 }) ?? true { return step.weeklyRate }
        return 0
    }
}

/// How leavers are replaced.
public struct Hiring: Sendable, Hashable {
    /// From a departure to the replacement's first day (seconds, counted in whole weeks, rounded up).
    public var leadTime: Double
    /// Replacements start together once this many are ready; nil = each as soon as ready.
    public var cohort: Int?
    /// Recruiting and onboarding amount per hire (money).
    public var costPerHire: Double
    /// Paid time off the phones after joining (seconds; whole shifts).
    public var onboarding: Double

    public init(leadTime: Double, cohort: Int? = nil, costPerHire: Double = 0, onboarding: Double = 0) {
        self.leadTime = leadTime
        self.cohort = cohort
        self.costPerHire = costPerHire
        self.onboarding = onboarding
    }
}
