/// The report of a sweep, built to stay readable as designs grow:
///
/// - a grid: per metric, the metric against the first varied parameter, a line with its
///   confidence band per value of the second (and further) parameters, and — with three or more
///   varied parameters — a panel per value of the third (small multiples), on a shared y axis;
/// - a design without repeated values (a Latin hypercube) or with too many lines: a panel per
///   varied parameter, each point's mean with its confidence interval as a whisker.
///
/// Parameters keep their units: values are shown as the sweep file wrote them (`3m`, `540/h`,
/// `×0.9`, read off the points' labels), duration axes tick as durations, and whole-number
/// parameters (agents) get whole-number ticks.
struct SweepPage {
    var results: SweepResults

    static let maxLines = 8
    static let maxPanels = 6

    /// The plan of every metric's figure: the x parameter, the panels and the lines in each.
    struct Layout {
        struct Panel {
            var title: String?
            var x: Int
            /// Each line: its name and the indices of its points, ordered by x.
            var lines: [(name: String, points: [Int])]
        }

        var panels: [Panel]
        var scatter: Bool
        /// What the lines are, when one parameter names them by its values.
        var lineParameter: Int? = nil
    }

    // MARK: Parameters and their units

    /// Each point's value of parameter `p` as written in the sweep file, from the point's label
    /// (`team.agents=48, handle_time.exponential.mean×1.1`); the stored number when absent.
    func written(_ p: Int, point: SweepResults.Point) -> String {
        if resultAxis(p), let result = point.results[p] {
            return ValueFormat.number(result) + " (" + writtenInLabel(p, point: point) + ")"
        }
        return writtenInLabel(p, point: point)
    }

    /// Whether parameter `p` is a `scale` of whole numbers (agents) whose resulting values are
    /// stored: its axis, ticks and legends then show the numbers (`52 (×0.9)`), not only factors.
    func resultAxis(_ p: Int) -> Bool {
        let values = results.points.map { $0.results.indices.contains(p) ? $0.results[p] : nil }
        return !values.isEmpty && values.allSatisfy { $0.map { $0 == $0.rounded() } ?? false }
    }

    func writtenInLabel(_ p: Int, point: SweepResults.Point) -> String {
        let label = point.label, names = results.parameters
        for marker in [names[p] + "=", names[p] + "×"] {
            guard let range = label.range(of: marker), range.lowerBound == label.startIndex || label[label.index(before: range.lowerBound)] == " " else { continue }
            var rest = label[range.upperBound...]
            // The value ends where the next parameter begins (values may hold ", " inside mappings).
            let next = names.indices.filter { $0 != p }.compactMap { rest.range(of: ", " + names[$0])?.lowerBound }.min()
            if let next { rest = rest[..<next] }
            return (marker.hasSuffix("×") ? "×" : "") + rest
        }
        return point.values[p]
    }

    enum AxisUnit { case duration, perHour, share, factor, plain }

    /// How parameter `p` was written: a duration (stored in seconds), a rate per hour, a share, a factor.
    func unit(_ p: Int) -> AxisUnit {
        if resultAxis(p) { return .plain }
        let texts = results.points.map { written(p, point: $0) }
        guard let sample = texts.first(where: { !$0.isEmpty }) else { return .plain }
        if sample.hasPrefix("×") { return .factor }
        if sample.hasSuffix("/h") { return .perHour }
        if sample.hasSuffix("%") { return .share }
        if let last = sample.last, "smhd".contains(last), sample.first?.isNumber == true { return .duration }
        return .plain
    }

    /// The last three parts of a long path, for panel titles and legends where space is short:
    /// `channels.voice.patience.exponential.mean` → `patience.exponential.mean`.
    func short(_ p: Int) -> String {
        let parts = results.parameters[p].split(separator: ".")
        return parts.count > 3 ? parts.suffix(3).joined(separator: ".") : results.parameters[p]
    }

    func axisLabel(_ p: Int) -> String {
        if resultAxis(p) {
            let factors = results.points.compactMap { WrittenNumber.parse(writtenInLabel(p, point: $0))?.value }
            let range = factors.min().flatMap { lo in factors.max().map { hi in lo == hi ? "×\(String(format: "%g", lo))" : "×\(String(format: "%g", lo))–×\(String(format: "%g", hi))" } } ?? ""
            // The resulting values (agents) on the axis; the factors that gave them in brackets.
            return short(p) + " (scaled \(range))"
        }
        return switch unit(p) {
        case .perHour: results.parameters[p] + " (per hour)"
        case .factor: results.parameters[p] + " (factor)"
        case .duration, .share, .plain: results.parameters[p]
        }
    }

