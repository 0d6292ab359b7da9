import Foundation
import Report
import ResultsSchema
import Testing

/// The page from a results folder: every chart present and well-formed, self-contained, and a
/// folder without summary.json refused with an error that says so.
struct ReportPageTests {
    func folder(withSummary: Bool) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        if withSummary { try SmallSummary.json.write(toFile: dir + "/summary.json", atomically: true, encoding: .utf8) }
        return dir
    }

    func svgs(in html: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
    }

    @Test func writesOneChartPerFigureAllWellFormed() throws {
        let dir = try folder(withSummary: true)
        let path = try ReportWriter.write(folder: dir)
        #expect(path == dir + "/report.html")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        // offered + service level × 2 channels + available agents + occupancy
        let charts = svgs(in: html)
        #expect(charts.count == 5)
        for svg in charts { #expect(SVGParsing.parse(svg) != nil, "not well-formed: \(svg.prefix(200))") }
        #expect(html.components(separatedBy: "<details>").count - 1 == 5)
    }

    @Test func isSelfContainedAndEscapesNames() throws {
        let html = ReportPage(results: try SummaryDocument.decode(Data(SmallSummary.json.utf8)), source: "x").html()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        let urls = html.components(separatedBy: "http").count - 1
        let svgNamespaces = html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1
        #expect(urls == svgNamespaces)
        #expect(html.contains("small &lt;test&gt; &amp; co"))
        #expect(!html.contains("R&D <chat>"))
        #expect(html.contains("R&amp;D &lt;chat&gt;"))
    }

    @Test func showsVerdictsTiersAndCost() throws {
        let html = ReportPage(results: try SummaryDocument.decode(Data(SmallSummary.json.utf8)), source: "x").html()
        #expect(html.contains("card pass"))
        #expect(html.contains("card fail"))
        #expect(html.contains("82.0%"))
        #expect(html.contains("[78.0%, 86.0%]"))
        #expect(html.contains("Tier flow"))
        #expect(html.contains("85.0% [84.0%, 86.0%]"))
        #expect(html.contains("465.00"))
        // voice misses its 80% target in interval 1 only; chat in interval 0 only (interval 1 is undefined).
        #expect(html.contains("below target (1 of 3 intervals)"))
    }

    @Test func folderWithoutSummaryIsAClearError() throws {
        let dir = try folder(withSummary: false)
        #expect(throws: ReportError.missingSummary(folder: dir)) { try ReportWriter.write(folder: dir) }
        #expect(ReportError.missingSummary(folder: dir).description.contains("summary.json is missing"))
        #expect(throws: ReportError.notADirectory(dir + "/nope")) { try ReportWriter.write(folder: dir + "/nope") }
    }

    /// A team without an hourly cost shows "not set" in the inputs, not a wage of 0.00.
    @Test func anUnsetHourlyCostIsNotAWageOfZero() throws {
        var results = try SummaryDocument.decode(Data(SmallSummary.json.utf8))
        let priced = ReportPage(results: results, source: "x").html()
        #expect(priced.contains("<td>frontline</td><td>10 agents throughout</td><td>25.00</td>"))
        #expect(priced.contains("2,715 arrivals and 9,000 events simulated"), "counts grouped as everywhere else")
        results.scenario.teams[0].hourlyCost = 0
        let html = ReportPage(results: results, source: "x").html()
        #expect(html.contains("<td>frontline</td><td>10 agents throughout</td><td>not set</td>"), "\(html.prefix(4000))")
    }

    /// A file of a results folder given for the folder: the error names the folder to give.
    @Test func fileOfAResultsFolderNamesTheFolder() throws {
        let dir = try folder(withSummary: true)
        #expect(throws: ReportError.fileOfFolder(file: dir + "/summary.json", folder: dir)) { try ReportWriter.write(folder: dir + "/summary.json") }
        #expect(ReportError.fileOfFolder(file: "out/summary.json", folder: "out").description
            == "out/summary.json: a file of a results folder; report the folder: ccsim report out")
        // A file anywhere else is no results folder.
        let other = try folder(withSummary: false)
        try "x".write(toFile: other + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: ReportError.notADirectory(other + "/notes.txt")) { try ReportWriter.write(folder: other + "/notes.txt") }
    }

    @Test func brokenSummaryNamesTheField() throws {
        let dir = try folder(withSummary: false)
        try "{\"scenario\": {}}".write(toFile: dir + "/summary.json", atomically: true, encoding: .utf8)
        do {
            try ReportWriter.write(folder: dir)
            Issue.record("expected an error")
        } catch let error as ReportError {
            #expect(error.description.contains("missing"))
        }
    }

    /// The footer names the ccsim making the page (`ResultsVersion`, as `ccsim --version`), and
    /// the one that wrote the results only when it is another.
    @Test func footerNamesTheOneVersion() throws {
        let same = ReportPage(results: try SummaryDocument.decode(Data(SmallSummary.json.utf8)), source: "x").html()
        #expect(same.contains("(ccsim \(ResultsVersion.ccsim)) from"))
        #expect(!same.contains("results written by"))
        var older = try SummaryDocument.decode(Data(SmallSummary.json.utf8))
        older.ccsimVersion = "0.1.0"
        #expect(ReportPage(results: older, source: "x").html().contains("results written by ccsim 0.1.0"))
    }

    /// A field missing from an otherwise complete file is named as the file spells it, with the
    /// version that wrote the file when it is not this one.
    @Test func missingFieldIsNamedAsInTheFile() throws {
        let dir = try folder(withSummary: false)
        let json = SmallSummary.json.replacingOccurrences(of: "\"start_weekday\": \"Mon\",", with: "")
            .replacingOccurrences(of: "\"ccsim_version\": \"0.3.0\"", with: "\"ccsim_version\": \"0.1.0\"")
        try json.write(toFile: dir + "/summary.json", atomically: true, encoding: .utf8)
        do {
            try ReportWriter.write(folder: dir)
        } catch let error as ReportError {
            #expect(error.description.contains("scenario.start_weekday: missing"), "\(error)")
            #expect(error.description.contains("written by ccsim 0.1.0"), "\(error)")
        }
        let wrongIndex = SmallSummary.json.replacingOccurrences(of: "\"verdict\": \"missed\"", with: "\"verdict\": \"passed\"")
        try wrongIndex.write(toFile: dir + "/summary.json", atomically: true, encoding: .utf8)
        do {
            try ReportWriter.write(folder: dir)
            Issue.record("an unknown verdict was accepted")
        } catch let error as ReportError {
            #expect(error.description.contains("channels[1].sla.verdict"), "\(error)")
        }
    }
}

