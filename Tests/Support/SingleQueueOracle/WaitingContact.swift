import SimKernel

/// What the queue keeps of a contact while it waits.
///
/// Handle time is drawn at arrival, not at answer, so that a contact's
/// attributes do not depend on when (or whether) it is answered: two
/// staffing levels compared with the same seed see the same customers
/// (common random numbers).
struct WaitingContact: Sendable {
    var arrivalTime: Double
    var handleTime: Double
    /// The patience timer, cancelled when the contact is answered.
    var abandonment: EventHandle?
}
