/// Storage that a room owns and updates in place: the per-agent records, the contact table and
/// the per-cell, per-team and per-channel counters written on every event.
///
/// Why not an array: each write to an array held in a struct first asks the runtime whether
/// its buffer is shared (copy-on-write), a call per write that cost about a twentieth of a
/// run. A room's storage is never shared: the model owns its rooms and is moved into the
/// simulation, never copied. So this storage is a reference and its element writes are
/// `nonmutating`; copying a room shares it, which no code does (take ``array`` for a copy).
/// Indices are bounds-checked as in an array; it grows only by ``append(_:)``.
package struct RoomArray<Element>: RandomAccessCollection {
    /// Owns the memory; the struct keeps the pointer too, so an access is one load, not two.
    private var storage: RoomStorage<Element>
    private var base: UnsafeMutablePointer<Element>
    package private(set) var count: Int

    package init() {
        storage = RoomStorage(capacity: 0)
        base = storage.base
        count = 0
    }

    package init(repeating value: Element, count: Int) {
        storage = RoomStorage(repeating: value, count: count)
        base = storage.base
        self.count = count
    }

    package init(_ elements: [Element]) {
        storage = RoomStorage(elements)
        base = storage.base
        count = elements.count
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { count }

    /// Reads borrow the element in place (`_read`), so reading a field of a large element (an
    /// arrival generator with its demand's arrays) copies and retains nothing.
    @inline(__always)
    package subscript(i: Int) -> Element {
        _read {
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "index \(i) out of range 0..<\(count)")
            yield base[i]
        }
        nonmutating _modify {
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "index \(i) out of range 0..<\(count)")
            yield &base[i]
        }
        nonmutating set {
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "index \(i) out of range 0..<\(count)")
            base[i] = newValue
        }
    }

    /// Adds an element at the end, doubling the storage when it is full (amortised O(1)).
    package mutating func append(_ element: Element) {
        if count == storage.capacity {
            let bigger = RoomStorage<Element>(capacity: Swift.max(16, 2 * count))
            bigger.base.moveInitialize(from: base, count: count)
            bigger.count = count
            storage.count = 0  // moved out
            storage = bigger
            base = bigger.base
        }
        (base + count).initialize(to: element)
        count += 1
        storage.count = count
    }

    /// A copy of the elements as an array (results, invariant checks).
    package var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Hands the storage over and leaves this array empty: the result adopts the statistics'
    /// cells this way (``CellTable/init(adopting:count:)``), so nothing writes them in place after.
    package mutating func takeStorage() -> RoomStorage<Element> {
        let taken = storage
        self = RoomArray()
        return taken
    }

    /// Overwrites every element with those of `elements` (same count).
    package func assign(_ elements: [Element]) {
        precondition(elements.count == count, "assigning \(elements.count) elements to \(count)")
        for i in 0..<count { base[i] = elements[i] }
    }
}
