import CCSimCommandLine
import Foundation
import XCTest

/// Behaviour of the commands: exit codes, errors, files written.
final class CommandTests: XCTestCase {
    func testValidateAcceptsTheBundledScenarios() throws {
        for file in ["scenarios/mmc-basic.yaml", "scenarios/erlang-a.yaml"] {
            let output = try CCSimCommand.run(["validate", file])
            XCTAssertEqual(output.status, 0, output.stderr)
            XCTAssertTrue(output.stdout.hasPrefix("\(file): valid"), output.stdout)
        }
    }

    func testBadScenarioGivesOneLineErrorWithFieldPath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.yaml")
        let basic = try String(contentsOf: CCSimCommand.repositoryRoot.appendingPathComponent("scenarios/mmc-basic.yaml"), encoding: .utf8)
        let broken = basic.replacingOccurrences(of: "agents: 50", with: "agents: 0")
        XCTAssertNotEqual(broken, basic, "fixture: mmc-basic.yaml should say 'agents: 50'")
        try broken.write(to: file, atomically: true, encoding: .utf8)

        let out = directory.appendingPathComponent("out").path
        for arguments in [["validate", file.path], ["run", file.path, "--out", out]] {
            let output = try CCSimCommand.run(arguments)
            XCTAssertEqual(output.status, 2)
            let lines = output.stderr.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, output.stderr)
            XCTAssertTrue(output.stderr.contains("bad.yaml:"), output.stderr)
            XCTAssertTrue(output.stderr.contains("team.agents"), output.stderr)
        }
        // Nothing was written for the failed run.
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    }

    func testEveryProblemOfAFileIsListedOneLineEach() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-multi-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
        name: several
        arrivals: {rate: -5/h}
        team: {agents: 3}
        handle_time: {lognormal: {mean: 4m, cv: 0}}
        run: {horizon: 8 hours}
        """.write(to: file, atomically: true, encoding: .utf8)
        let output = try CCSimCommand.run(["validate", file.path])
        XCTAssertEqual(output.status, 2)
        let lines = output.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, output.stderr)
        XCTAssertTrue(lines[0].hasSuffix(":2:18: arrivals.rate: must be greater than 0, got -5/h"), lines[0])
        XCTAssertTrue(lines[1].contains(":4:41: handle_time.lognormal.cv: must be greater than 0"), lines[1])
        XCTAssertTrue(lines[2].contains(":5:16: run.horizon: unknown duration unit 'hours'"), lines[2])
        XCTAssertEqual(lines[3], "3 problems in \(file.path)")
    }

    func testMissingFileIsReported() throws {
        let output = try CCSimCommand.run(["run", "scenarios/no-such-file.yaml"])
        XCTAssertEqual(output.status, 2)
        XCTAssertTrue(output.stderr.contains("no-such-file.yaml"), output.stderr)
    }

    func testInvalidOptionsAreRejectedBeforeRunning() throws {
        for arguments in [["--seed", "4294967296"], ["--replications", "0"], ["--jobs", "0"], ["--format", "xml"]] {
            let output = try CCSimCommand.run(["run", "scenarios/mmc-basic.yaml"] + arguments)
            XCTAssertNotEqual(output.status, 0, "\(arguments) should be rejected")
            XCTAssertTrue(output.stderr.hasPrefix("error: "), output.stderr)
        }
        let erlang = try CCSimCommand.run(["erlang", "--agents", "10", "--rate", "540", "--aht", "5m"])
        XCTAssertNotEqual(erlang.status, 0, "a rate without a period is ambiguous")
        // A load beyond the largest center: refused at once, not searched for hours (O(agents) per step).
        let huge = try CCSimCommand.run(["erlang", "--rate", "1000000/h", "--aht", "36500d", "--target", "80%", "--patience", "1ms"])
        XCTAssertEqual(huge.status, 64, huge.stderr)
        XCTAssertTrue(huge.stderr.contains("staffing it needs more than 1000000 agents, the most ccsim models"), huge.stderr)
    }

    func testOutWritesSummaryAndIntervals() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CCSimCommand.run(["run", "scenarios/mmc-basic.yaml", "--replications", "2", "--out", directory.path])
        XCTAssertEqual(output.status, 0, output.stderr)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("summary.json"))) as? [String: Any]
        XCTAssertEqual((summary?["run"] as? [String: Any])?["replications"] as? Int, 2)
        let channels = summary?["channels"] as? [[String: Any]]
        XCTAssertEqual(channels?.first?["name"] as? String, "voice")
        XCTAssertNotNil((channels?.first?["sla"] as? [String: Any])?["verdict"] as? String)
        XCTAssertNotNil(summary?["tiers"] as? [Any])
        XCTAssertNotNil(summary?["teams"] as? [Any])
        XCTAssertNotNil(summary?["center"] as? [String: Any])
        let intervals = try String(contentsOf: directory.appendingPathComponent("intervals.csv"), encoding: .utf8)
        let lines = intervals.split(separator: "\n")
        XCTAssertEqual(lines.first, "interval,start_s,end_s,day,weekday,clock,scope,channel,tier,team,metric,mean,sd,ci_lower,ci_upper,replications")
        // After the 1-hour warm-up: interval 15 starts at 08:30 on day 0 (the first day, a Monday), as the table names it.
        XCTAssertTrue(lines.contains { $0.hasPrefix("15,27000,28800,0,Mon,08:30,channel,voice,,,service_level,") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("0,0,1800,0,Mon,01:00,team,,,frontline,occupancy,") })
        let check = try String(contentsOf: directory.appendingPathComponent("staffing-check.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(check.first, "interval,start_s,end_s,day,weekday,clock,channel,expected_offered,aht_s,erlang_agents,net_agents,net_staffing,service_level,target,missed")
        XCTAssertEqual(check.count, lines.count > 1 ? 1 + Set(lines.dropFirst().map { $0.split(separator: ",")[0] }).count : 1, "a row per interval of the one channel")
        XCTAssertEqual(output.stderr, "wrote summary.json, intervals.csv and staffing-check.csv in \(directory.path)\n")
    }

    /// `--format csv`: one row per scope × metric, each row naming its scope.
    func testCSVFormatCoversEveryScope() throws {
        let output = try CCSimCommand.run(["run", "scenarios/erlang-a.yaml", "--replications", "2", "--format", "csv"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let rows = output.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        XCTAssertEqual(rows.first?.joined(separator: ","), "scope,channel,tier,team,metric,mean,sd,ci_lower,ci_upper,replications,theory")
        XCTAssertTrue(rows.allSatisfy { $0.count == 11 })
        XCTAssertEqual(Set(rows.dropFirst().map { String($0[0]) }), ["channel", "tier", "team", "center"])
        let sl = try XCTUnwrap(rows.first { $0[0] == "channel" && $0[4] == "service_level" })
        XCTAssertEqual(sl[1], "voice")
        XCTAssertNotNil(Double(sl[10]), "Erlang A beside the service level")
    }

    func testJSONFormatIsTheSummaryDocument() throws {
        let output = try CCSimCommand.run(["run", "scenarios/erlang-a.yaml", "--replications", "2", "--format", "json"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(json?["theory_model"] as? String, "Erlang A")
    }

    /// The same seed gives the same output whatever the number of jobs.
    func testOutputDoesNotDependOnJobs() throws {
        let one = try CCSimCommand.run(["run", "scenarios/erlang-a.yaml", "--replications", "4", "--jobs", "1", "--format", "csv"])
        let four = try CCSimCommand.run(["run", "scenarios/erlang-a.yaml", "--replications", "4", "--jobs", "4", "--format", "csv"])
        XCTAssertEqual(one.status, 0)
        XCTAssertEqual(one.stdout, four.stdout)
    }
}

/// Every bundled scenario validates and runs end to end.
final class ExampleScenarioTests: XCTestCase {
    func testEveryBundledScenarioRuns() throws {
        let folder = CCSimCommand.repositoryRoot.appendingPathComponent("scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 6)
        for file in files {
            let output = try CCSimCommand.run(["run", "scenarios/\(file)", "--replications", "2", "--format", "csv"])
            XCTAssertEqual(output.status, 0, "\(file): \(output.stderr)")
            XCTAssertTrue(output.stdout.contains(",service_level,"), file)
        }
    }
}
