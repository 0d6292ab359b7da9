/// What a model sees of the kernel while it handles an event: the clock,
/// and the means to schedule, cancel and stop.
public struct EventScheduler<Event> {
    /// The simulation clock, in the model's time unit (ccsim uses seconds).
    @inlinable public var now: Double { clock }
    /// Events handled so far.
    @inlinable public var eventsHandled: Int { handled }
    @usableFromInline var clock: Double = 0
    @usableFromInline var handled = 0
    @usableFromInline var pending = PendingEvents<Event>()
    @usableFromInline var stopRequested = false

    public init(startTime: Double = 0) {
        clock = startTime
    }

    /// Schedules `event` at absolute time `time` (not earlier than `now`).
    @inlinable
    @discardableResult
    public mutating func schedule(_ event: Event, at time: Double, priority: EventPriority = .normal) -> EventHandle {
        precondition(time >= now, "cannot schedule an event in the past")
        return pending.schedule(event, at: time, priority: priority)
    }

    /// Schedules `event` after a non-negative delay.
    @inlinable
    @discardableResult
    public mutating func schedule(_ event: Event, after delay: Double, priority: EventPriority = .normal) -> EventHandle {
        schedule(event, at: now + delay, priority: priority)
    }

    /// Schedules `event` at `time` in `lane`, off the pending-event heap, for a source that
    /// always has exactly its next event pending (a channel's next arrival): cheaper than the
    /// heap, same order of events. The event cannot be cancelled.
    /// - Precondition: `lane` holds no pending event (a handful of lanes, numbered from 0).
    @inlinable
    public mutating func schedule(_ event: Event, at time: Double, lane: Int, priority: EventPriority = .normal) {
        precondition(time >= now, "cannot schedule an event in the past")
        pending.schedule(event, at: time, lane: lane, priority: priority)
    }

    /// Schedules a batch of events known ahead (a day's rota changes) in the feed, off the heap:
    /// the same order of events as scheduling them one by one in this order, cheapest when the
    /// batch comes in time order. They cannot be cancelled.
    @inlinable
    public mutating func scheduleInOrder<Batch: Collection>(_ batch: Batch)
        where Batch.Element == (event: Event, time: Double, priority: EventPriority) {
        pending.scheduleInOrder(batch, notBefore: now)
    }

    /// Cancels a scheduled event; `false` when it already fired or was cancelled.
    @inlinable
    @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        pending.cancel(handle)
    }

    /// Ends the run after the current event.
    @inlinable
    public mutating func stop() {
        stopRequested = true
    }

    /// Number of live scheduled events.
    @inlinable
    public var pendingCount: Int { pending.count }
}
