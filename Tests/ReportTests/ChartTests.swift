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

/// The charts added for ROI, staffing and sweeps: bands, tornado and histogram.
struct MoreChartTests {
    @Test func bandsBreakAtGapsAndWidenTheAxis() throws {
        var chart = LineChart(title: "t", xLabel: "x", yLabel: "y", x: [0, 1, 2, 3, 4],
                              series: [ChartSeries(name: "s", values: [1, 1, nil, 1, 1])])
        chart.bands = [0: [0.5...1.5, 0.5...1.5, nil, 0...9, 0.5...1.5]]
        let svg = chart.svg()
        let parsed = try #require(SVGParsing.parse(svg))
        #expect(parsed.classes["band"] == 2)
        #expect(svg.contains(">10<"))  // the axis reaches the band's top (9), not just the line (1)
    }

    @Test func tornadoSortsBySwingAndDrawsTwoBarsPerRow() throws {
        let rows = [TornadoChart.Row(label: "small", atLow: 0.2, atHigh: 0.25),
                    TornadoChart.Row(label: "wide <x>", atLow: -0.1, atHigh: 0.6),
                    TornadoChart.Row(label: "one-sided", atLow: nil, atHigh: 0.4)]
        let chart = TornadoChart(title: "Sensitivity", xLabel: "ROI", base: 0.22, rows: rows)
        #expect(chart.sortedRows.map(\.label) == ["wide <x>", "one-sided", "small"])
        let parsed = try #require(SVGParsing.parse(chart.svg()))
        #expect(parsed.classes["bar"] == 5)
        #expect(parsed.classes["reference"] == 1)
        #expect(parsed.dataNames.first == "wide <x>")
        #expect(parsed.elements["title"] ?? 0 >= 1)
    }

    @Test func histogramCountsEveryValueOnce() throws {
        let values = (0..<50).map { Double($0) * 0.013 - 0.2 }
        var chart = Histogram(title: "ROI", xLabel: "ROI", values: values + [.nan])
        chart.references = [(0, "break-even")]
        let bins = chart.bins
        #expect(bins.reduce(0) { $0 + $1.count } == 50)
        #expect(bins.first!.lower <= values.min()! && bins.last!.upper >= values.max()!)
        #expect(zip(bins, bins.dropFirst()).allSatisfy { abs($0.upper - $1.lower) < 1e-9 })
        let parsed = try #require(SVGParsing.parse(chart.svg()))
        #expect(parsed.classes["bar"] == bins.filter { $0.count > 0 }.count)
        #expect(parsed.classes["reference"] == 1)
        // A sample of one value still gets a bin (the axis is widened around it).
        let single = Histogram(title: "t", xLabel: "x", values: [3]).bins
        #expect(single.filter { $0.count > 0 }.count == 1)
        #expect(single.contains { $0.count == 1 && $0.lower <= 3 && 3 < $0.upper })
        #expect(Histogram(title: "t", xLabel: "x", values: []).bins.isEmpty)
    }
}
