import Foundation
import Report
import ResultsSchema
import Testing

/// summary.json files the writer can produce at the edges: the reader agrees with the writer.
struct SummaryEdgeTests {
    /// Issue 12, crash 7: an interval starting at 1e300 s made `ccsim report` trap converting it to Int.
    @Test func farAwayIntervalStartsDoNotTrap() throws {
        let json = SmallSummary.json.replacingOccurrences(of: "\"start_seconds\": 1800", with: "\"start_seconds\": 1e300")
        #expect(json != SmallSummary.json)
        let html = ReportPage(results: try SummaryDocument.decode(Data(json.utf8)), source: "x").html()
        #expect(html.contains("worst interval #1 (—)"))
    }

    /// A channel without demand has an undefined verdict: the writer writes `met: null` and null
    /// means, and the reader takes them (it used to require `met`).
    @Test func undefinedVerdictsAndNullsAreRead() throws {
        let json = SmallSummary.json
            .replacingOccurrences(of: "\"achieved\": 0.6, \"ci_lower\": 0.5, \"ci_upper\": 0.7, \"verdict\": \"missed\", \"met\": false",
                                  with: "\"achieved\": null, \"ci_lower\": null, \"ci_upper\": null, \"verdict\": \"undefined\", \"met\": null")
        #expect(json != SmallSummary.json)
        let results = try SummaryDocument.decode(Data(json.utf8))
        #expect(results.channels[1].sla.met == nil)
        let html = ReportPage(results: results, source: "x").html()
        #expect(html.contains("– undefined — nothing offered"))
    }

    /// The same interval is named as in the terminal and intervals.csv: weekday and clock.
    @Test func intervalsAreNamedByWeekdayAndClock() throws {
        let html = ReportPage(results: try SummaryDocument.decode(Data(SmallSummary.json.utf8)), source: "x").html()
        #expect(html.contains("worst interval #1 (Mon 00:30–01:00)"))
        #expect(!html.contains("day 1 00:30"))
    }
}
