import ResultsSchema
/// The report of a `ccsim staff --out` folder: per team, the requirement by interval as Erlang
/// computes it and as simulation finds it; per channel, the service level the simulated plan
/// achieves with its CI band against the target; then the simulation of that plan (summary.json).
struct StaffingPage {
    var staffing: StaffingResults
    var run: SummaryDocument?

    var x: [Double] { staffing.slots.map(\.hours) }

    var xTicks: [(value: Double, label: String)]? {
        staffing.dayLabels.count > 1 ? staffing.dayLabels.enumerated().map { (Double($0.offset) * 24, $0.element) } : nil
    }

    func chart(title: String, yLabel: String, series: [ChartSeries], format: @escaping (Double) -> String) -> LineChart {
        var chart = LineChart(title: title, xLabel: staffing.dayLabels.count > 1 ? "day and hour" : "hour of day", yLabel: yLabel,
                              x: x, series: series, yFormat: format)
        chart.xTicks = xTicks
        chart.xFormat = { "\(ValueFormat.number($0))h" }
        chart.yMin = 0
        return chart
    }

    /// Intervals where anyone is required or staffed (the night is left out of the tables).
    var staffedSlots: [Int] {
        staffing.slots.indices.filter { s in
            let slot = staffing.slots[s]
            return (slot.erlangAgents + slot.simulatedAgents).contains { ($0 ?? 0) > 0 }
        }
    }

    var requirementFigures: [ChartFigure] {
        staffing.teams.enumerated().map { t, team in
            // Erlang's whole agents last and dashed: where simulation agrees with it the two lines
            // coincide, and the one drawn first would be hidden under the other.
            let series = [ChartSeries(name: "simulation", values: staffing.slots.map { $0.simulatedAgents[t] }),
                          ChartSeries(name: "Erlang (fractional FTE)", values: staffing.slots.map { $0.erlangFTE[t] }),
                          ChartSeries(name: "Erlang (whole agents)", values: staffing.slots.map { $0.erlangAgents[t] })]
            let title = "Agents required by interval — \(team)"
            let rows = staffedSlots.map { s -> [String] in
                let slot = staffing.slots[s]
                return [slot.label, ValueFormat.number(slot.erlangAgents[t]), ValueFormat.number(slot.erlangFTE[t]),
                        ValueFormat.number(slot.simulatedAgents[t]), ValueFormat.percent(slot.occupancy[t])]
            }
            var figure = chart(title: title, yLabel: "scheduled agents", series: series, format: ValueFormat.number)
            figure.dashed = [2]
            return ChartFigure(svg: figure.svg(),
                               caption: title, columns: ["interval", "Erlang", "Erlang FTE", "simulation", "occupancy"], rows: rows)
        }
    }

    var serviceLevelFigures: [ChartFigure] {
        staffing.channels.enumerated().map { c, channel in
            let title = "Service level with the simulated plan — \(channel)"
            var chart = chart(title: title, yLabel: "service level", series: [ChartSeries(name: channel, values: staffing.slots.map { $0.serviceLevel[c] })],
                              format: ValueFormat.percentTick)
            chart.yMax = 1
            chart.bands = [0: staffing.slots.map { $0.serviceLevelCI[c] }]
            if let target = run?.scenario.channels.first(where: { $0.name == channel })?.serviceLevel.target {
                chart.reference = (target, "target \(ValueFormat.percent(target, digits: 0))")
            }
            let rows = staffedSlots.map { s -> [String] in
                let slot = staffing.slots[s]
                return [slot.label, ValueFormat.percent(slot.serviceLevel[c]),
                        slot.serviceLevelCI[c].map { "[\(ValueFormat.percent($0.lowerBound)), \(ValueFormat.percent($0.upperBound))]" } ?? ""]
            }
            return ChartFigure(svg: chart.svg(), caption: title, columns: ["interval", "service level", "CI"], rows: rows)
        }
    }

    var totals: String {
        let rows = staffing.teams.indices.map { t -> [String] in
            let h = staffing.agentHours(team: t)
            let change = h.erlang > 0 ? " (\(h.simulated >= h.erlang ? "+" : "")\(ValueFormat.percent(h.simulated / h.erlang - 1)))" : ""
            return [staffing.teams[t], ValueFormat.number(h.erlang), ValueFormat.number(h.erlangFTE), ValueFormat.number(h.simulated) + change]
        }
        return "<h2>Agent-hours</h2>\n" + HTMLShell.table(["team", "Erlang whole", "Erlang fractional", "simulation"], rows)
    }

    /// Agent-hours, the requirement and the service level charts: the page without its header
    /// and run (the schedule page shows them too when staffing.csv sits beside schedule.csv).
    var sections: String {
        var body = totals
        body += "<h2>Requirement by interval</h2>\n"
        for figure in requirementFigures { body += figure.html }
        if !staffing.channels.isEmpty {
            body += "<h2>Service level of the simulated plan</h2>\n"
            for figure in serviceLevelFigures { body += figure.html }
        }
        return body
    }

    func html(source: String) -> String {
        // Without the plan's run there is no scenario name to show: the title is just "Staffing".
        let name = run?.scenario.name
        var body = "<header><h1>Staffing" + (name.map { " — " + xmlEscaped($0) } ?? "") + "</h1>"
        body += "<p class=\"meta\">Requirement per \(ValueFormat.duration(staffing.intervalHours * 3600)) interval: Erlang (analytic) against simulation (the fewest agents meeting every target in the simulated plan)</p></header>\n"
        body += sections
        if let run {
            body += "<h2 class=\"part\">Simulation of the plan</h2>\n" + ScenarioHeader(results: run).html.replacingOccurrences(of: "<h1>", with: "<h3>").replacingOccurrences(of: "</h1>", with: "</h3>")
            body += ReportPage.sections(run)
        }
        return HTMLShell.page(title: "ccsim report — staffing" + (name.map { " — " + $0 } ?? ""), body: body, source: source, version: run?.ccsimVersion,
                              note: "Service levels are means over replications; bands and brackets are confidence intervals.")
    }
}
