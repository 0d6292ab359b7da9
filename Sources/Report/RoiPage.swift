/// The report of a `ccsim roi --out` folder: the headline (ROI with its confidence interval, the
/// probability that the program pays, payback), the ROI of every paired replication as a
/// histogram, the payback curve (cumulative net benefit by week with its band), the tornado of
/// sensitivities, and the tables of money lines and operational changes.
struct RoiPage {
    var results: RoiResults

    static func money(_ x: Double?) -> String { ValueFormat.money(x) }
    static func percent(_ x: Double?) -> String { ValueFormat.percent(x) }

    static func withCI(_ e: RoiResults.Estimate?, _ format: (Double?) -> String) -> String {
        guard let e else { return "—" }
        guard let lo = e.lower, let hi = e.upper else { return format(e.mean) }
        return "\(format(e.mean)) [\(format(lo)), \(format(hi))]"
    }

    var subject: String {
        let programs = results.programs.joined(separator: " + ")
        return results.versus.map { "\(programs) versus \($0)" } ?? "\(programs) versus no training"
    }

    var header: String {
        var s = "<header><h1>Training ROI — \(xmlEscaped(results.scenario))</h1>"
        if let file = results.file { s += "<p class=\"meta\">Scenario file <code>\(xmlEscaped(file))</code></p>" }
        var settings = "\(subject) · \(results.replications) paired replications × \(results.weeks) weeks"
        if let mode = results.mode { settings += " · mode \(mode)" }
        if let seed = results.seed { settings += " · seed \(seed)" }
        settings += " · \(ValueFormat.percent(results.confidenceLevel, digits: 0)) confidence intervals · common random numbers"
        return s + "<p class=\"meta\">\(xmlEscaped(settings))</p></header>\n"
    }

    var keyFigures: String {
        let r = results, p = r.probabilityPositive
        var pairs: [(String, String)] = [
            ("ROI = (benefit − cost) / cost", Self.withCI(r.roi, Self.percent)),
            ("probability the program pays (net > 0)", "\(ValueFormat.percent(p.share, digits: 0)) [\(ValueFormat.percent(p.lower, digits: 0)), \(ValueFormat.percent(p.upper, digits: 0))]"),
            ("net benefit", Self.withCI(r.net, Self.money)),
            ("benefit", Self.withCI(r.benefit, Self.money)),
            ("cost", Self.withCI(r.cost, Self.money)),
        ]
        var payback = "\(ValueFormat.percent(r.payback.withinHorizon, digits: 0)) of replications pay back within \(r.weeks) weeks"
        if let median = r.payback.median {
            payback = "median week \(ValueFormat.number(median))"
                + (r.payback.p10.map { lo in r.payback.p90.map { " (10–90%: weeks \(ValueFormat.number(lo))–\(ValueFormat.number($0)))" } ?? " (10%: week \(ValueFormat.number(lo)))" } ?? "")
                + "; " + payback
        }
        pairs.append(("payback", payback))
        if let v = r.varianceReduction {
            pairs.append(("variance reduction from pairing", "×\(ValueFormat.number(v)) (an unpaired design's interval would be \(ValueFormat.number(v.squareRoot()))× wider)"))
        }
        return "<h2>Result</h2>\n" + HTMLShell.keyFigures(pairs)
    }

    var distribution: ChartFigure {
        let values = results.roiByReplication.compactMap { $0 }
        var chart = Histogram(title: "ROI of each paired replication", xLabel: "ROI", values: values, xFormat: ValueFormat.percentTick)
        chart.references = [(0, "break-even")]
        if let roi = results.roi {
            chart.references.append((roi.mean, "mean \(ValueFormat.percent(roi.mean))"))
            if let lo = roi.lower, let hi = roi.upper {
                chart.references.append((lo, "CI \(ValueFormat.percent(lo))"))
                chart.references.append((hi, "CI \(ValueFormat.percent(hi))"))
            }
        }
        let rows = results.roiByReplication.enumerated().map { [String($0.offset + 1), ValueFormat.percent($0.element)] }
        return ChartFigure(svg: chart.svg(), caption: "ROI of each paired replication", columns: ["replication", "ROI"], rows: rows)
    }