    func format(_ p: Int) -> (Double) -> String {
        switch unit(p) {
        case .duration: { ValueFormat.duration($0) }
        case .share: { ValueFormat.percentTick($0) }
        case .perHour: { ValueFormat.number($0) + "/h" }
        case .factor: { "×" + String(format: "%g", $0) }
        case .plain: { $0 == $0.rounded() ? ValueFormat.number($0) : String(format: "%g", $0) }
        }
    }

    /// Ticks at the values themselves for a few whole numbers (agents), or nice whole-number
    /// ticks for many; nil (nice ticks) otherwise.
    func ticks(_ p: Int, x: [Double]) -> [(value: Double, label: String)]? {
        let distinct = Array(Set(x)).sorted()
        guard let low = distinct.first, let high = distinct.last else { return nil }
        // Few values: a tick at each, labelled as the sweep file wrote it (`3m`, `×0.9`, `48`).
        if distinct.count <= 12 {
            if resultAxis(p) { return distinct.map { ($0, ValueFormat.number($0)) } }
            let labels = Dictionary(zip(x, results.points.map { written(p, point: $0) }), uniquingKeysWith: { first, _ in first })
            return distinct.map { ($0, labels[$0] ?? format(p)($0)) }
        }
        let whole = distinct.allSatisfy { $0 == $0.rounded() }
        let nice = NiceScale(min: low, max: high, maxTicks: 5).ticks
            .filter { (!whole || $0 == $0.rounded()) && $0 >= low && $0 <= high }
        return nice.map { ($0, format(p)($0)) }
    }

    /// Position on the x axis of every point: the number, or the order of first appearance for text values.
    func positions(_ p: Int) -> (x: [Double], ticks: [(value: Double, label: String)]?) {
        if resultAxis(p) {
            let x = results.points.map { $0.results[p]! }
            return (x, ticks(p, x: x))
        }
        let texts = results.points.map { $0.values[p] }
        let numbers = texts.map { Double($0) }
        if numbers.allSatisfy({ $0 != nil }) {
            let x = numbers.map { $0! }
            return (x, ticks(p, x: x))
        }
        var order: [String] = []
        for t in texts where !order.contains(t) { order.append(t) }
        return (texts.map { Double(order.firstIndex(of: $0)!) }, order.enumerated().map { (Double($0.offset), $0.element) })
    }

    // MARK: Layout

    var layout: Layout {
        let points = results.points, varied = results.varied
        guard let xp = varied.first else {
            return Layout(panels: [.init(title: nil, x: -1, lines: [("all points", Array(points.indices))])], scatter: false)
        }
        let x = positions(xp).x
        let panelParameter: Int? = varied.count >= 3 && Set(points.map { $0.values[varied[2]] }).count <= Self.maxPanels ? varied[2] : nil
        let lineParameters = varied.dropFirst().filter { $0 != panelParameter }
        var panelKeys: [String] = [], panelMembers: [[Int]] = []
        for (i, point) in points.enumerated() {
            let key = panelParameter.map { point.values[$0] } ?? ""
            if let k = panelKeys.firstIndex(of: key) { panelMembers[k].append(i) } else { panelKeys.append(key); panelMembers.append([i]) }
        }
        var panels: [Layout.Panel] = []
        var scatter = false
        for (key, members) in zip(panelKeys, panelMembers) {
            var keys: [[String]] = [], lines: [[Int]] = []
            for i in members {
                let lineKey = lineParameters.map { written($0, point: points[i]) }
                if let k = keys.firstIndex(of: lineKey) { lines[k].append(i) } else { keys.append(lineKey); lines.append([i]) }
            }
            if lines.count > Self.maxLines || (members.count > 1 && lines.allSatisfy { $0.count == 1 }) { scatter = true }
            let title = panelParameter.map { p in "\(short(p)) = \(written(p, point: points[members[0]]))" }
            _ = key
            panels.append(.init(title: title, x: xp, lines: zip(keys, lines).map { lineKey, member in
                // One line parameter: its values name the lines (the parameter is said above the chart).
                (name: lineParameters.isEmpty ? results.parameters[xp]
                    : lineParameters.count == 1 ? lineKey[0] : zip(lineParameters, lineKey).map { "\(short($0)) = \($1)" }.joined(separator: ", "),
                 points: member.sorted { x[$0] < x[$1] })
            }))
        }
        if scatter {
            // No lines to draw: a panel per varied parameter, every point once in each.
            return Layout(panels: varied.map { .init(title: nil, x: $0, lines: [("points", Array(points.indices))]) }, scatter: true)
        }
        return Layout(panels: panels, scatter: false, lineParameter: lineParameters.count == 1 ? lineParameters.first : nil)
    }

