/// The charts across the horizon: offered volume per channel, service level per channel against
/// its target (missing intervals marked), available agents per team; and occupancy by team.
struct IntervalCharts {
    var results: RunResults

    /// "day 2 08:30" for a time after the start of the measured window.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let day = total / 86400 + 1, h = (total % 86400) / 3600, m = (total % 3600) / 60
        return "day \(day) " + (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    /// Interval starts in hours, from the first channel (every scope shares the intervals).
    var starts: [Double] { (results.channels.first?.intervals ?? results.teams.first?.intervals ?? []).map(\.startSeconds) }

    /// A tick per day for multi-day runs, otherwise nice hour ticks.
    var xTicks: [(value: Double, label: String)]? {
        guard results.run.horizonSeconds >= 2 * 86400 else { return nil }
        let days = Int((results.run.horizonSeconds / 86400).rounded(.up))
        return (0...days).map { (Double($0) * 24, "day \($0 + 1)") }.filter { $0.0 <= (starts.last ?? 0) / 3600 + 1e-9 }
    }

    func line(title: String, yLabel: String, series: [ChartSeries], format: @escaping (Double) -> String, yMin: Double? = 0, yMax: Double? = nil) -> LineChart {
        var chart = LineChart(title: title, xLabel: "hours into the measured window", yLabel: yLabel,
                              x: starts.map { $0 / 3600 }, series: series, yFormat: format)
        chart.xTicks = xTicks
        chart.xFormat = { "\(ValueFormat.number($0))h" }
        chart.yMin = yMin
        chart.yMax = yMax
        return chart
    }

    func table(_ series: [ChartSeries], _ format: (Double?) -> String) -> [[String]] {
        starts.enumerated().map { i, start in [Self.clock(start)] + series.map { i < $0.values.count ? format($0.values[i]) : "—" } }
    }

    func values(_ intervals: [IntervalResult]?, _ metric: String) -> [Double?] {
        (intervals ?? []).map { $0.metrics[metric]?.mean }
    }

    var figures: [ChartFigure] {
        var figures: [ChartFigure] = []
        let offered = results.channels.map { ChartSeries(name: $0.name, values: values($0.intervals, "offered")) }
        let perInterval = results.run.intervalSeconds.map { " per \(ValueFormat.duration($0))" } ?? ""
        figures.append(ChartFigure(
            svg: line(title: "Offered volume per channel", yLabel: "contacts\(perInterval)", series: offered, format: ValueFormat.number).svg(),
            caption: "Offered volume per channel", columns: ["interval start"] + offered.map(\.name), rows: table(offered, ValueFormat.number)))

        for channel in results.channels {
            let series = ChartSeries(name: channel.name, values: values(channel.intervals, "service_level"))
            var chart = line(title: "Service level — \(channel.name)", yLabel: "service level", series: [series], format: ValueFormat.percentTick, yMax: 1)
            var failing: [Int] = []
            if let target = channel.sla.target {
                chart.reference = (target, "target \(ValueFormat.percent(target, digits: 0))")
                failing = series.values.indices.filter { series.values[$0].map { $0 < target } ?? false }
                chart.marked = [0: failing]
                chart.markedLabel = "below target (\(failing.count) of \(series.values.count) intervals)"
            }
            let failingSet = Set(failing)
            let rows = starts.enumerated().map { i, start in
                [Self.clock(start), ValueFormat.percent(series.values[i]), failingSet.contains(i) ? "below target" : ""]
            }
            figures.append(ChartFigure(svg: chart.svg(), caption: "Service level — \(channel.name)",
                                       columns: ["interval start", "service level", "vs target"], rows: rows))
        }

        let agents = results.teams.map { ChartSeries(name: $0.name, values: values($0.intervals, "available_agents")) }
        figures.append(ChartFigure(
            svg: line(title: "Available agents per team", yLabel: "agents (time-average)", series: agents, format: ValueFormat.number).svg(),
            caption: "Available agents per team", columns: ["interval start"] + agents.map(\.name), rows: table(agents, ValueFormat.number)))
        return figures
    }

    /// Whole-run occupancy per team as bars with their confidence intervals.
    var occupancyByTeam: ChartFigure? {
        guard !results.teams.isEmpty else { return nil }
        let entries = results.teams.map { $0.metrics["occupancy"] }
        var chart = BarChart(title: "Occupancy by team", yLabel: "occupancy", categories: results.teams.map(\.name),
                             series: [ChartSeries(name: "occupancy", values: entries.map { $0?.mean })], yFormat: ValueFormat.percentTick)
        chart.yMax = 1
        chart.errors = [entries.map { e in e.flatMap { e in e.ciLower.flatMap { lo in e.ciUpper.map { lo...$0 } } } }]
        let rows = zip(results.teams, entries).map { [$0.name, ValueFormat.withCI($1) { ValueFormat.percent($0) }] }
        return ChartFigure(svg: chart.svg(), caption: "Occupancy by team", columns: ["team", "occupancy [CI]"], rows: rows)
    }
}
