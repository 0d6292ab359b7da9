import CCSimCommandLine
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
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 5, "offered, service level, agents, net agents vs Erlang requirement, occupancy")
        XCTAssertTrue(html.contains("Net agents vs Erlang requirement — voice"))
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

    /// Runs `command`, then `ccsim report` on its folder; returns the page.
    func report(after command: [String], folder: String, sourceLocation file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let made = try CCSimCommand.run(command)
        XCTAssertEqual(made.status, 0, made.stderr, file: file, line: line)
        let report = try CCSimCommand.run(["report", folder])
        XCTAssertEqual(report.status, 0, report.stderr, file: file, line: line)
        XCTAssertEqual(report.stdout, folder + "/report.html\n", file: file, line: line)
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        XCTAssertFalse(html.contains("<script"), file: file, line: line)
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, html.components(separatedBy: "<details>").count - 1,
                       "every chart has its table", file: file, line: line)
        return html
    }

    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-report-\(name)-\(UUID().uuidString)").path
    }

    func testReportOfAStaffFolder() throws {
        let out = temporary("staff")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let html = try report(after: ["staff", "scenarios/mmc-basic.yaml", "--out", out], folder: out)
        XCTAssertTrue(html.contains("Agents required by interval — frontline"))
        XCTAssertTrue(html.contains("Simulation of the plan"))
        // requirement + service level, then the run: offered, service level, agents, occupancy
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 6)
    }

    func testReportOfAScheduleFolder() throws {
        let out = temporary("schedule")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let html = try report(after: ["schedule", "scenarios/tiered-support.yaml", "--requirement", "scenarios/tiered-support-requirement.csv",
                                      "--replications", "2", "--out", out], folder: out)
        XCTAssertTrue(html.contains("Shift coverage against the requirement — frontline"))
        XCTAssertTrue(html.contains("Chosen shifts"))
        XCTAssertTrue(html.contains("Simulation of the schedule"))
    }

    func testReportOfARoiFolder() throws {
        let out = temporary("roi")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let html = try report(after: ["roi", "scenarios/training-roi.yaml", "--program", "onboarding", "--replications", "2",
                                      "--sensitivity-replications", "2", "--out", out], folder: out)
        XCTAssertTrue(html.contains("ROI of each paired replication"))
        XCTAssertTrue(html.contains("Payback: cumulative net benefit by week"))
        XCTAssertTrue(html.contains("Sensitivity of ROI to each uncertain effect"))
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 3)
    }

    func testReportOfASweepFolder() throws {
        let out = temporary("sweep")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try CCSimCommand.run(["sweep", "run", "scenarios/sweeps/mmc-staffing.yaml", "--out", out, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let unsummarized = try CCSimCommand.run(["report", out])
        XCTAssertEqual(unsummarized.status, 2)
        XCTAssertTrue(unsummarized.stderr.contains("ccsim sweep summarize"), unsummarized.stderr)
        let html = try report(after: ["sweep", "summarize", out], folder: out)
        // one chart per metric: service_level, asa, abandonment_rate, occupancy, wait_p90
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 5)
        XCTAssertTrue(html.contains("service_level against team.agents"))
    }
}
