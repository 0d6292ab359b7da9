import Experiments
import Foundation
import ResultsSchema
import Scenarios

/// The plan as files: `schedule.csv` (one row per chosen shift) and `coverage.csv` (one row per
/// team and interval of the week).
public enum ScheduleFiles {
    /// One row per contract and shift (a shift's agents under one contract), with the team's
    /// solve status and MIP gap on every row of the team (so the file alone says how good it is).
    public static func scheduleCSV(_ plan: SchedulePlan) -> String {
        var out = CSVWriter.row(ScheduleColumn.allCases.map(\.rawValue))
        for team in plan.teams {
            let contracts: [String?] = team.contracts.isEmpty ? [nil] : team.contracts
            let gap = team.solve.gap.map(number) ?? ""
            for contract in contracts {
                let shifts = team.contracts.isEmpty ? team.shifts
                    : ShiftScheduler.merged(team.tours.filter { $0.contract == contract }.flatMap(\.shifts))
                for shift in shifts {
                    let paid = (shift.length - shift.breaks.filter { !$0.paid }.reduce(0) { $0 + $1.length }) / 3600 * Double(shift.days.count)
                    let cost = paid * Double(shift.agents) * team.hourlyCost
                    out += CSVWriter.row([team.name, contract ?? "", ClockTime.describe(shift.start), ClockTime.describe(shift.start + shift.length),
                                          number(shift.length / 3600), ScheduledScenario.days(shift.days), String(shift.agents),
                                          number(paid), number(cost), shift.breaks.map { ScheduledScenario.flow($0) }.joined(separator: " "),
                                          team.solve.status.rawValue, gap])
                }
            }
        }
        return out
    }

    public static func coverageCSV(_ plan: SchedulePlan) -> String {
        var out = CSVWriter.row(CoverageColumn.allCases.map(\.rawValue))
        let requirement = plan.requirement
        for team in plan.teams {
            for slot in 0..<requirement.slots {
                let (weekday, start) = requirement.time(of: slot)
                out += CSVWriter.row([team.name, weekday.label, ClockTime.describe(start), number(team.required[slot]),
                                      number(team.covered[slot]), number(team.short(slot))])
            }
        }
        return out
    }

    /// Up to 4 decimals, no trailing zeros.
    static func number(_ x: Double) -> String {
        let rounded = (x * 10_000).rounded() / 10_000
        return Quantity.describe(number: rounded == 0 ? 0 : rounded)
    }
}
