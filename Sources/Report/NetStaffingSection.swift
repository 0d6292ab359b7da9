import ResultsSchema

/// The run page's answer to "where is the roster short?": per channel, the simulated net agents
/// against the Erlang requirement over the run (intervals below the SLA target marked), and a
/// table of those intervals with their date and time, service level, net agents and requirement.
struct NetStaffingSection {
    var results: SummaryDocument
    var check: StaffingCheckResults

    var html: String {
        let charts = IntervalCharts(results: results)
        let intervals = charts.intervals
        var s = "<h2>Net staffing against the Erlang requirement</h2>\n"
        s += "<p>Net agents: the simulated agents available to the channel (after absenteeism, breaks and activities; an agent with skills on several channels counts on each). Requirement: the agents on the phones that Erlang C (Erlang A when the channel has a patience) says meet on the phones meeting the channel’s targets for its expected demand in the interval (staffing-check.csv).</p>\n"
        let position = Dictionary(uniqueKeysWithValues: charts.xs.indices.filter { charts.xs[$0].isFinite }.enumerated().map { ($1, $0) })
        var misses: [(channel: String, row: StaffingCheckResults.Row)] = []
        for channel in check.channels {
            var net = [Double?](repeating: nil, count: intervals.count), need = net
            for row in channel.rows where row.interval >= 0 && row.interval < intervals.count {
                net[row.interval] = row.netAgents
                need[row.interval] = row.erlangAgents
            }
            let series = [ChartSeries(name: "net agents", values: net), ChartSeries(name: "Erlang requirement", values: need)]
            var chart = charts.line(title: "Net agents vs Erlang requirement — \(channel.name)", yLabel: "agents", series: series, format: ValueFormat.number)
            let missed = channel.rows.filter(\.missed)
            chart.marked = [0: missed.compactMap { position[$0.interval] }]
            chart.markedLabel = "service level below target (\(missed.count) of \(channel.rows.filter { $0.serviceLevel != nil }.count) intervals)"
            let rows = intervals.indices.map { i in
                [charts.window(start: intervals[i].startSeconds, length: intervals[i].lengthSeconds), ValueFormat.number(net[i]), ValueFormat.number(need[i]),
                 Self.signed(net[i].flatMap { n in need[i].map { n - $0 } })]
            }
            s += ChartFigure(svg: chart.svg(), caption: "Net agents vs Erlang requirement — \(channel.name)",
                             columns: ["interval", "net agents", "Erlang requirement", "net staffing"], rows: rows).html
            misses += missed.map { (channel.name, $0) }
        }
        misses.sort { ($0.row.interval, $0.channel) < ($1.row.interval, $1.channel) }
        s += "<h3>Intervals that miss the service-level target (\(misses.count))</h3>\n"
        guard !misses.isEmpty else { return s + "<p>None: every interval with offered contacts met its channel’s target on the mean.</p>\n" }
        s += "<table class=\"misses\"><thead><tr><th>interval</th><th>channel</th><th>service level</th><th>target</th><th>net agents</th><th>Erlang requirement</th><th>net staffing</th></tr></thead><tbody>"
        for (name, row) in misses {
            let when = row.interval < intervals.count ? charts.window(start: intervals[row.interval].startSeconds, length: intervals[row.interval].lengthSeconds) : "#\(row.interval)"
            let cells = [when, name, ValueFormat.percent(row.serviceLevel), ValueFormat.percent(row.target, digits: 0),
                         ValueFormat.number(row.netAgents), ValueFormat.number(row.erlangAgents), Self.signed(row.netStaffing)]
            s += "<tr>" + cells.map { "<td>\(xmlEscaped($0))</td>" }.joined() + "</tr>"
        }
        return s + "</tbody></table>\n"
    }

    /// `+2.50`, `−1`, `0`: over or short, as `ValueFormat.number` writes numbers.
    static func signed(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "—" }
        let r = (x * 100).rounded() / 100
        return r == 0 ? "0" : (r > 0 ? "+" : "−") + ValueFormat.number(abs(r))
    }
}
