import Scenarios

/// Turns a team's staffing vector (scheduled agents per week slot) into shifts, by stacking:
/// seat j works slot s iff vector[s] > j; each maximal run of slots of one day becomes a shift
/// on that weekday, and identical (start, length, agents) shifts on several weekdays are merged
/// into one with a set of days.
///
/// Why: the model is run untouched, through its roster, so the team's shrinkage (aux blocks)
/// and absenteeism still apply and the vector counts *scheduled* agents. The shifts have no
/// breaks (a run can be half an hour long) and stop at midnight; real shifts are the
/// scheduler's job, this only has to put exactly vector[s] agents on duty in every slot.
public enum ShiftStacking {
    public static func shifts(for vector: [Int], grid: WeekGrid) -> [Shift] {
        precondition(vector.count == grid.slotCount, "one count per week slot")
        var byRun: [Run: Set<Weekday>] = [:]
        var order: [Run] = []
        for day in Weekday.allCases {
            let slots = (day.rawValue * grid.slotsPerDay)..<((day.rawValue + 1) * grid.slotsPerDay)
            let levels = slots.map { max(0, vector[$0]) }
            let top = levels.max() ?? 0
            var seatsPerRun: [Run: Int] = [:]
            var dayOrder: [Run] = []
            for seat in 0..<top {
                var i = 0
                while i < levels.count {
                    guard levels[i] > seat else { i += 1; continue }
                    var j = i
                    while j < levels.count && levels[j] > seat { j += 1 }
                    let run = Run(start: i, length: j - i, agents: 0)
                    if seatsPerRun[run] == nil { dayOrder.append(run) }
                    seatsPerRun[run, default: 0] += 1
                    i = j
                }
            }
            for run in dayOrder {
                let counted = Run(start: run.start, length: run.length, agents: seatsPerRun[run]!)
                if byRun[counted] == nil { order.append(counted) }
                byRun[counted, default: []].insert(day)
            }
        }
        return order.map { run in
            Shift(start: Double(run.start) * grid.intervalLength, length: Double(run.length) * grid.intervalLength,
                  agents: run.agents, days: byRun[run]!, breaks: [])
        }
    }

    private struct Run: Hashable {
        var start: Int
        var length: Int
        var agents: Int
    }
}
