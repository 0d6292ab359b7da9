import Scenarios
import Stochastics

/// A replication's random draws about contacts: tier, handle time, patience, outcome of a
/// handling, whether and when an issue comes back, and whether a caller takes a callback.
///
/// Why one room: the draws are the scenario's customers. Each purpose has its own stream
/// (`StreamPurpose`), drawn at fixed points of the contact's life cycle, so the i-th customer is
/// the same person in every scenario run with the seed (common random numbers). Keeping the
/// streams and the forecast's per-interval adjustments here leaves the model only the order of the
/// draws, which must never change.
///
/// A value type of references and lookups, read-only after `init`: no allocation per draw.
struct ContactDraws {
    let plan: CenterPlan
    private let tierStream: RandomStream
    private let handleTimeStream: RandomStream
    private let patienceStream: RandomStream
    private let outcomeStream: RandomStream
    private let repeatStream: RandomStream
    private let callbackStream: RandomStream
    /// Per channel: the forecast's AHT by interval as a factor on new contacts' handle times; nil = none.
    private let handleScales: [HandleTimeScale?]
    /// Per channel: the forecast's tier mix by interval, nil when it gives none.
    private let tierMixes: [ForecastTierMix?]
    /// Whether any channel has one (most scenarios: none, and arrivals skip the lookups).
    private let hasTierMixes: Bool
    private let hasHandleScales: Bool

    init(center: CenterSpec, plan: CenterPlan, streams: StreamPlan, replication: Int) {
        self.plan = plan
        tierStream = streams.stream(replication: replication, purpose: .tierChoice)
        handleTimeStream = streams.stream(replication: replication, purpose: .handleTime)
        patienceStream = streams.stream(replication: replication, purpose: .patience)
        outcomeStream = streams.stream(replication: replication, purpose: .escalation)
        repeatStream = streams.stream(replication: replication, purpose: .repeats)
        callbackStream = streams.stream(replication: replication, purpose: .callbacks)
        handleScales = center.channels.indices.map { c in
            let baseline = center.channels[c].tierShares.enumerated().reduce(0.0) { $0 + $1.element * plan.meanHandleTime[plan.queue(channel: c, tier: $1.offset)] }
            return HandleTimeScale(demand: center.channels[c].demand, baselineMean: baseline,
                                   tierMeans: center.tiers.indices.map { plan.meanHandleTime[plan.queue(channel: c, tier: $0)] })
        }
        tierMixes = center.channels.map { ForecastTierMix(demand: $0.demand) }
        hasTierMixes = tierMixes.contains { $0 != nil }
        hasHandleScales = handleScales.contains { $0 != nil }
    }

    // MARK: A new contact

    /// The tier of a new contact of channel `c` arriving at `now`: the forecast's mix of the
    /// interval when it gives one, else the channel's; no draw when only one tier is possible.
    @inline(__always)
    func arrivingTier(channel c: Int, at now: Double) -> Int {
        if hasTierMixes, let mix = tierMixes[c], let slot = mix.slot(at: now) {
            return mix.sole[slot] ?? mix.tier(slot: slot, u: tierStream.uniform())
        }
        return tier(channel: c)
    }

    /// A tier from the channel's own mix (contacts of the initial queue, which no forecast covers).
    @inline(__always)
    func tier(channel c: Int) -> Int {
        if let sole = plan.soleTier[c] { return sole }
        let u = tierStream.uniform()
        let cumulative = plan.tierCumulative[c]
        for (k, bound) in cumulative.enumerated() where u < bound { return k }
        return cumulative.count - 1
    }

    /// The handle time of a new contact of queue `q`, channel `c`, arriving at `now`, scaled to
    /// the forecast's AHT of the interval when it gives one (``HandleTimeScale``).
    @inline(__always)
    func arrivingHandleTime(queue q: Int, channel c: Int, at now: Double) -> Double {
        var handle = handleTime(queue: q)
        if hasHandleScales, let scale = handleScales[c] { handle *= scale.factor(at: now) }
        return handle
    }

    /// A handle time for work of queue `q` (0 when the queue has none). An exponential is drawn
    /// straight from its mean: the same GSL call and numbers as `Distribution.sample(from:)`, without
    /// copying the distribution (an enum whose other cases hold arrays) out of the plan per draw.
    @inline(__always)
    func handleTime(queue q: Int) -> Double {
        if let mean = plan.exponentialHandleMean[q] { return handleTimeStream.exponential(mean: mean) }
        return plan.handleTime[q]?.sample(from: handleTimeStream) ?? 0
    }

    /// A patience for a caller of channel `c`, nil when its callers never abandon (as ``handleTime(queue:)``).
    @inline(__always)
    func patience(channel c: Int) -> Double? {
        if let mean = plan.exponentialPatienceMean[c] { return patienceStream.exponential(mean: mean) }
        return plan.patience[c]?.sample(from: patienceStream)
    }

    // MARK: After a handling

    /// The outcome of a handled contact; the agent's tenure and training scale the tier's shares.
    /// No draw when the contact is surely resolved.
    @inline(__always)
    func outcome(tier: Int, _ adjustment: AgentAdjustment) -> CenterStatistics.Outcome {
        let resolved = min(1, plan.resolved[tier] * adjustment.resolved + adjustment.resolvedPoints)
        if resolved >= 1 { return .resolved }
        let u = outcomeStream.uniform()
        if u < resolved { return .resolved }
        if u < resolved + min(1 - resolved, plan.escalated[tier] * adjustment.escalated), plan.escalation[tier] != nil { return .escalated }
        return .unresolved
    }

    /// Whether an issue comes back, with `probability` > 0 (one draw).
    @inline(__always)
    func comesBack(probability: Double) -> Bool {
        repeatStream.uniform() < probability
    }

    /// How long after leaving a customer comes back (drawn after ``comesBack(probability:)`` said yes).
    @inline(__always)
    func repeatDelay(_ spec: RepeatContacts) -> Double {
        spec.delay.sample(from: repeatStream)
    }

    /// Whether a caller offered a callback accepts it (one draw).
    @inline(__always)
    func acceptsCallback(_ offer: CallbackOffer) -> Bool {
        callbackStream.uniform() < offer.acceptance
    }
}
