import Foundation
import Testing
import Report

/// Line and bar charts are well-formed SVG with one mark per series/point, and names are escaped.
struct ChartTests {
    @Test func lineChartHasOnePathPerSeriesAndCountsPoints() throws {
        var chart = LineChart(title: "Offered", xLabel: "hours", yLabel: "contacts", x: [0, 0.5, 1, 1.5],
                              series: [ChartSeries(name: "voice", values: [1, 2, 3, 4]),
                                       ChartSeries(name: "chat", values: [2, nil, 1, 0])])
        chart.reference = (3, "target")
        chart.marked = [0: [0, 1]]
        let parsed = try #require(SVGParsing.parse(chart.svg()))
        #expect(parsed.elements["svg"] == 1)
        #expect(parsed.classes["series"] == 2)
        #expect(parsed.dataPoints == [4, 3])
        #expect(parsed.classes["reference"] == 1)
        #expect(parsed.classes["mark"] == 2)
        #expect(parsed.elements["title"] == 1)
    }

    @Test func gapsBreakTheLine() {
        let svg = LineChart(title: "t", xLabel: "x", yLabel: "y", x: [0, 1, 2, 3],
                            series: [ChartSeries(name: "s", values: [1, nil, 1, 1])]).svg()
        let d = svg.components(separatedBy: "d=\"")[1].prefix { $0 != "\"" }
        #expect(d.filter { $0 == "M" }.count == 2)
    }

    @Test func barChartHasOneBarPerDefinedValue() throws {
        var chart = BarChart(title: "Occupancy", yLabel: "share", categories: ["a", "b", "c"],
                             series: [ChartSeries(name: "occupancy", values: [0.5, 0.9, nil])])
        chart.errors = [[0.4...0.6, nil, nil]]
        let parsed = try #require(SVGParsing.parse(chart.svg()))
        #expect(parsed.classes["bar"] == 2)
        #expect(parsed.classes["error"] == 1)
    }

    @Test func namesAreEscaped() throws {
        let name = "R&D <tier> \"2\""
        let line = LineChart(title: "A & B <c>", xLabel: "x", yLabel: "y", x: [0, 1],
                             series: [ChartSeries(name: name, values: [1, 2]), ChartSeries(name: "other", values: [2, 1])]).svg()
        let bars = BarChart(title: "<b>", yLabel: "y", categories: [name], series: [ChartSeries(name: name, values: [1])]).svg()
        for svg in [line, bars] {
            let parsed = try #require(SVGParsing.parse(svg), "not well-formed: \(svg)")
            #expect(parsed.dataNames.contains(name))
            #expect(parsed.text.contains(name))
        }
        #expect(xmlEscaped("a<b&c>'\"") == "a&lt;b&amp;c&gt;&#39;&quot;")
    }

    @Test func paletteIsOkabeIto() {
        #expect(Palette.colour(0) == "#0072B2")
        #expect(Palette.colour(8) == Palette.colour(0))
        #expect(Set(Palette.okabeIto).count == 8)
    }
}
