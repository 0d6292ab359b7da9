import CCSimCommandLine
import Foundation
import XCTest

/// `ccsim roi` end to end on the bundled example: the table, the files, and the argument errors.
final class ROICommandTests: XCTestCase {
    func testComparesTwoProgramsAndWritesItsFiles() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-roi-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try CCSimCommand.run(["roi", "scenarios/training-roi.yaml", "--program", "onboarding", "--versus", "short-onboarding",
                                        "--replications", "3", "--sensitivity-replications", "2", "--out", out])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("Training ROI  onboarding vs short-onboarding · training-roi"), run.stdout)
        for line in ["ROI = (benefit − cost) / cost", "P(ROI > 0)", "payback (median)", "common random numbers: net-benefit variance",
                     "with − without (paired)", "Sensitivity: ROI with each uncertain effect"] {
            XCTAssertTrue(run.stdout.contains(line), "missing '\(line)' in\n\(run.stdout)")
        }
        XCTAssertTrue(run.stderr.contains("wrote roi.json, weekly.csv, replications.csv and tornado.csv"), run.stderr)
        let weekly = try String(contentsOfFile: "\(out)/weekly.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(weekly.count, 1 + 26, "a header and one row per week")
        XCTAssertTrue(weekly[0].hasPrefix("week,net,cumulative_net,cumulative_net_lower,cumulative_net_upper,cost,benefit,"))
        let replications = try String(contentsOfFile: "\(out)/replications.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(replications.count, 1 + 3)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/roi.json"))) as? [String: Any]
        XCTAssertEqual(json?["kind"] as? String, "roi")
        XCTAssertEqual(json?["versus"] as? String, "short-onboarding")
        XCTAssertEqual((json?["roi_by_replication"] as? [Any])?.count, 3)
    }

    func testArgumentErrorsNameWhatIsWrong() throws {
        let noProgram = try CCSimCommand.run(["roi", "scenarios/training-roi.yaml"])
        XCTAssertNotEqual(noProgram.status, 0)
        XCTAssertTrue(noProgram.stderr.contains("name the program to evaluate with --program NAME"), noProgram.stderr)
        let misspelt = try CCSimCommand.run(["roi", "scenarios/training-roi.yaml", "--program", "onbording"])
        XCTAssertEqual(misspelt.status, 2)
        XCTAssertTrue(misspelt.stderr.contains("no training program 'onbording' in scenarios/training-roi.yaml; did you mean 'onboarding'?"),
                      misspelt.stderr)
        let untrained = try CCSimCommand.run(["roi", "scenarios/tiered-support.yaml", "--program", "x"])
        XCTAssertEqual(untrained.status, 2)
        XCTAssertTrue(untrained.stderr.contains("has no training programs"), untrained.stderr)
        let otherCenter = try CCSimCommand.run(["roi", "--with", "scenarios/tiered-support.yaml", "--without", "scenarios/igaming.yaml"])
        XCTAssertEqual(otherCenter.status, 2)
        XCTAssertTrue(otherCenter.stderr.contains("must describe the same center"), otherCenter.stderr)
    }
}
