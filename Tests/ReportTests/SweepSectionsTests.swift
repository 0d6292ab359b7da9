import Foundation
import Testing
import Report

/// The sweep page's newer parts: a `scale` of agents on an axis of agent counts, the
/// per-interval series, and the response surface of a Latin hypercube.
struct SweepSectionsTests {
    func page(_ files: [String: String]) throws -> String {
        let dir = try ResultsFixtures.folder(files)
        return try String(contentsOfFile: try ReportWriter.write(folder: dir), encoding: .utf8)
    }

    /// `teams.frontline.shifts[*].agents` scaled ×0.8…×1.2 gave 40…60 agents: the axis ticks are
    /// those whole agent counts, not 0.8 or 1.05, and the axis title gives the factors.
    /// The contents of the chart's `<text>` elements (tick labels, titles).
    func texts(_ svg: String) -> [String] {
        svg.components(separatedBy: "<text").dropFirst().compactMap { part in
            part.split(separator: ">", maxSplits: 1).dropFirst().first.map { String($0.prefix { $0 != "<" }) }
        }
    }

    @Test func scaledAgentsAreShownAsAgentCounts() throws {
        var csv = "point,label,teams.frontline.shifts[*].agents,patience.exponential.mean,teams.frontline.shifts[*].agents result,runs,service_level_mean,service_level_ci_lower,service_level_ci_upper,service_level_n\n"
        for p in 0..<20 {
            let factor = 0.8 + 0.4 * Double(p) / 19, agents = (50 * factor).rounded(), patience = 60 + 10 * p
            let sl = 0.4 + (agents - 40) / 40
            csv += "\(p),\"teams.frontline.shifts[*].agents×\(factor), patience.exponential.mean=\(patience)s\",\(factor),\(patience),\(agents),3,\(sl),\(sl - 0.05),\(sl + 0.05),3\n"
        }
        let html = try page(["summary.csv": csv])
        let charts = PageCheck.check(html, charts: 2, figures: 1)
        let agentsChart = try #require(charts.first { $0.contains("frontline.shifts[*].agents (scaled ×0.8–×1.2)") })
        let ticks = texts(agentsChart).compactMap(Double.init).filter { $0 >= 30 && $0 <= 70 }
        #expect(!ticks.isEmpty)
        #expect(ticks.allSatisfy { $0 == $0.rounded() }, "whole agents: \(ticks)")
        #expect(!agentsChart.contains(">0.8<") && !agentsChart.contains(">×0.8<"))
        #expect(!html.contains(">teams.frontline.shifts[*].agents result<"), "the result column is not a parameter of its own")
        #expect(html.contains("40 (×0.8)"), "the table shows agents and factor")
    }

    @Test func intervalSeriesGetAChartPerSeriesWithALinePerPoint() throws {
        var summary = "point,label,team.agents,runs,service_level_mean,service_level_ci_lower,service_level_ci_upper,service_level_n\n"
        var intervals = "point,label,series,interval,start_seconds,length_seconds,mean,sd,ci_lower,ci_upper,n\n"
        for (p, agents) in [46, 50].enumerated() {
            summary += "\(p),team.agents=\(agents),\(agents),3,0.8,0.7,0.9,3\n"
            for i in 0..<16 {
                let m = 0.6 + Double(p) * 0.2 + 0.01 * Double(i)
                intervals += "\(p),team.agents=\(agents),voice.service_level,\(i),\(i * 1800),1800,\(m),0.05,\(m - 0.05),\(m + 0.05),3\n"
            }
        }
        let html = try page(["summary.csv": summary, "summary-intervals.csv": intervals])
        #expect(html.contains("<h2>By interval</h2>"))
        let charts = PageCheck.check(html, charts: 2)
        let chart = try #require(charts.first { $0.contains("voice.service_level by interval (lines: team.agents)") })
        let parsed = try #require(SVGParsing.parse(chart))
        #expect(parsed.classes["series"] == 2)
        #expect(parsed.dataPoints == [16, 16])
        #expect(parsed.classes["band"] == 2)
        #expect(chart.contains(">1h<") && chart.contains(">4h<"), "interval starts tick as durations")
    }

    @Test func responseSurfaceIsShownWithItsFit() throws {
        let summary = "point,label,a,runs,y_mean,y_ci_lower,y_ci_upper,y_n\n0,a=1,1,3,1,0.9,1.1,3\n1,a=2,2,3,2,1.9,2.1,3\n"
        let analysis = """
        metric,kind,term,estimate,ci_lower,ci_upper,matters
        y,prcc,a,0.9,0.8,0.95,true
        y,surface,intercept,1.5,1.4,1.6,false
        y,surface,a,0.5,0.45,0.55,true
        y,surface,a²,0.01,-0.02,0.04,false
        y,surface_fit,r_squared,0.97,,,
        y,surface_fit,adjusted_r_squared,0.96,,,
        y,surface_fit,observations,6,,,

        """
        let html = try page(["summary.csv": summary, "analysis.csv": analysis])
        #expect(html.contains("<h2>Response surface</h2>"))
        #expect(html.contains("R² 0.970, adjusted 0.960, 6 runs"))
        #expect(html.contains("<td title=\"a\"><b>a</b></td><td>0.500</td>"))
        #expect(html.contains("<td title=\"a²\">a²</td>"))
        #expect(!html.contains(">intercept</td>"))
        // The importance table keeps only the PRCC row.
        #expect(html.components(separatedBy: "<table class=\"importance\">").count == 3)
    }
}