    var paybackCurve: ChartFigure {
        let weeks = results.cumulativeNet.indices.map { Double($0 + 1) }
        let band = "band: \(ValueFormat.percent(results.confidenceLevel, digits: 0)) CI"
        var chart = LineChart(title: "Payback: cumulative net benefit by week (\(band))", xLabel: "week", yLabel: "cumulative net benefit",
                              x: weeks, series: [ChartSeries(name: "cumulative net benefit (mean)", values: results.cumulativeNet.map(\.mean))],
                              yFormat: ValueFormat.number)
        chart.xFormat = { "w\(ValueFormat.number($0))" }
        chart.yMin = nil
        chart.reference = (0, "break-even")
        chart.bands = [0: results.cumulativeNet.map { e in e.lower.flatMap { lo in e.upper.map { lo...$0 } } }]
        let rows = results.cumulativeNet.enumerated().map { [String($0.offset + 1), Self.money($0.element.mean), Self.money($0.element.lower), Self.money($0.element.upper)] }
        return ChartFigure(svg: chart.svg(), caption: "Payback: cumulative net benefit by week",
                           columns: ["week", "cumulative net", "CI lower", "CI upper"], rows: rows)
    }

    var tornado: ChartFigure? {
        guard let sensitivity = results.sensitivity, !sensitivity.rows.isEmpty else { return nil }
        let base = sensitivity.baseRoi ?? results.roi?.mean ?? 0
        let rows = sensitivity.rows.map { TornadoChart.Row(label: "\($0.range.program) · \($0.range.effect)", atLow: $0.roiAtLow, atHigh: $0.roiAtHigh) }
        var chart = TornadoChart(title: "Sensitivity of ROI to each uncertain effect", xLabel: "ROI (others at their means; line: ROI at the means \(ValueFormat.percent(base)))",
                                 base: base, rows: rows, xFormat: ValueFormat.percentTick)
        chart.lowName = "effect at its 5th percentile"
        chart.highName = "effect at its 95th percentile"
        let byLabel = Dictionary(zip(rows.map(\.label), sensitivity.rows), uniquingKeysWith: { a, _ in a })
        let table = chart.sortedRows.compactMap { row -> [String]? in
            guard let r = byLabel[row.label] else { return nil }
            return [row.label, ValueFormat.number(r.range.low), ValueFormat.number(r.range.base), ValueFormat.number(r.range.high),
                    ValueFormat.percent(r.roiAtLow), ValueFormat.percent(r.roiAtHigh), ValueFormat.percent(row.swing)]
        }
        return ChartFigure(svg: chart.svg(), caption: "Sensitivity of ROI (\(sensitivity.replications) paired replications each)",
                           columns: ["effect", "low", "base", "high", "ROI at low", "ROI at high", "swing"], rows: table)
    }

    var moneyTable: String {
        var s = "<h2>Money lines</h2>\n"
        let rows = results.lines.map { [$0.label, $0.isCost ? "cost" : "benefit", Self.withCI($0.estimate, Self.money)] }
        s += HTMLShell.table(["line", "kind", "over the horizon [CI]"], rows)
        if !results.changes.isEmpty {
            s += "<h2>What changes (with training − without)</h2>\n"
            let format: (String) -> (Double?) -> String = { unit in
                switch unit {
                case "share": return { ValueFormat.percent($0) }
                case "seconds": return { ValueFormat.duration($0) }
                default: return { ValueFormat.number($0) }
                }
            }
            let rows = results.changes.map { c in
                [c.name, Self.withCI(c.difference.with, format(c.unit)), Self.withCI(c.difference.without, format(c.unit)),
                 c.unit == "seconds" ? Self.withCI(c.difference.change, { ValueFormat.number($0) }) + " s" : Self.withCI(c.difference.change, format(c.unit))]
            }
            s += HTMLShell.table(["figure", "with", "without", "change [CI]"], rows)
        }
        return s
    }

    func html(source: String) -> String {
        var body = header + keyFigures + "<h2>Distribution and payback</h2>\n" + distribution.html + paybackCurve.html
        if let tornado { body += "<h2>Sensitivity</h2>\n" + tornado.html }
        body += moneyTable
        return HTMLShell.page(title: "ccsim report — ROI — \(results.scenario)", body: body, source: source, version: results.ccsimVersion,
                              note: "Every figure is a mean over paired replications (with and without training on the same random numbers); brackets are its confidence interval.")
    }
}
