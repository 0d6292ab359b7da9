import ResultsSchema

/// The charts across the horizon: offered volume per channel, service level per channel against
/// its target (missing intervals marked), available agents per team; and occupancy by team.
///
/// Times are named as in the terminal and `intervals.csv` (`TimeLabel`: `Mon 08:00`): the x axis
/// is the simulated clock (hours from midnight of day 0, warm-up included) with a tick per day.
struct IntervalCharts {
    var results: SummaryDocument

    var warmup: Double { results.run.warmupSeconds }
    var label: TimeLabel { results.scenario.timeLabel }

    /// `Mon 08:00–08:30` for an interval starting `start` seconds into the measured window.
    func window(start: Double, length: Double) -> String {
        length > 0 ? label.window(from: warmup + start, to: warmup + start + length) : label.moment(warmup + start)
    }

    var intervals: [SummaryDocument.Interval] { results.channels.first?.intervals ?? results.teams.first?.intervals ?? [] }

    /// Interval starts, from the first channel (every scope shares the intervals).
    var starts: [Double] { intervals.map(\.startSeconds) }

    /// Positions on the x axis: hours of the simulated clock; nil (not drawn) where a start
    /// cannot be a time of the run (not finite, beyond a million years).
    var xs: [Double] { starts.map { label.parts(warmup + $0) == nil ? .nan : (warmup + $0) / 3600 } }

    /// A tick per midnight (`Mon`, `Tue`, …, `Mon 4 Jan` when dated) for multi-day runs, one a week
    /// past ten days, otherwise clock ticks.
    var xTicks: [(value: Double, label: String)]? {
        let finite = xs.filter(\.isFinite)
        guard let first = finite.min(), let last = finite.max(), last - first >= 36 else { return nil }
        let firstDay = Int((first / 24).rounded(.down)), lastDay = Int((last / 24).rounded(.up))
        guard lastDay - firstDay <= 400 else { return nil }
        // Past ten days a tick per day overlaps: one a week (from the first day), more weeks apart on long runs.
        let days = lastDay - firstDay
        let step = days > 10 ? 7 * ((days + 55) / 56) : 1
        return stride(from: firstDay, through: lastDay, by: step).map { (Double($0) * 24, label.dayTick($0)) }
            .filter { $0.0 >= first - 1e-9 && $0.0 <= last + 1e-9 }
    }

    func line(title: String, yLabel: String, series: [ChartSeries], format: @escaping (Double) -> String, yMin: Double? = 0, yMax: Double? = nil) -> LineChart {
        let xs = self.xs   // computed from the calendar: once per chart, not once per interval
        let finite = xs.indices.filter { xs[$0].isFinite }
        let kept = series.map { s in ChartSeries(name: s.name, values: finite.map { $0 < s.values.count ? s.values[$0] : nil }) }
        var chart = LineChart(title: title, xLabel: "day and time", yLabel: yLabel,
                              x: finite.map { xs[$0] }, series: kept, yFormat: format)
        chart.xTicks = xTicks
        let label = self.label
        chart.xFormat = { label.moment($0 * 3600) }
        chart.yMin = yMin
        chart.yMax = yMax
        return chart
    }

    func table(_ series: [ChartSeries], _ format: (Double?) -> String) -> [[String]] {
        intervals.enumerated().map { i, interval in [window(start: interval.startSeconds, length: interval.lengthSeconds)] + series.map { i < $0.values.count ? format($0.values[i]) : "—" } }
    }

    func values(_ intervals: [SummaryDocument.Interval], _ metric: Metric) -> [Double?] {
        intervals.map { $0.metrics[metric]?.mean }
    }

    var figures: [ChartFigure] {
        var figures: [ChartFigure] = []
        let offered = results.channels.map { ChartSeries(name: $0.name, values: values($0.intervals, .offered)) }
        let perInterval = " per \(ValueFormat.duration(results.run.intervalSeconds))"
        figures.append(ChartFigure(
            svg: line(title: "Offered volume per channel", yLabel: "contacts\(perInterval)", series: offered, format: ValueFormat.number).svg(),
            caption: "Offered volume per channel", columns: ["interval"] + offered.map(\.name), rows: table(offered, ValueFormat.number)))

        for channel in results.channels {
            let series = ChartSeries(name: channel.name, values: values(channel.intervals, .serviceLevel))
            var chart = line(title: "Service level — \(channel.name)", yLabel: "service level", series: [series], format: ValueFormat.percentTick, yMax: 1)
            let target = channel.sla.target
            chart.reference = (target, "target \(ValueFormat.percent(target, digits: 0))")
            let failing = series.values.indices.filter { series.values[$0].map { $0 < target } ?? false }
            let xs = self.xs
            let position = Dictionary(uniqueKeysWithValues: xs.indices.filter { xs[$0].isFinite }.enumerated().map { ($1, $0) })
            chart.marked = [0: failing.compactMap { position[$0] }]
            chart.markedLabel = "below target (\(failing.count) of \(series.values.count) intervals)"
            let failingSet = Set(failing)
            let rows = intervals.enumerated().map { i, interval in
                [window(start: interval.startSeconds, length: interval.lengthSeconds), ValueFormat.percent(series.values[i]), failingSet.contains(i) ? "below target" : ""]
            }
            figures.append(ChartFigure(svg: chart.svg(), caption: "Service level — \(channel.name)",
                                       columns: ["interval", "service level", "vs target"], rows: rows))
        }

        let agents = results.teams.map { ChartSeries(name: $0.name, values: values($0.intervals, .availableAgents)) }
        figures.append(ChartFigure(
            svg: line(title: "Available agents per team", yLabel: "agents (time-average)", series: agents, format: ValueFormat.number).svg(),
            caption: "Available agents per team", columns: ["interval"] + agents.map(\.name), rows: table(agents, ValueFormat.number)))
        return figures
    }

    /// Whole-run occupancy per team as bars with their confidence intervals.
    var occupancyByTeam: ChartFigure? {
        guard !results.teams.isEmpty else { return nil }
        let entries = results.teams.map { $0.metrics[.occupancy] }
        var chart = BarChart(title: "Occupancy by team", yLabel: "occupancy", categories: results.teams.map(\.name),
                             series: [ChartSeries(name: "occupancy", values: entries.map { $0?.mean })], yFormat: ValueFormat.percentTick)
        chart.yMax = 1
        chart.errors = [entries.map { e in e.flatMap { e in e.ciLower.flatMap { lo in e.ciUpper.map { lo...$0 } } } }]
        let rows = zip(results.teams, entries).map { [$0.name, ValueFormat.withCI($1) { ValueFormat.percent($0) }] }
        return ChartFigure(svg: chart.svg(), caption: "Occupancy by team", columns: ["team", "occupancy [CI]"], rows: rows)
    }
}
