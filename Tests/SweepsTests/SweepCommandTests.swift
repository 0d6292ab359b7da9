import CCSimCommandLine
import Foundation
import GRDB
import Sweeps
import XCTest

/// `ccsim sweep` as a user runs it: the built binary, killed and resumed.
final class SweepCommandTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws { directory = try Fixture.temporaryDirectory(self) }

    /// 200 runs of about 10 ms each (4 simulated days of mmc-basic), so a kill lands mid-sweep.
    func writeSlowSweep() throws -> String {
        let path = directory + "/slow.yaml"
        try Fixture.smallSweep(name: "slow", agents: [46, 47, 48, 49, 50], replications: 40, horizon: "4d")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func storedCount(_ out: String) -> Int {
        guard FileManager.default.fileExists(atPath: out + "/sweep.sqlite"),
              let queue = try? DatabaseQueue(path: out + "/sweep.sqlite", configuration: { var c = Configuration(); c.readonly = true; c.busyMode = .timeout(5); return c }())
        else { return 0 }
        return (try? queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM runs") ?? 0 }) ?? 0
    }

    /// Starts `ccsim sweep` and sends `signal` once at least `atLeast` runs are stored.
    func startAndSignal(_ sweep: String, out: String, jobs: Int, signal: Int32, atLeast: Int) throws -> (process: Process, seenBeforeSignal: Int, stderr: Pipe) {
        let process = Process()
        process.executableURL = CCSimCommand.executable
        process.arguments = ["sweep", sweep, "--out", out, "--jobs", String(jobs)]
        process.currentDirectoryURL = Fixture.repositoryRoot
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var seen = 0
        while Date() < deadline, process.isRunning {
            seen = storedCount(out)
            if seen >= atLeast { break }
            usleep(2_000)
        }
        XCTAssertTrue(process.isRunning, "the sweep finished before it could be interrupted; make its runs longer")
        XCTAssertGreaterThanOrEqual(seen, atLeast)
        kill(process.processIdentifier, signal)
        return (process, seen, err)
    }

    /// Every stored row is whole: no duplicates, every column set, valid JSON with every metric.
    func assertConsistent(_ out: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let queue = try DatabaseQueue(path: out + "/sweep.sqlite")
        try queue.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA integrity_check"), "ok", file: file, line: line)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs"),
                           try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT DISTINCT point, replication FROM runs)"), file: file, line: line)
            for row in try Row.fetchAll(db, sql: "SELECT * FROM runs") {
                XCTAssertEqual(row["status"] as String, "ok", file: file, line: line)
                let metrics = try JSONSerialization.jsonObject(with: Data((row["metrics"] as String).utf8)) as? [String: Double]
                XCTAssertEqual(metrics.map { Set($0.keys) }, ["service_level", "asa", "occupancy", "offered"], file: file, line: line)
                for column in ["service_level", "occupancy", "offered", "wall_seconds", "finished_at"] {
                    XCTAssertFalse((row[column] as DatabaseValue).isNull, "\(column) is null", file: file, line: line)
                }
            }
        }
    }

    func testSIGKILLMidSweepLosesOnlyInFlightRunsAndResumes() throws {
        let sweep = try writeSlowSweep()
        let out = directory + "/killed"
        let (process, seen, _) = try startAndSignal(sweep, out: out, jobs: 2, signal: SIGKILL, atLeast: 10)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        let afterKill = storedCount(out)
        XCTAssertGreaterThanOrEqual(afterKill, seen, "completed runs must be kept")
        XCTAssertLessThan(afterKill, 200, "the kill should land mid-sweep")
        try assertConsistent(out)

        let resumed = try CCSimCommand.run(["sweep", sweep, "--out", out])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("resuming: \(afterKill) runs already stored, running \(200 - afterKill)"), resumed.stderr)
        XCTAssertEqual(storedCount(out), 200)
        try assertConsistent(out)

        // The interrupted-and-resumed store equals an uninterrupted run.
        let fresh = directory + "/fresh"
        XCTAssertEqual(try CCSimCommand.run(["sweep", sweep, "--out", fresh, "--quiet"]).status, 0)
        XCTAssertEqual(try Fixture.rows(out), try Fixture.rows(fresh))
    }

    func testCtrlCStopsGracefullyAndSaysHowToResume() throws {
        let sweep = try writeSlowSweep()
        let out = directory + "/interrupted"
        let (process, _, err) = try startAndSignal(sweep, out: out, jobs: 2, signal: SIGINT, atLeast: 5)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130, stderr)
        XCTAssertTrue(stderr.contains("run the same command again to resume"), stderr)
        XCTAssertLessThan(storedCount(out), 200)
        try assertConsistent(out)
        XCTAssertEqual(try CCSimCommand.run(["sweep", sweep, "--out", out, "--quiet"]).status, 0)
        XCTAssertEqual(storedCount(out), 200)
    }

    func testRunSummarizeExportEndToEnd() throws {
        let sweep = directory + "/small.yaml"
        try Fixture.smallSweep().write(toFile: sweep, atomically: true, encoding: .utf8)
        let out = directory + "/small"
        let run = try CCSimCommand.run(["sweep", sweep, "--out", out, "--jobs", "2"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("sweep small: 3 points × 4 replications = 12 runs"), run.stderr)
        // stderr is a pipe: plain progress lines, at most one every 5 s, so this quick sweep writes
        // none, only its closing summary.
        XCTAssertFalse(run.stderr.contains("runs (100%)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("12 runs in "), run.stderr)
        XCTAssertTrue(run.stderr.contains("runs/s"), run.stderr)

        let again = try CCSimCommand.run(["sweep", sweep, "--out", out])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("all 12 runs are already in"), again.stderr)

        let summary = try CCSimCommand.run(["sweep", "summarize", out])
        XCTAssertEqual(summary.status, 0, summary.stderr)
        XCTAssertTrue(summary.stdout.contains("sweep small: 12 of 12 runs stored"), summary.stdout)
        XCTAssertEqual(summary.stdout.split(separator: "\n").count, 2 + 3)
        let csv = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)
        XCTAssertEqual(csv.split(separator: "\n").count, 1 + 3)

        let export = try CCSimCommand.run(["sweep", "export", out])
        XCTAssertEqual(export.status, 0, export.stderr)
        let runs = try String(contentsOfFile: out + "/runs.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(runs.count, 1 + 12)
        XCTAssertEqual(runs[0], "point,team.agents,run.horizon,run.warmup,run.interval,replication,seed,replication_index,status,error,service_level,asa,occupancy,offered,wall_seconds")
        XCTAssertTrue(runs[1].hasPrefix("0,46,1800,0,1800,0,11,0,ok,,"), String(runs[1]))
    }

    func testBadSweepFileExitsWithTwoAndOneLinePerProblem() throws {
        let sweep = directory + "/bad.yaml"
        try """
            base: \(Fixture.mmcBasic)
            parameters:
              - {path: team.agnets, set: [48]}
              - {path: arrivals.rate, set: [0/h]}
            """.write(toFile: sweep, atomically: true, encoding: .utf8)
        let output = try CCSimCommand.run(["sweep", sweep, "--out", directory + "/out"])
        XCTAssertEqual(output.status, 2)
        XCTAssertEqual(output.stderr.split(separator: "\n"), [
            "error: \(sweep):3:12: parameters[0].path: team.agnets: the base scenario has no field 'agnets' under 'team'; did you mean 'team.agents'?",
            "error: \(sweep):4:33: parameters[1].set[0]: this value gives an invalid scenario: arrivals.rate: must be greater than 0, got 0/s",
            "2 problems in \(sweep)",
        ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/out"), "nothing is written for an invalid sweep")

        let missing = try CCSimCommand.run(["sweep", "summarize", directory + "/nowhere"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.hasPrefix("error: no sweep store at"), missing.stderr)
    }

    func testDifferentSweepFileAgainstAStoreIsRefused() throws {
        let sweep = directory + "/s.yaml"
        try Fixture.smallSweep().write(toFile: sweep, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CCSimCommand.run(["sweep", sweep, "--out", directory + "/out", "--quiet"]).status, 0)
        try Fixture.smallSweep(agents: [50, 52]).write(toFile: sweep, atomically: true, encoding: .utf8)
        let refused = try CCSimCommand.run(["sweep", sweep, "--out", directory + "/out"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("holds the results of a different sweep"), refused.stderr)
        let forced = try CCSimCommand.run(["sweep", sweep, "--out", directory + "/out", "--force-new", "--quiet"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(storedCount(directory + "/out"), 8)
    }

    /// `--force-new` does what its help says: it deletes the store of this very sweep too and
    /// runs everything again (a clean re-run), not only another sweep's store.
    func testForceNewStartsTheSameSweepOver() throws {
        let sweep = directory + "/s.yaml"
        try Fixture.smallSweep().write(toFile: sweep, atomically: true, encoding: .utf8)
        let help = try CCSimCommand.run(["sweep", "run", "--help"])
        XCTAssertTrue(help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .contains("delete the existing store, whether it holds this sweep's runs or another sweep's"), help.stdout)
        XCTAssertEqual(try CCSimCommand.run(["sweep", sweep, "--out", directory + "/out", "--quiet"]).status, 0)
        let again = try CCSimCommand.run(["sweep", sweep, "--out", directory + "/out"])
        XCTAssertTrue(again.stderr.contains("all 12 runs are already in"), again.stderr)
        let queue = try DatabaseQueue(path: SweepStore.storePath(directory + "/out"))
        try queue.write { try $0.execute(sql: "UPDATE runs SET wall_seconds = -1") }
        try queue.close()
        let forced = try CCSimCommand.run(["sweep", sweep, "--out", directory + "/out", "--force-new"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stderr.contains("running 12 on"), forced.stderr)
        XCTAssertFalse(forced.stderr.contains("resuming"), forced.stderr)
        let reader = try DatabaseQueue(path: SweepStore.storePath(directory + "/out"))
        XCTAssertEqual(try reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM runs WHERE wall_seconds >= 0") }, 12, "every run is new")
    }

    func testSlurmScriptsAndShardCommandLine() throws {
        let sweep = directory + "/s.yaml"
        try Fixture.smallSweep().write(toFile: sweep, atomically: true, encoding: .utf8)
        let out = directory + "/results"
        let written = try CCSimCommand.run(["sweep", "slurm", sweep, "--shards", "3", "--partition", "short", "--time", "0:10:00", "--cpus", "2", "--out", out])
        XCTAssertEqual(written.status, 0, written.stderr)
        let array = try String(contentsOfFile: out + "/slurm/array.sbatch", encoding: .utf8)
        for line in ["#SBATCH --array=1-3", "#SBATCH --partition=short", "#SBATCH --time=0:10:00", "#SBATCH --cpus-per-task=2",
                     "--shard \"${SLURM_ARRAY_TASK_ID}/3\"", "'\(out)/shards'\"/${SLURM_ARRAY_TASK_ID}-of-3\""] {
            XCTAssertTrue(array.contains(line), "array.sbatch lacks \(line):\n\(array)")
        }
        let merge = try String(contentsOfFile: out + "/slurm/merge.sbatch", encoding: .utf8)
        XCTAssertTrue(merge.contains("sweep merge '\(out)'"), merge)
        XCTAssertTrue(merge.contains("'\(out)/shards/3-of-3'"), merge)
        let submit = try String(contentsOfFile: out + "/slurm/submit.sh", encoding: .utf8)
        XCTAssertTrue(submit.contains("--dependency=afterok:"), submit)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: out + "/slurm/submit.sh"))

        // What the array tasks and the merge job run, without Slurm.
        for k in 1...3 {
            let shard = try CCSimCommand.run(["sweep", sweep, "--shard", "\(k)/3", "--out", out + "/shards/\(k)-of-3", "--quiet"])
            XCTAssertEqual(shard.status, 0, shard.stderr)
        }
        let merged = try CCSimCommand.run(["sweep", "merge", out, out + "/shards/1-of-3", out + "/shards/2-of-3", out + "/shards/3-of-3"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertTrue(merged.stdout.contains("12 runs added, 0 already there; 12 of 12 runs stored"), merged.stdout)
        XCTAssertEqual(try CCSimCommand.run(["sweep", sweep, "--out", directory + "/local", "--quiet"]).status, 0)
        XCTAssertEqual(try Fixture.rows(out), try Fixture.rows(directory + "/local"))

        let bad = try CCSimCommand.run(["sweep", sweep, "--shard", "4/3"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("--shard must be K/N"), bad.stderr)
    }
}
