/// A growable first-in, first-out ring of plain values, on storage its owner updates in place.
///
/// The queues of waiting contacts and the free-agent lists live here: appending and removing
/// at the ends is O(1) amortised, and the storage is reused, so a long run keeps a steady
/// footprint sized by the longest queue it met.
///
/// Why not an array of optionals: each write to an array held in a room first asks the runtime
/// whether its buffer is shared (copy-on-write), a call per append and per pop, and every read
/// unwraps an optional. Like ``RoomArray``, a ring's storage is never shared: the room that owns
/// it is moved into the simulation, never copied. So the storage is a reference reached through
/// a pointer kept here (one load per access) and elements are plain values (`BitwiseCopyable`:
/// nothing to release when they leave). Copying a ring shares its storage, which no code does
/// except to read. A new ring allocates nothing until its first append, so rings made by
/// repeating one value (`RoomArray(repeating:count:)`) each get storage of their own.
///
/// Package-wide and inlinable: the single-queue oracle of the tests and the benchmark
/// (Tests/Support/SingleQueueOracle) queues its callers in it too, specialised there as here.
package struct RingBuffer<Element: BitwiseCopyable> {
    /// Owns the memory; the struct keeps the pointer too, so an access is one load, not two.
    @usableFromInline
    final class Storage {
        @usableFromInline let base: UnsafeMutablePointer<Element>

        @usableFromInline
        init(capacity: Int) {
            base = .allocate(capacity: capacity)
        }

        deinit { base.deallocate() }
    }

    @usableFromInline var storage: Storage?
    @usableFromInline var base: UnsafeMutablePointer<Element>?
    /// Capacity − 1 (a power of two minus one), or −1 before the first allocation.
    @usableFromInline var mask = -1
    @usableFromInline var head = 0
    @usableFromInline package private(set) var count = 0

    /// An empty ring; `capacity` is the room it makes at its first append.
    @inlinable @inline(__always) package init(capacity: Int = 16) {
        var size = 1
        while size < capacity { size <<= 1 }
        initialCapacity = size
    }

    /// The room made at the first append (a power of two).
    @usableFromInline let initialCapacity: Int

    @inlinable var isEmpty: Bool { count == 0 }

    @inlinable var first: Element? { count > 0 ? base.unsafelyUnwrapped[head] : nil }

    /// The element `offset` places behind the front (0 = the front).
    /// - Precondition: 0 ≤ offset < count.
    @inlinable
    func element(at offset: Int) -> Element {
        precondition(offset >= 0 && offset < count, "offset \(offset) outside 0..<\(count)")
        return base.unsafelyUnwrapped[(head &+ offset) & mask]
    }

    @inlinable @inline(__always) package mutating func append(_ element: Element) {
        if count &- 1 == mask { grow() }
        base.unsafelyUnwrapped[(head &+ count) & mask] = element
        count &+= 1
    }

    @inlinable @inline(__always) package mutating func popFirst() -> Element? {
        guard count > 0 else { return nil }
        let element = base.unsafelyUnwrapped[head]
        head = (head &+ 1) & mask
        count &-= 1
        return element
    }

    /// Doubles the storage (or makes the first), moving the elements to its front in order.
    @usableFromInline
    mutating func grow() {
        let capacity = mask < 0 ? initialCapacity : 2 * (mask + 1)
        let bigger = Storage(capacity: capacity)
        if let base {
            for i in 0..<count { (bigger.base + i).initialize(to: base[(head + i) & mask]) }
        }
        storage = bigger
        base = bigger.base
        mask = capacity - 1
        head = 0
    }
}
