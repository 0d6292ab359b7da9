/// A histogram of a sample (e.g. each replication's ROI) in bins of a nice width, with optional
/// vertical reference lines (zero, the mean, the confidence interval's ends).
public struct Histogram {
    public var title: String
    public var xLabel: String
    public var values: [Double]
    public var references: [(value: Double, label: String)] = []
    public var xFormat: (Double) -> String
    public var width = 860.0
    public var height = 260.0

    public init(title: String, xLabel: String, values: [Double], xFormat: @escaping (Double) -> String = { svgNumber($0) }) {
        self.title = title
        self.xLabel = xLabel
        self.values = values.filter(\.isFinite)
        self.xFormat = xFormat
    }

    /// Bins of equal nice width covering the sample: (lower edge, upper edge, count).
    public var bins: [(lower: Double, upper: Double, count: Int)] {
        guard let lo = values.min(), let hi = values.max() else { return [] }
        let target = Swift.min(12, Swift.max(6, Int(Double(values.count).squareRoot().rounded(.up)) + 1))
        let scale = NiceScale(min: lo, max: hi, maxTicks: target)
        let count = Swift.max(1, Int(((scale.upper - scale.lower) / scale.step).rounded()))
        var counts = Array(repeating: 0, count: count)
        // A value on an edge goes to the bin above it; the tolerance keeps 3.0 out of [2.8, 3.0).
        for v in values { counts[Swift.min(count - 1, Swift.max(0, Int(((v - scale.lower) / scale.step + 1e-9).rounded(.down))))] += 1 }
        return counts.enumerated().map { (scale.lower + Double($0) * scale.step, scale.lower + Double($0 + 1) * scale.step, $1) }
    }

    public func svg() -> String {
        let bins = bins
        let yScale = NiceScale(min: 0, max: Double(bins.map(\.count).max() ?? 1), maxTicks: 5)
        let legend = references.enumerated().map { (name: $0.element.label, colour: Self.referenceColour($0.offset), dashed: true) }
        let frame = ChartFrame(width: width, height: height, title: title, yLabel: "replications", yScale: yScale,
                               yFormat: { ValueFormat.number($0) }, legend: legend)
        let xs = bins.flatMap { [$0.lower, $0.upper] } + references.map(\.value)
        let xMin = xs.min() ?? 0, xMax = Swift.max(xs.max() ?? 1, xMin + 1e-9)
        func px(_ v: Double) -> Double { frame.left + frame.plotWidth * (v - xMin) / (xMax - xMin) }
        var s = frame.open(description: "\(values.count) values in \(bins.count) bins; \(xLabel).")
        let axisY = frame.top + frame.plotHeight
        for tick in NiceScale(min: xMin, max: xMax, maxTicks: 8).ticks where tick >= xMin - 1e-9 && tick <= xMax + 1e-9 {
            let tx = svgNumber(px(tick))
            s += "<line x1=\"\(tx)\" x2=\"\(tx)\" y1=\"\(svgNumber(axisY))\" y2=\"\(svgNumber(axisY + 5))\" stroke=\"#444\"/>"
            s += "<text x=\"\(tx)\" y=\"\(svgNumber(axisY + 18))\" text-anchor=\"middle\" fill=\"#444\">\(xmlEscaped(xFormat(tick)))</text>"
        }
        s += "<text x=\"\(svgNumber(frame.left + frame.plotWidth / 2))\" y=\"\(svgNumber(height - 4))\" text-anchor=\"middle\" fill=\"#444\">\(xmlEscaped(xLabel))</text>"
        for bin in bins where bin.count > 0 {
            let x0 = px(bin.lower), x1 = px(bin.upper), y = frame.y(Double(bin.count))
            s += "<rect class=\"bar\" x=\"\(svgNumber(x0 + 1))\" y=\"\(svgNumber(y))\" width=\"\(svgNumber(Swift.max(x1 - x0 - 2, 1)))\" height=\"\(svgNumber(axisY - y))\" fill=\"\(Palette.colour(0))\"><title>\(xmlEscaped(xFormat(bin.lower))) to \(xmlEscaped(xFormat(bin.upper))): \(bin.count)</title></rect>"
        }
        for (i, reference) in references.enumerated() {
            let rx = svgNumber(px(reference.value))
            s += "<line class=\"reference\" x1=\"\(rx)\" x2=\"\(rx)\" y1=\"\(svgNumber(frame.top))\" y2=\"\(svgNumber(axisY))\" stroke=\"\(Self.referenceColour(i))\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>"
        }
        return s + "</svg>"
    }

    /// Reference lines in dark, palette-distinct colours (black, vermillion, bluish green, …).
    static func referenceColour(_ i: Int) -> String { ["#000000", "#D55E00", "#009E73", "#CC79A7"][i % 4] }
}
