import CCSimCommandLine
import Foundation
import XCTest

/// `ccsim fit` as a user runs it.
final class FitCommandTests: XCTestCase {
    func testFitPrintsTheTableAndWritesFitYAML() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-fit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CCSimCommand.run(["fit", "scenarios/history/contacts.csv", "--interval", "1h", "--out", directory.path])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("voice/tier1"), output.stdout)
        XCTAssertTrue(output.stdout.contains("Kaplan–Meier"), output.stdout)
        let yaml = try String(contentsOf: directory.appendingPathComponent("fit.yaml"), encoding: .utf8)
        XCTAssertTrue(yaml.contains("handle_time:"))
        XCTAssertTrue(yaml.contains("escalation: {to: tier2, mode: warm_transfer}"))
    }

    func testBadRowsAreListedAndTooFewRowsIsAnError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-fit-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let text = """
        replication,issue,contact,channel,tier,stage,arrival_s,queued_s,wait_s,handle_s,outcome,team
        0,1,1,voice,tier1,first,10.000,10.000,3.000,200.000,resolved,front
        0,2,1,voice,tier1,first,x,12.000,3.000,200.000,resolved,front

        """
        try text.write(to: file, atomically: true, encoding: .utf8)
        let output = try CCSimCommand.run(["fit", file.path])
        XCTAssertEqual(output.status, 2)
        XCTAssertTrue(output.stderr.contains("line 3: arrival_s 'x' is not a number"), output.stderr)
        // One row in two rejected is more than the 10% a fit tolerates: no fit, the reason named.
        XCTAssertTrue(output.stderr.contains("1 of 2 rows rejected (more than 10%)"), output.stderr)
    }

    /// `--template`: the planner's scenario with the fitted inputs, validated, ready to run.
    func testTemplateGetsTheFittedInputs() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-fit-template-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let output = try CCSimCommand.run(["fit", "scenarios/history/contacts.csv", "--interval", "1h",
                                           "--template", "scenarios/history/source.yaml", "--out", out.path])
        XCTAssertEqual(output.status, 0, output.stderr)
        let scenario = out.appendingPathComponent("scenario.yaml").path
        let text = try String(contentsOfFile: scenario, encoding: .utf8)
        XCTAssertTrue(text.contains("per_day: 276.143"), "the fitted voice volume replaces the template's 300")
        XCTAssertTrue(text.contains("front:"), "the template's teams are kept")
        let validated = try CCSimCommand.run(["validate", scenario])
        XCTAssertEqual(validated.status, 0, validated.stderr)
    }

    /// A single-queue template has no channels to fill; a template at another interval
    /// than the fit fails validation, naming the field. Either way nothing is written.
    func testUnfitTemplatesAreErrors() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-fit-template-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let single = try CCSimCommand.run(["fit", "scenarios/history/contacts.csv", "--interval", "1h",
                                           "--template", "scenarios/mmc-basic.yaml", "--out", out.path])
        XCTAssertEqual(single.status, 2)
        XCTAssertTrue(single.stderr.contains("mmc-basic.yaml: a template needs the full form"), single.stderr)
        let mismatched = try CCSimCommand.run(["fit", "scenarios/history/contacts.csv", "--interval", "1h",
                                               "--template", "scenarios/tiered-support.yaml", "--out", out.path])
        XCTAssertEqual(mismatched.status, 2)
        XCTAssertTrue(mismatched.stderr.contains("channels.voice.demand.profile: has 24 weights"), mismatched.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("scenario.yaml").path))
    }
}
