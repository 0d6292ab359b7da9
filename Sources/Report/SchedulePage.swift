import Foundation
import ResultsSchema

/// The report of a `ccsim schedule --out` folder: the chosen shifts, per team the agents on duty
/// against the requirement by interval (short intervals marked), then the simulation of the
/// schedule written back as a scenario (summary.json), when present. When the folder also holds
/// the staffing.csv of `ccsim staff` (the requirement's source), Erlang's requirement is drawn
/// too, so one chart shows Erlang, simulation (the requirement) and the chosen shifts.
struct SchedulePage {
    var schedule: ScheduleResults
    var staffing: StaffingResults?
    var run: SummaryDocument?

    /// Erlang's whole agents per interval label ("mon 08:00") for a team, from staffing.csv.
    func erlang(team: String) -> [String: Double]? {
        guard let staffing, let t = staffing.teams.firstIndex(of: team) else { return nil }
        var byLabel: [String: Double] = [:]
        for slot in staffing.slots { if let value = slot.erlangAgents[t] { byLabel[slot.label] = value } }
        return byLabel
    }

    var coverageFigures: [ChartFigure] {
        schedule.coverage.map { team in
            let title = "Shift coverage against the requirement — \(team.team)"
            let erlang = erlang(team: team.team).map { byLabel in team.intervals.map { byLabel[$0.label] } }
            var series = [ChartSeries(name: staffing == nil ? "required" : "required (simulation)", values: team.intervals.map(\.required)),
                          ChartSeries(name: "on duty (chosen shifts)", values: team.intervals.map(\.onDuty))]
            if let erlang, erlang.contains(where: { $0 != nil }) { series.append(ChartSeries(name: "Erlang (staffing.csv)", values: erlang)) }
            var chart = LineChart(title: title, xLabel: schedule.dayLabels.count > 1 ? "day and hour" : "hour of day", yLabel: "agents",
                                  x: team.intervals.map(\.hours), series: series, yFormat: ValueFormat.number)
            if schedule.dayLabels.count > 1 { chart.xTicks = schedule.dayLabels.enumerated().map { (Double($0.offset) * 24, $0.element) } }
            chart.xFormat = { "\(ValueFormat.number($0))h" }
            // Required also as a shaded area: on duty usually equals it, and the line would hide it.
            chart.bands = [0: team.intervals.map { 0...Swift.max($0.required, 0) }]
            let short = team.intervals.indices.filter { team.intervals[$0].short > 1e-9 }
            chart.marked = [1: short]
            chart.markedLabel = "short (\(short.count) of \(team.intervals.count) intervals)"
            let shown = series.count > 2
            let rows = team.intervals.enumerated().filter { $0.element.required > 0 || $0.element.onDuty > 0 }.map { i, c in
                [c.label, ValueFormat.number(c.required), ValueFormat.number(c.onDuty), c.short > 1e-9 ? ValueFormat.number(c.short) : ""]
                    + (shown ? [ValueFormat.number(series[2].values[i])] : [])
            }
            return ChartFigure(svg: chart.svg(), caption: title, columns: ["interval", "required", "on duty", "short"] + (shown ? ["Erlang"] : []), rows: rows)
        }
    }

    var shiftTable: String {
        guard !schedule.shifts.isEmpty else { return "" }
        // The contract column only when the plan has contracts (older files and plans without them have none).
        let contracts = schedule.shifts.contains { !$0.contract.isEmpty }
        let costs = ValueText.moneyColumn(schedule.shifts.map(\.weeklyCost))
        let rows = zip(schedule.shifts, costs).map { shift, cost in
            [shift.team] + (contracts ? [shift.contract] : []) + ["\(shift.start)–\(shift.end)", shift.days, String(shift.agents),
                                                                ValueFormat.number(shift.paidHoursPerAgentWeek), cost, Self.breaks(shift.breaks)]
        }
        let header = ["team"] + (contracts ? ["contract"] : []) + ["hours", "days", "agents", "paid h per agent-week", "weekly cost", "breaks"]
        return "<h2>Chosen shifts</h2>\n" + HTMLShell.table(header, rows, wrap: [header.count - 1])
    }

    /// "{window: [1.5h, 2.5h], length: 15m} {window: …, length: 30m, paid: false}" as
    /// "15m, 30m unpaid" (as `ccsim schedule` prints them); the text as written if it is not in that form.
    static func breaks(_ text: String) -> String {
        let entries = text.split(separator: "}").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let lengths = entries.map { entry -> String? in
            guard let range = entry.range(of: "length: ") else { return nil }
            let length = entry[range.upperBound...].prefix { $0 != "," && $0 != "}" }
            return String(length) + (entry.contains("paid: false") ? " unpaid" : "")
        }
        guard !lengths.isEmpty, lengths.allSatisfy({ $0 != nil }) else { return text }
        return lengths.compactMap { $0 }.joined(separator: ", ")
    }

    var keyFigures: String {
        var pairs: [(String, String)] = [("shifts chosen", "\(schedule.shifts.count) shift patterns, \(schedule.agents) agents"),
                                         ("weekly cost", ValueFormat.money(schedule.weeklyCost))]
        for team in schedule.coverage {
            let shortIntervals = team.intervals.filter { $0.short > 1e-9 }
            let hours = zip(team.intervals, team.intervals.dropFirst()).map { $1.hours - $0.hours }.filter { $0 > 0 }.min() ?? 0
            let required = team.intervals.reduce(0) { $0 + $1.required } * hours, onDuty = team.intervals.reduce(0) { $0 + $1.onDuty } * hours
            pairs.append(("\(team.team): agent-hours required / on duty", "\(ValueFormat.number(required)) / \(ValueFormat.number(onDuty))"
                          + (required > 0 ? " (\(ValueFormat.percent(onDuty / required - 1)) over)" : "")))
            pairs.append(("\(team.team): short intervals", shortIntervals.isEmpty ? "none" : "\(shortIntervals.count), \(ValueFormat.number(shortIntervals.reduce(0) { $0 + $1.short } * hours)) agent-hours short"))
        }
        return "<h2>Plan</h2>\n" + HTMLShell.keyFigures(pairs)
    }

    func html(source: String) -> String {
        let name = run?.scenario.name
        // A folder holding both `ccsim staff` and `ccsim schedule` outputs shows both.
        let heading = staffing == nil ? "Schedule" : "Staffing and schedule"
        var body = "<header><h1>\(heading)" + (name.map { " — " + xmlEscaped($0) } ?? "") + "</h1>"
        body += "<p class=\"meta\">Shifts chosen to cover the requirement at least cost; the schedule simulated as a scenario below.</p></header>\n"
        body += keyFigures
        body += "<h2>Coverage by interval</h2>\n"
        for figure in coverageFigures { body += figure.html }
        body += shiftTable
        if let staffing {
            body += "<h2 class=\"part\">Staffing requirement (staffing.csv)</h2>\n" + StaffingPage(staffing: staffing, run: run).sections
        }
        if let run {
            body += "<h2 class=\"part\">Simulation of the schedule</h2>\n" + ScenarioHeader(results: run).html.replacingOccurrences(of: "<h1>", with: "<h3>").replacingOccurrences(of: "</h1>", with: "</h3>")
            body += ReportPage.sections(run)
        }
        return HTMLShell.page(title: "ccsim report — \(heading.lowercased())" + (name.map { " — " + $0 } ?? ""), body: body, source: source, version: run?.ccsimVersion,
                              note: "Simulation figures are means over replications; brackets are confidence intervals.")
    }
}
