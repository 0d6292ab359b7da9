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

    /// The written scenario keeps the template's layout: lists and mappings written on one
    /// line (`{…}`, `[…]`) stay on one line, so a 24-value profile is not 24 lines.
    func testTemplateKeepsFlowStyle() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-fit-flow-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let output = try CCSimCommand.run(["fit", "scenarios/history/contacts.csv", "--interval", "1h",
                                           "--template", "scenarios/history/source.yaml", "--out", out.path])
        XCTAssertEqual(output.status, 0, output.stderr)
        let text = try String(contentsOf: out.appendingPathComponent("scenario.yaml"), encoding: .utf8)
        let template = try String(contentsOfFile: "\(CCSimCommand.repositoryRoot.path)/scenarios/history/source.yaml", encoding: .utf8)
        let lines = text.split(separator: "\n").count
        XCTAssertLessThanOrEqual(lines, template.split(separator: "\n").count, "the template's \(template.split(separator: "\n").count) lines became \(lines)")
        XCTAssertTrue(text.contains("      profile: [0, 0, 0"), text)
        XCTAssertTrue(text.contains("      voice: {gamma: {shape:"), text)
        XCTAssertTrue(text.contains("day_of_week: {mon: "), text)
    }

    /// A log of Monday to Friday says nothing about weekends: they are left out of
    /// `day_of_week` (not written as factor 1), with a note on stderr and in the file.
    func testUnseenWeekdaysAreLeftOutWithANote() throws {
        let source = try String(contentsOfFile: "\(CCSimCommand.repositoryRoot.path)/scenarios/history/contacts.csv", encoding: .utf8)
        let rows = source.split(separator: "\n")
        let arrival = try XCTUnwrap(rows[0].split(separator: ",").firstIndex(of: "arrival_s"))
        let weekdays = [rows[0]] + rows.dropFirst().filter { Double($0.split(separator: ",")[arrival])! < 5 * 86_400 }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-fit-weekdays-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("contacts.csv")
        try (weekdays.joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
        let output = try CCSimCommand.run(["fit", log.path, "--interval", "1h", "--out", directory.path])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stderr.contains("note: voice: the log has no Sat, Sun; left out of day_of_week"), output.stderr)
        let yaml = try String(contentsOf: directory.appendingPathComponent("fit.yaml"), encoding: .utf8)
        XCTAssertTrue(yaml.contains("day_of_week: {mon: "), yaml)
        XCTAssertFalse(yaml.contains("sat:"), yaml)
        XCTAssertFalse(yaml.contains("sun:"), yaml)
        XCTAssertTrue(yaml.contains("# not in the log: sat, sun"), yaml)
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
