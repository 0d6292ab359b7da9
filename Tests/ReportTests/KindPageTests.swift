import Foundation
import ResultsSchema
import Testing
import Report

/// The page of each kind of folder: its key numbers, the expected charts (each with a title and
/// a table of its numbers), self-contained, and names escaped.
struct KindPageTests {
    func page(_ files: [String: String]) throws -> String {
        let dir = try ResultsFixtures.folder(files)
        let path = try ReportWriter.write(folder: dir)
        #expect(path == dir + "/report.html")
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func roiPageShowsDistributionPaybackAndTornado() throws {
        let html = try page(["roi.json": ResultsFixtures.roiJSON])
        // histogram, payback curve, tornado
        let charts = PageCheck.check(html, charts: 3)
        #expect(html.contains("roi &lt;test&gt;"))
        #expect(html.contains("25.0% [5.0%, 45.0%]"))      // ROI with its CI
        #expect(html.contains("67% [21%, 94%]"))            // P(net > 0)
        #expect(html.contains("median week 3"))
        #expect(html.contains("250.00 [50.00, 450.00]"))    // net benefit
        #expect(html.contains("handling time saved"))
        #expect(html.contains("-10 [-12, -8] s"))            // AHT change in seconds
        let histogram = try #require(SVGParsing.parse(charts[0]))
        #expect(histogram.classes["bar"] ?? 0 >= 1)
        #expect(histogram.classes["reference"] == 4)         // break-even, mean, CI ends
        let payback = try #require(SVGParsing.parse(charts[1]))
        #expect(payback.classes["band"] == 1)
        #expect(payback.dataPoints == [4])
        let tornado = try #require(SVGParsing.parse(charts[2]))
        #expect(tornado.classes["bar"] == 4)
        // Widest swing first: handle_time (30 points) above fcr (10 points).
        #expect(tornado.dataNames.first == "onboarding: handle time")
    }

    /// A cost interval that `ccsim roi` cut back to the replications' range says so, as the table does.
    @Test func roiPageMarksACostIntervalHeldToTheReplicationsRange() throws {
        let plain = try page(["roi.json": ResultsFixtures.roiJSON])
        #expect(!plain.contains(ROIWords.heldToRange.replacingOccurrences(of: "'", with: "&#39;")))
        let held = ResultsFixtures.estimate(1000, 900, 1100)
        let clamped = String(held.dropLast()) + ", \"clamped\": true}"
        let json = ResultsFixtures.roiJSON.replacingOccurrences(of: "\"cost\": " + held, with: "\"cost\": " + clamped)
        #expect(json != ResultsFixtures.roiJSON)
        let html = try page(["roi.json": json])
        #expect(html.contains("1,000 [900, 1,100] (held to the replications"))
    }

    @Test func roiPageWithoutSensitivityHasNoTornado() throws {
        let json = ResultsFixtures.roiJSON.components(separatedBy: ",\n  \"sensitivity\"")[0] + "\n}"
        PageCheck.check(try page(["roi.json": json]), charts: 2)
    }

    @Test func staffingPageComparesErlangAndSimulationThenShowsTheRun() throws {
        let html = try page(["staffing.csv": ResultsFixtures.staffingCSV, "summary.json": SmallSummary.json])
        // 2 requirement charts (one per team) + 1 service level; then the run: offered, 2 SL, agents, occupancy.
        let charts = PageCheck.check(html, charts: 3 + 5)
        #expect(html.contains("Agents required by interval — frontline"))
        #expect(html.contains("Agents required by interval — back &amp; office"))
        #expect(html.contains("Simulation of the plan"))
        // Agent-hours over the three 30-minute intervals: Erlang (11 + 12) / 2, simulation (12 + 13) / 2.
        #expect(html.contains("<td>11.50</td>"))
        #expect(html.contains("12.50 (+8.7%)"))
        let requirement = try #require(SVGParsing.parse(charts[0]))
        #expect(requirement.classes["series"] == 3)
        let serviceLevel = try #require(SVGParsing.parse(charts[2]))
        #expect(serviceLevel.classes["band"] == 1)
        #expect(serviceLevel.classes["reference"] == 1)      // the 80% target from summary.json
        #expect(html.contains("[82.0%, 90.0%]"))
    }

    @Test func staffingPageWithoutRunStillRenders() throws {
        let html = try page(["staffing.csv": ResultsFixtures.staffingCSV])
        PageCheck.check(html, charts: 3)
        #expect(!html.contains("Simulation of the plan"))
        // Issue #17: titled "Staffing — staffing" when no run named the scenario.
        #expect(html.contains("<h1>Staffing</h1>"))
        #expect(!html.contains("Staffing — staffing"))
    }

    /// Issue #17: Erlang's whole agents, drawn first, vanished under the simulation line wherever
    /// the two agreed. It is drawn last, dashed, so both show.
    @Test func erlangWholeLineIsDrawnLastAndDashed() throws {
        let html = try page(["staffing.csv": ResultsFixtures.staffingCSV])
        let charts = PageCheck.check(html, charts: 3)
        let requirement = try #require(SVGParsing.parse(charts[0]))
        #expect(requirement.dataNames.last == "Erlang (whole agents)")
        let paths = charts[0].components(separatedBy: "<path class=\"series\"").dropFirst()
        #expect(paths.count == 3)
        #expect(paths.last!.prefix { $0 != ">" }.contains("stroke-dasharray"))
        #expect(paths.dropLast().allSatisfy { !$0.prefix { $0 != ">" }.contains("stroke-dasharray") })
        #expect(html.contains("Staffing — staffing") == false)
    }

    @Test func schedulePageShowsShiftsAndCoverage() throws {
        let html = try page(["schedule.csv": ResultsFixtures.scheduleCSV, "coverage.csv": ResultsFixtures.coverageCSV,
                             "summary.json": SmallSummary.json])
        let charts = PageCheck.check(html, charts: 1 + 5)
        #expect(html.contains("2 shift patterns, 41 agents"))
        #expect(html.contains("30,160"))                    // weekly cost, as the terminal writes money
        #expect(html.contains("<td class=\"wrap\">15m, 30m unpaid</td>"))   // breaks as `ccsim schedule` prints them
        #expect(html.contains("1, 1 agent-hours short"))
        #expect(html.contains("short (1 of 4 intervals)"))
        let coverage = try #require(SVGParsing.parse(charts[0]))
        #expect(coverage.classes["series"] == 2)
        #expect(coverage.classes["mark"] == 1)
        #expect(html.contains("Simulation of the schedule"))
    }

    /// A one-day plan (ccbaby): the week's other days, neither required nor staffed, are left off
    /// the coverage axis instead of filling six sevenths of the chart with nothing.
    @Test func coverageOfAOneDayPlanKeepsOnlyItsDay() throws {
        var csv = "team,weekday,start,required,on_duty,short\n"
        for day in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] {
            for start in ["08:00", "08:30"] {
                csv += "frontline,\(day),\(start),\(day == "Mon" ? "12,13,0" : "0,0,0")\n"
            }
        }
        let results = try ScheduleResults(schedule: nil, coverage: try #require(try CSVTable(text: csv)))
        #expect(results.dayLabels == ["Mon"])
        #expect(results.coverage.map { $0.intervals.map(\.label) } == [["Mon 08:00", "Mon 08:30"]])
        // An idle day between two worked ones (a closed Wednesday) stays on the axis.
        let closed = csv.replacingOccurrences(of: "frontline,Fri,08:00,0,0,0", with: "frontline,Fri,08:00,10,10,0")
        let week = try ScheduleResults(schedule: nil, coverage: try #require(try CSVTable(text: closed)))
        #expect(week.dayLabels == ["Mon", "Tue", "Wed", "Thu", "Fri"])
    }

    @Test func sweepPageDrawsEachMetricAgainstTheVariedParameter() throws {
        let html = try page(["summary.csv": ResultsFixtures.sweepCSV])
        let charts = PageCheck.check(html, charts: 2)
        #expect(html.contains("service_level against team.agents"))
        #expect(html.contains("varied: 46, 48, 50"))
        #expect(html.contains("fixed: 7200"))
        let sl = try #require(SVGParsing.parse(charts[0]))
        // One line per handle-time scale, three points each, each with its band.
        #expect(sl.classes["series"] == 2)
        #expect(sl.dataPoints == [3, 3])
        #expect(sl.classes["band"] == 2)
        #expect(sl.dataNames.contains("×0.9"))              // the lines are named by the factor as written
        #expect(html.contains("lines: handle_time.exponential.mean"))
        #expect(html.contains("[76.0%, 84.0%]"))            // point 2 (48 agents, ×0.9): 80% ± 4 points
        #expect(html.contains("1m"))                         // ASA of 60 s as a duration
    }

    /// With `analysis.csv` (from `ccsim sweep analyze`) the page says what matters, strongest first.
    @Test func sweepAnalysisIsShownAsImportanceBars() throws {
        let analysis = """
        metric,kind,term,estimate,ci_lower,ci_upper,matters
        service_level,main,team.agents,0.2,0.15,0.25,true
        service_level,main,handle_time.exponential.mean,-0.05,-0.12,0.01,false
        service_level,interaction,team.agents × handle_time.exponential.mean,0.01,-0.02,0.04,false

        """
        let html = try page(["summary.csv": ResultsFixtures.sweepCSV, "analysis.csv": analysis])
        PageCheck.check(html, charts: 2)
        #expect(html.contains("<h2>What matters</h2>"))
        #expect(html.contains("<b>team.agents</b>"))
        #expect(html.contains("<td>handle_time.exponential.mean</td><td>-5.0%</td><td>[-12.0%, 1.0%]</td>"))
        let without = try page(["summary.csv": ResultsFixtures.sweepCSV])
        #expect(!without.contains("What matters"))
    }

    /// A Latin hypercube: a panel per varied parameter (not every metric against the first
    /// only), each point's mean with its interval as a whisker.
    @Test func sweepWithoutRepeatedValuesIsAPanelPerParameter() throws {
        let html = try page(["summary.csv": ResultsFixtures.scatterSweepCSV])
        let charts = PageCheck.check(html, charts: 2, figures: 1)
        for chart in charts {
            let parsed = try #require(SVGParsing.parse(chart))
            #expect(parsed.classes["dot"] == 3)
        }
        #expect(html.contains("service_level against team.agents"))
        #expect(html.contains("service_level against arrivals.rate"))
        #expect(html.contains("against every varied parameter in turn"))
        #expect(html.contains("[60.0%, 80.0%]"), "each point's interval in the table")
    }

    /// Three varied parameters: small multiples, a panel per value of the third, on a shared
    /// y axis; lines per value of the second; whole-number ticks at the agents; units as written.
    @Test func threeParametersGiveSmallMultiples() throws {
        var csv = "point,label,team.agents,handle_time.exponential.mean,patience.exponential.mean,runs,service_level_mean,service_level_ci_lower,service_level_ci_upper,service_level_n\n"
        var point = 0
        for agents in [46, 48, 50] {
            for scale in [0.9, 1.1] {
                for patience in ["1m", "3m", "6m"] {
                    let seconds = ["1m": 60, "3m": 180, "6m": 360][patience]!
                    let sl = 0.5 + Double(agents - 46) * 0.05 - (scale - 1) + Double(seconds) / 3600
                    csv += "\(point),\"team.agents=\(agents), handle_time.exponential.mean×\(scale), patience.exponential.mean=\(patience)\",\(agents),\(scale),\(seconds),4,\(sl),\(sl - 0.03),\(sl + 0.03),4\n"
                    point += 1
                }
            }
        }
        let html = try page(["summary.csv": csv])
        let charts = PageCheck.check(html, charts: 3, figures: 1)
        #expect(html.contains("a panel per value of patience.exponential.mean"))
        #expect(html.contains("lines: handle_time.exponential.mean"))
        #expect(html.contains("varied: 1m, 3m, 6m"))
        #expect(html.contains("patience.exponential.mean = 3m"))
        for chart in charts {
            let parsed = try #require(SVGParsing.parse(chart))
            #expect(parsed.classes["series"] == 2)
            #expect(parsed.dataPoints == [3, 3])
            #expect(parsed.classes["band"] == 2)
        }
        // Whole-number ticks at the agents, not 46.5 or 12.50.
        #expect(charts[0].contains(">46<") && charts[0].contains(">48<") && charts[0].contains(">50<"))
        #expect(!charts[0].contains(">47.5<") && !charts[0].contains(">46.5<"))
    }
}

extension KindPageTests {
    @Test func manyNumericValuesAreShownAsARange() throws {
        var csv = "point,label,agents,runs,service_level_mean,service_level_ci_lower,service_level_ci_upper,service_level_n\n"
        for p in 0..<20 { csv += "\(p),p\(p),\(40 + p),3,0.8,0.7,0.9,3\n" }
        let html = try page(["summary.csv": csv])
        #expect(html.contains("varied: 20 values from 40 to 59"))
        PageCheck.check(html, charts: 1)
    }
}

extension KindPageTests {
    /// `ccsim staff --out DIR` then `ccsim schedule --requirement DIR/staffing.csv --out DIR`:
    /// one chart per team with Erlang, the simulated requirement and the shifts on duty.
    @Test func scheduleBesideItsStaffingShowsErlangToo() throws {
        let staffing = ResultsFixtures.staffingCSV.replacingOccurrences(of: "back & office", with: "frontline-2")
        let html = try page(["schedule.csv": ResultsFixtures.scheduleCSV, "coverage.csv": ResultsFixtures.coverageCSV, "staffing.csv": staffing])
        // Issue #17: the staffing page used to be left out. Coverage (1), then the staffing
        // requirement of its 2 teams and the service level (3).
        let charts = PageCheck.check(html, charts: 1 + 3)
        #expect(html.contains("<h1>Staffing and schedule</h1>"))
        #expect(html.contains("Staffing requirement (staffing.csv)"))
        #expect(html.contains("Agents required by interval — frontline-2"))
        #expect(html.contains("Service level of the simulated plan"))
        let parsed = try #require(SVGParsing.parse(charts[0]))
        #expect(parsed.classes["series"] == 3)
        #expect(parsed.dataNames.contains("Erlang (staffing.csv)"))
        // Erlang's 11 and 12 agents at mon 08:00 and 08:30 in the table.
        #expect(html.contains("<td>mon 08:00</td><td>20</td><td>21</td><td></td><td>11</td>"))
    }
}

extension KindPageTests {
    /// A parameter with text values (e.g. a routing policy) is an axis of named positions.
    @Test func textParameterGetsNamedTicks() throws {
        let csv = """
        point,label,routing,runs,asa_mean,asa_ci_lower,asa_ci_upper,asa_n
        0,a,longest-idle,4,20,15,25,4
        1,b,skills <first>,4,30,22,38,4
        2,c,round robin,4,25,20,30,4

        """
        let html = try page(["summary.csv": csv])
        let charts = PageCheck.check(html, charts: 1)
        let parsed = try #require(SVGParsing.parse(charts[0]))
        #expect(parsed.text.contains("skills <first>"))
        #expect(parsed.text.contains("round robin"))
        #expect(parsed.dataPoints == [3])
    }
}