    // MARK: Figures

    func chart(metric m: Int, panel: Layout.Panel, scatter: Bool, yRange: ClosedRange<Double>?, width: Double, lines: String? = nil) -> LineChart {
        let name = results.metrics[m], unit = ChartUnit(metric: name)
        let (xAll, ticks) = panel.x >= 0 ? positions(panel.x) : (results.points.indices.map(Double.init), results.points.indices.map { (Double($0), String(results.points[$0].id)) })
        let xName = panel.x >= 0 ? axisLabel(panel.x) : "point"
        var chart: LineChart
        if scatter {
            let cells = results.points.map { $0.cells[m] }
            // One dot per point (its mean); the intervals are in the figure's table.
            chart = LineChart(title: panel.x >= 0 ? short(panel.x) : "point", xLabel: xName, yLabel: name, x: xAll,
                              series: [ChartSeries(name: "points", values: cells.map(\.mean))], yFormat: unit.tick)
            chart.connect = false
        } else {
            let xs = Array(Set(panel.lines.flatMap { $0.points.map { xAll[$0] } })).sorted()
            let xsIndex = Dictionary(uniqueKeysWithValues: xs.enumerated().map { ($1, $0) })
            var series: [ChartSeries] = [], bands: [Int: [ClosedRange<Double>?]] = [:]
            for (l, line) in panel.lines.enumerated() {
                var values = [Double?](repeating: nil, count: xs.count), band = [ClosedRange<Double>?](repeating: nil, count: xs.count)
                for p in line.points {
                    let cell = results.points[p].cells[m], j = xsIndex[xAll[p]]!
                    values[j] = cell.mean
                    if let lo = cell.lower, let hi = cell.upper, lo <= hi { band[j] = unit.clamped(lo...hi) }
                }
                series.append(ChartSeries(name: line.name, values: values))
                bands[l] = band
            }
            let title = panel.title ?? "\(name) against \(xName) (bands: CI)" + (lines.map { "; lines: \($0)" } ?? "")
            chart = LineChart(title: title, xLabel: xName, yLabel: name, x: xs, series: series, yFormat: unit.tick)
            chart.bands = bands
            chart.dots = true
        }
        chart.xTicks = ticks
        if panel.x >= 0 { chart.xFormat = format(panel.x) }
        chart.yMin = yRange?.lowerBound
        chart.yMax = yRange?.upperBound
        chart.width = width
        return chart
    }

