/// A list of lists stored in one array, so the simulation's hot loops walk a
/// list by index without retaining an inner array each time.
struct FlatLists<Element: Sendable>: Sendable {
    private let items: [Element]
    private let starts: [Int]

    init(_ lists: [[Element]]) {
        items = lists.flatMap { $0 }
        var starts = [0]
        for list in lists { starts.append(starts.last! + list.count) }
        self.starts = starts
    }

    /// Positions of list `i`'s elements, for `self[position:]`.
    @inline(__always)
    func range(_ i: Int) -> Range<Int> { starts[i]..<starts[i + 1] }

    @inline(__always)
    subscript(position p: Int) -> Element { items[p] }
}
