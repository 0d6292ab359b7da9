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
        var out = transitions
        transitions = []
        out.removeAll(keepingCapacity: true)
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
    static func bucketSort(_ input: [AgentTransition], into out: inout [AgentTransition], bucketEnds ends: inout [Int]) {
        let n = input.count
        out.append(contentsOf: input)
        guard n > 1 else { return }
        var lo = input[0].time, hi = lo
        for t in input {
            lo = min(lo, t.time)
            hi = max(hi, t.time)
        }
        let scale = Double(n) / (hi - lo)
        guard hi > lo, scale.isFinite else {
            out.sort(by: precedes)
            return
        }
        @inline(__always) func bucket(_ time: Double) -> Int { min(n - 1, Int((time - lo) * scale)) }
        ends.removeAll(keepingCapacity: true)
        ends.append(contentsOf: repeatElement(0, count: n + 1))
        // Unsafe buffers: every index below is a bucket of 0..<n or a position of 0..<n by
        // construction, and the passes are the rota's largest per-transition cost.
        input.withUnsafeBufferPointer { input in
            ends.withUnsafeMutableBufferPointer { ends in
                out.withUnsafeMutableBufferPointer { out in
                    for t in input { ends[bucket(t.time) + 1] += 1 }
                    for b in 0..<n { ends[b + 1] += ends[b] }
                    // ends[b] is where bucket b starts; each placement moves it on, so it ends where b ends.
                    for t in input {
                        let b = bucket(t.time)
                        out[ends[b]] = t
                        ends[b] += 1
                    }
                    var begin = 0
                    for b in 0..<n {
                        let end = ends[b]
                        defer { begin = end }
                        guard end - begin > 1 else { continue }
                        // A shift's seats starting or ending together arrive in order: one pass says so.
                        var sorted = true
                        for i in (begin + 1)..<end where !precedes(out[i - 1], out[i]) {
                            sorted = false
                            break
                        }
                        if sorted { continue }
                        if end - begin > 64 {
                            out[begin..<end].sort(by: precedes)
                        } else {
                            for i in (begin + 1)..<end {
                                let moving = out[i]
                                var j = i
                                while j > begin && precedes(moving, out[j - 1]) {
                                    out[j] = out[j - 1]
                                    j -= 1
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
