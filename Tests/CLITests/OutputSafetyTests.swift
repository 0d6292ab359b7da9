import CCSimCommandLine
import Foundation
import XCTest

/// Outputs complete or absent, every write checked, runs that would eat the machine refused
/// up front (issue 12). Each test failed before the change that it names.
final class OutputSafetyTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// Runs ccsim with stdout to `stdoutPath` (through `sh`, so limits can be set first).
    private func runShell(_ script: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = CCSimCommand.repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        environment["CCSIM"] = CCSimCommand.executable.path
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private func scenario(_ replace: [String: String] = [:]) throws -> String {
        var text = try String(contentsOf: CCSimCommand.repositoryRoot.appendingPathComponent("scenarios/erlang-a.yaml"), encoding: .utf8)
        for (old, new) in replace {
            XCTAssertTrue(text.contains(old), "fixture: erlang-a.yaml should say '\(old)'")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let file = directory.appendingPathComponent("s-\(UUID().uuidString).yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    // Silent failure: writing to /dev/full exited 0.
    func testAFullStandardOutputIsAnError() throws {
        for format in ["table", "json", "csv"] {
            let result = try runShell("\"$CCSIM\" run scenarios/erlang-a.yaml --replications 2 --format \(format) > /dev/full")
            XCTAssertNotEqual(result.status, 0, format)
            XCTAssertTrue(result.stderr.contains("cannot write standard output: No space left on device"), result.stderr)
            XCTAssertFalse(result.stderr.contains("NSCocoaErrorDomain"), result.stderr)
        }
        let validate = try runShell("\"$CCSIM\" validate scenarios/erlang-a.yaml > /dev/full")
        XCTAssertNotEqual(validate.status, 0)
    }

    // Silent failure: `--help` and `--version` into /dev/full exited 0 (ArgumentParser prints them).
    func testHelpAndVersionIntoAFullStandardOutputAreAnError() throws {
        for arguments in ["--help", "--version", "run --help", "sweep run --help"] {
            let result = try runShell("\"$CCSIM\" \(arguments) > /dev/full")
            XCTAssertEqual(result.status, 1, arguments)
            XCTAssertTrue(result.stderr.contains("cannot write standard output: No space left on device"), result.stderr)
        }
        // Elsewhere they still succeed, with the text ArgumentParser would print.
        let help = try CCSimCommand.run(["erlang", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.hasPrefix("OVERVIEW: "), help.stdout)
        XCTAssertTrue(help.stdout.hasSuffix("Show help information.\n\n"), help.stdout)
        let version = try CCSimCommand.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.stdout.split(separator: "\n").count, 1, version.stdout)
    }

    // Silent failure: `--out ""` wrote /summary.json and /intervals.csv into the root.
    func testEmptyOrRootOutIsRefused() throws {
        for out in ["", "/", "  ", "."] {
            let output = try CCSimCommand.run(["run", "scenarios/erlang-a.yaml", "--replications", "2", "--out", out])
            XCTAssertNotEqual(output.status, 0, "--out '\(out)'")
            XCTAssertTrue(output.stderr.contains("--out"), output.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/intervals.csv") && FileManager.default.fileExists(atPath: "/summary.json"))
    }

    func testTheUsersOwnFilesAreKeptAndFoldersRefused() throws {
        let out = directory.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "keep me".write(to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let output = try CCSimCommand.run(["run", "scenarios/erlang-a.yaml", "--replications", "2", "--out", out.path])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: out.path)), ["notes.txt", "summary.json", "intervals.csv", "staffing-check.csv"])
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8), "keep me")

        try FileManager.default.createDirectory(at: out.appendingPathComponent("work"), withIntermediateDirectories: true)
        let refused = try CCSimCommand.run(["run", "scenarios/erlang-a.yaml", "--replications", "2", "--out", out.path])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("holds folders ccsim did not write (work)"), refused.stderr)
    }

    // Silent failure: a re-run killed mid-write left a new intervals.csv next to the old summary.json.
    // Now the folder is replaced as a set: nothing of the earlier run survives, nothing hidden is left.
    func testARerunReplacesTheFolderAsASet() throws {
        let out = directory.appendingPathComponent("run")
        let first = try CCSimCommand.run(["run", "scenarios/erlang-a.yaml", "--replications", "2", "--out", out.path, "--trace"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: out.path)), ["summary.json", "intervals.csv", "staffing-check.csv", "contacts.csv"])
        let second = try CCSimCommand.run(["run", "scenarios/erlang-a.yaml", "--replications", "2", "--out", out.path])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: out.path)), ["summary.json", "intervals.csv", "staffing-check.csv"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }, [])
    }

    // Silent failure: two concurrent `--trace` runs into one folder left contacts.csv with its header only.
    func testConcurrentTracedRunsBothWriteWholeFiles() throws {
        let out = directory.appendingPathComponent("shared").path
        let result = try runShell("""
            "$CCSIM" run scenarios/erlang-a.yaml --replications 3 --out \(out) --trace & a=$!
            "$CCSIM" run scenarios/erlang-a.yaml --replications 3 --out \(out) --trace & b=$!
            wait $a; sa=$?; wait $b; sb=$?; exit $((sa + sb))
            """)
        XCTAssertEqual(result.status, 0, result.stderr)
        let contacts = try String(contentsOfFile: out + "/contacts.csv", encoding: .utf8)
        XCTAssertGreaterThan(contacts.split(separator: "\n").count, 1000)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }, [])
    }

    // Crash 6: a full disk under --trace trapped ("Fatal error: 'try!' … No space left on device")
    // and left a .part file. A file-size limit gives the same write error (EFBIG) without root.
    func testATraceWriteFailureIsAnErrorAndLeavesNoFolder() throws {
        let out = directory.appendingPathComponent("full").path
        let result = try runShell("ulimit -f 200; trap '' XFSZ; exec \"$CCSIM\" run scenarios/erlang-a.yaml --replications 2 --out \(out) --trace")
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("cannot write "), result.stderr)
        XCTAssertTrue(result.stderr.contains("File too large"), result.stderr)
        XCTAssertFalse(result.stderr.contains("Fatal error"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }, [])
    }

    // A run that would eat the machine is refused up front, naming the field and the flag.
    func testARunBeyondTheBudgetIsRefusedUpFront() throws {
        let path = try scenario(["horizon: 8h ": "horizon: 520w", "interval: 30m ": "interval: 1d "])
        let output = try CCSimCommand.run(["run", path])
        XCTAssertEqual(output.status, 1, output.stderr)
        XCTAssertTrue(output.stderr.contains("contacts"), output.stderr)
        XCTAssertTrue(output.stderr.contains("run.horizon"), output.stderr)
        XCTAssertTrue(output.stderr.contains("--budget"), output.stderr)
        XCTAssertEqual(output.stdout, "")
    }

    // Hang: `staff`, `schedule`, `roi` and `sweep run` took the same ten-year run without the check
    // (`staff` simulates up to 60 plans of it): each is refused before its first simulation,
    // naming which of its runs is too big, and `--budget` lets it through the check.
    func testEveryCommandThatSimulatesChecksTheBudget() throws {
        let long = try scenario(["horizon: 8h ": "horizon: 520w", "interval: 30m ": "interval: 1d "])
        var roiText = try String(contentsOf: CCSimCommand.repositoryRoot.appendingPathComponent("scenarios/training-roi.yaml"), encoding: .utf8)
        XCTAssertTrue(roiText.contains("horizon: 26w"), "fixture: training-roi.yaml should say 'horizon: 26w'")
        XCTAssertTrue(roiText.contains("interval: 1h "), "fixture: training-roi.yaml should say 'interval: 1h '")
        roiText = roiText.replacingOccurrences(of: "horizon: 26w", with: "horizon: 520w").replacingOccurrences(of: "interval: 1h ", with: "interval: 4h ")
        let roi = directory.appendingPathComponent("roi.yaml")
        try roiText.write(to: roi, atomically: true, encoding: .utf8)
        XCTAssertTrue(roiText.contains("- name: onboarding"), "fixture: training-roi.yaml should have the onboarding program")
        let sweep = directory.appendingPathComponent("long-sweep.yaml")
        try """
            name: long
            base: \(long)
            replications: 10
            parameters:
              - path: team.agents
                set: [48, 50]
            metrics: [service_level]
            """.write(to: sweep, atomically: true, encoding: .utf8)
        let cases: [(arguments: [String], names: String)] = [
            (["staff", long], "each plan the search simulates: "),
            (["schedule", long], "the run would simulate"),
            (["roi", roi.path, "--program", "onboarding", "--replications", "1000"], "the arm with the program: "),
            (["sweep", "run", sweep.path, "--out", directory.appendingPathComponent("store").path], "sweep point 0 ("),
        ]
        for (arguments, names) in cases {
            let output = try CCSimCommand.run(arguments)
            XCTAssertEqual(output.status, 1, "\(arguments): \(output.stderr)")
            XCTAssertTrue(output.stderr.contains(names), "\(arguments): \(output.stderr)")
            XCTAssertTrue(output.stderr.contains("run.horizon") && output.stderr.contains("--budget"), "\(arguments): \(output.stderr)")
            XCTAssertEqual(output.stdout, "", "\(arguments) printed before refusing")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("store").path), "the refused sweep made its store")
        // Raised, the check passes: `staff` then stops at its own next check (the warm-up), not the budget.
        let raised = try CCSimCommand.run(["staff", long, "--budget", "100"])
        XCTAssertFalse(raised.stderr.contains("--budget"), raised.stderr)
    }

    // Silent failure: an unstable queue without patience ran for years of simulated drain, unannounced.
    func testAnUnstableQueueWithoutPatienceIsAnnounced() throws {
        let path = try scenario(["rate: 600/h ": "rate: 20/h ", "agents: 48 ": "agents: 1 ",
                                 "patience:                            # how long a caller is willing to wait in queue (optional)\n  exponential: {mean: 3m}": ""])
        let output = try CCSimCommand.run(["run", path, "--replications", "1"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stderr.contains("warning: channels."), output.stderr)
        XCTAssertTrue(output.stderr.contains("Erlangs"), output.stderr)
        XCTAssertTrue(output.stderr.contains("working off the backlog would take about"), output.stderr)
        // A sweep names the points that cross the edge, before running (and in a dry run).
        let sweep = directory.appendingPathComponent("edge.yaml")
        try "name: edge\nbase: \(path)\nreplications: 1\nparameters:\n  - path: team.agents\n    set: [1, 40]\nmetrics: [service_level]\n"
            .write(to: sweep, atomically: true, encoding: .utf8)
        let dry = try CCSimCommand.run(["sweep", "run", sweep.path, "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        let warnings = dry.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        XCTAssertEqual(warnings.count, 1, dry.stderr)
        XCTAssertTrue(warnings.first?.hasPrefix("warning: sweep point 0 (team.agents=1): channels.") ?? false, dry.stderr)
        XCTAssertTrue(warnings.first?.hasSuffix("the queue grows for the whole run") ?? false, dry.stderr)
    }
}
