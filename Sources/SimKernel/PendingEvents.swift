/// The pending-event set: a binary min-heap of small keys, with the events in a slot table.
///
/// Keys are ordered by `(time, priority, sequence)`, the shape of SimPy's
/// `(time, priority, eid, event)` heap: the sequence number makes ties
/// first-in, first-out, so runs are reproducible. The order is total, so the
/// pop sequence does not depend on how the heap arranges its keys.
///
/// Why keys and slots apart: the heap moves a key at every level of a sift, so it
/// holds only what ordering needs (24 bytes: time, order, slot); the event and
/// the slot's generation stay put in the slot table and are read once, at the pop.
/// Events are plain values (typically a small enum), so scheduling allocates
/// nothing once both arrays have grown to their working size.
///
/// Cancellation is lazy: `cancel` marks the slot in O(1) and the stale key is
/// discarded when it reaches the top (the slot is reused only then). Memory is
/// therefore bounded by the live events plus the cancelled ones not yet due.
///
/// Lanes: a source whose next event is known as soon as its current one fires (a
/// channel's next arrival) may keep that one event in a lane of its own instead
/// of the heap (`schedule(_:at:lane:priority:)`). A lane's event is ordered by the
/// same `(time, priority, sequence)` key, so the pop sequence is the same as
/// through the heap; it only skips a push that climbs nearly to the top (the next
/// arrival is soon) and a pop, for a comparison with the earliest lane.
///
/// The feed: events known ahead in a batch (a day's rota changes) wait off the heap
/// in one queue sorted by the same key (`scheduleInOrder(_:)`), so they neither
/// deepen the heap all day nor cost a push and a pop each.
///
/// Complexity: `schedule` and `popNext` are O(log n + lanes); `cancel` is O(1); a batch
/// into the feed O(k), or O(k log k) when it is not already in order. The pop
/// sifts bottom-up (Floyd): the hole goes down to a leaf along the smaller
/// children, then the last key climbs back, which saves a comparison per level
/// because that key almost always belongs near the bottom.
public struct PendingEvents<Event> {
    @usableFromInline
    struct Key {
        @usableFromInline var time: Double
        /// Priority in the top 8 bits, insertion sequence in the low 56.
        @usableFromInline var order: UInt64
        @usableFromInline var slot: UInt32

        @inlinable
        init(time: Double, order: UInt64, slot: UInt32) {
            self.time = time
            self.order = order
            self.slot = slot
        }

        @inlinable
        func precedes(_ other: Key) -> Bool {
            time < other.time || (time == other.time && order < other.order)
        }
    }

    /// A scheduled event's place: the event (nil once it fired or was discarded, so
    /// nothing it references is kept), its generation and whether it was cancelled.
    @usableFromInline
    struct Slot {
        @usableFromInline var event: Event?
        /// Bumped when the event fires or is cancelled, so older handles no longer match.
        @usableFromInline var generation: UInt32
        @usableFromInline var cancelled: Bool

        @inlinable
        init(event: Event) {
            self.event = event
            generation = 0
            cancelled = false
        }
    }

    /// A lane's pending event (at most one), ordered like the heap's keys.
    @usableFromInline
    struct Lane {
        @usableFromInline var key: Key
        @usableFromInline var event: Event?

        @inlinable
        init() {
            key = Key(time: .infinity, order: .max, slot: 0)
            event = nil
        }

        @inlinable
        init(key: Key, event: Event) {
            self.key = key
            self.event = event
        }
    }

    @usableFromInline var heap: [Key] = []
    @usableFromInline var lanes: [Lane] = []
    /// The occupied lane whose event comes first, or -1 when every lane is empty.
    @usableFromInline var earliestLane = -1
    /// That lane's key, kept here so that each pop compares with it without reading the lanes.
    @usableFromInline var earliestLaneKey = Key(time: .infinity, order: .max, slot: 0)
    /// The feed's keys and events, sorted by key from `feedFront` on (those before it have fired).
    @usableFromInline var feedKeys: [Key] = []
    @usableFromInline var feedEvents: [Event] = []
    @usableFromInline var feedFront = 0
    @usableFromInline var slots: [Slot] = []
    @usableFromInline var freeSlots: [UInt32] = []
    @usableFromInline var nextSequence: UInt64 = 0
    @usableFromInline var liveCount = 0

