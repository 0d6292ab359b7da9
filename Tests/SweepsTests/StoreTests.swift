import GRDB
import Sweeps
import XCTest

final class StoreTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws { directory = try Fixture.temporaryDirectory(self) }

    func testSchemaAndWALMode() throws {
        let plan = try Fixture.plan(Fixture.smallSweep(), in: directory)
        try Fixture.run(plan, into: directory + "/out")
        let queue = try DatabaseQueue(path: directory + "/out/sweep.sqlite")
        try queue.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "wal")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM points"), 3)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs"), 12)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs WHERE status = 'ok'"), 12)
            let meta = try Row.fetchOne(db, sql: "SELECT * FROM meta")!
            XCTAssertEqual(meta["sweep_text"] as String, plan.text)
            XCTAssertEqual(meta["sweep_hash"] as String, SHA256.hex(plan.text))
            XCTAssertEqual(meta["planned_runs"] as Int, 12)
            XCTAssertEqual(try Int.fetchOne(db, sql: #"SELECT "team.agents" FROM points WHERE id = 1"#), 48)
            XCTAssertEqual(try Double.fetchOne(db, sql: #"SELECT "run.horizon" FROM points WHERE id = 1"#), 1800)
            let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(runs)").map { $0["name"] as String }
            XCTAssertEqual(columns, ["point", "replication", "seed", "replication_index", "status", "error", "metrics",
                                     "service_level", "asa", "occupancy", "offered", "wall_seconds", "finished_at"])
            // The metric columns and the JSON agree.
            let row = try Row.fetchOne(db, sql: "SELECT metrics, service_level FROM runs LIMIT 1")!
            let json = try JSONSerialization.jsonObject(with: Data((row[0] as String).utf8)) as! [String: Double]
            XCTAssertEqual(json["service_level"]!, row[1] as Double, accuracy: 1e-15)
        }
    }

    func testResumeSkipsStoredRuns() throws {
        let plan = try Fixture.plan(Fixture.smallSweep(), in: directory)
        let out = directory + "/out"
        let store = try SweepStore.open(for: plan, directory: out, shard: nil, forceNew: false)
        let firstHalf = Array(plan.runs().prefix(5))
        _ = SweepExecutor.execute(plan, runs: firstHalf, store: store, jobs: 2, progress: nil)
        XCTAssertEqual(try store.storedRuns(), Set(firstHalf))
        let rest = plan.runs().filter { !(try! store.storedRuns()).contains($0) }
        XCTAssertEqual(rest.count, 7)
        _ = SweepExecutor.execute(plan, runs: rest, store: store, jobs: 2, progress: nil)
        let resumed = try Fixture.rows(out)

        let fresh = directory + "/fresh"
        XCTAssertEqual(try Fixture.run(plan, into: fresh), resumed)
    }

    /// A comment, a blank line or re-indented flow list does not make another sweep: the same
    /// runs resume into the store. A changed value still does.
    func testACommentOnlyEditKeepsTheStore() throws {
        let out = directory + "/out"
        let plan = try Fixture.plan(Fixture.smallSweep(), in: directory)
        try Fixture.run(plan, into: out)
        let commented = "# staffing levels for the spring review\n" + Fixture.smallSweep()
            .replacingOccurrences(of: "replications: 4", with: "replications: 4   # enough for a first look\n")
            .replacingOccurrences(of: "[46, 48, 50]", with: "[46,48, 50]")
        let edited = try Fixture.plan(commented, in: directory)
        XCTAssertNotEqual(edited.text, plan.text)
        XCTAssertEqual(edited.identity, plan.identity)
        let store = try SweepStore.open(for: edited, directory: out, shard: nil, forceNew: false)
        XCTAssertEqual(try store.storedRuns(), Set(plan.runs()), "every stored run is kept")
        let changed = try Fixture.plan(commented.replacingOccurrences(of: "seed: 11", with: "seed: 12"), in: directory)
        XCTAssertNotEqual(changed.identity, plan.identity)
    }

    /// A store written before comments were ignored (its identity of the exact texts) resumes.
    func testAStoreIdentifiedByItsTextStillResumes() throws {
        let out = directory + "/out"
        let plan = try Fixture.plan(Fixture.smallSweep(), in: directory)
        try Fixture.run(plan, into: out)
        do {
            let queue = try DatabaseQueue(path: SweepStore.storePath(out))
            try queue.write { db in try db.execute(sql: "UPDATE meta SET identity = ?", arguments: [plan.textIdentity]) }
        }
        XCTAssertEqual(try SweepStore.open(for: plan, directory: out, shard: nil, forceNew: false).storedRuns(), Set(plan.runs()))
    }

    func testADifferentSweepIsRefusedUnlessForceNew() throws {
        let out = directory + "/out"
        let plan = try Fixture.plan(Fixture.smallSweep(), in: directory)
        try Fixture.run(plan, into: out)
        let other = try Fixture.plan(Fixture.smallSweep(replications: 5), in: directory)
        XCTAssertThrowsError(try SweepStore.open(for: other, directory: out, shard: nil, forceNew: false)) { error in
            XCTAssertTrue("\(error)".contains("holds the results of a different sweep"), "\(error)")
            XCTAssertTrue("\(error)".contains("--force-new"), "\(error)")
        }
        let store = try SweepStore.open(for: other, directory: out, shard: nil, forceNew: true)
        XCTAssertEqual(try store.storedRuns(), [])
    }

    func testAShardStoreIsNotReusedForAnotherShard() throws {
        let out = directory + "/out"
        let plan = try Fixture.plan(Fixture.smallSweep(), in: directory)
        _ = try SweepStore.open(for: plan, directory: out, shard: Shard(index: 1, count: 2), forceNew: false)
        XCTAssertThrowsError(try SweepStore.open(for: plan, directory: out, shard: Shard(index: 2, count: 2), forceNew: false)) { error in
            XCTAssertTrue("\(error)".contains("holds shard 1/2, not shard 2/2"), "\(error)")
        }
    }

    func testASecondProcessOnTheSameStoreIsRefused() throws {
        let plan = try Fixture.plan(Fixture.smallSweep(), in: directory)
        let first = try SweepStore.open(for: plan, directory: directory + "/out", shard: nil, forceNew: false)
        // flock(2) locks belong to the open file description, so a second open in this process
        // is refused just as another process would be.
        XCTAssertThrowsError(try SweepStore.open(for: plan, directory: directory + "/out", shard: nil, forceNew: false)) { error in
            XCTAssertTrue("\(error)".contains("another ccsim process is using"), "\(error)")
        }
        withExtendedLifetime(first) {}
    }

    func testAForeignSQLiteFileIsAnErrorNotACrash() throws {
        let path = directory + "/other.sqlite"
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE meta (id INTEGER, sweep_name TEXT, metrics TEXT)")
            try db.execute(sql: "INSERT INTO meta VALUES (1, NULL, '[]')")
        }
        XCTAssertThrowsError(try SweepStore.openExisting(path).contents()) { error in
            XCTAssertTrue("\(error)".contains("is not a ccsim sweep store"), "\(error)")
        }
        XCTAssertThrowsError(try StoreMerge.merge(into: directory + "/merged", from: [path]))
    }
}

