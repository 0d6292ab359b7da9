/// The memory behind a ``RoomArray`` and a ``CellTable``: one fixed block whose first `count`
/// elements are initialized.
///
/// Why a class of its own: the statistics count into it in place during a run, and the result
/// then adopts the same block as its cells, so a 26-week run's per-interval cells (16 MB) are
/// neither copied nor touched a second time (every fresh page costs a fault).
package final class RoomStorage<Element> {
    package let base: UnsafeMutablePointer<Element>
    package let capacity: Int
    /// Initialized elements (the first `count`), for `deinit`.
    package var count = 0

    package init(capacity: Int) {
        base = .allocate(capacity: Swift.max(capacity, 1))
        self.capacity = capacity
    }

    /// `count` copies of `value`.
    package convenience init(repeating value: Element, count: Int) {
        self.init(capacity: count)
        base.initialize(repeating: value, count: count)
        self.count = count
    }

    /// The elements of `elements`, in order.
    package convenience init(_ elements: some Collection<Element>) {
        self.init(capacity: elements.count)
        for (i, element) in elements.enumerated() { (base + i).initialize(to: element) }
        count = elements.count
    }

    /// A new block holding copies of the first `n` elements.
    package func copy(first n: Int) -> RoomStorage {
        precondition(n <= count, "copying \(n) of \(count) elements")
        let copy = RoomStorage(capacity: n)
        copy.base.initialize(from: base, count: n)
        copy.count = n
        return copy
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
