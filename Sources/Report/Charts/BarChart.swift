/// A grouped bar chart: one group per category (e.g. a team), one bar per series, with an
/// optional error bar per bar (a confidence interval). Bars start at zero, so lengths compare.
public struct BarChart {
    public var title: String
    public var yLabel: String
    public var categories: [String]
    public var series: [ChartSeries]
    /// Per series, per category: the interval drawn as an error bar, if any.
    public var errors: [[ClosedRange<Double>?]] = []
    public var yFormat: (Double) -> String
    public var yMax: Double?
    public var width = 860.0
    public var height = 260.0

    public init(title: String, yLabel: String, categories: [String], series: [ChartSeries],
                yFormat: @escaping (Double) -> String = { svgNumber($0) }) {
        self.title = title
        self.yLabel = yLabel
        self.categories = categories
        self.series = series
        self.yFormat = yFormat
    }

    public func svg() -> String {
        let values = series.flatMap { $0.values.compactMap { $0 } } + errors.flatMap { $0.compactMap { $0?.upperBound } }
        let yScale = NiceScale(min: Swift.min(0, values.min() ?? 0), max: yMax ?? values.max() ?? 1)
        let legend = series.count > 1 ? series.enumerated().map { (name: $0.element.name, colour: Palette.colour($0.offset), dashed: false) } : []
        let frame = ChartFrame(width: width, height: height, title: title, yLabel: yLabel, yScale: yScale, yFormat: yFormat, legend: legend)
        var s = frame.open(description: "\(series.count) series over \(categories.count) categories; \(yLabel).")

        let groupWidth = frame.plotWidth / Double(Swift.max(categories.count, 1))
        let barWidth = Swift.min(60, groupWidth * 0.7 / Double(Swift.max(series.count, 1)))
        let zero = frame.y(Swift.max(0, yScale.lower))
        for (c, category) in categories.enumerated() {
            let groupLeft = frame.left + groupWidth * Double(c)
            let barsLeft = groupLeft + (groupWidth - barWidth * Double(series.count)) / 2
            s += "<text x=\"\(svgNumber(groupLeft + groupWidth / 2))\" y=\"\(svgNumber(frame.top + frame.plotHeight + 18))\" text-anchor=\"middle\" fill=\"#444\">\(xmlEscaped(category))</text>"
            for (i, one) in series.enumerated() {
                guard c < one.values.count, let value = one.values[c] else { continue }
                let x = barsLeft + barWidth * Double(i)
                let y = frame.y(value)
                s += "<rect class=\"bar\" data-name=\"\(xmlEscaped(one.name))\" x=\"\(svgNumber(x + 1))\" y=\"\(svgNumber(Swift.min(y, zero)))\" width=\"\(svgNumber(barWidth - 2))\" height=\"\(svgNumber(abs(zero - y)))\" fill=\"\(Palette.colour(i))\"><title>\(xmlEscaped(one.name)) · \(xmlEscaped(category)): \(xmlEscaped(yFormat(value)))</title></rect>"
                // The value label sits above the bar or its error bar, whichever is higher.
                var labelY = Swift.min(y, zero)
                if i < errors.count, c < errors[i].count, let range = errors[i][c] { labelY = Swift.min(labelY, frame.y(range.upperBound)) }
                s += "<text x=\"\(svgNumber(x + barWidth / 2))\" y=\"\(svgNumber(labelY - 6))\" text-anchor=\"middle\" fill=\"#222\">\(xmlEscaped(yFormat(value)))</text>"
                if i < errors.count, c < errors[i].count, let range = errors[i][c] {
                    let cx = svgNumber(x + barWidth / 2)
                    s += "<line class=\"error\" x1=\"\(cx)\" x2=\"\(cx)\" y1=\"\(svgNumber(frame.y(range.lowerBound)))\" y2=\"\(svgNumber(frame.y(range.upperBound)))\" stroke=\"#222\" stroke-width=\"1.5\"/>"
                }
            }
        }
        return s + "</svg>"
    }
}
