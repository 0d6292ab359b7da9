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
            .replacingOccurrences(of: "\"ccsim_version\": \"0.2.0\"", with: "\"ccsim_version\": \"0.1.0\"")
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
