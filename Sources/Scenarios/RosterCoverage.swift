/// Agents a published roster puts on the phones, interval by interval: shift time less its
/// activities, as planned (no absenteeism). The planner's "net staffing" beside an Erlang
/// requirement, in `ccsim erlang --roster` and the run's staffing columns.
public enum RosterCoverage {
    /// Mean agents on the phones in each `interval`-second interval of `days` days from day 0
    /// (weekday `startWeekday`), over the agents `counted` accepts. A shift past the last day's
    /// midnight is cut there.
    /// - Precondition: `interval` divides 24 h.
    public static func onPhone(_ roster: TeamRoster, days: Int, startWeekday: Weekday, interval: Double,
                               counted: (RosteredAgent) -> Bool = { _ in true }) -> [Double] {
        let perDay = Int((86_400 / interval).rounded())
        precondition(interval > 0 && Double(perDay) * interval == 86_400, "the interval must divide 24 h, got \(interval) s")
        var bins = [Double](repeating: 0, count: max(0, days) * perDay)
        let end = Double(bins.count) * interval
        func add(_ a: Double, _ b: Double) {
            let from = max(0, a), to = min(end, b)
            guard to > from else { return }
            var i = Int(from / interval)
            while i < bins.count, Double(i) * interval < to {
                let lo = max(from, Double(i) * interval), hi = min(to, Double(i + 1) * interval)
                if hi > lo { bins[i] += (hi - lo) / interval }
                i += 1
            }
        }
        let included = roster.agents.map(counted)
        for shift in roster.shifts where included[shift.agent] {
            let runDays: [Int] = switch shift.days {
            case .runDay(let d): d < days ? [d] : []
            case .weekday(let w): stride(from: (w.rawValue - startWeekday.rawValue + 7) % 7, to: days, by: 7).map { $0 }
            }
            for d in runDays {
                let start = Double(d) * 86_400 + shift.start
                var cursor = start
                for activity in shift.activities {
                    add(cursor, start + activity.offset)
                    cursor = max(cursor, start + activity.offset + activity.length)
                }
                add(cursor, start + shift.length)
            }
        }
        return bins
    }
}
