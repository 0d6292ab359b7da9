import CCSimCommandLine
import Foundation
import Testing


@Suite struct ScheduleCommandTests {
    @Test func plansWritesTheFilesAndSimulates() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = directory.appendingPathComponent("tiny.yaml"), requirement = directory.appendingPathComponent("r.csv")
        try tinyYAML().write(to: scenario, atomically: true, encoding: .utf8)
        try everyDayCSV(handRequirement).write(to: requirement, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out")
        let output = try CCSimCommand.run(["schedule", scenario.path, "--requirement", requirement.path, "--out", out.path,
                                    "--replications", "2", "--jobs", "1"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("front: 5 agents, 77 paid hours, cost 770.00"), "\(output.stdout)")
        #expect(output.stdout.contains("Simulated 2 replications of the scheduled scenario"), "\(output.stdout)")
        #expect(output.stdout.contains("voice"))
        for file in ["schedule.csv", "coverage.csv", "scenario.yaml", "summary.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file) missing")
        }
        let schedule = try String(contentsOf: out.appendingPathComponent("schedule.csv"), encoding: .utf8)
        #expect(schedule.hasPrefix("team,start,end,length_h,days,agents,"))
        let coverage = try String(contentsOf: out.appendingPathComponent("coverage.csv"), encoding: .utf8)
        #expect(coverage.split(separator: "\n").count == 1 + 7 * 24)
        let validated = try CCSimCommand.run(["validate", out.appendingPathComponent("scenario.yaml").path])
        #expect(validated.status == 0, "\(validated.stderr)")
    }

    /// Issue #17: `ccsim staff --out DIR` then `ccsim schedule --requirement DIR/staffing.csv --out DIR`
    /// replaced DIR and lost staffing.csv, so the report showed the schedule only. The plan's folder
    /// keeps the staffing.csv it came from, gains roster.csv, and the report shows both.
    @Test func scheduleIntoTheStaffingFolderKeepsItsRequirementAndReportsBoth() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = directory.appendingPathComponent("tiny.yaml")
        try tinyYAML().write(to: scenario, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("plan")
        let staffed = try CCSimCommand.run(["staff", scenario.path, "--replications", "4", "--max-iterations", "3", "--jobs", "1", "--quiet", "--out", out.path])
        #expect(staffed.status == 0 || staffed.status == 3, "\(staffed.stderr)")
        let staffing = out.appendingPathComponent("staffing.csv").path
        let before = try String(contentsOfFile: staffing, encoding: .utf8)
        let output = try CCSimCommand.run(["schedule", scenario.path, "--requirement", staffing, "--out", out.path, "--no-simulate"])
        #expect(output.status == 0, "\(output.stderr)")
        for file in ["staffing.csv", "schedule.csv", "coverage.csv", "roster.csv", "scenario.yaml"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file) missing")
        }
        #expect(try String(contentsOfFile: staffing, encoding: .utf8) == before)
        let roster = try String(contentsOf: out.appendingPathComponent("roster.csv"), encoding: .utf8)
        #expect(roster.hasPrefix("agent,team,contract,day,start,end,activities\n"))
        let report = try CCSimCommand.run(["report", out.path])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("Staffing and schedule"))
        #expect(html.contains("Shift coverage against the requirement"))
        #expect(html.contains("Agents required by interval — front"))
    }

    @Test func aCapThatCannotCoverReportsTheShortfallAndSucceeds() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = directory.appendingPathComponent("tiny.yaml"), requirement = directory.appendingPathComponent("r.csv")
        try tinyYAML(appending: ["      max_agents: 3"]).write(to: scenario, atomically: true, encoding: .utf8)
        try everyDayCSV(handRequirement).write(to: requirement, atomically: true, encoding: .utf8)
        let output = try CCSimCommand.run(["schedule", scenario.path, "--requirement", requirement.path, "--no-simulate"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("front: 3 agents (cap 3)"), "\(output.stdout)")
        #expect(output.stdout.contains("Short intervals"), "\(output.stdout)")
        #expect(output.stdout.contains("Sun 10:00–11:00  3 / 1"), "\(output.stdout)")
        #expect(!output.stdout.contains("Simulated"))
    }

    @Test func withoutARequirementTheStaffingSearchFindsOneAndBadRowsAreNamed() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = directory.appendingPathComponent("tiny.yaml"), requirement = directory.appendingPathComponent("r.csv")
        try tinyYAML().write(to: scenario, atomically: true, encoding: .utf8)
        let searched = try CCSimCommand.run(["schedule", scenario.path, "--no-simulate", "--out", directory.path])
        #expect(searched.status == 0, "\(searched.stderr)")
        #expect(searched.stderr.contains("no --requirement: finding one with the staffing search"), "\(searched.stderr)")
        #expect(searched.stdout.contains("Requirement: the staffing search's plan"), "\(searched.stdout)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("staffing.csv").path))
        try "day,start,team,required\n0,09:00,back,2\n".write(to: requirement, atomically: true, encoding: .utf8)
        let bad = try CCSimCommand.run(["schedule", scenario.path, "--requirement", requirement.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("r.csv:2: unknown team 'back'"), "\(bad.stderr)")
    }
}
