import CCSimCommandLine
import Foundation
import GRDB
import Scenarios
import Sweeps
import XCTest

/// Paths, temporary folders and sweep files shared by the tests.
enum Fixture {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var mmcBasic: String { repositoryRoot.appendingPathComponent("scenarios/mmc-basic.yaml").path }
    static var erlangA: String { repositoryRoot.appendingPathComponent("scenarios/erlang-a.yaml").path }

    /// A fresh folder, removed when the test ends.
    static func temporaryDirectory(_ test: XCTestCase) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-sweeps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    /// A small, fast sweep of mmc-basic: short horizon, no warm-up.
    static func smallSweep(name: String = "small", agents: [Int] = [46, 48, 50], replications: Int = 4,
                           seeding: String = "common", horizon: String = "30m", extra: String = "") -> String {
        """
        name: \(name)
        base: \(mmcBasic)
        seed: 11
        replications: \(replications)
        seeding: \(seeding)
        parameters:
          - path: team.agents
            set: [\(agents.map(String.init).joined(separator: ", "))]
          - path: run.horizon
            set: [\(horizon)]
          - path: run.warmup
            set: [0s]
          - path: run.interval
            set: [\(horizon)]
        \(extra)
        metrics: [service_level, asa, occupancy, offered]
        """
    }

    /// Writes `text` to `directory/file` and plans it.
    static func plan(_ text: String, in directory: String, file: String = "sweep.yaml") throws -> SweepPlan {
        let path = directory + "/" + file
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try SweepPlanner.load(path: path)
    }

    /// The problems a sweep file gives, one line each.
    static func problems(_ text: String, in directory: String) throws -> [String] {
        let path = directory + "/sweep.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try SweepPlanner.load(path: path)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    /// Runs a whole plan into a store in `directory` and returns the store's runs.
    @discardableResult
    static func run(_ plan: SweepPlan, into directory: String, jobs: Int = 2, shard: Shard? = nil) throws -> [StoredRunRow] {
        do {
            // Closed at the end of this scope: a shard's store is opened in exclusive locking mode.
            let store = try SweepStore.open(for: plan, directory: directory, shard: shard, forceNew: false)
            let stored = try store.storedRuns()
            let report = SweepExecutor.execute(plan, runs: plan.runs(shard: shard).filter { !stored.contains($0) },
                                               store: store, jobs: jobs, progress: nil)
            XCTAssertNil(report.storeError)
        }
        return try rows(directory)
    }

    /// Every run of the store at `directory`, without the wall-clock columns.
    static func rows(_ directory: String) throws -> [StoredRunRow] {
        let queue = try DatabaseQueue(path: SweepStore.storePath(directory), configuration: { var c = Configuration(); c.readonly = true; return c }())
        return try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT point, replication, seed, replication_index, status, metrics FROM runs ORDER BY point, replication").map {
                StoredRunRow(point: $0[0], replication: $0[1], seed: $0[2], replicationIndex: $0[3], status: $0[4], metrics: $0[5])
            }
        }
    }
}

/// A stored run, minus wall time and timestamps (which differ between identical runs).
struct StoredRunRow: Hashable {
    var point: Int
    var replication: Int
    var seed: Int
    var replicationIndex: Int
    var status: String
    var metrics: String
}

