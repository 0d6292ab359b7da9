/// The pending-event set: a 4-ary min-heap of 16-byte keys, with the events in a slot table.
///
/// Keys are ordered by `(time, priority, sequence)`, the shape of SimPy's
/// `(time, priority, eid, event)` heap: the sequence number makes ties
/// first-in, first-out, so runs are reproducible. The order is total, so the
/// pop sequence does not depend on how the heap arranges its keys (or how many
/// children a node has).
///
/// Why 16-byte keys: a key is one `UInt128`, the time's bits mapped to an order-preserving
/// unsigned integer on top, then the priority, the sequence and the slot. Comparing two keys is
/// then one 128-bit integer comparison that compiles to flag arithmetic, with no branch to
/// mispredict, so the sift picks the smallest child with conditional moves; four children
/// fill one 64-byte cache line. Four children halve the depth of the binary heap it replaces,
/// whose unpredictable child comparisons were the largest single cost of a run (~20%).
///
/// Why keys and slots apart: the heap moves a key at every level of a sift, so it
/// holds only what ordering needs; the event and the slot's generation stay put in the slot
/// table and are read once, at the pop. Events are plain values (typically a small enum), so
/// scheduling allocates nothing once the storage has grown to its working size.
///
/// Storage: the keys, the slots and the free-slot stack live in one allocation reached through
/// pointers kept in this struct (as in the contact center's `RoomArray`), so the hot path pays
/// one uniqueness check per call (copy-on-write keeps value semantics) instead of one per array
/// written, and no exclusivity check on a class property.
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
/// Limits: at most 2^28 (268 million) events pending in the heap at once. The sequence has 28
/// bits; when it runs out (every 268 million events scheduled) the pending keys are renumbered
/// in their order, which keeps every comparison's outcome, so the order of events is unchanged.
/// A time of −0 is scheduled as +0 (the same instant; the clock then reads +0).
///
/// Complexity: `schedule` and `popNext` are O(log n + lanes); `cancel` is O(1); a batch
/// into the feed O(k), or O(k log k) when it is not already in order. The pop
/// sifts bottom-up (Floyd): the hole goes down to a leaf along the smallest children, then the
/// last key climbs back, which saves comparisons because that key almost always belongs near
/// the bottom.
public struct PendingEvents<Event> {
    /// `(time, priority, sequence, slot)` in one unsigned integer, compared with `<`.
    @usableFromInline typealias Key = UInt128

    /// A scheduled event's place: the event (nil once it fired or was discarded, so
    /// nothing it references is kept), its generation and whether it was cancelled.
    @usableFromInline
    struct Slot {
        @usableFromInline var event: Event?
        /// Bumped when the event fires or is cancelled, so older handles no longer match.
        @usableFromInline var generation: UInt32
        @usableFromInline var cancelled: Bool

        @inlinable
        init() {
            event = nil
            generation = 0
            cancelled = false
        }
    }

    /// An event waiting in the feed with its key (one array, so a batch costs one append an event).
    @usableFromInline
    struct FeedEntry {
        @usableFromInline var key: Key
        @usableFromInline var event: Event

        @inlinable
        init(key: Key, event: Event) {
            self.key = key
            self.event = event
        }
    }

    /// A lane's pending event (at most one), ordered like the heap's keys.
    @usableFromInline
    struct Lane {
        @usableFromInline var key: Key
        @usableFromInline var event: Event?

        @inlinable
        init() {
            key = PendingEvents.emptyKey
            event = nil
        }

        @inlinable
        init(key: Key, event: Event) {
            self.key = key
            self.event = event
        }
    }

    /// Owns the memory of the keys, the slots and the free-slot stack (`capacity` of each:
    /// every key names a distinct slot, and every free slot is one), and of the lanes. Never
    /// written after it is made, except through the pointers the struct keeps; replaced when
    /// full or shared.
    @usableFromInline
    final class Storage {
        @usableFromInline let capacity: Int
        @usableFromInline let laneCapacity: Int
        @usableFromInline let keys: UnsafeMutablePointer<Key>
        @usableFromInline let slots: UnsafeMutablePointer<Slot>
        @usableFromInline let freeSlots: UnsafeMutablePointer<UInt32>
        @usableFromInline let lanes: UnsafeMutablePointer<Lane>

