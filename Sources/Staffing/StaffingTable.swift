import Experiments
import Foundation
import ResultsSchema
import Scenarios

/// The staffing table on screen and `staffing.csv`, both read off a `StaffingResult`.
///
/// Per team and slot: the Erlang requirement as whole scheduled agents and as a fraction (the
/// FTE figure: rounding every interval up overstates capacity), the simulated requirement, the
/// service level each channel achieved with the final plan (95% CI) and the team's occupancy.
public enum StaffingTable {
    /// Whole-week figures of one team.
    public struct TeamTotals: Sendable {
        public var team: String
        public var erlangHours: Double
        public var erlangFractionalHours: Double
        public var simulatedHours: Double
    }

    /// Fractional scheduled estimate of the simulated plan: its whole agents less the part of an
    /// agent Erlang's rounding added in that slot (the search moves in whole agents).
    public static func scheduledFTE(_ r: StaffingResult, team t: Int, slot s: Int) -> Double {
        let rounding = Double(r.analytic.scheduled[t][s]) - r.analytic.scheduledFraction[t][s]
        return max(0, Double(r.plan.agents[t][s]) - rounding)
    }

    public static func totals(_ r: StaffingResult) -> [TeamTotals] {
        let hours = r.calendar.grid.intervalLength / 3600
        return r.scenario.center.teams.enumerated().map { t, team in
            TeamTotals(team: team.name,
                       erlangHours: Double(r.erlangPlan.agents[t].reduce(0, +)) * hours,
                       erlangFractionalHours: r.analytic.scheduledFraction[t].reduce(0, +) * hours,
                       simulatedHours: Double(r.plan.agents[t].reduce(0, +)) * hours)
        }
    }

    /// Days of the week the run covers, as (day from the run's start, weekday).
    static func days(_ r: StaffingResult) -> [(day: Int, weekday: Weekday)] {
        let count = min(7, max(1, Int((r.calendar.runEnd / 86_400).rounded(.up))))
        return (0..<count).map { ($0, r.scenario.center.startWeekday.advanced(by: $0)) }
    }

    /// `staffing.csv`: one row per day, slot and team (see the module's README section).
    public static func csv(_ r: StaffingResult) -> String {
        let center = r.scenario.center
        let grid = r.calendar.grid
        let dated = center.startDate
        var header = StaffingColumn.allCases.filter { dated != nil || $0 != .date }.map(\.rawValue)
        for channel in center.channels {
            let sl = StaffingColumn.serviceLevel(channel.name)
            header += [sl.value, sl.low, sl.high]
        }
        var out = CSVWriter.row(header)
        for (day, weekday) in days(r) {
            for ofDay in 0..<grid.slotsPerDay {
                let s = weekday.rawValue * grid.slotsPerDay + ofDay
                for (t, team) in center.teams.enumerated() {
                    var row: [String] = [String(day)]
                    if let dated { row.append(dated.adding(days: day)?.description ?? "") }
                    row += [weekday.label, grid.clock(s), team.name,
                               fixed(r.analytic.onPhone[t][s]), String(r.erlangPlan.agents[t][s]), fixed(r.analytic.scheduledFraction[t][s]),
                               String(r.plan.agents[t][s]), String(r.plan.agents[t][s]), fixed(scheduledFTE(r, team: t, slot: s)),
                               r.evaluation.occupancy[t][s].map(fixed) ?? ""]
                    for c in center.channels.indices {
                        if let e = r.evaluation.slotServiceLevel[c][s] {
                            row += [fixed(e.mean), fixed(e.low), fixed(e.high)]
                        } else {
                            row += ["", "", ""]
                        }
                    }
                    out += CSVWriter.row(row)
                }
            }
        }
        return out
    }

    static func fixed(_ x: Double) -> String { String(format: "%.4f", x) }

