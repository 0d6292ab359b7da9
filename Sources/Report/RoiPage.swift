import ResultsSchema

/// The report of a `ccsim roi --out` folder. It opens with the plain-language verdict (the same
/// sentence as the terminal), then the ranking when several programs were compared, the
/// headline (ROI with its confidence interval, NPV, the probability that the program pays,
/// payback, capacity freed apart from cash), a "how to read this" box, the ROI of every paired
/// replication as a histogram, the payback curve, break-even effects, the tornado of
/// sensitivities, and the tables of money lines and operational changes, all in words.
struct RoiPage {
    var results: RoiResults

    static func money(_ x: Double?) -> String { ValueFormat.money(x) }

    /// Effect names in words (the same as the terminal's `EffectRange.words`).
    static func words(_ effect: String) -> String {
        switch effect {
        case "handle_time": "handle time"
        case "fcr": "first-contact resolution"
        case "escalation": "escalations"
        case "repeats": "repeat contacts"
        case "learning_time_constant": "time to learn"
        default: effect
        }
    }

    var verdict: String {
        guard let verdict = results.rankingVerdict ?? results.verdict else { return "" }
        return "<p style=\"font-size:1.3em;font-weight:600;margin:0.6em 0\">\(xmlEscaped(verdict)).</p>\n"
    }

    var howToRead: String {
        guard let items = results.howToRead, !items.isEmpty else { return "" }
        return "<aside style=\"border:1px solid #bbb;border-left:6px solid #0072B2;background:#f5f8fb;padding:6px 14px;margin:1em 0;max-width:60em\">"
            + "<h3 style=\"margin:0.3em 0\">How to read this</h3><ul>" + items.map { "<li>\(xmlEscaped($0))</li>" }.joined() + "</ul></aside>\n"
    }

    var ranking: String {
        guard let rows = results.ranking, rows.count > 1 else { return "" }
        let table = rows.enumerated().map { k, r in
            [String(k + 1), r.program, Self.money(r.cost), Self.money(r.benefit), Self.moneyWithCI(r.net), Self.money(r.npv),
             Self.percent(r.roi), r.paybackMedian.map { "week \(ValueFormat.number($0))" } ?? "never",
             ValueFormat.percent(r.probabilityPositive, digits: 0), ValueFormat.percent(r.probabilityBest, digits: 0),
             r.netOverNext.map { Self.moneyWithCI($0) } ?? "—"]
        }
        return "<h2>Programs compared (each against no training, on the same random numbers)</h2>\n<ul>"
            + rows.map { "<li>\(xmlEscaped($0.verdict)).</li>" }.joined() + "</ul>"
            + HTMLShell.table(["rank", "program", "cost", "cash benefit", "net [CI]", "NPV", "ROI", "payback", "P(ROI > 0)", "P(best)", "net over the next [CI]"], table)
            + "<p class=\"meta\">The rest of this page is the best-ranked program, \(xmlEscaped(rows[0].program)); each program's own files are in programs/&lt;name&gt;/.</p>\n"
    }

    var breakEven: String {
        guard let items = results.breakEven, !items.isEmpty else { return "" }
        return "<h2>Break-even</h2>\n<p class=\"meta\">The size of one effect at which ROI = 0, the other effects as drawn (paired runs).</p><ul>"
            + items.map { "<li>\(xmlEscaped($0.sentence))</li>" }.joined() + "</ul>\n"
    }
    static func percent(_ x: Double?) -> String { ValueFormat.percent(x) }

    static func withCI(_ e: RoiResults.Estimate?, _ format: (Double?) -> String) -> String {
        guard let e else { return "—" }
        guard let lo = e.lower, let hi = e.upper else { return format(e.mean) }
        return "\(format(e.mean)) [\(format(lo)), \(format(hi))]" + ROIWords.heldSuffix(e.clamped)
    }

    /// Money with its interval in one precision (`1,000 [900, 1,100]`, not `1,000 [900.00, 1,100]`).
    static func moneyWithCI(_ e: RoiResults.Estimate?) -> String {
        guard let e else { return "—" }
        let text = ValueText.moneyColumn([e.mean, e.lower, e.upper])
        guard e.lower != nil, e.upper != nil else { return text[0] }
        return "\(text[0]) [\(text[1]), \(text[2])]" + ROIWords.heldSuffix(e.clamped)
    }

    var subject: String {
        let programs = results.programs.joined(separator: " + ")
        return results.versus.map { "\(programs) versus \($0)" } ?? "\(programs) versus no training"
    }

    var header: String {
        var s = "<header><h1>Training ROI — \(xmlEscaped(results.scenario))</h1>"
        if let file = results.file { s += "<p class=\"meta\">Scenario file <code>\(xmlEscaped(file))</code></p>" }
        var settings = "\(results.ranking.map { _ in "best of the programs compared: " } ?? "")\(subject) · \(results.replications) paired replications × \(results.weeks) weeks"
        if let mode = results.mode { settings += " · mode \(mode)" }
        if let seed = results.seed { settings += " · seed \(seed)" }
        settings += " · \(ValueFormat.percent(results.confidenceLevel, digits: 0)) confidence intervals · common random numbers"
        return s + "<p class=\"meta\">\(xmlEscaped(settings))</p></header>\n"
    }