    public init() {}

    /// Number of scheduled events that have neither fired nor been cancelled.
    @inlinable
    public var count: Int { liveCount }

    @inlinable
    public var isEmpty: Bool { liveCount == 0 }

    /// Adds an event at `time`. Ties at equal time and priority fire in the order scheduled.
    @inlinable
    @discardableResult
    public mutating func schedule(_ event: Event, at time: Double, priority: EventPriority = .normal) -> EventHandle {
        precondition(!time.isNaN, "event time is NaN")
        let slot: UInt32
        let generation: UInt32
        if let reused = freeSlots.popLast() {
            slot = reused
            generation = slots.withUnsafeMutableBufferPointer { slots in
                slots[Int(reused)].event = event
                slots[Int(reused)].cancelled = false
                return slots[Int(reused)].generation
            }
        } else {
            slot = UInt32(slots.count)
            generation = 0
            slots.append(Slot(event: event))
        }
        let order = UInt64(priority.rawValue) << 56 | nextSequence
        nextSequence &+= 1
        liveCount += 1
        heap.append(Key(time: time, order: order, slot: slot))
        siftUp(from: heap.count - 1)
        return EventHandle(slot: slot, generation: generation)
    }

    /// Adds an event to `lane`, off the heap; it cannot be cancelled. Lanes are numbered from 0
    /// (a handful: each pop compares with the earliest).
    /// - Precondition: the lane holds no pending event.
    @inlinable
    public mutating func schedule(_ event: Event, at time: Double, lane: Int, priority: EventPriority = .normal) {
        precondition(!time.isNaN, "event time is NaN")
        precondition(lane >= 0, "lane \(lane) is negative")
        while lanes.count <= lane { lanes.append(Lane()) }
        precondition(lanes[lane].event == nil, "lane \(lane) already holds a pending event")
        let key = Key(time: time, order: UInt64(priority.rawValue) << 56 | nextSequence, slot: 0)
        nextSequence &+= 1
        liveCount += 1
        lanes[lane] = Lane(key: key, event: event)
        if earliestLane < 0 || key.precedes(earliestLaneKey) {
            earliestLane = lane
            earliestLaneKey = key
        }
    }

    /// Adds a batch of events to the feed, off the heap: each gets the key it would get if
    /// scheduled one by one in this order, so the order of events is unchanged. O(k) when the
    /// batch is in time order and after the feed's pending events (a day's rota, sorted);
    /// otherwise the feed is sorted again. They cannot be cancelled.
    @inlinable
    public mutating func scheduleInOrder<Batch: Sequence>(_ batch: Batch)
        where Batch.Element == (event: Event, time: Double, priority: EventPriority) {
        if feedFront > 0 {
            feedKeys.removeFirst(feedFront)
            feedEvents.removeFirst(feedFront)
            feedFront = 0
        }
        var inOrder = true
        for item in batch {
            precondition(!item.time.isNaN, "event time is NaN")
            let key = Key(time: item.time, order: UInt64(item.priority.rawValue) << 56 | nextSequence, slot: 0)
            nextSequence &+= 1
            liveCount += 1
            if let last = feedKeys.last, key.precedes(last) { inOrder = false }
            feedKeys.append(key)
            feedEvents.append(item.event)
        }
        guard !inOrder else { return }
        let sorted = zip(feedKeys, feedEvents).sorted { $0.0.precedes($1.0) }
        feedKeys = sorted.map(\.0)
        feedEvents = sorted.map(\.1)
    }

    /// Where the next event comes from: 0 the heap, 1 the earliest lane, 2 the feed (-1: nothing pending).
    /// Cancelled tops must have been discarded.
    @inlinable @inline(__always)
    func nextSource() -> (source: Int, time: Double) {
        var source = heap.isEmpty ? -1 : 0
        var best = heap.isEmpty ? Key(time: .infinity, order: .max, slot: 0) : heap[0]
        if earliestLane >= 0, source < 0 || earliestLaneKey.precedes(best) {
            source = 1
            best = earliestLaneKey
        }
        if feedFront < feedKeys.count, source < 0 || feedKeys[feedFront].precedes(best) {
            source = 2
            best = feedKeys[feedFront]
        }
        return (source, best.time)
    }