    /// The screen report: per-day totals, the peak intervals (every interval when there are few),
    /// cost of both plans, and where Erlang and simulation disagree most.
    public static func render(_ r: StaffingResult, peaks: Int = 8, fteHours: Double = 40, seconds: Double? = nil) -> String {
        let center = r.scenario.center
        let grid = r.calendar.grid
        let hours = grid.intervalLength / 3600
        var out: [String] = []
        let ruleText = r.rule == .lowerBound ? "lower 95% bound of each interval's service level ≥ target" : "mean service level ≥ target in each interval"
        out.append("Staffing  \(r.scenario.name) · \(r.replications) replications × \(Formatting.duration(r.scenario.run.horizon)) · seed \(r.scenario.run.seed) · common random numbers")
        // A roster team is planned from scratch: said at once, so nobody reads the plan as the roster's gap.
        if let note = StaffingPlan.rosterNote(for: r.scenario) { out.append(note) }
        out.append("Rule      \(ruleText) (and ASA / abandonment ceilings, where set)")
        for model in r.analytic.models { out.append("Erlang    " + model) }
        if let ceiling = r.analytic.maxOccupancy {
            // Over scheduled intervals only: one with nobody scheduled shows agents finishing calls past their shift end (100%).
            let highest = r.evaluation.occupancy.indices.flatMap { t in
                r.evaluation.occupancy[t].indices.compactMap { s in r.plan.agents[t][s] > 0 ? r.evaluation.occupancy[t][s] : nil }
            }.max()
            out.append("Occupancy ceiling \(Formatting.percent(ceiling, digits: 0)): at least expected work / \(Formatting.percent(ceiling, digits: 0)) agents in every interval (Erlang and search)"
                       + (highest.map { "; highest simulated occupancy in a scheduled interval \(Formatting.percent($0))" } ?? ""))
        }
        let timing = seconds.map { String(format: " in %.1f s", $0) } ?? ""
        let rounds = r.confirmation.map { ", \($0.round) confirmation round\($0.round == 1 ? "" : "s") and a re-check" } ?? ""
        out.append("Search    \(r.evaluations) evaluations × \(r.replications) replications (plans simulated\(rounds)) = \(Formatting.number(r.simulatedDays)) simulated days\(timing)")
        let erlangShort = r.erlangEvaluation.groups.filter { !$0.passes }.count
        let searchShort = r.confirmation == nil ? r.evaluation.groups.filter { !$0.passes }.count : nil
        out.append("          Erlang plan in simulation: \(erlangShort) of \(r.groups.count) interval checks short"
                   + (r.feasible ? "; search plan: every check met on the search's seed"
                      : "; the search found NO plan meeting every check" + (searchShort.map { " (\($0) short): figures are for the last plan tried" } ?? "")))
        if let confirmation = r.confirmation {
            let raisedHours = Double(zip(confirmation.plan.agents, r.searchPlan.agents).reduce(0) { $0 + zip($1.0, $1.1).reduce(0) { $0 + $1.0 - $1.1 } })
                * grid.intervalLength / 3600
            let raised = raisedHours > 0 ? ", raised by \(hoursText(raisedHours)) where earlier rounds fell short" : ""
            let seeds = confirmation.round == 1 ? "seed \(confirmation.seed)" : "seeds \(r.scenario.run.seed + 1)…\(confirmation.seed)"
            out.append("Confirm   on independent \(seeds): \(r.groups.count - confirmation.unconfirmed.count) of \(r.groups.count) checks confirmed in \(confirmation.round) round\(confirmation.round == 1 ? "" : "s")\(raised)")
        }
        let short = r.confirmation.map { c in c.unconfirmed.map { c.evaluation.groups[$0] } } ?? r.evaluation.groups.filter { !$0.passes }
        if r.confirmation != nil {
            if short.isEmpty {
                out.append("Verdict   meets every target with 95% confidence (every check's lower bound met on replications independent of the choices made for it)")
            } else {
                out.append("Verdict   does NOT meet every target with 95% confidence: \(short.count) of \(r.groups.count) checks never confirmed (below)")
            }
        }
        if let recheck = r.recheck {
            let rate = Formatting.percent(recheck.clearlyShortRate)
            let stated = Formatting.percent(Recheck.statedRate, digits: 0)
            out.append("Re-check  seed \(recheck.seed), independent: \(recheck.clearlyShort.count) of \(recheck.checked) checks clearly short (95% interval wholly under target) = \(rate)"
                       + (recheck.keepsStatedRate ? ", within the stated \(stated)" : ", OVER the stated \(stated): the 95% claim does not hold"))
            out.append("          \(recheck.notReconfirmed.count) of \(recheck.checked) not re-confirmed (lower bound under target; near-target checks do this about half the time)")
        }
        if !short.isEmpty {
            out.append(r.confirmation != nil ? "Checks not confirmed (the published plan on the last confirmation seed):"
                       : "Checks short with the \(r.feasible ? "simulated" : "last") plan:")
            for g in short.prefix(max(peaks, 1)) {
                out.append(checkText(g, center: center, grid: grid))
            }
        }
        if let recheck = r.recheck, !recheck.clearlyShort.isEmpty {
            out.append("Clearly short on the re-check:")
            for g in recheck.clearlyShort.prefix(max(peaks, 1)) { out.append(checkText(g, center: center, grid: grid)) }
        }
        out.append("")

        // Per day.
        out.append("Per day (scheduled agent-hours)   Erlang whole   Erlang fractional   simulated   sim − Erlang")
        for (_, weekday) in days(r) {
            for (t, team) in center.teams.enumerated() {
                let slots = (weekday.rawValue * grid.slotsPerDay)..<((weekday.rawValue + 1) * grid.slotsPerDay)
                let whole = Double(slots.reduce(0) { $0 + r.erlangPlan.agents[t][$1] }) * hours
                let fraction = slots.reduce(0.0) { $0 + r.analytic.scheduledFraction[t][$1] } * hours
                let simulated = Double(slots.reduce(0) { $0 + r.plan.agents[t][$1] }) * hours
                out.append(pad("  \(weekday.label) \(team.name)", 34) + lpad(hoursText(whole), 13) + lpad(hoursText(fraction), 20)
                           + lpad(hoursText(simulated), 12) + lpad(signed(simulated - whole), 15))
            }
        }
        out.append("")

        // Peak (or all) intervals.
        let busy = (0..<grid.slotCount).filter { s in center.teams.indices.contains { r.plan.agents[$0][s] > 0 || r.erlangPlan.agents[$0][s] > 0 } }
        let shown: [Int]
        if busy.count <= 48 {
            shown = busy
            out.append("Every staffed interval")
        } else {
            shown = busy.sorted { total(r, $0) > total(r, $1) }.prefix(peaks).sorted()
            // staffing.csv has a row per day, interval and team (staffed or not): say what each count is.
            let rows = days(r).count * grid.slotsPerDay * center.teams.count
            out.append("Peak intervals (the \(shown.count) busiest of \(busy.count) staffed; staffing.csv with --out has all \(ValueText.count(Double(rows))) rows, one per day, interval and team)")
        }
        var header = pad("interval", 12) + pad("team", 13) + lpad("Erlang", 7) + lpad("FTE", 7) + lpad("sim", 6) + lpad("occ", 7)
        for channel in center.channels { header += "  " + pad("SL \(channel.name) [95% CI]", 24) }
        out.append(header)
        for s in shown {
            for (t, team) in center.teams.enumerated() {
                var line = pad("\(grid.weekday(ofSlot: s).label) \(grid.clock(s))", 12) + pad(team.name, 13)
                line += lpad(String(r.erlangPlan.agents[t][s]), 7) + lpad(String(format: "%.1f", r.analytic.scheduledFraction[t][s]), 7)
                line += lpad(String(r.plan.agents[t][s]), 6) + lpad(r.evaluation.occupancy[t][s].map { Formatting.percent($0, digits: 0) } ?? "-", 7)
                for c in center.channels.indices {
                    let text = t == 0 ? r.evaluation.slotServiceLevel[c][s].map(estimateText) ?? "-" : ""
                    line += "  " + pad(text, 24)
                }
                out.append(line)
            }
        }
        out.append("")

        // Totals and cost.
        // Columns sized from their contents, three spaces apart (they used to run together).
        var weekRows = [["Week totals", "Erlang whole", "Erlang fractional", "simulated"]]
        for totals in totals(r) {
            weekRows.append(["  " + totals.team] + [totals.erlangHours, totals.erlangFractionalHours, totals.simulatedHours].map {
                hoursText($0) + " = " + fte($0, fteHours)
            })
        }
        let weekWidths = (0..<4).map { k in weekRows.map { $0[k].count }.max() ?? 0 }
        for row in weekRows {
            out.append((0..<4).map { k in k == 3 ? row[k] : Formatting.pad(row[k], weekWidths[k] + 3) }.joined())
        }
        if center.teams.allSatisfy({ $0.hourlyCost == 0 }) {
            out.append("Cost " + CostWords.notPriced)
        } else {
            let erlangCost = r.erlangPlan.weeklyCost(center), simCost = r.plan.weeklyCost(center)
            out.append("Cost per week (scheduled hours × hourly cost): Erlang \(Formatting.money(erlangCost)), simulated \(Formatting.money(simCost))"
                       + (erlangCost > 0 ? " (\(signed((simCost / erlangCost - 1) * 100))%)" : ""))
            out.append("Labour cost of one run in the model (overtime included): Erlang plan \(Formatting.money(r.erlangEvaluation.labourCost)), simulated plan \(Formatting.money(r.evaluation.labourCost))")
        }
        out.append("")

        // Disagreements.
        var pairs: [(t: Int, s: Int, diff: Int)] = []
        for t in center.teams.indices {
            for s in 0..<grid.slotCount where r.plan.agents[t][s] != r.erlangPlan.agents[t][s] {
                pairs.append((t, s, r.plan.agents[t][s] - r.erlangPlan.agents[t][s]))
            }
        }
        pairs.sort { (abs($0.diff), -$0.s) > (abs($1.diff), -$1.s) }
        if pairs.isEmpty {
            out.append("Simulation and Erlang agree in every interval.")
        } else {
            out.append("Largest disagreements (simulated − Erlang, scheduled agents)")
            for p in pairs.prefix(peaks) {
                var why = ""
                if let e = r.erlangEvaluation.slotServiceLevel.indices.compactMap({ c -> String? in
                    guard center.teams[p.t].skills.contains(where: { $0.channel == c }),
                          let sl = r.erlangEvaluation.slotServiceLevel[c][p.s] else { return nil }
                    return "\(center.channels[c].name) \(estimateText(sl))"
                }).first {
                    why = "  (Erlang plan achieved \(e))"
                }
                out.append("  \(grid.weekday(ofSlot: p.s).label) \(grid.clock(p.s))  " + pad(center.teams[p.t].name, 13)
                           + lpad(signed(Double(p.diff)), 5) + "  Erlang \(r.erlangPlan.agents[p.t][p.s]) → \(r.plan.agents[p.t][p.s])" + why)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One check on one line: channel, weekday and time span, what it achieved and what failed.
    static func checkText(_ g: ServiceEvaluation.GroupResult, center: CenterSpec, grid: WeekGrid) -> String {
        let channel = center.channels[g.group.channel]
        let first = g.group.slots.first!, lastSlot = g.group.slots.last!
        let span = "\(grid.weekday(ofSlot: first).label) " + (g.group.backlog ? "(day)" : grid.clock(first) + (first == lastSlot ? "" : "–\(grid.clock(lastSlot))"))
        var text = "  \(channel.name) \(span): SL " + (g.serviceLevel.map(estimateText) ?? "-") + " vs \(Formatting.percent(channel.serviceLevel.target, digits: 0))"
        if let asa = g.averageSpeedOfAnswer, channel.maxAverageSpeedOfAnswer != nil { text += ", ASA \(Formatting.duration(asa.mean))" }
        if let ab = g.abandonment, channel.maxAbandonmentRate != nil { text += ", abandonment \(Formatting.percent(ab.mean))" }
        switch g.failure {
        case .abandonment: text += " — abandonment over its ceiling"
        case .averageSpeedOfAnswer: text += " — ASA over its ceiling"
        case .serviceLevel: text += " — service level under target"
        case nil: text += g.clearlyShort ? " — clearly short" : ""
        }
        return text
    }

    static func total(_ r: StaffingResult, _ s: Int) -> Int {
        r.plan.agents.reduce(0) { $0 + $1[s] }
    }

    static func estimateText(_ e: Estimate) -> String {
        // Bounds with the mean's precision, so the mean is visibly inside (`99.9% [100%, 100%]` was not).
        "\(Formatting.percent(e.mean)) [\(Formatting.percent(e.low)), \(Formatting.percent(e.high))]"
    }

    static func hoursText(_ h: Double) -> String { String(format: "%.1f h", h) }
    static func fte(_ h: Double, _ perFTE: Double) -> String { String(format: "%.1f FTE", h / perFTE) }
    static func signed(_ x: Double) -> String {
        let text = x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x)
        return x > 0 ? "+" + text : text
    }

    static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count)
    }

    static func lpad(_ s: String, _ n: Int) -> String {
        s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s
    }
}
