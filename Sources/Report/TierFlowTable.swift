import ResultsSchema
/// How work flowed through the tiers: handled, first-contact resolution, escalations, repeats.
struct TierFlowTable {
    var results: SummaryDocument

    var html: String {
        guard !results.tiers.isEmpty else { return "" }
        var s = "<h2>Tier flow</h2>\n<table><thead><tr><th>tier</th><th>handled</th><th>resolved</th><th>FCR</th><th>escalation rate</th><th>repeat contacts</th><th>mean resolution time</th><th>AHT</th></tr></thead><tbody>"
        for tier in results.tiers {
            let m = tier.metrics
            let cells = [
                tier.name,
                ValueFormat.number(m[.handled]?.mean),
                ValueFormat.number(m[.resolved]?.mean),
                ValueFormat.withCI(m[.firstContactResolution]) { ValueFormat.percent($0) },
                ValueFormat.withCI(m[.escalationRate]) { ValueFormat.percent($0) },
                ValueFormat.number(m[.repeatContacts]?.mean),
                ValueFormat.duration(m[.meanResolutionTime]?.mean),
                ValueFormat.duration(m[.averageHandleTime]?.mean),
            ]
            s += "<tr>" + cells.map { "<td>\(xmlEscaped($0))</td>" }.joined() + "</tr>"
        }
        return s + "</tbody></table>\n"
    }
}