/// An emptied or corrupt store is an error naming --force-new; nothing restarts silently (issue 12).
final class DamagedStoreTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws { directory = try Fixture.temporaryDirectory(self) }

    private func damage(_ write: (String) throws -> Void) throws {
        let out = directory + "/out"
        let plan = try Fixture.plan(Fixture.smallSweep(), in: directory)
        try Fixture.run(plan, into: out)
        let path = out + "/sweep.sqlite"
        try write(path)
        XCTAssertThrowsError(try SweepStore.open(for: plan, directory: out, shard: nil, forceNew: false)) { error in
            XCTAssertTrue("\(error)".contains("--force-new"), "\(error)")
            XCTAssertTrue("\(error)".contains("nothing was run"), "\(error)")
        }
        let damagedBytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // --force-new keeps the damaged file aside and starts a sound store.
        let store = try SweepStore.open(for: plan, directory: out, shard: nil, forceNew: true)
        XCTAssertEqual(try store.storedRuns(), [])
        let aside = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("sweep.sqlite.damaged-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
        XCTAssertEqual(aside.count, 1)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out + "/" + aside[0])), damagedBytes)
    }

    func testAnEmptiedStoreIsAnError() throws {
        try damage { try Data().write(to: URL(fileURLWithPath: $0)) }
    }

    func testACorruptStoreIsAnError() throws {
        try damage { path in
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            for i in stride(from: 100, to: min(bytes.count, 20_000), by: 7) { bytes[i] ^= 0x5A }
            try? FileManager.default.removeItem(atPath: path + "-wal")
            try? FileManager.default.removeItem(atPath: path + "-shm")
            try bytes.write(to: URL(fileURLWithPath: path))
        }
    }
}
