/// A model driven by the kernel: it reacts to one event at a time and
/// schedules the next ones.
///
/// The kernel knows nothing of random numbers or statistics (as in SSJ): a
/// model owns its streams and collectors. `Event` should be a small value
/// type, usually an enum, so the hot path neither allocates nor calls closures.
public protocol DiscreteEventModel {
    associatedtype Event

    /// Handles `event`, which fires at `scheduler.now`.
    mutating func handle(_ event: Event, scheduler: inout EventScheduler<Event>)
}
