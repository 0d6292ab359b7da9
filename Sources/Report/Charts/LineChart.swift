/// A line chart over a shared numeric x axis (e.g. hours into the run), one line per series,
/// with an optional dashed reference line (a target) and markers at flagged points (intervals
/// that miss it). Output is a standalone `<svg>` element: no script, no external resources.
public struct LineChart {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var x: [Double]
    public var series: [ChartSeries]
    public var yFormat: (Double) -> String
    public var xTicks: [(value: Double, label: String)]?
    public var xFormat: (Double) -> String = { svgNumber($0) }
    /// Pinned axis bounds (e.g. 0–100% for a share); otherwise taken from the data.
    public var yMin: Double?
    public var yMax: Double?
    public var reference: (value: Double, label: String)?
    /// Per series, the indices of points to mark (drawn as ✕, so the mark does not rely on colour).
    public var marked: [Int: [Int]] = [:]
    public var markedLabel = "flagged"
    /// Per series, a shaded band per x position (a confidence interval), drawn under the line.
    public var bands: [Int: [ClosedRange<Double>?]] = [:]
    /// Series drawn dashed: a line often equal to another one, put last so it shows on top of it
    /// with the other visible through its gaps.
    public var dashed: Set<Int> = []
    /// Draw a dot at every point (few points, e.g. a sweep); `connect: false` draws only the dots.
    public var dots = false
    public var connect = true
    public var width = 860.0
    public var height = 280.0

    public init(title: String, xLabel: String, yLabel: String, x: [Double], series: [ChartSeries],
                yFormat: @escaping (Double) -> String = { svgNumber($0) }) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.x = x
        self.series = series
        self.yFormat = yFormat
    }

    public func svg() -> String {
        let bandValues = bands.values.flatMap { $0.compactMap { $0 }.flatMap { [$0.lowerBound, $0.upperBound] } }
        let values = series.flatMap { $0.values.compactMap { $0 } } + (reference.map { [$0.value] } ?? []) + bandValues
        let yScale = NiceScale(min: yMin ?? values.min() ?? 0, max: yMax ?? values.max() ?? 1)
        var legend = series.enumerated().map { (name: $0.element.name, colour: Palette.colour($0.offset), dashed: dashed.contains($0.offset)) }
        if let reference { legend.append((name: reference.label, colour: "#555", dashed: true)) }
        if !marked.values.allSatisfy(\.isEmpty) { legend.append((name: "✕ " + markedLabel, colour: "#fff", dashed: false)) }
        if legend.count == 1 && reference == nil && marked.isEmpty { legend = [] }
        let frame = ChartFrame(width: width, height: height, title: title, yLabel: yLabel, yScale: yScale, yFormat: yFormat, legend: legend)

        let xMin = x.min() ?? 0, xMax = Swift.max(x.max() ?? 1, xMin + 1e-9)
        func px(_ v: Double) -> Double { frame.left + frame.plotWidth * (v - xMin) / (xMax - xMin) }
        let clampY = { (v: Double) in frame.y(Swift.min(Swift.max(v, yScale.lower), yScale.upper)) }

        var s = frame.open(description: "\(series.count) series of \(x.count) points; \(yLabel) against \(xLabel).")
        let ticks = xTicks ?? NiceScale(min: xMin, max: xMax, maxTicks: 8).ticks.filter { $0 >= xMin && $0 <= xMax }.map { ($0, xFormat($0)) }
        let axisY = frame.top + frame.plotHeight
        for tick in ticks {
            let tx = svgNumber(px(tick.value))
            s += "<line x1=\"\(tx)\" x2=\"\(tx)\" y1=\"\(svgNumber(axisY))\" y2=\"\(svgNumber(axisY + 5))\" stroke=\"#444\"/>"
            s += "<text x=\"\(tx)\" y=\"\(svgNumber(axisY + 18))\" text-anchor=\"middle\" fill=\"#444\">\(xmlEscaped(tick.label))</text>"
        }
        s += "<text x=\"\(svgNumber(frame.left + frame.plotWidth / 2))\" y=\"\(svgNumber(height - 4))\" text-anchor=\"middle\" fill=\"#444\">\(xmlEscaped(xLabel))</text>"

        if let reference {
            let ry = svgNumber(frame.y(reference.value))
            s += "<line class=\"reference\" x1=\"\(svgNumber(frame.left))\" x2=\"\(svgNumber(width - frame.right))\" y1=\"\(ry)\" y2=\"\(ry)\" stroke=\"#555\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>"
        }
        for (i, band) in bands.sorted(by: { $0.key < $1.key }) {
            // One polygon per run of defined intervals: along the upper bounds, back along the lower.
            var run: [(x: Double, range: ClosedRange<Double>)] = []
            func close() {
                defer { run = [] }
                guard !run.isEmpty else { return }
                let upper = run.map { svgNumber(px($0.x)) + " " + svgNumber(clampY($0.range.upperBound)) }
                let lower = run.reversed().map { svgNumber(px($0.x)) + " " + svgNumber(clampY($0.range.lowerBound)) }
                s += "<path class=\"band\" d=\"M" + (upper + lower).joined(separator: "L") + "Z\" fill=\"\(Palette.colour(i))\" fill-opacity=\"0.2\" stroke=\"none\"/>"
            }
            for (j, range) in band.enumerated() where j < x.count {
                if let range { run.append((x[j], range)) } else { close() }
            }
            close()
        }
        for (i, one) in series.enumerated() {
            // A path with a fresh "M" after every gap, so undefined points break the line.
            var d = "", penDown = false, points = 0
            for (j, value) in one.values.enumerated() where j < x.count {
                guard let value else { penDown = false; continue }
                d += (penDown ? "L" : "M") + svgNumber(px(x[j])) + " " + svgNumber(clampY(value))
                penDown = true
                points += 1
            }
            s += "<path class=\"series\" data-name=\"\(xmlEscaped(one.name))\" data-points=\"\(points)\" d=\"\(connect ? d : "")\" fill=\"none\" stroke=\"\(Palette.colour(i))\" stroke-width=\"\(dashed.contains(i) ? "2" : "1.5")\"\(dashed.contains(i) ? " stroke-dasharray=\"5 4\"" : "") stroke-linejoin=\"round\"/>"
            if dots || !connect {
                for (j, value) in one.values.enumerated() where j < x.count {
                    guard let value else { continue }
                    s += "<circle class=\"dot\" cx=\"\(svgNumber(px(x[j])))\" cy=\"\(svgNumber(clampY(value)))\" r=\"3\" fill=\"\(Palette.colour(i))\"/>"
                }
            }
            for j in marked[i] ?? [] where j < x.count {
                guard let value = one.values[j] else { continue }
                let cx = px(x[j]), cy = clampY(value)
                s += "<path class=\"mark\" d=\"M\(svgNumber(cx - 3)) \(svgNumber(cy - 3))L\(svgNumber(cx + 3)) \(svgNumber(cy + 3))M\(svgNumber(cx - 3)) \(svgNumber(cy + 3))L\(svgNumber(cx + 3)) \(svgNumber(cy - 3))\" stroke=\"#000\" stroke-width=\"1.5\"/>"
            }
        }
        return s + "</svg>"
    }
}