        @usableFromInline
        init(capacity: Int, laneCapacity: Int) {
            self.capacity = capacity
            self.laneCapacity = laneCapacity
            keys = .allocate(capacity: capacity)
            slots = .allocate(capacity: capacity)
            slots.initialize(repeating: Slot(), count: capacity)
            freeSlots = .allocate(capacity: capacity)
            lanes = .allocate(capacity: laneCapacity)
            lanes.initialize(repeating: Lane(), count: laneCapacity)
        }

        deinit {
            keys.deallocate()
            slots.deinitialize(count: capacity)
            slots.deallocate()
            freeSlots.deallocate()
            lanes.deinitialize(count: laneCapacity)
            lanes.deallocate()
        }
    }

    // Bit layout of a key's low word: priority (8) | sequence (28) | slot (28).
    @inlinable static var slotBits: UInt64 { 28 }
    @inlinable static var sequenceLimit: UInt64 { 1 << 28 }
    @inlinable static var slotMask: UInt64 { (1 << 28) - 1 }
    /// A key after every real one (an empty lane, nothing pending): no time maps to all ones.
    @inlinable static var emptyKey: Key { .max }

    @usableFromInline var storage: Storage
    @usableFromInline var keys: UnsafeMutablePointer<Key>
    @usableFromInline var slots: UnsafeMutablePointer<Slot>
    @usableFromInline var freeSlots: UnsafeMutablePointer<UInt32>
    /// The lanes, `0..<laneCount` in use (an empty lane holds no event and the empty key).
    @usableFromInline var lanes: UnsafeMutablePointer<Lane>
    /// Keys on the heap; slots ever used (`0..<slotCount` are initialised for use); free slots.
    @usableFromInline var heapCount = 0
    @usableFromInline var slotCount = 0
    @usableFromInline var freeCount = 0
    @usableFromInline var laneCount = 0
    /// The occupied lane whose event comes first, or -1 when every lane is empty.
    @usableFromInline var earliestLane = -1
    /// That lane's key, kept here so that each pop compares with it without reading the lanes.
    @usableFromInline var earliestLaneKey: Key = PendingEvents.emptyKey
    /// The feed's events with their keys, sorted by key from `feedFront` on (those before it have fired).
    @usableFromInline var feed: [FeedEntry] = []
    @usableFromInline var feedFront = 0
    /// The feed's front key (the empty key when the feed is empty), kept here so that each pop
    /// compares with it without reading the feed.
    @usableFromInline var feedKey: Key = PendingEvents.emptyKey
    @usableFromInline var nextSequence: UInt64 = 0
    @usableFromInline var liveCount = 0

    public init() {
        storage = Storage(capacity: 64, laneCapacity: 4)
        keys = storage.keys
        slots = storage.slots
        freeSlots = storage.freeSlots
        lanes = storage.lanes
    }

    /// Number of scheduled events that have neither fired nor been cancelled.
    @inlinable
    public var count: Int { liveCount }

    @inlinable
    public var isEmpty: Bool { liveCount == 0 }

    // MARK: Keys

    /// The time's bits as an unsigned integer in the same order as the times (negative times
    /// flipped whole, the others with the sign bit set); −0 is taken as +0.
    @inlinable @inline(__always)
    static func timeBits(_ time: Double) -> UInt64 {
        let bits = (time + 0.0).bitPattern
        return bits ^ (UInt64(bitPattern: Int64(bitPattern: bits) >> 63) | (1 << 63))
    }

    @inlinable @inline(__always)
    static func time(of key: Key) -> Double {
        let bits = UInt64(truncatingIfNeeded: key >> 64)
        return Double(bitPattern: bits & (1 << 63) != 0 ? bits ^ (1 << 63) : ~bits)
    }

    @inlinable @inline(__always)
    static func slot(of key: Key) -> Int { Int(UInt64(truncatingIfNeeded: key) & slotMask) }

    /// The key of an event at `time` with `priority`, numbered `sequence`, in `slot` (0 off the heap).
    @inlinable @inline(__always)
    static func key(_ time: Double, _ priority: EventPriority, sequence: UInt64, slot: UInt64) -> Key {
        Key(timeBits(time)) << 64 | Key(UInt64(priority.rawValue) << 56 | sequence << slotBits | slot)
    }

    /// The next key at `time` with `priority`, for `slot` (0 off the heap).
    @inlinable @inline(__always)
    mutating func makeKey(_ time: Double, _ priority: EventPriority, slot: UInt64) -> Key {
        precondition(!time.isNaN, "event time is NaN")
        if nextSequence == Self.sequenceLimit { renumber() }
        defer { nextSequence &+= 1 }
        return Self.key(time, priority, sequence: nextSequence, slot: slot)
    }

