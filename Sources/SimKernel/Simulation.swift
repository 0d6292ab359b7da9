/// Why a run ended.
public enum StopReason: Hashable, Sendable {
    /// No events were left.
    case exhausted
    /// The next event lies after the requested end time; the clock was moved to that end time.
    case reachedEndTime
    /// The model called `stop()`.
    case stopped
}

/// The run loop: pop the earliest event, advance the clock, hand the event to the model.
///
/// Generic over the model, so the loop specialises to direct calls with no
/// dynamic dispatch per event.
public struct Simulation<Model: DiscreteEventModel> {
    public var model: Model
    public var scheduler: EventScheduler<Model.Event>

    public init(model: Model, startTime: Double = 0) {
        self.model = model
        self.scheduler = EventScheduler(startTime: startTime)
    }

    /// Runs until no event is left, the next one lies after `endTime`, or the model stops.
    @inlinable
    @discardableResult
    public mutating func run(until endTime: Double = .infinity) -> StopReason {
        scheduler.stopRequested = false
        while true {
            guard let next = scheduler.pending.popNext(notAfter: endTime) else {
                if scheduler.pending.isEmpty { return .exhausted }
                scheduler.clock = endTime
                return .reachedEndTime
            }
            scheduler.clock = next.time
            scheduler.handled += 1
            model.handle(next.event, scheduler: &scheduler)
            if scheduler.stopRequested { return .stopped }
        }
    }
}
