import Stochastics

/// A level of difficulty (tier 1 simple, tier 2 complex, tier 3 specialist),
/// with its handle times per channel and what happens at the end of handling.
public struct TierSpec: Sendable, Hashable {
    public var name: String
    /// Handle time on each channel (aligned with `CenterSpec.channels`); nil where the tier is not served on that channel.
    public var handleTimes: [Distribution?]
    /// At the end of handling: resolved with probability `resolved`, escalated with
    /// `escalated` (needs `escalation`), otherwise left unresolved.
    public var resolved: Double
    public var escalated: Double
    public var escalation: Escalation?
    /// Unresolved or abandoned customers who come back.
    public var repeats: RepeatContacts?

    public init(name: String, handleTimes: [Distribution?], resolved: Double = 1, escalated: Double = 0,
                escalation: Escalation? = nil, repeats: RepeatContacts? = nil) {
        self.name = name
        self.handleTimes = handleTimes
        self.resolved = resolved
        self.escalated = escalated
        self.escalation = escalation
        self.repeats = repeats
    }
}

/// Where escalated work goes.
public struct Escalation: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// The customer waits again, live, in the next tier's queue (with patience).
        case warmTransfer = "warm_transfer"
        /// The work goes to the next tier's backlog on `ticketChannel`; the customer is answered later.
        case ticket
    }

    /// Index of the tier that takes the work.
    public var toTier: Int
    public var mode: Mode
    /// For tickets: the backlog (email-kind) channel the work is queued on.
    public var ticketChannel: Int?

    public init(toTier: Int, mode: Mode, ticketChannel: Int? = nil) {
        self.toTier = toTier
        self.mode = mode
        self.ticketChannel = ticketChannel
    }
}

/// A customer whose issue is left unresolved (or who abandoned) comes back
/// after a delay, on the same channel or another.
public struct RepeatContacts: Sendable, Hashable {
    public var afterUnresolved: Double
    public var afterAbandonment: Double
    public var delay: Distribution
    /// Channel of the repeat contact; nil = the same channel.
    public var channel: Int?

    public init(afterUnresolved: Double, afterAbandonment: Double = 0, delay: Distribution, channel: Int? = nil) {
        self.afterUnresolved = afterUnresolved
        self.afterAbandonment = afterAbandonment
        self.delay = delay
        self.channel = channel
    }
}