    // MARK: Scheduling

    /// Adds an event at `time`. Ties at equal time and priority fire in the order scheduled.
    @inlinable
    @discardableResult
    public mutating func schedule(_ event: Event, at time: Double, priority: EventPriority = .normal) -> EventHandle {
        makeUnique()
        let slot: Int
        if freeCount > 0 {
            freeCount -= 1
            slot = Int(freeSlots[freeCount])
        } else {
            if slotCount == storage.capacity { grow() }
            slot = slotCount
            slotCount += 1
        }
        let key = makeKey(time, priority, slot: UInt64(slot))
        slots[slot].event = event
        slots[slot].cancelled = false
        liveCount += 1
        Self.siftUp(key, from: heapCount, in: keys)
        heapCount += 1
        return EventHandle(slot: UInt32(slot), generation: slots[slot].generation)
    }

    /// Adds an event to `lane`, off the heap; it cannot be cancelled. Lanes are numbered from 0
    /// (a handful: each pop compares with the earliest).
    /// - Precondition: the lane holds no pending event.
    @inlinable
    public mutating func schedule(_ event: Event, at time: Double, lane: Int, priority: EventPriority = .normal) {
        precondition(lane >= 0, "lane \(lane) is negative")
        makeUnique()
        if lane >= laneCount {
            if lane >= storage.laneCapacity { replaceStorage(capacity: storage.capacity, laneCapacity: 2 * lane + 2) }
            laneCount = lane + 1
        }
        precondition(lanes[lane].event == nil, "lane \(lane) already holds a pending event")
        let key = makeKey(time, priority, slot: 0)
        liveCount += 1
        lanes[lane] = Lane(key: key, event: event)
        if key < earliestLaneKey {
            earliestLane = lane
            earliestLaneKey = key
        }
    }

    /// Adds a batch of events to the feed, off the heap: each gets the key it would get if
    /// scheduled one by one in this order, so the order of events is unchanged. O(k) when the
    /// batch is in time order and after the feed's pending events (a day's rota, sorted);
    /// otherwise the feed is sorted again. They cannot be cancelled. Every time must be at or
    /// after `earliest` (the scheduler's clock).
    @inlinable
    public mutating func scheduleInOrder<Batch: Collection>(_ batch: Batch, notBefore earliest: Double = -.infinity)
        where Batch.Element == (event: Event, time: Double, priority: EventPriority) {
        if feedFront > 0 {
            feed.removeFirst(feedFront)
            feedFront = 0
        }
        let before = feed.count
        let k = batch.count
        // Renumbered before the batch rather than inside it (the same order of events either way),
        // so the loop below numbers its keys without a check each.
        if nextSequence + UInt64(k) > Self.sequenceLimit { renumber() }
        precondition(nextSequence + UInt64(k) <= Self.sequenceLimit, "more than \(Self.sequenceLimit) events pending at once")
        feed.reserveCapacity(before + k)
        // The batch is in order if each key follows the one before, starting from the feed's last
        // (0 when the feed is empty: no real key is 0, as no time's bits map to 0).
        var last: Key = feed.last?.key ?? 0
        var outOfOrder = false
        var sequence = nextSequence
        for item in batch {
            precondition(item.time >= earliest, item.time.isNaN ? "event time is NaN" : "cannot schedule an event in the past")
            let key = Self.key(item.time, item.priority, sequence: sequence, slot: 0)
            sequence &+= 1
            outOfOrder = outOfOrder || key < last
            last = key
            feed.append(FeedEntry(key: key, event: item.event))
        }
        nextSequence = sequence
        liveCount += k
        // Keys are unique, so the order is total and the same for any sort.
        if outOfOrder { feed.sort { $0.key < $1.key } }
        feedKey = feed.first?.key ?? Self.emptyKey
    }

