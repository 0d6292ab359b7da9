/// How work flowed through the tiers: handled, first-contact resolution, escalations, repeats.
struct TierFlowTable {
    var results: RunResults

    var html: String {
        guard !results.tiers.isEmpty else { return "" }
        var s = "<h2>Tier flow</h2>\n<table><thead><tr><th>tier</th><th>handled</th><th>resolved</th><th>FCR</th><th>escalation rate</th><th>repeat contacts</th><th>mean resolution time</th><th>AHT</th></tr></thead><tbody>"
        for tier in results.tiers {
            let m = tier.metrics
            let cells = [
                tier.name,
                ValueFormat.number(m["handled"]?.mean),
                ValueFormat.number(m["resolved"]?.mean),
                ValueFormat.withCI(m["fcr"]) { ValueFormat.percent($0) },
                ValueFormat.withCI(m["escalation_rate"]) { ValueFormat.percent($0) },
                ValueFormat.number(m["repeat_contacts"]?.mean),
                ValueFormat.duration(m["mean_resolution_time"]?.mean),
                ValueFormat.duration(m["aht"]?.mean),
            ]
            s += "<tr>" + cells.map { "<td>\(xmlEscaped($0))</td>" }.joined() + "</tr>"
        }
        return s + "</tbody></table>\n"
    }
}
