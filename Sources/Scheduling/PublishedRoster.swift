import Foundation
import Experiments
import ResultsSchema
import Scenarios

/// The plan as the agents would see it: `roster.csv`, one row per agent and working day, in the
/// roster format a scenario reads back (`teams.<name>.roster`, docs in scenarios/README.md).
///
/// Each chosen tour of `agents` agents becomes that many named agents (`frontline-001`…) working
/// its shift on each of its days (at that day's start), under its contract (without contracts,
/// a label such as `40h_5d`). Break windows become fixed times, staggered across the agents
/// of the shift (agent j of n starts its break at the window's (j + ½)/n, on 5 minutes): what a
/// published roster does so that not everyone leaves the phones at once. Undated scenarios get
/// a `day` column (the weekly pattern); dated ones (`calendar.start`) a `date` per run day.
public enum PublishedRoster {
    /// Columns, in the agreed order.
    public static func header(dated: Bool) -> [String] {
        ["agent", "team", "contract", dated ? "date" : "day", "start", "end", "activities"]
    }

    /// - Parameters:
    ///   - startDate: `calendar.start` when the scenario has one (then `days` run days are listed).
    ///   - days: run days, warm-up included, for a dated roster.
    public static func csv(_ plan: SchedulePlan, startDate: CivilDate?, startWeekday: Weekday, days: Int) -> String {
        var out = CSVWriter.row(header(dated: startDate != nil))
        for team in plan.teams {
            let width = max(3, String(team.headcount).count)
            var number = 0
            // Tours come by earliest start, so agent numbers run from the earliest shift.
            for tour in team.tours {
                let contract = tour.contract ?? "\(ScheduleFiles.number(tour.paidHours))h_\(tour.days.count)d"
                for j in 0..<tour.agents {
                    number += 1
                    let agent = team.name + "-" + String(repeating: "0", count: max(0, width - String(number).count)) + String(number)
                    func fields(_ day: Weekday) -> [String] {
                        let start = tour.starts[day]!
                        let activities = tour.breaks.map { activity($0, shiftStart: start, agents: tour.agents, agent: j) }.joined(separator: "; ")
                        return [ClockTime.describe(dayClock(start)), ClockTime.describe(dayClock(start + tour.length)), activities]
                    }
                    if let startDate {
                        for d in 0..<days where tour.days.contains(startWeekday.advanced(by: d)) {
                            let date = startDate.adding(days: d)?.description ?? ""
                            out += CSVWriter.row([agent, team.name, contract, date] + fields(startWeekday.advanced(by: d)))
                        }
                    } else {
                        for weekday in Weekday.allCases where tour.days.contains(weekday) {
                            out += CSVWriter.row([agent, team.name, contract, weekday.label.lowercased()] + fields(weekday))
                        }
                    }
                }
            }
        }
        return out
    }

    /// `HH:MM-HH:MM break` (or `lunch unpaid`): the break of agent `j` of `agents` at its staggered time.
    static func activity(_ b: Break, shiftStart: Double, agents: Int, agent j: Int) -> String {
        let window = max(0, b.latest - b.earliest)
        let offset = agents > 1 ? window * (Double(j) + 0.5) / Double(agents) : window / 2
        let start = shiftStart + b.earliest + (offset / 300).rounded(.down) * 300
        let kind = b.paid ? "break" : "lunch unpaid"
        return ClockTime.describe(dayClock(start)) + "-" + ClockTime.describe(dayClock(start + b.length)) + " " + kind
    }

    /// Seconds after midnight of a time that may run past it.
    static func dayClock(_ t: Double) -> Double {
        let r = t.truncatingRemainder(dividingBy: 86_400)
        return r < 0 ? r + 86_400 : r
    }
}
