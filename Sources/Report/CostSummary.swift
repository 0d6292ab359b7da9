import ResultsSchema
/// What the plan costs: labour and overtime per team, SLA penalties, hiring and training when
/// modelled (in the total), and the center's cost per handled contact and per resolved issue.
struct CostSummary {
    var results: SummaryDocument

    var html: String {
        var s = "<h2>Cost</h2>\n"
        let total = results.center.metrics[.labourCost]?.mean ?? 0
        if total == 0 && results.scenario.teams.allSatisfy({ $0.hourlyCost == 0 }) {
            return s + "<p>\(CostWords.notPriced.prefix(1).uppercased() + CostWords.notPriced.dropFirst()).</p>\n"
        }
        s += "<table><thead><tr><th>team</th><th>labour cost</th><th>overtime hours</th><th>handled</th><th>cost per handled</th></tr></thead><tbody>"
        for team in results.teams {
            let m = team.metrics
            let cells = [team.name, ValueFormat.withCI(m[.labourCost], ValueFormat.money), ValueFormat.number(m[.overtimeHours]?.mean),
                         ValueFormat.number(m[.handled]?.mean), ValueFormat.money(m[.costPerHandled]?.mean)]
            s += "<tr>" + cells.map { "<td>\(xmlEscaped($0))</td>" }.joined() + "</tr>"
        }
        let c = results.center.metrics
        s += "<tr><th>center</th><td>\(xmlEscaped(ValueFormat.withCI(c[.labourCost], ValueFormat.money)))</td><td></td><td>\(ValueFormat.number(c[.handled]?.mean))</td><td></td></tr>"
        s += "</tbody></table>\n"
        if let penalty = c[.slaPenalty], penalty.mean != nil {
            s += "<p>SLA penalties: <strong>\(xmlEscaped(ValueFormat.withCI(penalty, ValueFormat.money)))</strong>.</p>\n"
        }
        if let total = c[.totalCost], let labour = c[.labourCost]?.mean, let mean = total.mean, mean != labour {
            s += "<p>Total cost (labour, penalties, hiring and training): <strong>\(xmlEscaped(ValueFormat.withCI(total, ValueFormat.money)))</strong>.</p>\n"
        }
        s += "<p>Cost per handled contact: <strong>\(xmlEscaped(ValueFormat.withCI(c[.costPerHandled], ValueFormat.money)))</strong>. Cost per resolved issue: <strong>\(xmlEscaped(ValueFormat.withCI(c[.costPerResolved], ValueFormat.money)))</strong> (\(ValueFormat.number(c[.resolved]?.mean)) resolved of \(ValueFormat.number(c[.offered]?.mean)) offered).</p>\n"
        return s
    }
}
