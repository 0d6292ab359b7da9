import Experiments
import Foundation
import ResultsSchema
import Scenarios

/// The terminal report of `ccsim schedule`: shifts per team, coverage, cost, short intervals,
/// and the service levels the plan achieved in simulation.
public enum ScheduleTable {
    /// Short intervals listed at most; the rest are in coverage.csv.
    public static let maxShortListed = 15

    /// Days the requirement has no rows for but chosen shifts work anyway (a `five_of_seven`
    /// pattern over a weekday-only requirement): those hours are paid for nothing. Nil when no
    /// chosen shift works such a day (every template `weekdays`: nothing is paid for them).
    static func unrequiredDaysNote(_ plan: SchedulePlan) -> String? {
        let given = plan.requirement.weekdaysGiven
        guard !given.isEmpty else { return nil }
        let worked = Set(plan.teams.flatMap { $0.shifts.filter { $0.agents > 0 }.flatMap(\.days) })
        let paidForNothing = Weekday.allCases.filter { !given.contains($0) && worked.contains($0) }
        guard !paidForNothing.isEmpty else { return nil }
        return "note: the requirement has no rows for \(paidForNothing.map(\.label).joined(separator: ", ")), yet chosen shifts work then: those hours are paid with nobody required"
    }

    public static func render(_ plan: SchedulePlan) -> String {
        let interval = plan.requirement.interval
        var out = "Shift plan for a repeating week, \(Quantity.describe(duration: interval)) intervals (costs per week)\n"
        if let note = unrequiredDaysNote(plan) { out += note + "\n" }
        for team in plan.teams {
            let cap = team.maxAgents.map { " (cap \($0))" } ?? ""
            out += "\n\(team.name): \(team.headcount) agents\(cap), \(hours(team.paidHours)) paid hours, cost \(Formatting.money(team.weeklyCost))\n"
            out += "  solved: \(describe(team.solve))\n"
            if !team.contracts.isEmpty {
                out += "  contracts: " + team.contracts.map { name in
                    let tours = team.tours.filter { $0.contract == name }
                    let hours = Set(tours.map { ScheduleFiles.number($0.paidHours) }).sorted()
                    return "\(name) \(team.agents(contract: name))" + (hours.isEmpty ? "" : " (\(hours.joined(separator: "/"))h a week)")
                }.joined(separator: ", ") + "\n"
            }
            out += "  \(team.distinctPatterns) distinct weekly pattern\(team.distinctPatterns == 1 ? "" : "s") (start and days)"
            let rest = team.tours.filter { $0.agents > 0 }.map(\.leastRest).min()
            if let rest, rest.isFinite { out += ", least rest between shifts \(Quantity.describe(duration: rest))" }
            out += "\n"
            var rows = [["start", "end", "length", "days", "agents", "breaks"]]
            for shift in team.shifts {
                rows.append([ClockTime.describe(shift.start), ClockTime.describe(shift.start + shift.length),
                             Quantity.describe(duration: shift.length), ScheduledScenario.days(shift.days),
                             String(shift.agents), breaks(shift.breaks)])
            }
            out += table(rows, indent: 2)
            let shortSlots = team.shortSlots
            out += "  coverage: required \(hours(team.requiredAgentHours(interval: interval))) agent-hours, on duty \(hours(team.coveredAgentHours(interval: interval)))"
            out += shortSlots.isEmpty ? "; every interval covered\n"
                : "; short \(hours(team.shortfallAgentHours)) agent-hours in \(shortSlots.count) interval\(shortSlots.count == 1 ? "" : "s")\n"
        }
        out += "\nTotal: \(plan.headcount) agents, weekly cost \(Formatting.money(plan.weeklyCost))"
        out += plan.shortfallAgentHours > 0 ? ", short \(hours(plan.shortfallAgentHours)) agent-hours\n" : ", every interval covered\n"
        let short = plan.teams.flatMap { team in team.shortSlots.map { (team, $0) } }
        if !short.isEmpty {
            out += "Short intervals (agents required / on duty):\n"
            var rows: [[String]] = []
            for (team, slot) in short.prefix(maxShortListed) {
                rows.append([team.name, slotName(slot, plan.requirement),
                             "\(Formatting.number(rounded(team.required[slot]))) / \(Formatting.number(rounded(team.covered[slot])))",
                             "short \(Formatting.number(rounded(team.short(slot))))"])
            }
            out += table(rows, indent: 2)
            if short.count > maxShortListed { out += "  … and \(short.count - maxShortListed) more (see coverage.csv)\n" }
        }
        return out
    }

    /// Each channel's service level with its confidence interval against the target.
    public static func render(serviceLevels summary: CenterSummary) -> String {
        var rows = [["channel", "service level", "95% CI", "target", "verdict"]]
        for channel in summary.channels {
            let check = channel.serviceLevel
            let mean = check.achieved.mean.map { Formatting.percent($0) } ?? "–"
            let ci = check.achieved.confidenceInterval.map { "[\(Formatting.percent($0.lower)), \(Formatting.percent($0.upper))]" } ?? "–"
            rows.append([channel.name, mean, ci, Formatting.percent(check.limit, digits: 0), verdict(check.verdict)])
        }
        return table(rows, indent: 2)
    }

    static func verdict(_ verdict: TargetCheck.Verdict) -> String {
        switch verdict {
        case .met: "met"
        case .metOnMean: "met on the mean (CI reaches below)"
        case .missedOnMean: "missed on the mean (CI reaches the target)"
        case .missed: "missed"
        case .undefined: "no contacts"
        }
    }

    static func describe(_ report: SolveReport) -> String {
        let how = switch report.status {
        case .optimal: report.gap.map { $0 > 0 ? "optimal within \(Formatting.percent($0, digits: 2)) gap" : "optimal" } ?? "optimal"
        case .timeLimit: "TIME LIMIT reached before optimality was proved: best plan found, MIP gap \(report.gap.map { Formatting.percent($0, digits: 2) } ?? "unknown") (raise --time-limit to search longer)"
        }
        return "\(how) in \(String(format: "%.2f", report.seconds))s (\(report.shiftVariables) shift variables, \(report.rows) rows)"
    }

    /// `mon 10:00–10:30`.
    public static func slotName(_ slot: Int, _ requirement: WeeklyRequirement) -> String {
        let (weekday, start) = requirement.time(of: slot)
        return "\(weekday.label) \(ClockTime.describe(start))–\(ClockTime.describe(start + requirement.interval))"
    }

    static func breaks(_ breaks: [Break]) -> String {
        breaks.isEmpty ? "–" : breaks.map { Quantity.describe(duration: $0.length) + ($0.paid ? "" : " unpaid") }.joined(separator: ", ")
    }

    /// Hours to a tenth, thousands grouped as every other count (`2,713.4`).
    package static func hours(_ value: Double) -> String { ValueText.count((value * 10).rounded() / 10) }
    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// Left-aligned columns separated by two spaces.
    static func table(_ rows: [[String]], indent: Int) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = Array(repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        let pad = String(repeating: " ", count: indent)
        return rows.map { row in
            pad + row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
