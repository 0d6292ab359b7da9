import ResultsSchema

/// The run page's answer to "where is the roster short?": per channel, the simulated net agents
/// against the Erlang requirement over the run (intervals below the SLA target marked), then the
/// intervals that miss grouped into runs of consecutive intervals per channel (`MissRun`), worst
/// first, with every missed interval one per row in a collapsed list.
struct NetStaffingSection {
    var results: SummaryDocument
    var check: StaffingCheckResults

    var html: String {
        let charts = IntervalCharts(results: results)
        let intervals = charts.intervals
        var s = "<h2>Net staffing against the Erlang requirement</h2>\n"
        s += "<p>Net agents: the simulated agents available to the channel (after absenteeism, breaks and activities). A team serving several channels is shared among them in proportion to each channel’s requirement in the interval (equally when none has one), so a blended agent is never counted twice and the channels’ net agents add up to the agents on duty. Requirement: the agents on the phones that Erlang C (Erlang A when the channel has a patience) says meet the channel’s targets for its expected demand in the interval, the rule of <code>ccsim erlang</code> (staffing-check.csv).</p>\n"
        // `xs` is computed (it reads the calendar): once, not once per interval (that was quadratic: minutes on four weeks).
        let xs = charts.xs
        let position = Dictionary(uniqueKeysWithValues: xs.indices.filter { xs[$0].isFinite }.enumerated().map { ($1, $0) })
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
        func when(_ row: StaffingCheckResults.Row) -> String {
            row.interval < intervals.count ? charts.window(start: intervals[row.interval].startSeconds, length: intervals[row.interval].lengthSeconds) : "#\(row.interval)"
        }
        let runs = MissRun.runs(check)
        s += "<h3>Intervals that miss the service-level target (\(misses.count)\(runs.isEmpty ? "" : " in \(runs.count) run\(runs.count == 1 ? "" : "s")"))</h3>\n"
        guard !misses.isEmpty else { return s + "<p>None: every interval with offered contacts met its channel’s target on the mean.</p>\n" }
        s += "<p>Consecutive missed intervals of a channel form a run; runs are listed worst first (lowest service level, then longest). Every missed interval is in the list below the table and in the <code>missed</code> column of staffing-check.csv.</p>\n"
        s += "<table class=\"miss-runs\"><thead><tr><th>when</th><th>channel</th><th>intervals</th><th>service level</th><th>target</th><th>staffing</th></tr></thead><tbody>"
        for run in runs {
            let first = run.rows.first!, last = run.rows.last!
            var span = when(first)
            if run.rows.count > 1, first.interval < intervals.count, last.interval < intervals.count {
                let start = intervals[first.interval].startSeconds
                span = charts.window(start: start, length: intervals[last.interval].startSeconds + intervals[last.interval].lengthSeconds - start)
            }
            let cells = [span, run.channel, String(run.rows.count), run.serviceLevelText, ValueFormat.percent(first.target, digits: 0), run.staffingText]
            s += "<tr>" + cells.map { "<td>\(xmlEscaped($0))</td>" }.joined() + "</tr>"
        }
        s += "</tbody></table>\n"
        s += "<details><summary>All \(misses.count) missed intervals, one per row</summary>"
        s += "<table class=\"misses\"><thead><tr><th>interval</th><th>channel</th><th>service level</th><th>target</th><th>net agents</th><th>Erlang requirement</th><th>net staffing</th></tr></thead><tbody>"
        for (name, row) in misses {
            let cells = [when(row), name, ValueFormat.percent(row.serviceLevel), ValueFormat.percent(row.target, digits: 0),
                         ValueFormat.number(row.netAgents), ValueFormat.number(row.erlangAgents), Self.signed(row.netStaffing)]
            s += "<tr>" + cells.map { "<td>\(xmlEscaped($0))</td>" }.joined() + "</tr>"
        }
        return s + "</tbody></table></details>\n"
    }

    /// `+2.50`, `−1`, `0`: over or short, as `ValueFormat.number` writes numbers.
    static func signed(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "—" }
        let r = (x * 100).rounded() / 100
        return r == 0 ? "0" : (r > 0 ? "+" : "−") + ValueFormat.number(abs(r))
    }
}