    /// Cancels a scheduled event. Returns `false` when it already fired or was cancelled.
    @inlinable
    @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        let slot = Int(handle.slot)
        guard slot < slotCount, slots[slot].generation == handle.generation else { return false }
        makeUnique()
        slots[slot].generation &+= 1
        slots[slot].cancelled = true
        liveCount -= 1
        return true
    }

    // MARK: Popping

    /// Where the next event comes from: 0 the heap, 1 the earliest lane, 2 the feed (-1: nothing
    /// pending), and its key. The heap's top may be a cancelled event. An empty lane set or feed
    /// holds the empty key, after every real one, so the three are compared without a test each.
    @inlinable @inline(__always)
    func nextSource() -> (source: Int, key: Key) {
        var source = heapCount > 0 ? 0 : -1
        var best = heapCount > 0 ? keys[0] : Self.emptyKey
        if earliestLaneKey < best {
            source = 1
            best = earliestLaneKey
        }
        if feedKey < best {
            source = 2
            best = feedKey
        }
        return (source, best)
    }

    /// The time of the earliest live event, discarding cancelled entries on the way.
    @inlinable
    public mutating func nextTime() -> Double? {
        makeUnique()
        while heapCount > 0, slots[Self.slot(of: keys[0])].cancelled { slots[removeTop()].event = nil }
        let next = nextSource()
        return next.source < 0 ? nil : Self.time(of: next.key)
    }

    /// Removes and returns the earliest live event, if its time is not after `limit`.
    @inlinable
    public mutating func popNext(notAfter limit: Double = .infinity) -> (time: Double, event: Event)? {
        makeUnique()
        while true {
            let next = nextSource()
            guard next.source >= 0 else { return nil }
            let time = Self.time(of: next.key)
            // A cancelled top later than `limit` stays until a later call discards it.
            guard time <= limit else { return nil }
            if next.source == 1 { return popLane() }
            if next.source == 2 { return popFeed() }
            let slot = removeTop()
            // The cancelled flag sits next to the event: read together, one cache line.
            if slots[slot].cancelled {
                slots[slot].event = nil
                continue
            }
            slots[slot].generation &+= 1
            let event = slots[slot].event.unsafelyUnwrapped
            slots[slot].event = nil
            liveCount -= 1
            return (time, event)
        }
    }

    /// Removes and returns the earliest lane's event (which precedes the heap's top).
    @inlinable @inline(__always)
    mutating func popLane() -> (time: Double, event: Event) {
        let lane = earliestLane
        let time = Self.time(of: earliestLaneKey)
        let event = lanes[lane].event.unsafelyUnwrapped
        lanes[lane] = Lane()
        liveCount &-= 1
        earliestLane = -1
        earliestLaneKey = Self.emptyKey
        // An empty lane holds the empty key, after every real one. One lane (one channel): it was the earliest.
        if laneCount > 1 {
            for l in 0..<laneCount where lanes[l].key < earliestLaneKey {
                earliestLane = l
                earliestLaneKey = lanes[l].key
            }
        }
        return (time, event)
    }

    /// Removes and returns the feed's front event (which comes before the heap's top and the lanes').
    @inlinable
    mutating func popFeed() -> (time: Double, event: Event) {
        let next = (Self.time(of: feedKey), feed[feedFront].event)
        feedFront += 1
        if feedFront == feed.count {
            feed.removeAll(keepingCapacity: true)
            feedFront = 0
            feedKey = Self.emptyKey
        } else {
            feedKey = feed[feedFront].key
        }
        liveCount -= 1
        return next
    }

    /// Takes the top key off the heap and returns its slot, which goes back to the free stack
    /// (its event is the caller's to take, or to clear when it was cancelled).
    @inlinable @inline(__always)
    mutating func removeTop() -> Int {
        let slot = Self.slot(of: keys[0])
        heapCount -= 1
        if heapCount > 0 { Self.siftDownFromTop(keys[heapCount], count: heapCount, in: keys) }
        freeSlots[freeCount] = UInt32(slot)
        freeCount += 1
        return slot
    }

    // MARK: The heap

    /// Puts `moving` into the hole at `index` (one past the heap's keys, or the hole a pop left),
    /// shifting parents down into the hole while `moving` precedes them.
    @inlinable @inline(__always)
    static func siftUp(_ moving: Key, from index: Int, in keys: UnsafeMutablePointer<Key>) {
        var child = index
        while child > 0 {
            let parent = (child &- 1) >> 2
            let above = keys[parent]
            guard moving < above else { break }
            keys[child] = above
            child = parent
        }
        keys[child] = moving
    }

    /// Fills the hole left at the top of `count` keys by the popped key with `moving` (the former
    /// last key): the hole goes down to a leaf along the smallest children, then `moving` climbs
    /// to its place. The smallest of four children is found by index arithmetic on the
    /// comparisons' bits, so the compiler emits no branch on the keys (they are unpredictable).
    @inlinable
    static func siftDownFromTop(_ moving: Key, count: Int, in keys: UnsafeMutablePointer<Key>) {
        @inline(__always) func bit(_ b: Bool) -> Int { Int(unsafeBitCast(b, to: UInt8.self)) }
        var hole = 0
        while true {
            let first = 4 &* hole &+ 1
            if first &+ 3 < count {
                let a = bit(keys[first &+ 1] < keys[first])
                let b = 2 &+ bit(keys[first &+ 3] < keys[first &+ 2])
                let c = bit(keys[first &+ b] < keys[first &+ a])
                let smallest = first &+ a &+ (b &- a) &* c
                keys[hole] = keys[smallest]
                hole = smallest
            } else {
                guard first < count else { break }
                var smallest = first
                var i = first &+ 1
                while i < count {
                    if keys[i] < keys[smallest] { smallest = i }
                    i &+= 1
                }
                keys[hole] = keys[smallest]
                hole = smallest
            }
        }
        siftUp(moving, from: hole, in: keys)
    }

    // MARK: Storage

    /// Copies the storage when it is shared (a copied `PendingEvents`), so copies stay independent.
    @inlinable @inline(__always)
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { replaceStorage(capacity: storage.capacity) }
    }

    /// Doubles the storage (amortised O(1) per slot).
    @usableFromInline
    mutating func grow() {
        replaceStorage(capacity: 2 * storage.capacity)
    }

    /// Moves (or, when shared, copies) the keys, slots, free stack and lanes into a new storage.
    @usableFromInline
    mutating func replaceStorage(capacity: Int, laneCapacity: Int? = nil) {
        precondition(capacity <= Int(Self.slotMask) + 1, "more than \(Self.slotMask + 1) events pending at once")
        let bigger = Storage(capacity: capacity, laneCapacity: laneCapacity ?? storage.laneCapacity)
        bigger.keys.initialize(from: keys, count: heapCount)
        for s in 0..<slotCount { bigger.slots[s] = slots[s] }
        bigger.freeSlots.initialize(from: freeSlots, count: freeCount)
        for l in 0..<laneCount { bigger.lanes[l] = lanes[l] }
        storage = bigger
        keys = bigger.keys
        slots = bigger.slots
        freeSlots = bigger.freeSlots
        lanes = bigger.lanes
    }

    /// The sequence ran out: every pending key gets a new sequence number, numbered 0, 1, ... in
    /// the order of the old ones. Every comparison between pending keys keeps its outcome, so the
    /// heap stays a heap, the feed stays sorted and the order of events is unchanged.
    @usableFromInline
    mutating func renumber() {
        makeUnique()
        let sequenceMask = (Self.sequenceLimit - 1) << Self.slotBits
        func sequence(_ key: Key) -> UInt64 { (UInt64(truncatingIfNeeded: key) & sequenceMask) >> Self.slotBits }
        var old: [UInt64] = []
        for i in 0..<heapCount { old.append(sequence(keys[i])) }
        for l in 0..<laneCount where lanes[l].event != nil { old.append(sequence(lanes[l].key)) }
        for i in feedFront..<feed.count { old.append(sequence(feed[i].key)) }
        old.sort()
        func renumbered(_ key: Key) -> Key {
            // Sequence numbers are unique: the old one's rank is its new number.
            let s = sequence(key)
            var lo = 0, hi = old.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if old[mid] < s { lo = mid + 1 } else { hi = mid }
            }
            return key & ~Key(sequenceMask) | Key(UInt64(lo) << Self.slotBits)
        }
        for i in 0..<heapCount { keys[i] = renumbered(keys[i]) }
        for l in 0..<laneCount where lanes[l].event != nil { lanes[l].key = renumbered(lanes[l].key) }
        if earliestLane >= 0 { earliestLaneKey = lanes[earliestLane].key }
        for i in feedFront..<feed.count { feed[i].key = renumbered(feed[i].key) }
        feedKey = feedFront < feed.count ? feed[feedFront].key : Self.emptyKey
        nextSequence = UInt64(old.count)
        precondition(nextSequence < Self.sequenceLimit, "more than \(Self.sequenceLimit) events pending at once")
    }

    /// Moves the sequence on to `sequence`, as if that many events had been scheduled: lets
    /// tests reach the renumbering without scheduling 268 million events.
    package mutating func skipSequence(to sequence: UInt64) {
        precondition(sequence >= nextSequence && sequence <= Self.sequenceLimit, "sequence \(sequence) out of range")
        nextSequence = sequence
    }
}
