/// One day's rota transitions, sorted, in storage kept from day to day: the model asks the
/// ``Roster`` for each day into the same `RosterDay`, so a day's rota allocates nothing once the
/// buffers have grown.
///
/// Why a bucket sort: a day's transitions (a few thousand on the tiered center) spread over about a
/// day, so bucketing them by time leaves about one per bucket; only a shift's seats starting or
/// ending together share one, and those come in agent order already. The comparison sort it
/// replaces was the largest single cost of the rota (~6% of a 26-week tiered run). The order is
/// the same: (time, agent, kind) is unique per transition, so every correct sort agrees.
package struct RosterDay {
    /// The day's transitions sorted by time, then agent, then ``AgentTransition/Kind`` order.
    package private(set) var transitions: [AgentTransition] = []
    /// The unsorted transitions' storage, handed back for the next day.
    private var unsorted: [AgentTransition] = []
    /// Per bucket: where it starts, then (after the scatter) where it ends.
    private var bucketEnds: [Int] = []
    /// The agent-day placer's scratch buffers.
    var placer = AgentDayPlacer()

    package init() {}

    /// The unsorted buffer, emptied (its storage kept), for the roster to fill.
    mutating func take() -> [AgentTransition] {
        var buffer = unsorted
        unsorted = []
        buffer.removeAll(keepingCapacity: true)
        return buffer
    }

    /// Sorts `input` (a day's transitions, in the roster's order) into ``transitions``.
    package mutating func sort(_ input: [AgentTransition]) {
        // The previous day's array, reused: the sort resizes it and overwrites every element.
        var out = transitions
        transitions = []
        Self.bucketSort(input, into: &out, bucketEnds: &bucketEnds)
        transitions = out
        unsorted = input
    }

    @inline(__always)
    static func precedes(_ a: AgentTransition, _ b: AgentTransition) -> Bool {
        if a.time != b.time { return a.time < b.time }
        if a.agent != b.agent { return a.agent < b.agent }
        return a.kind.rawValue < b.kind.rawValue
    }

    /// A stable counting scatter into n buckets by time (a monotone map, so buckets are in time
    /// order), then each bucket sorted by the full key unless one pass finds it in order already:
    /// insertion sort, or the library sort for a crowded bucket. Any input gives the exact sorted order.
    ///
    /// `out` is resized to n, not filled: the scatter writes every position. Each transition's bucket
    /// is worked out once (kept in `ends`' second half), not once per pass.
    static func bucketSort(_ input: [AgentTransition], into out: inout [AgentTransition], bucketEnds ends: inout [Int]) {
        let n = input.count
        if out.count > n { out.removeLast(out.count - n) } else if out.count < n { out.append(contentsOf: input[out.count...]) }
        guard n > 1 else {
            if n == 1 { out[0] = input[0] }
            return
        }
        var lo = input[0].time, hi = lo
        for t in input {
            lo = min(lo, t.time)
            hi = max(hi, t.time)
        }
        let scale = Double(n) / (hi - lo)
        guard hi > lo, scale.isFinite else {
            out.withUnsafeMutableBufferPointer { out in _ = out.update(fromContentsOf: input) }
            out.sort(by: precedes)
            return
        }
        // ends[0...n]: the buckets' bounds; ends[n + 1 + i]: transition i's bucket.
        let needed = 2 * n + 1
        if ends.count > needed { ends.removeLast(ends.count - needed) } else if ends.count < needed {
            ends.append(contentsOf: repeatElement(0, count: needed - ends.count))
        }
        // Unsafe buffers: every index below is a bucket of 0..<n or a position of 0..<n by
        // construction, and the passes are the rota's largest per-transition cost.
        input.withUnsafeBufferPointer { input in
            ends.withUnsafeMutableBufferPointer { all in
                out.withUnsafeMutableBufferPointer { out in
                    let ends = UnsafeMutableBufferPointer(rebasing: all[0...n])
                    let bucketOf = UnsafeMutableBufferPointer(rebasing: all[(n + 1)...])
                    ends.initialize(repeating: 0)
                    for i in 0..<n {
                        // (time − lo) · scale lies in [0, n] (rounding may reach n): the last bucket holds it.
                        let b = Swift.min(n &- 1, Int((input[i].time - lo) * scale))
                        bucketOf[i] = b
                        ends[b &+ 1] &+= 1
                    }
                    for b in 0..<n { ends[b &+ 1] &+= ends[b] }
                    // ends[b] is where bucket b starts; each placement moves it on, so it ends where b ends.
                    for i in 0..<n {
                        let b = bucketOf[i]
                        out[ends[b]] = input[i]
                        ends[b] &+= 1
                    }
                    var begin = 0
                    for b in 0..<n {
                        let end = ends[b]
                        defer { begin = end }
                        guard end &- begin > 1 else { continue }
                        // A shift's seats starting or ending together arrive in order: one pass says so.
                        var sorted = true
                        for i in (begin + 1)..<end where !precedes(out[i &- 1], out[i]) {
                            sorted = false
                            break
                        }
                        if sorted { continue }
                        if end &- begin > 64 {
                            var crowded = UnsafeMutableBufferPointer(rebasing: out[begin..<end])
                            crowded.sort(by: precedes)
                        } else {
                            for i in (begin + 1)..<end {
                                let moving = out[i]
                                var j = i
                                while j > begin && precedes(moving, out[j &- 1]) {
                                    out[j] = out[j &- 1]
                                    j &-= 1
                                }
                                out[j] = moving
                            }
                        }
                    }
                }
            }
        }
    }
}