/// The run page's net staffing: a chart per channel of net agents against the Erlang
/// requirement and the table of intervals below target.
struct NetStaffingPageTests {
    static let csv = """
    interval,start_s,end_s,day,weekday,clock,channel,expected_offered,aht_s,erlang_agents,net_agents,net_staffing,service_level,target,missed
    0,0,1800,1,Mon,00:00,voice,300,270,52,50,-2,0.85,0.8,0
    1,1800,3600,1,Mon,00:30,voice,320,270,55,48.5,-6.5,0.7,0.8,1
    2,3600,5400,1,Mon,01:00,voice,310,270,53,54,1,0.9,0.8,0
    """

    @Test func showsTheChartAndTheMissTable() throws {
        let check = try StaffingCheckResults(table: CSVTable(text: Self.csv)!)
        let results = try SummaryDocument.decode(Data(SmallSummary.json.utf8))
        let html = ReportPage(results: results, source: "x", staffingCheck: check).html()
        #expect(html.contains("Net agents vs Erlang requirement — voice"))
        let charts = PageCheck.svgs(in: html)
        #expect(charts.count == 6, "the five run charts and the net staffing chart")
        for svg in charts { #expect(SVGParsing.parse(svg) != nil) }
        #expect(html.contains("Intervals that miss the service-level target (1 in 1 run)"))
        #expect(html.contains("<tr><td>Mon 00:30–01:00</td><td>voice</td><td>1</td><td>70%</td><td>80%</td><td>short 6.5 agents</td></tr>"))
        #expect(html.contains("<details><summary>All 1 missed intervals, one per row</summary>"))
        #expect(html.contains("<tr><td>Mon 00:30–01:00</td><td>voice</td><td>70.0%</td><td>80%</td><td>48.50</td><td>55</td><td>−6.50</td></tr>"))
        // Without the file the page is as before.
        #expect(!ReportPage(results: results, source: "x").html().contains("Net agents vs Erlang requirement"))
    }

    /// Consecutive missed intervals of a channel are one run, with the range of their service
    /// levels and shortfalls; runs come worst first (lowest service level); every missed interval
    /// stays listed in the collapsed table.
    @Test func missedIntervalsAreGroupedIntoRunsWorstFirst() throws {
        let csv = """
        interval,start_s,end_s,day,weekday,clock,channel,expected_offered,aht_s,erlang_agents,net_agents,net_staffing,service_level,target,missed
        0,0,1800,1,Mon,00:00,voice,300,270,52,50,-2,0.85,0.8,0
        0,0,1800,1,Mon,00:00,chat,30,400,6,7,1,0.5,0.8,1
        1,1800,3600,1,Mon,00:30,voice,320,270,55,48.5,-6.5,0.7,0.8,1
        1,1800,3600,1,Mon,00:30,chat,0,400,0,3,3,,0.8,
        2,3600,5400,1,Mon,01:00,voice,310,270,53,50,-3,0.61,0.8,1
        2,3600,5400,1,Mon,01:00,chat,30,400,6,7,1,0.75,0.8,1
        """
        let check = try StaffingCheckResults(table: CSVTable(text: csv)!)
        let html = ReportPage(results: try SummaryDocument.decode(Data(SmallSummary.json.utf8)), source: "x", staffingCheck: check).html()
        #expect(html.contains("Intervals that miss the service-level target (4 in 3 runs)"))
        let chat0 = "<tr><td>Mon 00:00–00:30</td><td>chat</td><td>1</td><td>50%</td><td>80%</td><td>over 1 agent</td></tr>"
        let voice = "<tr><td>Mon 00:30–01:30</td><td>voice</td><td>2</td><td>61–70%</td><td>80%</td><td>short 3–6.5 agents</td></tr>"
        let chat2 = "<tr><td>Mon 01:00–01:30</td><td>chat</td><td>1</td><td>75%</td><td>80%</td><td>over 1 agent</td></tr>"
        let positions = [chat0, voice, chat2].map { html.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(html)")
        if let a = positions[0], let b = positions[1], let c = positions[2] { #expect(a < b && b < c, "worst first") }
        #expect(html.contains("<details><summary>All 4 missed intervals, one per row</summary>"))
        #expect(html.contains("<tr><td>Mon 01:00–01:30</td><td>voice</td><td>61.0%</td><td>80%</td><td>50</td><td>53</td><td>−3</td></tr>"))
    }

    @Test func aFolderWithTheFileShowsItAndABadFileIsNamed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("netstaff-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try SmallSummary.json.write(toFile: dir + "/summary.json", atomically: true, encoding: .utf8)
        try Self.csv.write(toFile: dir + "/staffing-check.csv", atomically: true, encoding: .utf8)
        #expect(try ReportDocument.load(folder: dir).html(source: dir).contains("Intervals that miss the service-level target (1 in 1 run)"))
        try "interval,channel\n0,voice\n".write(toFile: dir + "/staffing-check.csv", atomically: true, encoding: .utf8)
        #expect(throws: ReportError.self) { try ReportDocument.load(folder: dir) }
    }
}
