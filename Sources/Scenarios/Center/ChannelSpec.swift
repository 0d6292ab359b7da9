import Stochastics

/// One way customers reach the center (voice, chat, email), with its demand,
/// its customers' patience and its service-level agreement.
public struct ChannelSpec: Sendable, Hashable {
    public var name: String
    public var kind: ChannelKind
    public var demand: DemandSpec
    /// Share of this channel's new contacts that belong to each tier (aligned with `CenterSpec.tiers`; sums to 1).
    public var tierShares: [Double]
    /// Patience of a waiting customer, in seconds; nil = never abandons (always nil for email).
    public var patience: Distribution?
    /// Chat only: how many chats an agent handles at once, and how much each slows down.
    public var chat: ChatSettings?
    /// Answer (voice, chat) or first response (email) within T for a target share.
    public var serviceLevel: ServiceLevelTarget
    /// Optional ceilings reported as pass/fail beside the service level.
    public var maxAverageSpeedOfAnswer: Double?
    public var maxAbandonmentRate: Double?
    /// Money owed for each period whose service level misses the target (BPO contracts).
    public var missPenalty: ServiceLevelPenalty?
    /// Voice only: callers offered a callback when the expected wait is long.
    public var callbacks: CallbackOffer?
    /// Contacts already waiting when the run starts (re-planning from the current state).
    public var initialQueue: InitialQueue?

    public init(name: String, kind: ChannelKind, demand: DemandSpec, tierShares: [Double],
                patience: Distribution? = nil, chat: ChatSettings? = nil,
                serviceLevel: ServiceLevelTarget = ServiceLevelTarget(),
                maxAverageSpeedOfAnswer: Double? = nil, maxAbandonmentRate: Double? = nil,
                callbacks: CallbackOffer? = nil, initialQueue: InitialQueue? = nil,
                missPenalty: ServiceLevelPenalty? = nil) {
        self.name = name
        self.kind = kind
        self.demand = demand
        self.tierShares = tierShares
        self.patience = patience
        self.chat = chat
        self.serviceLevel = serviceLevel
        self.maxAverageSpeedOfAnswer = maxAverageSpeedOfAnswer
        self.maxAbandonmentRate = maxAbandonmentRate
        self.callbacks = callbacks
        self.initialQueue = initialQueue
        self.missPenalty = missPenalty
    }
}

/// Chat concurrency: the k-th concurrent chat of an agent takes
/// `handle time × (1 + slowdown × (k − 1))`, k counted when the chat is assigned.
public struct ChatSettings: Sendable, Hashable {
    public var concurrency: Int
    public var slowdown: Double

    public init(concurrency: Int, slowdown: Double) {
        self.concurrency = concurrency
        self.slowdown = slowdown
    }
}

/// When a voice caller's expected wait exceeds `whenExpectedWaitAbove`, the
/// caller is offered a callback and accepts with probability `acceptance`;
/// the callback is worked as an outbound contact, due within `promisedWithin`.
public struct CallbackOffer: Sendable, Hashable {
    public var whenExpectedWaitAbove: Double
    public var acceptance: Double
    public var promisedWithin: Double

    public init(whenExpectedWaitAbove: Double, acceptance: Double, promisedWithin: Double) {
        self.whenExpectedWaitAbove = whenExpectedWaitAbove
        self.acceptance = acceptance
        self.promisedWithin = promisedWithin
    }
}

/// Contacts present at time 0, by how long each has already waited (seconds).
public struct InitialQueue: Sendable, Hashable {
    public var ages: [Double]

    public init(ages: [Double]) {
        self.ages = ages
    }
}
