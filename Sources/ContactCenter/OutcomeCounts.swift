import Scenarios

/// Counts of what happened to the contacts offered in a period, enough to
/// compute every service-level convention, ASA and abandonment.
///
/// The same record serves the whole run and each reporting interval;
/// contacts are attributed to the interval in which they arrived (a ticket to
/// the interval and channel it joined). Every offered contact ends in exactly
/// one place, so `offered == answered + abandoned + callbacksAccepted + unansweredAtEnd`
/// holds for every cell, interval and channel (`isBalanced`).
public struct OutcomeCounts: Sendable, Hashable, Codable {
    public var offered = 0
    public var answered = 0
    public var abandoned = 0
    /// Offered contacts that found no agent free and had to wait.
    public var delayed = 0
    /// Answered with a wait of at most the service-level threshold.
    public var answeredWithinTarget = 0
    /// Abandoned after waiting less than the service-level threshold.
    public var abandonedBeforeTarget = 0
    /// Sum of the waits of answered contacts (for ASA).
    public var answeredWaitSum = 0.0
    /// Time in queue summed over every wait that ended (answered, abandoned or called back),
    /// warm transfers' second waits included, and the number of those waits: the same
    /// contacts the queue length counts, so Little's law holds between them.
    public var queueTimeSum = 0.0
    public var queueExits = 0
    /// Voice callers whose expected wait was over the offer's threshold and were offered a
    /// callback, and those who accepted it. An accepted callback keeps the caller's place in
    /// line off the line: it is neither answered nor abandoned live, and is left out of the
    /// live service level; it is completed (called back) or still pending at the end.
    public var callbacksOffered = 0
    public var callbacksAccepted = 0
    /// Callbacks made, and those made within the promised time.
    public var callbacksCompleted = 0
    public var callbacksWithinPromise = 0
    /// Accepted callbacks not yet made when the run ended.
    public var callbacksPending = 0
    /// Offered contacts (not callbacks) still waiting when the run ended: after the window
    /// agents on duty drain the live queues, and backlog work stops at the horizon.
    public var unansweredAtEnd = 0
    /// First waits still under the threshold when the run ended (an email that arrived late on the
    /// last day): whether they would have been answered in time is unknown, so they are left out
    /// of the service level instead of counted as misses (right-censored).
    public var censored = 0

    public init() {}

    /// The service level's denominator by the given convention: offered contacts less accepted
    /// callbacks and censored waits (less short abandons by that convention), or answered contacts.
    public func serviceLevelDenominator(_ convention: ServiceLevelConvention) -> Int {
        switch convention {
        case .offered: offered - callbacksAccepted - censored
        case .excludingShortAbandons: offered - callbacksAccepted - censored - abandonedBeforeTarget
        case .answered: answered
        }
    }

    /// Share answered within the threshold, by the given convention; `nil` when its denominator is 0.
    public func serviceLevel(_ convention: ServiceLevelConvention) -> Double? {
        let denominator = serviceLevelDenominator(convention)
        return denominator > 0 ? Double(answeredWithinTarget) / Double(denominator) : nil
    }

    /// Average speed of answer: mean wait of answered contacts.
    public var averageSpeedOfAnswer: Double? {
        answered > 0 ? answeredWaitSum / Double(answered) : nil
    }

    public var abandonmentRate: Double? {
        offered > 0 ? Double(abandoned) / Double(offered) : nil
    }

    /// Share of offered contacts that had to wait (Erlang C's P(wait)).
    public var probabilityOfWait: Double? {
        offered > 0 ? Double(delayed) / Double(offered) : nil
    }

    /// Share of the callbacks made that were made within the promised time.
    public var callbackServiceLevel: Double? {
        callbacksCompleted > 0 ? Double(callbacksWithinPromise) / Double(callbacksCompleted) : nil
    }

    /// Mean time in queue over every wait that ended (see `queueTimeSum`).
    public var meanTimeInQueue: Double? {
        queueExits > 0 ? queueTimeSum / Double(queueExits) : nil
    }

    /// Whether every offered contact is accounted for exactly once.
    public var isBalanced: Bool {
        offered == answered + abandoned + callbacksAccepted + unansweredAtEnd
            && callbacksAccepted == callbacksCompleted + callbacksPending
    }
}