    /// Cancels a scheduled event. Returns `false` when it already fired or was cancelled.
    @inlinable
    @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        let slot = Int(handle.slot)
        guard slot < slots.count, slots[slot].generation == handle.generation else { return false }
        slots[slot].generation &+= 1
        slots[slot].cancelled = true
        liveCount -= 1
        return true
    }

    /// The time of the earliest live event, discarding cancelled entries on the way.
    @inlinable
    public mutating func nextTime() -> Double? {
        discardCancelledTop()
        let next = nextSource()
        return next.source < 0 ? nil : next.time
    }

    /// Removes and returns the earliest live event, if its time is not after `limit`.
    @inlinable
    public mutating func popNext(notAfter limit: Double = .infinity) -> (time: Double, event: Event)? {
        discardCancelledTop()
        let next = nextSource()
        guard next.source >= 0, next.time <= limit else { return nil }
        if next.source == 1 { return popLane() }
        if next.source == 2 { return popFeed() }
        let top = heap[0]
        removeTop()
        let event = slots.withUnsafeMutableBufferPointer { slots in
            let s = Int(top.slot)
            slots[s].generation &+= 1
            let event = slots[s].event.unsafelyUnwrapped
            slots[s].event = nil
            return event
        }
        freeSlots.append(top.slot)
        liveCount -= 1
        return (top.time, event)
    }

    /// Removes and returns the earliest lane's event (which precedes the heap's top).
    @inlinable
    mutating func popLane() -> (time: Double, event: Event) {
        let lane = earliestLane
        let time = lanes[lane].key.time
        let event = lanes[lane].event.unsafelyUnwrapped
        lanes[lane] = Lane()
        liveCount -= 1
        earliestLane = -1
        earliestLaneKey = Key(time: .infinity, order: .max, slot: 0)
        for l in lanes.indices where lanes[l].event != nil {
            if earliestLane < 0 || lanes[l].key.precedes(earliestLaneKey) {
                earliestLane = l
                earliestLaneKey = lanes[l].key
            }
        }
        return (time, event)
    }

    /// Removes and returns the feed's front event (which comes before the heap's top and the lanes').
    @inlinable
    mutating func popFeed() -> (time: Double, event: Event) {
        let next = (feedKeys[feedFront].time, feedEvents[feedFront])
        feedFront += 1
        if feedFront == feedKeys.count {
            feedKeys.removeAll(keepingCapacity: true)
            feedEvents.removeAll(keepingCapacity: true)
            feedFront = 0
        }
        liveCount -= 1
        return next
    }

    @inlinable
    mutating func discardCancelledTop() {
        while let top = heap.first, slots[Int(top.slot)].cancelled {
            removeTop()
            slots[Int(top.slot)].event = nil
            freeSlots.append(top.slot)
        }
    }

    @inlinable
    mutating func removeTop() {
        let last = heap.removeLast()
        if !heap.isEmpty { siftDownFromTop(last) }
    }

    /// Moves the key at `index` up to its place, shifting parents down into the hole.
    @inlinable
    mutating func siftUp(from index: Int) {
        heap.withUnsafeMutableBufferPointer { heap in
            var child = index
            let moving = heap[child]
            while child > 0 {
                let parent = (child - 1) >> 1
                guard moving.precedes(heap[parent]) else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = moving
        }
    }

    /// Fills the hole left at the top by the popped key with `moving` (the former last key):
    /// the hole goes down to a leaf along the smaller children, then `moving` climbs to its place.
    @inlinable
    mutating func siftDownFromTop(_ moving: Key) {
        heap.withUnsafeMutableBufferPointer { heap in
            let count = heap.count
            var hole = 0
            while true {
                var child = 2 * hole + 1
                guard child < count else { break }
                if child + 1 < count, heap[child + 1].precedes(heap[child]) { child += 1 }
                heap[hole] = heap[child]
                hole = child
            }
            while hole > 0 {
                let parent = (hole - 1) >> 1
                guard moving.precedes(heap[parent]) else { break }
                heap[hole] = heap[parent]
                hole = parent
            }
            heap[hole] = moving
        }
    }
}
