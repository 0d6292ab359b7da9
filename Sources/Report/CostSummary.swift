/// What the plan costs: labour and overtime per team, SLA penalties, hiring and training when
/// modelled (in the total), and the center's cost per handled contact and per resolved issue.
struct CostSummary {
    var results: RunResults

    var html: String {
        var s = "<h2>Cost</h2>\n"
        let total = results.center.metrics["labour_cost"]?.mean ?? 0
        if total == 0 && results.scenario.teams.allSatisfy({ ($0.hourlyCost ?? 0) == 0 }) {
            return s + "<p>Not priced: no team has an hourly cost.</p>\n"
        }
        s += "<table><thead><tr><th>team</th><th>labour cost</th><th>overtime hours</th><th>handled</th><th>cost per handled</th></tr></thead><tbody>"
        for team in results.teams {
            let m = team.metrics
            let cells = [team.name, ValueFormat.withCI(m["labour_cost"], ValueFormat.money), ValueFormat.number(m["overtime_hours"]?.mean),
                         ValueFormat.number(m["handled"]?.mean), ValueFormat.money(m["cost_per_handled"]?.mean)]
            s += "<tr>" + cells.map { "<td>\(xmlEscaped($0))</td>" }.joined() + "</tr>"
        }
        let c = results.center.metrics
        s += "<tr><th>center</th><td>\(xmlEscaped(ValueFormat.withCI(c["labour_cost"], ValueFormat.money)))</td><td></td><td>\(ValueFormat.number(c["handled"]?.mean))</td><td></td></tr>"
        s += "</tbody></table>\n"
        if let penalty = c["sla_penalty"], penalty.mean != nil {
            s += "<p>SLA penalties: <strong>\(xmlEscaped(ValueFormat.withCI(penalty, ValueFormat.money)))</strong>.</p>\n"
        }
        if let total = c["total_cost"], let labour = c["labour_cost"]?.mean, let mean = total.mean, mean != labour {
            s += "<p>Total cost (labour, penalties, hiring and training): <strong>\(xmlEscaped(ValueFormat.withCI(total, ValueFormat.money)))</strong>.</p>\n"
        }
        s += "<p>Cost per handled contact: <strong>\(xmlEscaped(ValueFormat.withCI(c["cost_per_handled"], ValueFormat.money)))</strong>. Cost per resolved issue: <strong>\(xmlEscaped(ValueFormat.withCI(c["cost_per_resolved"], ValueFormat.money)))</strong> (\(ValueFormat.number(c["resolved"]?.mean)) resolved of \(ValueFormat.number(c["offered"]?.mean)) offered).</p>\n"
        return s
    }
}
