/// The pending-event set: a binary min-heap of small value-type entries.
///
/// Entries are ordered by `(time, priority, sequence)`, the shape of SimPy's
/// `(time, priority, eid, event)` heap: the sequence number makes ties
/// first-in, first-out, so runs are reproducible. Events are plain values
/// (typically a small enum), so scheduling allocates nothing once the heap's
/// storage has grown to its working size.
///
/// Cancellation is lazy: `cancel` bumps the slot's generation in O(1) and the
/// stale entry is discarded when it reaches the top. Memory is therefore
/// bounded by the live events plus the cancelled ones not yet due.
///
/// Complexity: `schedule` and `popNext` are O(log n); `cancel` is O(1).
public struct PendingEvents<Event> {
    @usableFromInline
    struct Entry {
        @usableFromInline var time: Double
        /// Priority in the top 8 bits, insertion sequence in the low 56.
        @usableFromInline var order: UInt64
        @usableFromInline var slot: UInt32
        @usableFromInline var generation: UInt32
        @usableFromInline var event: Event

        @inlinable
        init(time: Double, order: UInt64, slot: UInt32, generation: UInt32, event: Event) {
            self.time = time
            self.order = order
            self.slot = slot
            self.generation = generation
            self.event = event
        }

        @inlinable
        func precedes(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && order < other.order)
        }
    }

    @usableFromInline var heap: [Entry] = []
    /// Current generation of each slot; an entry is live while its generation matches.
    @usableFromInline var generations: [UInt32] = []
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
        if let reused = freeSlots.popLast() {
            slot = reused
        } else {
            slot = UInt32(generations.count)
            generations.append(0)
        }
        let generation = generations[Int(slot)]
        let order = UInt64(priority.rawValue) << 56 | nextSequence
        nextSequence &+= 1
        liveCount += 1
        heap.append(Entry(time: time, order: order, slot: slot, generation: generation, event: event))
        siftUp(from: heap.count - 1)
        return EventHandle(slot: slot, generation: generation)
    }

    /// Cancels a scheduled event. Returns `false` when it already fired or was cancelled.
    @inlinable
    @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        let slot = Int(handle.slot)
        guard slot < generations.count, generations[slot] == handle.generation else { return false }
        generations[slot] &+= 1
        liveCount -= 1
        return true
    }

    /// The time of the earliest live event, discarding cancelled entries on the way.
    @inlinable
    public mutating func nextTime() -> Double? {
        discardCancelledTop()
        return heap.first?.time
    }

    /// Removes and returns the earliest live event, if its time is not after `limit`.
    @inlinable
    public mutating func popNext(notAfter limit: Double = .infinity) -> (time: Double, event: Event)? {
        discardCancelledTop()
        guard let top = heap.first, top.time <= limit else { return nil }
        removeTop()
        generations[Int(top.slot)] &+= 1
        freeSlots.append(top.slot)
        liveCount -= 1
        return (top.time, top.event)
    }

    @inlinable
    mutating func discardCancelledTop() {
        while let top = heap.first, generations[Int(top.slot)] != top.generation {
            removeTop()
            freeSlots.append(top.slot)
        }
    }

    @inlinable
    mutating func removeTop() {
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(from: 0)
        }
    }

    /// Moves the entry at `index` up to its place, shifting parents down into the hole.
    @inlinable
    mutating func siftUp(from index: Int) {
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

    /// Moves the entry at `index` down to its place, shifting smaller children up into the hole.
    @inlinable
    mutating func siftDown(from index: Int) {
        let count = heap.count
        var parent = index
        let moving = heap[parent]
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count, heap[child + 1].precedes(heap[child]) { child += 1 }
            guard heap[child].precedes(moving) else { break }
            heap[parent] = heap[child]
            parent = child
        }
        heap[parent] = moving
    }
}
