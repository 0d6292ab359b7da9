/// A growable first-in, first-out ring of values.
///
/// The queue of waiting contacts lives here: appending and removing at the
/// ends is O(1) amortised, and the storage is reused, so a long run keeps a
/// steady footprint sized by the longest queue it met. Package-wide: the single-queue oracle of
/// the tests and the benchmark (Tests/Support/SingleQueueOracle) queues its callers in it too,
/// inlinable (and always inlined) so that the oracle's queue can be specialised there as it is
/// here. (A release build still shows the oracle calling the generic `append` and `popFirst`; see
/// issue 15's closing note.)
package struct RingBuffer<Element> {
    @usableFromInline var storage: [Element?]
    @usableFromInline var head = 0
    @usableFromInline var count = 0

    @inlinable @inline(__always) package init(capacity: Int = 16) {
        var size = 1
        while size < capacity { size <<= 1 }
        storage = Array(repeating: nil, count: size)
    }

    var isEmpty: Bool { count == 0 }

    var first: Element? { count > 0 ? storage[head] : nil }

    /// The element `offset` places behind the front (0 = the front).
    /// - Precondition: 0 ≤ offset < count.
    func element(at offset: Int) -> Element {
        precondition(offset >= 0 && offset < count, "offset \(offset) outside 0..<\(count)")
        return storage[(head + offset) & (storage.count - 1)]!
    }

    @inlinable @inline(__always) package mutating func append(_ element: Element) {
        if count == storage.count { grow() }
        storage[(head + count) & (storage.count - 1)] = element
        count += 1
    }

    @inlinable @inline(__always) package mutating func popFirst() -> Element? {
        guard count > 0 else { return nil }
        let element = storage[head]
        storage[head] = nil
        head = (head + 1) & (storage.count - 1)
        count -= 1
        return element
    }

    @usableFromInline
    mutating func grow() {
        var bigger = [Element?](repeating: nil, count: storage.count * 2)
        for i in 0..<count { bigger[i] = storage[(head + i) & (storage.count - 1)] }
        storage = bigger
        head = 0
    }
}
