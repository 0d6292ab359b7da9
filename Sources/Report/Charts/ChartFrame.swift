/// The parts every chart shares: the plot area, title, y gridlines with nice ticks, axis
/// labels and the legend. Line and bar charts draw their marks inside it.
struct ChartFrame {
    var width: Double
    var height: Double
    var title: String
    var yLabel: String
    var yScale: NiceScale
    var yFormat: (Double) -> String
    var legend: [(name: String, colour: String, dashed: Bool)]

    let left = 64.0, right = 16.0, bottom = 40.0

    /// Room for the title and, when there is more than one entry, a legend row.
    var top: Double { legend.isEmpty ? 40 : 60 }
    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }

    func y(_ value: Double) -> Double {
        top + plotHeight * (1 - (value - yScale.lower) / (yScale.upper - yScale.lower))
    }

    /// Opening tag, accessible title, visible title, gridlines, y ticks and the legend.
    func open(description: String) -> String {
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(height))\" width=\"\(svgNumber(width))\" height=\"\(svgNumber(height))\" font-family=\"system-ui, sans-serif\" font-size=\"12\">"
        s += "<title>\(xmlEscaped(title))</title><desc>\(xmlEscaped(description))</desc>"
        s += "<text x=\"\(svgNumber(left))\" y=\"20\" font-size=\"15\" font-weight=\"600\" fill=\"#222\">\(xmlEscaped(title))</text>"
        for tick in yScale.ticks {
            let y = svgNumber(y(tick))
            s += "<line x1=\"\(svgNumber(left))\" x2=\"\(svgNumber(width - right))\" y1=\"\(y)\" y2=\"\(y)\" stroke=\"#ddd\" stroke-width=\"1\"/>"
            s += "<text x=\"\(svgNumber(left - 6))\" y=\"\(y)\" dy=\"4\" text-anchor=\"end\" fill=\"#444\">\(xmlEscaped(yFormat(tick)))</text>"
        }
        s += "<text transform=\"translate(14 \(svgNumber(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" fill=\"#444\">\(xmlEscaped(yLabel))</text>"
        s += "<line x1=\"\(svgNumber(left))\" x2=\"\(svgNumber(width - right))\" y1=\"\(svgNumber(top + plotHeight))\" y2=\"\(svgNumber(top + plotHeight))\" stroke=\"#444\" stroke-width=\"1\"/>"
        var x = left
        for entry in legend {
            s += "<g class=\"legend\">"
            if entry.dashed {
                s += "<line x1=\"\(svgNumber(x))\" x2=\"\(svgNumber(x + 18))\" y1=\"38\" y2=\"38\" stroke=\"\(entry.colour)\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"
            } else {
                s += "<rect x=\"\(svgNumber(x))\" y=\"32\" width=\"18\" height=\"12\" fill=\"\(entry.colour)\"/>"
            }
            s += "<text x=\"\(svgNumber(x + 24))\" y=\"42\" fill=\"#222\">\(xmlEscaped(entry.name))</text></g>"
            x += 24 + Double(entry.name.count) * 7 + 18
        }
        return s
    }
}
