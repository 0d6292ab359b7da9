import CCSimCommandLine
import Foundation
import GRDB
import Scenarios
import Sweeps
import XCTest

/// Per-interval series in sweeps (`series:`): recorded in `run_intervals` with each run,
/// exported tidy, summarised by interval, merged with shards; stores from before them still open.
final class IntervalSeriesTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws {
        directory = try Fixture.temporaryDirectory(self)
    }

    /// 2 h in 30-minute intervals: four intervals per run.
    func seriesSweep(series: String = "[service_level, offered]", replications: Int = 3) -> String {
        Fixture.smallSweep(agents: [46, 50], replications: replications, horizon: "2h")
            .replacingOccurrences(of: "  - path: run.interval\n    set: [2h]", with: "  - path: run.interval\n    set: [30m]")
            + "\nseries: \(series)\n"
    }

    func intervalRows(_ out: String) throws -> [Row] {
        let queue = try DatabaseQueue(path: SweepStore.storePath(out), configuration: { var c = Configuration(); c.readonly = true; return c }())
        return try queue.read { try Row.fetchAll($0, sql: "SELECT * FROM run_intervals ORDER BY point, replication, series, interval") }
    }

    /// Every run stores every series in every interval, and the intervals add up to the run:
    /// offered contacts by interval sum to the run's offered contacts, exactly.
    func testSeriesAreStoredPerIntervalAndAddUpToTheRun() throws {
        let plan = try Fixture.plan(seriesSweep(), in: directory)
        XCTAssertEqual(plan.series, ["service_level", "offered"])
        let out = directory + "/out"
        try Fixture.run(plan, into: out)
        let rows = try intervalRows(out)
        XCTAssertEqual(rows.count, 2 * 3 * 2 * 4, "points × replications × series × intervals")
        let contents = try SweepStore.openExisting(out).contents()
        XCTAssertEqual(contents.meta.series, ["service_level", "offered"])
        let offeredColumn = try XCTUnwrap(contents.meta.metrics.firstIndex(of: "offered"))
        for run in contents.runs {
            let mine = rows.filter { ($0["point"] as Int) == run.point && ($0["replication"] as Int) == run.replication }
            let offered = mine.filter { ($0["series"] as String) == "offered" }
            XCTAssertEqual(offered.map { $0["interval"] as Int }, [0, 1, 2, 3])
            XCTAssertEqual(offered.map { $0["start_seconds"] as Double }, [0, 1800, 3600, 5400])
            XCTAssertEqual(offered.reduce(0.0) { $0 + ($1["value"] as Double) }, try XCTUnwrap(run.metrics[offeredColumn]))
            for row in mine where (row["series"] as String) == "service_level" {
                let level: Double = row["value"]
                XCTAssertTrue((0...1).contains(level), "\(level)")
            }
        }
        // Fewer agents, lower service level in (nearly) every interval: the series carry the sweep's effect.
        let summary = IntervalSummary(contents, intervals: try SweepStore.openExisting(out).intervalValues())
        let levels = { (point: Int) in summary.rows.filter { $0.point.id == point && $0.series == "service_level" }.compactMap(\.cell.mean) }
        XCTAssertEqual(levels(0).count, 4)
        XCTAssertLessThan(levels(0).reduce(0, +), levels(1).reduce(0, +))
    }

    func testUnknownOrRepeatedSeriesAreLocatedErrors() throws {
        let problems = try Fixture.problems(seriesSweep(series: "[servce_level, wait_p90, offered, offered]"), in: directory)
        let file = directory + "/sweep.yaml"
        XCTAssertEqual(problems.count, 3, "\(problems)")
        XCTAssertTrue(problems.contains { $0.hasPrefix("\(file):") && $0.contains("series[0]: unknown per-interval series 'servce_level'; did you mean 'service_level'?") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("series[1]: unknown per-interval series 'wait_p90' ('wait_p90' is a whole-run metric; list it under 'metrics')") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("series[3]: 'offered' is listed twice") }, "\(problems)")
    }

    /// A metric listed twice would be two store columns of one name: a located error at load,
    /// not an SQLite error (and a store left behind) when the run starts.
    func testARepeatedMetricIsALocatedError() throws {
        let sweep = seriesSweep().replacingOccurrences(of: "metrics: [service_level, asa, occupancy, offered]", with: "metrics: [service_level, asa, asa]")
        XCTAssertNotEqual(sweep, seriesSweep())
        let problems = try Fixture.problems(sweep, in: directory)
        XCTAssertEqual(problems.count, 1, "\(problems)")
        XCTAssertTrue(problems[0].hasPrefix("\(directory + "/sweep.yaml"):") && problems[0].contains("metrics[2]: 'asa' is listed twice; list each metric once"), "\(problems)")
    }

    func testExportIntervalsIsTidyAndSummarizeWritesIntervalMeans() throws {
        let sweep = directory + "/s.yaml"
        try seriesSweep().write(toFile: sweep, atomically: true, encoding: .utf8)
        let out = directory + "/out"
        XCTAssertEqual(try CCSimCommand.run(["sweep", sweep, "--out", out, "--quiet"]).status, 0)
        let export = try CCSimCommand.run(["sweep", "export", out, "--intervals"])
        XCTAssertEqual(export.status, 0, export.stderr)
        let csv = try String(contentsOfFile: out + "/runs-intervals.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(csv.first, "point,replication,seed,replication_index,status,team_agents,run_horizon,run_warmup,run_interval,series,interval,start_seconds,length_seconds,value")
        XCTAssertEqual(csv.count, 1 + 48)
        XCTAssertTrue(csv[1].hasPrefix("0,0,11,0,ok,46,7200,0,1800,service_level,0,0,1800,"), String(csv[1]))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/runs-intervals-parameters.csv"))

        let summarized = try CCSimCommand.run(["sweep", "summarize", out])
        XCTAssertEqual(summarized.status, 0, summarized.stderr)
        let means = try String(contentsOfFile: out + "/summary-intervals.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(means.first, "point,label,series,interval,start_seconds,length_seconds,mean,sd,ci_lower,ci_upper,n")
        XCTAssertEqual(means.count, 1 + 2 * 2 * 4)

        // A store without series says how to get them.
        let plain = directory + "/plain.yaml"
        try Fixture.smallSweep().write(toFile: plain, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CCSimCommand.run(["sweep", plain, "--out", directory + "/plain", "--quiet"]).status, 0)
        let refused = try CCSimCommand.run(["sweep", "export", directory + "/plain", "--intervals"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("records no per-interval series; list them in the sweep file's 'series' field"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/plain/summary-intervals.csv"))
    }

    /// Shards' series merge with their runs, once: the merged store equals the one-process store.
    func testMergeCopiesTheSeries() throws {
        let plan = try Fixture.plan(seriesSweep(), in: directory)
        for k in 1...2 { try Fixture.run(plan, into: directory + "/s\(k)", shard: Shard(index: k, count: 2)) }
        let report = try StoreMerge.merge(into: directory + "/merged", from: [directory + "/s1", directory + "/s2", directory + "/s1"])
        XCTAssertEqual(report.storedRuns, plan.runCount)
        try Fixture.run(plan, into: directory + "/whole")
        func values(_ rows: [Row]) -> [String] { rows.map { "\($0["point"] as Int) \($0["replication"] as Int) \($0["series"] as String) \($0["interval"] as Int) \($0["value"] as Double? ?? .nan)" } }
        XCTAssertEqual(values(try intervalRows(directory + "/merged")), values(try intervalRows(directory + "/whole")))
    }

    /// A store written before schema 2 (no meta.series, no run_intervals) still opens for
    /// reading, and resuming a sweep into it migrates it; a store from a newer ccsim is refused.
    func testVersion1StoresOpenAndMigrate() throws {
        let plan = try Fixture.plan(Fixture.smallSweep(), in: directory)
        let out = directory + "/out"
        let half = Array(plan.runs().prefix(6))
        do {
            let store = try SweepStore.open(for: plan, directory: out, shard: nil, forceNew: false)
            _ = SweepExecutor.execute(plan, runs: half, store: store, jobs: 1, progress: nil)
        }
        // Make it what ccsim wrote before: schema 1, without the series column and table.
        do {
            let queue = try DatabaseQueue(path: SweepStore.storePath(out))
            try queue.write { db in
                try db.execute(sql: "DROP TABLE run_intervals")
                try db.execute(sql: "ALTER TABLE meta DROP COLUMN series")
                try db.execute(sql: "UPDATE meta SET schema_version = 1")
            }
        }
        let old = try SweepStore.openExisting(out)
        XCTAssertEqual(old.series, [])
        XCTAssertEqual(try old.intervalValues().count, 0)
        XCTAssertEqual(try old.contents().runs.count, 6)
        let summarized = try CCSimCommand.run(["sweep", "summarize", out])
        XCTAssertEqual(summarized.status, 0, summarized.stderr)

        // Resuming migrates, keeps the stored runs and finishes the sweep.
        try Fixture.run(plan, into: out)
        let queue = try DatabaseQueue(path: SweepStore.storePath(out), configuration: { var c = Configuration(); c.readonly = true; return c }())
        try queue.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT schema_version FROM meta"), 2)
            XCTAssertTrue(try db.tableExists("run_intervals"))
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT series FROM meta"), "[]")
        }
        XCTAssertEqual(try Fixture.rows(out), try Fixture.run(plan, into: directory + "/fresh"))

        // A newer ccsim's store is refused, not misread.
        let newer = try DatabaseQueue(path: SweepStore.storePath(out))
        try newer.write { try $0.execute(sql: "UPDATE meta SET schema_version = 99") }
        try newer.close()
        XCTAssertThrowsError(try SweepStore.open(for: plan, directory: out, shard: nil, forceNew: false)) { error in
            XCTAssertTrue("\(error)".contains("was written by a newer ccsim (store schema 99; this ccsim knows up to 2)"), "\(error)")
        }
    }
}
