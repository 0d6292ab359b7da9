/// What handling achieved for the contacts of a period (by arrival), enough for
/// first-contact resolution, escalation and repeat rates and resolution times.
public struct ResolutionCounts: Sendable, Hashable, Codable {
    /// Handlings finished (a contact escalated by warm transfer is handled once per tier).
    public var handled = 0
    public var resolved = 0
    public var escalated = 0
    public var unresolved = 0
    /// First contacts of an issue that were handled, and those resolved then and there (no escalation).
    public var firstContactsHandled = 0
    public var firstContactResolved = 0
    /// Contacts that were repeats of an earlier unresolved or abandoned one.
    public var repeatContacts = 0
    /// Issues resolved, with their time from first contact to resolution.
    public var resolutionTimeSum = 0.0
    public var resolvedWithinTarget = 0
    /// Handle time spent, in seconds (after proficiency and chat slow-down).
    public var handleTimeSum = 0.0

    public init() {}

    public var firstContactResolution: Double? {
        firstContactsHandled > 0 ? Double(firstContactResolved) / Double(firstContactsHandled) : nil
    }

    public var escalationRate: Double? {
        handled > 0 ? Double(escalated) / Double(handled) : nil
    }

    public var meanResolutionTime: Double? {
        resolved > 0 ? resolutionTimeSum / Double(resolved) : nil
    }

    public var averageHandleTime: Double? {
        handled > 0 ? handleTimeSum / Double(handled) : nil
    }

    public mutating func add(_ other: ResolutionCounts) {
        handled += other.handled
        resolved += other.resolved
        escalated += other.escalated
        unresolved += other.unresolved
        firstContactsHandled += other.firstContactsHandled
        firstContactResolved += other.firstContactResolved
        repeatContacts += other.repeatContacts
        resolutionTimeSum += other.resolutionTimeSum
        resolvedWithinTarget += other.resolvedWithinTarget
        handleTimeSum += other.handleTimeSum
    }
}

extension OutcomeCounts {
    public mutating func add(_ other: OutcomeCounts) {
        offered += other.offered
        answered += other.answered
        abandoned += other.abandoned
        delayed += other.delayed
        answeredWithinTarget += other.answeredWithinTarget
        abandonedBeforeTarget += other.abandonedBeforeTarget
        answeredWaitSum += other.answeredWaitSum
        queueTimeSum += other.queueTimeSum
        queueExits += other.queueExits
        callbacksOffered += other.callbacksOffered
        callbacksAccepted += other.callbacksAccepted
        callbacksCompleted += other.callbacksCompleted
        callbacksWithinPromise += other.callbacksWithinPromise
        callbacksPending += other.callbacksPending
        unansweredAtEnd += other.unansweredAtEnd
        censored += other.censored
    }
}
