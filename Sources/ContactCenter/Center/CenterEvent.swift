/// The events of the full model: small values, so the pending-event heap
/// holds them inline (no allocation per event).
public enum CenterEvent {
    /// The next new contact of a channel arrives.
    case arrival(channel: Int32)
    /// A customer comes back about an unresolved or abandoned issue (the contact is prepared in the table).
    case repeatArrival(ContactRef)
    case handlingEnd(agent: Int32, contact: ContactRef)
    case abandonment(ContactRef)
    /// A waiting contact becomes eligible for overflow teams.
    case overflow(ContactRef)
    case agentChange(agent: Int32, change: AgentChange)
    /// Midnight: the day's rota is scheduled.
    case dayStart(day: Int32)
    case measurementStart
    case intervalEnd
}

/// A change in an agent's availability, from the rota.
public enum AgentChange: UInt8 {
    case shiftStart, shiftEnd, pauseStart, pauseEnd
}