    var keyFigures: String {
        let r = results, p = r.probabilityPositive
        var pairs: [(String, String)] = [
            (ROIWords.roi, Self.withCI(r.roi, Self.percent)),
            ("probability the program pays (net > 0)", "\(ValueFormat.percent(p.share, digits: 0)) [\(ValueFormat.percent(p.lower, digits: 0)), \(ValueFormat.percent(p.upper, digits: 0))]"),
            ("net benefit", Self.moneyWithCI(r.net)),
            ("cash benefit", Self.moneyWithCI(r.benefit)),
            ("cost", Self.moneyWithCI(r.cost)),
        ]
        if let rate = r.discountRate, rate > 0, let npv = r.npv {
            pairs.append(("NPV at \(ValueFormat.percent(rate)) a year", Self.moneyWithCI(npv)))
            if let d = r.discountedPayback {
                pairs.append(("discounted payback", d.median.map { "median week \(ValueFormat.number($0))" } ?? "never within \(r.weeks) weeks (median)"))
            }
        }
        if let c = r.capacity {
            pairs.append(("capacity freed (not cash, not in the ROI)", "\(Self.withCI(c.netHours, { ValueFormat.number($0) })) hours = "
                + "\(Self.withCI(c.netFte, { $0.map { String(format: "%.2f", $0) } ?? "—" })) FTE (handling hours saved \(ValueFormat.number(c.handlingHoursSaved.mean))"
                + " − hours off the phones \(ValueFormat.number(c.offPhoneHours.mean)); 1 FTE = \(ValueFormat.number(c.hoursPerFte)) h a week)"))
        }
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
            // The headline ROI (mean net over mean cost), not the mean of these bars.
            chart.references.append((roi.mean, "ROI \(ValueFormat.percent(roi.mean))"))
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
        let rows = sensitivity.rows.map { TornadoChart.Row(label: "\($0.range.program): \(Self.words($0.range.effect))", atLow: $0.roiAtLow, atHigh: $0.roiAtHigh) }
        var chart = TornadoChart(title: "Sensitivity of ROI to each uncertain effect", xLabel: "ROI (one effect at a percentile, others as drawn; line: the headline ROI on these replications, \(ValueFormat.percent(base)))",
                                 base: base, rows: rows, xFormat: ValueFormat.percentTick)
        chart.lowName = "effect at its 5th percentile"
        chart.highName = "effect at its 95th percentile"
        let byLabel = Dictionary(zip(rows.map(\.label), sensitivity.rows), uniquingKeysWith: { a, _ in a })
        let table = chart.sortedRows.compactMap { row -> [String]? in
            guard let r = byLabel[row.label] else { return nil }
            let size: (Double) -> String = r.range.basis == "points" ? { String(format: "%+.1f pts", $0 * 100) } : { String(format: "%+.0f%%", $0 * 100) }
            return [row.label, size(r.range.low), size(r.range.base), size(r.range.high),
                    ValueFormat.percent(r.roiAtLow), ValueFormat.percent(r.roiAtHigh), ValueFormat.percent(row.swing)]
        }
        return ChartFigure(svg: chart.svg(), caption: "Sensitivity of ROI (\(sensitivity.replications) paired replications each)",
                           columns: ["effect", "5th pct", "mean", "95th pct", "ROI at 5th pct effect", "ROI at 95th pct effect", "swing"], rows: table)
    }

    var moneyTable: String {
        var s = "<h2>Cash lines</h2>\n"
        let rows = results.lines.map { [$0.label, $0.isCost ? "cost" : "benefit", Self.moneyWithCI($0.estimate)] }
        s += HTMLShell.table(["line", "kind", "over the horizon [CI]"], rows)
        if !results.changes.isEmpty {
            s += "<h2>What changes (with training − without)</h2>\n"
            let format: (String) -> (Double?) -> String = { unit in
                switch unit {
                case "share": return { ValueFormat.percent($0) }
                case "seconds": return { ValueFormat.duration($0) }
                default: return { x in x.map { abs($0) >= 1000 ? Self.money($0) : ValueFormat.number($0) } ?? "—" }
                }
            }
            let rows = results.changes.map { c in
                [c.label ?? c.name, Self.withCI(c.difference.with, format(c.unit)), Self.withCI(c.difference.without, format(c.unit)),
                 c.unit == "seconds" ? Self.withCI(c.difference.change, { ValueFormat.number($0) }) + " s" : Self.withCI(c.difference.change, format(c.unit))]
            }
            s += HTMLShell.table(["figure", "with", "without", "change [CI]"], rows)
        }
        return s
    }

    func html(source: String) -> String {
        var body = header + verdict + ranking + keyFigures + howToRead + "<h2>Distribution and payback</h2>\n" + distribution.html + paybackCurve.html
        body += breakEven
        if let tornado { body += "<h2>Sensitivity</h2>\n" + tornado.html }
        body += moneyTable
        return HTMLShell.page(title: "ccsim report — ROI — \(results.scenario)", body: body, source: source, version: results.ccsimVersion,
                              note: "Every figure is a mean over paired replications (with and without training on the same random numbers); brackets are its confidence interval.")
    }
}
