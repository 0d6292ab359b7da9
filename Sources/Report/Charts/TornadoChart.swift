/// A tornado chart: one horizontal row per input, a bar from the base result to the result with
/// the input at its low end and another to the result at its high end, rows sorted widest first
/// — which inputs the answer is most sensitive to reads off the top.
public struct TornadoChart {
    public struct Row: Sendable {
        public var label: String
        public var atLow: Double?
        public var atHigh: Double?

        public init(label: String, atLow: Double?, atHigh: Double?) {
            self.label = label
            self.atLow = atLow
            self.atHigh = atHigh
        }

        public var swing: Double { abs((atHigh ?? 0) - (atLow ?? 0)) }
    }

    public var title: String
    public var xLabel: String
    public var base: Double
    public var rows: [Row]
    public var lowName = "input at its low end"
    public var highName = "input at its high end"
    public var xFormat: (Double) -> String
    public var width = 860.0
    public var rowHeight = 26.0
    /// Room for the row labels on the left; nil: sized to the longest label.
    public var labelWidth: Double?

    public init(title: String, xLabel: String, base: Double, rows: [Row], xFormat: @escaping (Double) -> String = { svgNumber($0) }) {
        self.title = title
        self.xLabel = xLabel
        self.base = base
        self.rows = rows
        self.xFormat = xFormat
    }

    /// Rows widest swing first (stable for ties), as drawn.
    public var sortedRows: [Row] {
        rows.enumerated().sorted { ($0.element.swing, -$0.offset) > ($1.element.swing, -$1.offset) }.map(\.element)
    }

    public func svg() -> String {
        let shown = sortedRows
        let values = [base] + shown.flatMap { [$0.atLow, $0.atHigh].compactMap { $0 } }
        let scale = NiceScale(min: values.min() ?? 0, max: values.max() ?? 1, maxTicks: 7)
        let top = 60.0, bottom = 44.0, right = 24.0
        let height = top + bottom + rowHeight * Double(max(shown.count, 1))
        let longest = Double(rows.map(\.label.count).max() ?? 0)
        let left = labelWidth ?? Swift.min(width / 2, Swift.max(120, longest * 7 + 16)), plotWidth = width - left - right
        func px(_ v: Double) -> Double { left + plotWidth * (v - scale.lower) / (scale.upper - scale.lower) }
        let axisY = top + rowHeight * Double(shown.count)

        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(height))\" width=\"\(svgNumber(width))\" height=\"\(svgNumber(height))\" font-family=\"system-ui, sans-serif\" font-size=\"12\">"
        s += "<title>\(xmlEscaped(title))</title><desc>\(xmlEscaped("\(shown.count) inputs; \(xLabel) with each input at its low and high end, the rest at base \(xFormat(base))."))</desc>"
        s += "<text x=\"8\" y=\"20\" font-size=\"15\" font-weight=\"600\" fill=\"#222\">\(xmlEscaped(title))</text>"
        var lx = left
        for (i, name) in [lowName, highName].enumerated() {
            s += "<g class=\"legend\"><rect x=\"\(svgNumber(lx))\" y=\"32\" width=\"18\" height=\"12\" fill=\"\(Palette.colour(i))\"/><text x=\"\(svgNumber(lx + 24))\" y=\"42\" fill=\"#222\">\(xmlEscaped(name))</text></g>"
            lx += 24 + Double(name.count) * 7 + 18
        }
        for tick in scale.ticks {
            let x = svgNumber(px(tick))
            s += "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(svgNumber(top))\" y2=\"\(svgNumber(axisY))\" stroke=\"#ddd\"/>"
            s += "<text x=\"\(x)\" y=\"\(svgNumber(axisY + 16))\" text-anchor=\"middle\" fill=\"#444\">\(xmlEscaped(xFormat(tick)))</text>"
        }
        s += "<text x=\"\(svgNumber(left + plotWidth / 2))\" y=\"\(svgNumber(height - 6))\" text-anchor=\"middle\" fill=\"#444\">\(xmlEscaped(xLabel))</text>"
        for (r, row) in shown.enumerated() {
            let y = top + rowHeight * Double(r)
            s += "<text x=\"\(svgNumber(left - 8))\" y=\"\(svgNumber(y + rowHeight / 2 + 4))\" text-anchor=\"end\" fill=\"#222\">\(xmlEscaped(row.label))</text>"
            for (i, value) in [row.atLow, row.atHigh].enumerated() {
                guard let value else { continue }
                let x0 = px(Swift.min(base, value)), x1 = px(Swift.max(base, value))
                // Low-end bar in the upper half of the row, high-end in the lower half: both stay visible when they point the same way.
                let by = y + 3 + Double(i) * (rowHeight - 6) / 2
                s += "<rect class=\"bar\" data-name=\"\(xmlEscaped(row.label))\" x=\"\(svgNumber(x0))\" y=\"\(svgNumber(by))\" width=\"\(svgNumber(Swift.max(x1 - x0, 1)))\" height=\"\(svgNumber((rowHeight - 6) / 2))\" fill=\"\(Palette.colour(i))\"><title>\(xmlEscaped(row.label)) at its \(i == 0 ? "low" : "high") end: \(xmlEscaped(xFormat(value)))</title></rect>"
            }
        }
        let bx = svgNumber(px(base))
        s += "<line class=\"reference\" x1=\"\(bx)\" x2=\"\(bx)\" y1=\"\(svgNumber(top - 4))\" y2=\"\(svgNumber(axisY))\" stroke=\"#222\" stroke-width=\"1.5\"/>"
        s += "<line x1=\"\(svgNumber(left))\" x2=\"\(svgNumber(width - right))\" y1=\"\(svgNumber(axisY))\" y2=\"\(svgNumber(axisY))\" stroke=\"#444\"/>"
        return s + "</svg>"
    }
}
