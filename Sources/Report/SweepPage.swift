/// The report of a sweep: per metric, the metric against the first varied parameter, one line
/// per combination of the other varied parameters, each with its confidence band; and the
/// table of every point. A design without repeated x values per line (e.g. a Latin hypercube)
/// is drawn as dots instead of lines.
struct SweepPage {
    var results: SweepResults

    static let maxLines = 8

    /// The layout shared by every metric's chart: the x parameter, its positions, and the lines.
    struct Layout {
        var xName: String
        /// Position on the x axis of each point, by index in `results.points`.
        var x: [Double]
        /// Labels at the x positions when the parameter is not numeric.
        var xTicks: [(value: Double, label: String)]?
        /// Each line: its name and the indices of its points, ordered by x.
        var lines: [(name: String, points: [Int])]
        var scatter: Bool
    }

    var layout: Layout {
        let points = results.points, varied = results.varied
        guard let xp = varied.first else {
            return Layout(xName: "point", x: points.indices.map(Double.init), xTicks: points.indices.map { (Double($0), String(points[$0].id)) },
                          lines: [("all points", Array(points.indices))], scatter: false)
        }
        let texts = points.map { $0.values[xp] }
        let numbers = texts.map { Double($0) }
        var x: [Double], ticks: [(value: Double, label: String)]? = nil
        if numbers.allSatisfy({ $0 != nil }) {
            x = numbers.map { $0! }
        } else {
            var order: [String] = []
            for t in texts where !order.contains(t) { order.append(t) }
            x = texts.map { Double(order.firstIndex(of: $0)!) }
            ticks = order.enumerated().map { (Double($0.offset), $0.element) }
        }
        let others = varied.dropFirst()
        var keys: [[String]] = [], members: [[Int]] = []
        for (i, point) in points.enumerated() {
            let key = others.map { point.values[$0] }
            if let k = keys.firstIndex(of: key) { members[k].append(i) } else { keys.append(key); members.append([i]) }
        }
        let scatter = members.count > Self.maxLines || (points.count > 1 && members.allSatisfy { $0.count == 1 })
        if scatter { return Layout(xName: results.parameters[xp], x: x, xTicks: ticks, lines: [("points", Array(points.indices))], scatter: true) }
        let lines = zip(keys, members).map { key, member in
            (name: others.isEmpty ? results.parameters[xp] : zip(others, key).map { "\(results.parameters[$0]) = \($1)" }.joined(separator: ", "),
             points: member.sorted { x[$0] < x[$1] })
        }
        return Layout(xName: results.parameters[xp], x: x, xTicks: ticks, lines: lines, scatter: false)
    }

    func figure(metric m: Int, layout: Layout) -> ChartFigure {
        let name = results.metrics[m], unit = ChartUnit(metric: name)
        // A common x array: the sorted distinct positions; each line has a value (or a gap) at each.
        let xs = Array(Set(layout.x)).sorted()
        let xsIndex = Dictionary(uniqueKeysWithValues: xs.enumerated().map { ($1, $0) })
        var series: [ChartSeries] = [], bands: [Int: [ClosedRange<Double>?]] = [:]
        var chart: LineChart
        if layout.scatter {
            let cells = results.points.map { $0.cells[m] }
            chart = LineChart(title: "\(name) against \(layout.xName)", xLabel: layout.xName, yLabel: name, x: layout.x,
                              series: [ChartSeries(name: "points", values: cells.map(\.mean))], yFormat: unit.tick)
            chart.connect = false
        } else {
            for (l, line) in layout.lines.enumerated() {
                var values = [Double?](repeating: nil, count: xs.count), band = [ClosedRange<Double>?](repeating: nil, count: xs.count)
                for p in line.points {
                    let cell = results.points[p].cells[m], j = xsIndex[layout.x[p]]!
                    values[j] = cell.mean
                    if let lo = cell.lower, let hi = cell.upper, lo <= hi { band[j] = unit.clamped(lo...hi) }
                }
                series.append(ChartSeries(name: line.name, values: values))
                bands[l] = band
            }
            chart = LineChart(title: "\(name) against \(layout.xName) (bands: CI)", xLabel: layout.xName, yLabel: name, x: xs, series: series, yFormat: unit.tick)
            chart.bands = bands
            chart.dots = true
        }
        chart.xTicks = layout.xTicks
        chart.xFormat = { ValueFormat.number($0) }
        chart.yMin = nil
        if unit == .share { chart.yMax = nil }
        let rows = results.points.map { p -> [String] in
            let c = p.cells[m]
            let ci = c.lower.flatMap { lo in c.upper.map { "[\(unit.format(lo)), \(unit.format($0))]" } } ?? ""
            return [String(p.id)] + results.varied.map { p.values[$0] } + [unit.format(c.mean), ci, c.count.map(String.init) ?? ""]
        }
        return ChartFigure(svg: chart.svg(), caption: "\(name) against \(layout.xName)",
                           columns: ["point"] + results.varied.map { results.parameters[$0] } + ["mean", "CI", "runs"], rows: rows)
    }

    var figures: [ChartFigure] {
        let layout = layout
        return results.metrics.indices.map { figure(metric: $0, layout: layout) }
    }

    func html(source: String) -> String {
        var body = "<header><h1>Sweep — \(xmlEscaped(results.name))</h1>"
        let runs = results.points.reduce(0) { $0 + $1.runs }
        body += "<p class=\"meta\">\(results.points.count) points · \(runs) successful runs · metrics \(xmlEscaped(results.metrics.joined(separator: ", ")))</p></header>\n"
        let fixed = results.parameters.indices.filter { !results.varied.contains($0) }
        var pairs = results.varied.map { p in (results.parameters[p], "varied: " + Self.distinct(results.points.map { $0.values[p] }).joined(separator: ", ")) }
        pairs += fixed.map { p in (results.parameters[p], "fixed: " + (results.points.first?.values[p] ?? "")) }
        body += "<h2>Parameters</h2>\n" + HTMLShell.keyFigures(pairs)
        let layout = layout
        if layout.scatter {
            body += "<p class=\"meta\">Each point of the design has its own combination of values, so each chart shows one dot per point against \(xmlEscaped(layout.xName)); the table under each chart has every point's confidence interval.</p>\n"
        }
        body += "<h2>Metrics</h2>\n"
        for figure in figures { body += figure.html }
        return HTMLShell.page(title: "ccsim report — sweep \(results.name)", body: body, source: source, version: nil,
                              note: "Each figure is the mean over a point's runs; bands and brackets are its confidence interval (from `ccsim sweep summarize`).")
    }

    /// Values in order of first appearance; more than 12 as their count and, when numbers, range.
    static func distinct(_ values: [String]) -> [String] {
        var out: [String] = []
        for v in values where !out.contains(v) { out.append(v) }
        guard out.count > 12 else { return out }
        let numbers = out.compactMap(Double.init)
        if numbers.count == out.count, let lo = numbers.min(), let hi = numbers.max() {
            return ["\(out.count) values from \(ValueFormat.number(lo)) to \(ValueFormat.number(hi))"]
        }
        return Array(out.prefix(12)) + ["… (\(out.count) values)"]
    }
}
