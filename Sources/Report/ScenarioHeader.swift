import ResultsSchema
/// The top of the report: what was simulated (the scenario's key inputs) and how (run settings),
/// so a printed report can be read without the YAML beside it.
struct ScenarioHeader {
    var results: SummaryDocument

    var html: String {
        let scenario = results.scenario, run = results.run
        var s = "<header><h1>\(xmlEscaped(scenario.name))</h1>"
        if let file = scenario.file { s += "<p class=\"meta\">Scenario file <code>\(xmlEscaped(file))</code></p>" }
        var settings = "\(run.replications) replications × \(ValueFormat.duration(run.horizonSeconds)) measured"
        settings += run.warmupSeconds > 0 ? " after \(ValueFormat.duration(run.warmupSeconds)) warm-up" : ", no warm-up"
        settings += " · \(ValueFormat.duration(run.intervalSeconds)) intervals"
        settings += " · seed \(run.seed)"
        settings += " · \(ValueFormat.percent(run.confidenceLevel, digits: 0)) confidence intervals"
        s += "<p class=\"meta\">\(xmlEscaped(settings))</p>"
        s += "<p class=\"meta\">\(ValueText.count(Double(results.simulated.arrivals))) arrivals and \(ValueText.count(Double(results.simulated.events))) events simulated</p>"
        s += "</header>\n<h2>Inputs</h2>\n<table><thead><tr><th>channel</th><th>kind</th><th>demand</th><th>patience</th><th>service-level target</th><th>ceilings</th></tr></thead><tbody>"
        for channel in scenario.channels {
            var demand = "—"
            if let perDay = channel.demand.volumePerDay { demand = "\(ValueFormat.number(perDay))/day" }
            if let perHour = channel.demand.ratePerHour { demand = "\(ValueFormat.number(perHour))/h" }
            let patience = channel.patience.map { "\($0.family), mean \(ValueFormat.duration($0.meanSeconds))" } ?? "none"
            let target = "\(ValueFormat.percent(channel.serviceLevel.target, digits: 0)) within \(ValueFormat.duration(channel.serviceLevel.answerWithinSeconds))"
            var ceilings: [String] = []
            if let asa = channel.maxAsaSeconds { ceilings.append("ASA ≤ \(ValueFormat.duration(asa))") }
            if let abandon = channel.maxAbandonmentRate { ceilings.append("abandonment ≤ \(ValueFormat.percent(abandon, digits: 0))") }
            s += "<tr>" + [channel.name, channel.kind, demand, patience, target, ceilings.isEmpty ? "—" : ceilings.joined(separator: ", ")]
                .map { "<td>\(xmlEscaped($0))</td>" }.joined() + "</tr>"
        }
        s += "</tbody></table>\n<table><thead><tr><th>team</th><th>staffed by</th><th>hourly cost</th></tr></thead><tbody>"
        for team in scenario.teams {
            // No hourly cost is "not set" (the center is not priced), not a wage of 0.00.
            let cells: [String] = [team.name, team.staffing, team.hourlyCost == 0 ? "not set" : ValueFormat.money(team.hourlyCost)]
            s += "<tr>" + cells.map { "<td>\(xmlEscaped($0))</td>" }.joined() + "</tr>"
        }
        s += "</tbody></table>\n"
        if !scenario.tiers.isEmpty {
            s += "<p class=\"meta\">Tiers: \(xmlEscaped(scenario.tiers.map(\.name).joined(separator: " → ")))"
            if let target = scenario.resolutionTargetSeconds { s += " · resolution target \(xmlEscaped(ValueFormat.duration(target)))" }
            s += "</p>\n"
        }
        return s
    }
}
