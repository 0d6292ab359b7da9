import Scenarios

/// Counts of what happened to the contacts offered in a period, enough to
/// compute every service-level convention, ASA and abandonment.
///
/// The same record serves the whole run and each reporting interval;
/// contacts are attributed to the interval in which they arrived.
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
    /// Sum of the time in queue of every contact, answered or abandoned (for Little's law).
    public var queueTimeSum = 0.0
    /// Voice callers who accepted a callback instead of waiting on the line, and those
    /// called back within the promised time. They are neither answered nor abandoned
    /// live, and are left out of the live service level.
    public var callbacks = 0
    public var callbacksWithinPromise = 0
    /// First waits still under the threshold when the run ended (an email that arrived late on the
    /// last day): whether they would have been answered in time is unknown, so they are left out
    /// of the service level instead of counted as misses (right-censored).
    public var censored = 0

    public init() {}

    /// The service level's denominator by the given convention: offered contacts less callbacks
    /// and censored waits (less short abandons by that convention), or answered contacts.
    public func serviceLevelDenominator(_ convention: ServiceLevelConvention) -> Int {
        switch convention {
        case .offered: offered - callbacks - censored
        case .excludingShortAbandons: offered - callbacks - censored - abandonedBeforeTarget
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

    /// Share of callbacks made within the promised time.
    public var callbackServiceLevel: Double? {
        callbacks > 0 ? Double(callbacksWithinPromise) / Double(callbacks) : nil
    }

    /// Mean time in queue over all contacts that left the queue.
    public var meanTimeInQueue: Double? {
        let left = answered + abandoned
        return left > 0 ? queueTimeSum / Double(left) : nil
    }
}
