import Foundation
import XCTest

/// `ccsim report` end to end: a real run folder gives a page and its path; a folder without
/// summary.json gives one error line naming it and exit status 2.
final class ReportCommandTests: XCTestCase {
    func testReportOfARunFolder() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("run").path
        let run = try CCSimCommand.run(["run", "scenarios/mmc-basic.yaml", "--replications", "2", "--out", out])
        XCTAssertEqual(run.status, 0, run.stderr)

        let report = try CCSimCommand.run(["report", out])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertEqual(report.stdout, out + "/report.html\n")
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 4, "offered, service level, agents, occupancy")
        XCTAssertFalse(html.contains("<script"))

        let custom = directory.appendingPathComponent("custom.html").path
        XCTAssertEqual(try CCSimCommand.run(["report", out, "-o", custom]).stdout, custom + "\n")
    }

    func testFolderWithoutSummaryIsAnError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-report-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CCSimCommand.run(["report", directory.path])
        XCTAssertEqual(output.status, 2)
        XCTAssertEqual(output.stderr.split(separator: "\n").count, 1, output.stderr)
        XCTAssertTrue(output.stderr.contains("summary.json is missing"), output.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("report.html").path))
    }
}
