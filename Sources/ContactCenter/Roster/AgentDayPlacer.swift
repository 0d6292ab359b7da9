import Scenarios
import Stochastics

/// Places one agent-day's breaks and aux (shrinkage) blocks inside a shift.
///
/// Breaks: start drawn uniformly in [earliest, latest] after the shift start
/// (one uniform each, even for a fixed window), then clamped so that each
/// starts after the previous one ends and the rest still fit before the
/// shift ends. Breaks never overlap and stay inside the shift.
///
/// Aux blocks: the day's aux time S is cut into k equal blocks of S/k ≤
/// ``Roster/auxBlockLength`` (k = ⌈S/15 min⌉, raised if the gaps between
/// breaks are too fragmented to hold them), so the total is exact. Each
/// block picks a gap between breaks (chance ∝ blocks the gap can still
/// hold, one uniform); within a gap holding m blocks, the slack is spread by
/// m sorted uniforms (uniform spacings), so blocks never overlap each other
/// or a break. Draws per agent-day depend only on the shift and the break
/// positions, never on absenteeism.
///
/// Keeps its scratch buffers between agents: one placer per roster day.
struct AgentDayPlacer {
    private(set) var breakStarts: [Double] = []
    /// Aux blocks as (start, end), sorted by start.
    private(set) var auxBlocks: [(start: Double, end: Double)] = []
    private var gaps: [(start: Double, end: Double)] = []
    private var capacity: [Int] = []
    private var room: [Int] = []
    private var offsets: [Double] = []

    /// Cap on the number of aux blocks one agent-day is cut into.
    static let maxBlocks = 1 << 16

    mutating func place(_ plan: ShiftPlan, shiftStart: Double, stream: RandomStream) {
        let shiftEnd = shiftStart + plan.length
        breakStarts.removeAll(keepingCapacity: true)
        auxBlocks.removeAll(keepingCapacity: true)
        gaps.removeAll(keepingCapacity: true)

        var previousEnd = shiftStart
        for (k, brk) in plan.breaks.enumerated() {
            let drawn = shiftStart + brk.earliest + (brk.latest - brk.earliest) * stream.uniform()
            let start = min(max(drawn, previousEnd), shiftEnd - plan.suffixBreakTime[k])
            breakStarts.append(start)
            if start > previousEnd { gaps.append((previousEnd, start)) }
            previousEnd = max(previousEnd, start + brk.length)
        }
        if shiftEnd > previousEnd { gaps.append((previousEnd, shiftEnd)) }

        guard plan.auxSeconds > 0 else { return }
        placeAux(total: plan.auxSeconds, stream: stream)
    }

    /// Places a rostered shift's aux blocks (its team's `shrinkage`) in the gaps between the
    /// activities the roster lists, which stay where they are: the same cutting and draws as a
    /// template shift's aux blocks between its breaks. Leaves ``breakStarts`` empty.
    mutating func placeAux(shiftStart: Double, length: Double, activities: [RosterActivity], total: Double, stream: RandomStream) {
        breakStarts.removeAll(keepingCapacity: true)
        auxBlocks.removeAll(keepingCapacity: true)
        gaps.removeAll(keepingCapacity: true)
        var previousEnd = shiftStart
        for activity in activities {
            let start = shiftStart + activity.offset
            if start > previousEnd { gaps.append((previousEnd, start)) }
            previousEnd = max(previousEnd, start + activity.length)
        }
        let shiftEnd = shiftStart + length
        if shiftEnd > previousEnd { gaps.append((previousEnd, shiftEnd)) }
        guard total > 0 else { return }
        placeAux(total: total, stream: stream)
    }

    private mutating func placeAux(total: Double, stream: RandomStream) {
        var k = max(1, Int(clampedFrom: total / Roster.auxBlockLength, rounding: .up))
        var block = total / Double(k)
        var fits = 0
        while true {
            capacity.removeAll(keepingCapacity: true)
            fits = 0
            for gap in gaps {
                // Capped: more than maxBlocks per gap is never needed, and a tiny block
                // (a shrinkage of 1e-9) would otherwise overflow the sum.
                let c = min(Int(clampedFrom: (gap.end - gap.start) / block, rounding: .down), Self.maxBlocks)
                capacity.append(c)
                fits += c
            }
            if fits >= k { break }
            k += 1
            precondition(k <= Self.maxBlocks, "cannot fit \(total) s of aux time between the breaks")
            block = total / Double(k)
        }

        // Share the blocks among the gaps, each by one uniform (a gap's chance is the room it has
        // left): `room[j]` counts down from the gap's capacity, so it holds capacity − blocks placed.
        room.removeAll(keepingCapacity: true)
        room.append(contentsOf: capacity)
        var remaining = fits
        for _ in 0..<k {
            var pick = min(Int(stream.uniform() * Double(remaining)), remaining - 1)
            var j = 0
            while pick >= room[j] {
                pick -= room[j]
                j += 1
            }
            room[j] -= 1
            remaining -= 1
        }

        // Within each gap, sorted uniform offsets spread the slack (a handful each: insertion sort
        // as they are drawn, the same order as sorting them after).
        for (j, gap) in gaps.enumerated() where room[j] < capacity[j] {
            let m = capacity[j] - room[j]
            let slack = max(0, (gap.end - gap.start) - Double(m) * block)
            offsets.removeAll(keepingCapacity: true)
            for _ in 0..<m {
                let offset = stream.uniform() * slack
                offsets.append(offset)
                var i = offsets.count - 1
                while i > 0 && offsets[i - 1] > offset {
                    offsets[i] = offsets[i - 1]
                    i -= 1
                }
                offsets[i] = offset
            }
            for (i, offset) in offsets.enumerated() {
                let start = gap.start + offset + Double(i) * block
                auxBlocks.append((start, min(start + block, gap.end)))
            }
        }
    }
}
