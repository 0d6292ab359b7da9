import Experiments
import Foundation
import Scenarios

/// The plan as files: `schedule.csv` (one row per chosen shift) and `coverage.csv` (one row per
/// team and interval of the week).
public enum ScheduleFiles {
    public static func scheduleCSV(_ plan: SchedulePlan) -> String {
        var out = "team,start,end,length_h,days,agents,paid_hours_per_agent_week,weekly_cost,breaks\n"
        for team in plan.teams {
            for shift in team.shifts {
                let paid = (shift.length - shift.breaks.filter { !$0.paid }.reduce(0) { $0 + $1.length }) / 3600 * Double(shift.days.count)
                let cost = paid * Double(shift.agents) * team.hourlyCost
                out += [team.name, ClockTime.describe(shift.start), ClockTime.describe(shift.start + shift.length),
                        number(shift.length / 3600), quoted(ScheduledScenario.days(shift.days)), String(shift.agents),
                        number(paid), number(cost), quoted(shift.breaks.map { ScheduledScenario.flow($0) }.joined(separator: " "))]
                    .joined(separator: ",") + "\n"
            }
        }
        return out
    }

    public static func coverageCSV(_ plan: SchedulePlan) -> String {
        var out = "team,weekday,start,required,on_duty,short\n"
        let requirement = plan.requirement
        for team in plan.teams {
            for slot in 0..<requirement.slots {
                let (weekday, start) = requirement.time(of: slot)
                out += "\(team.name),\(weekday.label),\(ClockTime.describe(start)),\(number(team.required[slot])),\(number(team.covered[slot])),\(number(team.short(slot)))\n"
            }
        }
        return out
    }

    /// Up to 4 decimals, no trailing zeros.
    static func number(_ x: Double) -> String {
        let rounded = (x * 10_000).rounded() / 10_000
        return Quantity.describe(number: rounded == 0 ? 0 : rounded)
    }

    static func quoted(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