    func figure(metric m: Int, layout: Layout) -> ChartFigure {
        let name = results.metrics[m], unit = ChartUnit(metric: name)
        // Panels share the y axis, so their lines compare at a glance.
        let cells = results.points.map { $0.cells[m] }
        let values = cells.flatMap { c in [c.mean].compactMap { $0 } + (c.lower.flatMap { lo in c.upper.map { hi in lo <= hi ? unit.clamped(lo...hi) : nil } }.flatMap { $0 }.map { [$0.lowerBound, $0.upperBound] } ?? []) }
        let yRange: ClosedRange<Double>? = layout.panels.count > 1 ? values.min().flatMap { lo in values.max().map { hi in lo...hi } } : nil
        let width = layout.panels.count > 1 ? 430.0 : 860.0
        let lines = layout.lineParameter.map { results.parameters[$0] }
        let svgs = layout.panels.map { chart(metric: m, panel: $0, scatter: layout.scatter, yRange: yRange, width: width,
                                             lines: layout.panels.count == 1 ? lines : nil).svg() }
        // Panels side by side (two to a row on a wide page), each still a chart of its own.
        let svg = svgs.count == 1 ? svgs[0]
            : svgs.map { $0.replacingOccurrences(of: "<svg xmlns=", with: "<svg style=\"display: inline-block; vertical-align: top\" xmlns=") }.joined()
        let rows = results.points.map { p -> [String] in
            let c = p.cells[m]
            let ci = c.lower.flatMap { lo in c.upper.map { "[\(unit.format(lo)), \(unit.format($0))]" } } ?? ""
            return [String(p.id)] + results.varied.map { written($0, point: p) } + [unit.format(c.mean), ci, c.count.map(String.init) ?? ""]
        }
        let xName = layout.scatter ? "each varied parameter" : (layout.panels.first.map { $0.x >= 0 ? results.parameters[$0.x] : "point" } ?? "point")
        let caption = "\(name) against \(xName)" + (layout.panels.count > 1 && !layout.scatter ? ", a panel per \(results.parameters[results.varied[2]])" : "")
        return ChartFigure(svg: svg, caption: caption,
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
        var pairs = results.varied.map { p in (results.parameters[p], "varied: " + Self.distinct(results.points.map { written(p, point: $0) }).joined(separator: ", ")) }
        pairs += fixed.map { p in (results.parameters[p], "fixed: " + (results.points.first.map { written(p, point: $0) } ?? "")) }
        body += "<h2>Parameters</h2>\n" + HTMLShell.keyFigures(pairs)
        let layout = layout
        if layout.scatter {
            body += "<p class=\"meta\">Each point of the design has its own combination of values, so each metric is shown against every varied parameter in turn: a dot per point (its mean); the table under each chart has every point's confidence interval.</p>\n"
        } else if layout.panels.count > 1, results.varied.count >= 3 {
            body += "<p class=\"meta\">Small multiples: a panel per value of \(xmlEscaped(results.parameters[results.varied[2]])), on a shared y axis; in each, a line per value of \(xmlEscaped(results.varied.dropFirst().filter { $0 != results.varied[2] }.map { results.parameters[$0] }.joined(separator: ", "))) with its confidence band.</p>\n"
        }
        body += importance
        body += "<h2>Metrics</h2>\n"
        let lines = layout.panels.count > 1 ? layout.lineParameter.map { results.parameters[$0] } : nil
        for (m, figure) in figures.enumerated() {
            if let lines {
                body += "<p class=\"meta\"><b>\(xmlEscaped(results.metrics[m]))</b> — lines: \(xmlEscaped(lines)); bands: confidence intervals</p>\n"
            }
            body += figure.html
        }
        body += byInterval
        return HTMLShell.page(title: "ccsim report — sweep \(results.name)", body: body, source: source, version: nil,
                              note: "Each figure is the mean over a point's runs; bands and brackets are its confidence interval (from `ccsim sweep summarize`).")
    }

    /// "What matters", from `analysis.csv`: per metric, every term as a bar (its length the
    /// estimate, its whisker the CI), strongest first; terms whose CI excludes 0 in bold.
    var importance: String {
        let rows = results.analysis.filter { ["main", "interaction", "prcc"].contains($0.kind) }
        guard !rows.isEmpty else { return surface }
        let prcc = rows.contains { $0.kind == "prcc" }
        var html = "<h2>What matters</h2>\n<p class=\"meta\">" + (prcc
            ? "Partial rank correlation coefficients (−1…1) of each parameter with each metric, with 95% bootstrap intervals: near ±1 the parameter drives the metric, near 0 it does not."
            : "Main effects (the metric's change from a parameter's lowest to its highest level, averaged over the others) and two-way interactions (how much one's effect changes across the other), with 95% bootstrap intervals.")
            + " In bold: the interval excludes 0. From <code>ccsim sweep analyze</code>.</p>\n"
        var metrics: [String] = []
        for row in rows where !metrics.contains(row.metric) { metrics.append(row.metric) }
        for metric in metrics {
            let terms = rows.filter { $0.metric == metric }
            let unit = prcc ? nil : ChartUnit(metric: metric)
            let format = { (x: Double) in unit.map { $0 == .share ? ValueFormat.percent(x) : $0.format(x) } ?? String(format: "%+.2f", x) }
            let scale = max(terms.map { max(abs($0.estimate), abs($0.lower ?? 0), abs($0.upper ?? 0)) }.max() ?? 1, 1e-12)
            html += "<h3>\(xmlEscaped(metric))</h3>\n<table class=\"importance\"><thead><tr><th>parameter</th><th>\(prcc ? "PRCC" : "effect")</th><th>95% CI</th><th style=\"width: 200px\"></th></tr></thead><tbody>"
            for term in terms {
                // A bar from the centre line: right for positive, left for negative; the CI as a thin line.
                let half = 90.0
                let width = abs(term.estimate) / scale * half
                let left = term.estimate >= 0 ? half : half - width
                let colour = term.kind == "interaction" ? "#E69F00" : "#0072B2"
                var bar = "<div style=\"position: relative; height: 14px; width: \(Int(2 * half + 20))px\">"
                bar += "<div style=\"position: absolute; left: \(Int(half))px; top: 0; bottom: 0; border-left: 1px solid #888\"></div>"
                bar += "<div style=\"position: absolute; left: \(Int(left))px; width: \(max(1, Int(width)))px; top: 2px; height: 10px; background: \(colour)\"></div>"
                if let lo = term.lower, let hi = term.upper, lo <= hi {
                    let x0 = half + lo / scale * half, x1 = half + hi / scale * half
                    bar += "<div style=\"position: absolute; left: \(Int(x0))px; width: \(max(1, Int(x1 - x0)))px; top: 6px; height: 2px; background: #222\"></div>"
                }
                bar += "</div>"
                let ci = term.lower.flatMap { lo in term.upper.map { "[\(format(lo)), \(format($0))]" } } ?? ""
                let name = xmlEscaped(term.term)
                html += "<tr><td>\(term.matters ? "<b>\(name)</b>" : name)</td><td>\(format(term.estimate))</td><td>\(ci)</td><td>\(bar)</td></tr>"
            }
            html += "</tbody></table>\n"
        }
        return html + surface
    }

    /// Terms shown per metric in the response surface (the largest; the rest are in analysis.csv).
    static let surfaceTerms = 10

    /// A surface term with each path shortened as in panel titles: `a.b.c.d × e²` → `b.c.d × e²`.
    func shortTerm(_ term: String) -> String {
        term.components(separatedBy: " × ").map { part in
            let squared = part.hasSuffix("²")
            let path = squared ? String(part.dropLast()) : part
            let shortened = results.parameters.firstIndex(of: path).map(short) ?? path
            return shortened + (squared ? "²" : "")
        }.joined(separator: " × ")
    }

    /// "Response surface", from `analysis.csv` (Latin hypercubes): per metric the quadratic
    /// fit's R² and its coefficients in coded units as bars with their CIs, largest first.
    var surface: String {
        let rows = results.analysis.filter { $0.kind == "surface" && $0.term != "intercept" }
        guard !rows.isEmpty else { return "" }
        var html = "<h2>Response surface</h2>\n<p class=\"meta\">A quadratic in the varied parameters fitted by least squares to every run, each parameter in coded units (−1 at the lowest value swept, +1 at the highest), so coefficients compare across units: a linear coefficient is half the change across the range, a square the curvature, a product the interaction. R² is the share of the runs' variation the surface explains; intervals are Student-t 95%. In bold: the interval excludes 0. From <code>ccsim sweep analyze</code>.</p>\n"
        var metrics: [String] = []
        for row in rows where !metrics.contains(row.metric) { metrics.append(row.metric) }
        for metric in metrics {
            let fit = Dictionary(results.analysis.filter { $0.metric == metric && $0.kind == "surface_fit" }.map { ($0.term, $0.estimate) }, uniquingKeysWith: { a, _ in a })
            let terms = rows.filter { $0.metric == metric }.sorted { abs($0.estimate) > abs($1.estimate) }
            let unit = ChartUnit(metric: metric)
            let format = { (x: Double) in unit == .share ? String(format: "%+.1f pp", x * 100) : unit.format(x) }
            let scale = max(terms.map { max(abs($0.estimate), abs($0.lower ?? 0), abs($0.upper ?? 0)) }.max() ?? 1, 1e-12)
            let r2 = fit["r_squared"].map { String(format: "R² %.3f", $0) } ?? ""
            let adjusted = fit["adjusted_r_squared"].map { String(format: ", adjusted %.3f", $0) } ?? ""
            let runs = fit["observations"].map { ", \(Int($0)) runs" } ?? ""
            html += "<h3>\(xmlEscaped(metric)) <span class=\"meta\">(\(r2)\(adjusted)\(runs))</span></h3>\n<table class=\"importance\"><thead><tr><th>term</th><th>coefficient</th><th>95% CI</th><th style=\"width: 200px\"></th></tr></thead><tbody>"
            for term in terms.prefix(Self.surfaceTerms) {
                let half = 90.0
                let width = abs(term.estimate) / scale * half
                let left = term.estimate >= 0 ? half : half - width
                let colour = term.term.contains(" × ") ? "#E69F00" : term.term.hasSuffix("²") ? "#009E73" : "#0072B2"
                var bar = "<div style=\"position: relative; height: 14px; width: \(Int(2 * half + 20))px\">"
                bar += "<div style=\"position: absolute; left: \(Int(half))px; top: 0; bottom: 0; border-left: 1px solid #888\"></div>"
                bar += "<div style=\"position: absolute; left: \(Int(left))px; width: \(max(1, Int(width)))px; top: 2px; height: 10px; background: \(colour)\"></div>"
                if let lo = term.lower, let hi = term.upper, lo <= hi {
                    let x0 = max(0, half + lo / scale * half), x1 = min(2 * half, half + hi / scale * half)
                    bar += "<div style=\"position: absolute; left: \(Int(x0))px; width: \(max(1, Int(x1 - x0)))px; top: 6px; height: 2px; background: #222\"></div>"
                }
                bar += "</div>"
                let ci = term.lower.flatMap { lo in term.upper.map { "[\(format(lo)), \(format($0))]" } } ?? ""
                let name = xmlEscaped(shortTerm(term.term))
                html += "<tr><td title=\"\(xmlEscaped(term.term))\">\(term.matters ? "<b>\(name)</b>" : name)</td><td>\(format(term.estimate))</td><td>\(ci)</td><td>\(bar)</td></tr>"
            }
            if terms.count > Self.surfaceTerms { html += "<tr><td colspan=\"4\" class=\"meta\">… \(terms.count - Self.surfaceTerms) smaller terms in analysis.csv</td></tr>" }
            html += "</tbody></table>\n"
        }
        return html
    }

    // MARK: Per-interval series

    /// The points drawn in the interval charts: all when few; otherwise `maxLines` spread over
    /// the range of the series' whole-run level (lowest, highest and evenly between), so the
    /// chart shows how the day's shape changes from the worst point to the best.
    func intervalPoints(series: String) -> [Int] {
        let ids = results.points.map(\.id)
        guard ids.count > Self.maxIntervalLines else { return ids }
        let cells = results.intervals.filter { $0.series == series }
        var level: [Int: (sum: Double, count: Int)] = [:]
        for c in cells { if let m = c.cell.mean { level[c.point, default: (0, 0)].sum += m; level[c.point, default: (0, 0)].count += 1 } }
        let ranked = ids.filter { level[$0] != nil }.sorted { level[$0]!.sum / Double(level[$0]!.count) < level[$1]!.sum / Double(level[$1]!.count) }
        guard ranked.count > Self.maxIntervalLines else { return ranked }
        let n = Self.maxIntervalLines
        let picks = (0..<n).map { ranked[Int((Double($0) / Double(n - 1) * Double(ranked.count - 1)).rounded())] }
        var seen = Set<Int>()
        return picks.filter { seen.insert($0).inserted }
    }

    /// Lines in an interval chart: every point up to this many, else this many spread out (bands overlap beyond).
    static let maxIntervalLines = 4

    /// A point's name in a legend: its varied parameters' values as written, in parameter
    /// order (`76 (×0.8) · 114 (×0.8) · 6m`); the order is said above the chart.
    func legendName(_ point: SweepResults.Point) -> String {
        let varied = results.varied
        guard !varied.isEmpty else { return "point \(point.id)" }
        // Resulting values without their factors, to keep the legend on one line.
        return varied.map { p in resultAxis(p) ? point.results[p].map(ValueFormat.number) ?? "" : written(p, point: point) }.joined(separator: " · ")
    }

    /// "By interval": per recorded series, its mean in each reporting interval, a line per
    /// point with its confidence band (from `summary-intervals.csv`).
    var byInterval: String {
        let series = results.series
        guard !series.isEmpty else { return "" }
        var html = "<h2>By interval</h2>\n<p class=\"meta\">Per-interval series recorded by the sweep (its <code>series</code> field): each point's mean in every reporting interval, with its confidence band. The x axis is time after the warm-up."
        if results.varied.count > 1 {
            html += " Lines are named by the values of " + results.varied.map { "<code>\(xmlEscaped(short($0)))</code>" }.joined(separator: " · ") + "."
        }
        if results.points.count > Self.maxIntervalLines {
            html += " With \(results.points.count) points, \(Self.maxIntervalLines) are drawn per series: the lowest and highest whole-run level of the series and evenly between; every point is in <code>summary-intervals.csv</code>."
        }
        html += "</p>\n"
        let byId = Dictionary(uniqueKeysWithValues: results.points.map { ($0.id, $0) })
        for name in series {
            let unit = ChartUnit(metric: name)
            let cells = results.intervals.filter { $0.series == name }
            let starts = Array(Set(cells.map(\.start))).sorted()
            let column = Dictionary(uniqueKeysWithValues: starts.enumerated().map { ($1, $0) })
            let drawn = intervalPoints(series: name)
            var lines: [ChartSeries] = [], bands: [Int: [ClosedRange<Double>?]] = [:]
            for (l, id) in drawn.enumerated() {
                var values = [Double?](repeating: nil, count: starts.count), band = [ClosedRange<Double>?](repeating: nil, count: starts.count)
                for c in cells where c.point == id {
                    let j = column[c.start]!
                    values[j] = c.cell.mean
                    if let lo = c.cell.lower, let hi = c.cell.upper, lo <= hi { band[j] = unit.clamped(lo...hi) }
                }
                lines.append(ChartSeries(name: byId[id].map(legendName) ?? "point \(id)", values: values))
                bands[l] = band
            }
            let linesAre = results.varied.count == 1 ? " (lines: \(results.parameters[results.varied[0]]))" : ""
            var chart = LineChart(title: "\(name) by interval" + linesAre, xLabel: "interval start (after warm-up)", yLabel: name, x: starts,
                                  series: lines, yFormat: unit.tick)
            chart.bands = bands
            chart.dots = starts.count <= 24
            chart.xFormat = { ValueFormat.duration($0) }
            // Ticks on interval starts, at most 9 of them, so they read as clock steps (0s, 30m, 1h…).
            let step = max(1, Int((Double(starts.count) / 9).rounded(.up)))
            chart.xTicks = stride(from: 0, to: starts.count, by: step).map { (starts[$0], ValueFormat.duration(starts[$0])) }
            if unit == .share { chart.yMin = 0; chart.yMax = 1 }
            let rows = drawn.flatMap { id in
                cells.filter { $0.point == id }.sorted { $0.interval < $1.interval }.map { c -> [String] in
                    let ci = c.cell.lower.flatMap { lo in c.cell.upper.map { "[\(unit.format(lo)), \(unit.format($0))]" } } ?? ""
                    return [String(id), ValueFormat.duration(c.start), unit.format(c.cell.mean), ci, c.cell.count.map(String.init) ?? ""]
                }
            }
            html += ChartFigure(svg: chart.svg(), caption: "\(name) by interval, a line per point",
                                columns: ["point", "interval start", "mean", "CI", "runs"], rows: rows).html
        }
        return html
    }

    /// Values in order of first appearance; more than 12 as their count and, when numbers, range.
    static func distinct(_ values: [String]) -> [String] {
        var out: [String] = []
        for v in values where !out.contains(v) { out.append(v) }
        guard out.count > 12 else { return out }
        let numbers = out.compactMap(WrittenNumber.parse)
        if numbers.count == out.count, let lo = numbers.min(by: { $0.value < $1.value }), let hi = numbers.max(by: { $0.value < $1.value }) {
            return ["\(out.count) values from \(lo.text) to \(hi.text)"]
        }
        return Array(out.prefix(12)) + ["… (\(out.count) values)"]
    }
}

/// A value as written, with the number it starts with: `63.42m` → 63.42, `×0.9` → 0.9.
private struct WrittenNumber {
    var text: String
    var value: Double

    static func parse(_ text: String) -> WrittenNumber? {
        let body = text.hasPrefix("×") ? String(text.dropFirst()) : text
        let digits = body.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "+" }
        guard let value = Double(digits) else { return nil }
        return WrittenNumber(text: text, value: value)
    }
}
