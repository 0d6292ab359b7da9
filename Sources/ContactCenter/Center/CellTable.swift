/// A result's per-interval cells (interval × channel × tier): an array with value semantics
/// that takes over the statistics' counters when a run ends instead of copying them.
///
/// Why not `[Element]`: a long run's cells are large (26 weeks of half hours, nine cells each:
/// 16 MB), and copying them into a fresh array costs a page fault every 4 KB, about 3% of such
/// a run. Reads are an array's; the first write to a shared table copies it (copy-on-write),
/// so results can be copied and edited like any value.
public struct CellTable<Element>: RandomAccessCollection, MutableCollection {
    private var storage: RoomStorage<Element>
    public let count: Int

    public init(repeating value: Element, count: Int) {
        precondition(count >= 0, "a table of \(count) cells")
        storage = RoomStorage(repeating: value, count: count)
        self.count = count
    }

    public init(_ elements: some Collection<Element>) {
        storage = RoomStorage(elements)
        count = storage.count
    }

    /// The first `count` elements of `room`, which is left empty: no copy, no second touch.
    package init(adopting room: inout RoomArray<Element>, count: Int) {
        storage = room.takeStorage()
        precondition(count <= storage.count, "adopting \(count) of \(storage.count) cells")
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(i: Int) -> Element {
        _read {
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "index \(i) out of range 0..<\(count)")
            yield storage.base[i]
        }
        _modify {
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "index \(i) out of range 0..<\(count)")
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(first: count) }
            yield &storage.base[i]
        }
    }
}

extension CellTable: Equatable where Element: Equatable {
    public static func == (a: Self, b: Self) -> Bool { a.elementsEqual(b) }
}

extension CellTable: Hashable where Element: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for element in self { hasher.combine(element) }
    }
}

/// Shared storage is never written (the first write copies it), as with `Array`.
extension CellTable: @unchecked Sendable where Element: Sendable {}

extension CellTable: CustomStringConvertible {
    public var description: String { Array(self).description }
}
