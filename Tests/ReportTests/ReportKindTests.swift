import Foundation
import Testing
import Report
import ResultsSchema

/// A folder's kind is told by its files, the most specific first, and a folder that fits none
/// (or a sweep not yet summarized) is refused with an error that says what to do.
struct ReportKindTests {
    @Test func detectsEveryKindByItsFiles() {
        #expect(ReportKind.detect(files: ["summary.json", "intervals.csv"]) == .run)
        #expect(ReportKind.detect(files: ["staffing.csv", "summary.json", "intervals.csv"]) == .staffing)
        #expect(ReportKind.detect(files: ["schedule.csv", "coverage.csv", "scenario.yaml", "summary.json"]) == .schedule)
        #expect(ReportKind.detect(files: ["roi.json", "weekly.csv", "replications.csv", "tornado.csv"]) == .roi)
        #expect(ReportKind.detect(files: ["sweep.sqlite", "summary.csv"]) == .sweep)
        #expect(ReportKind.detect(files: ["sweep.sqlite"]) == nil)
        #expect(ReportKind.detect(files: []) == nil)
    }

    @Test func loadsTheDocumentOfEachKind() throws {
        let cases: [([String: String], ReportKind)] = [
            (["summary.json": SmallSummary.json], .run),
            (["staffing.csv": ResultsFixtures.staffingCSV, "summary.json": SmallSummary.json], .staffing),
            (["schedule.csv": ResultsFixtures.scheduleCSV, "coverage.csv": ResultsFixtures.coverageCSV], .schedule),
            (["roi.json": ResultsFixtures.roiJSON], .roi),
            (["summary.csv": ResultsFixtures.sweepCSV, "sweep.sqlite": ""], .sweep),
        ]
        for (files, kind) in cases {
            #expect(try ReportDocument.load(folder: try ResultsFixtures.folder(files)).kind == kind)
        }
    }

    @Test func unsummarizedSweepSaysToSummarize() throws {
        let dir = try ResultsFixtures.folder(["sweep.sqlite": ""])
        #expect(throws: ReportError.sweepNotSummarized(folder: dir)) { try ReportWriter.write(folder: dir) }
        #expect(ReportError.sweepNotSummarized(folder: dir).description.contains("ccsim sweep summarize"))
    }

    @Test func brokenFilesNameTheFileAndTheProblem() throws {
        let roi = try ResultsFixtures.folder(["roi.json": "{\"kind\": \"roi\"}"])
        do {
            try ReportWriter.write(folder: roi)
            Issue.record("expected an error")
        } catch let error as ReportError {
            #expect(error.description.contains("roi.json"))
            #expect(error.description.contains("missing"))
        }
        let staffing = try ResultsFixtures.folder(["staffing.csv": "day,weekday,start\n0,mon,08:00\n"])
        do {
            try ReportWriter.write(folder: staffing)
            Issue.record("expected an error")
        } catch let error as ReportError {
            #expect(error.description.contains("staffing.csv"))
            #expect(error.description.contains("column team is missing"))
        }
        let sweep = try ResultsFixtures.folder(["summary.csv": "a,b\n1,2\n"])
        #expect(throws: ReportError.self) { try ReportWriter.write(folder: sweep) }
    }

    @Test func csvTableReadsQuotedFields() throws {
        let table = try #require(try CSVTable(text: "a,b,c\n1,\"x, \"\"y\"\"\",3\r\n\n4,,6\n"))
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows == [["1", "x, \"y\"", "3"], ["4", "", "6"]])
        #expect(table.number(table.rows[1], table.column("b")) == nil)
        #expect(table.number(table.rows[1], table.column("c")) == 6)
        #expect(try CSVTable(text: "") == nil)
        // A quote never closed is an error at its line, not a table cut short.
        #expect(throws: CSVReader.UnclosedQuote(line: 2)) { try CSVTable(text: "a,b\n\"x,1\n2,3\n") }
    }
}
