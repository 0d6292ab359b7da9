import Foundation
import GRDB

/// Merges stores of the same sweep (typically its shards) into one (`ccsim sweep merge`).
///
/// Stores of different sweeps (another sweep file or base scenario) are refused; a run already
/// in the output is skipped, so merging twice, or merging overlapping stores, changes nothing.
/// Each input is merged in one transaction.
public enum StoreMerge {
    public struct Report: Sendable {
        public var added: Int
        public var duplicates: Int
        public var storedRuns: Int
        public var plannedRuns: Int
        public var outputPath: String
    }

    public static func merge(into output: String, from inputs: [String]) throws -> Report {
        let outPath = SweepStore.storePath(output)
        let inPaths = inputs.map(SweepStore.storePath)
        guard !inPaths.isEmpty else { throw SweepError("name at least one store to merge") }
        var identity: String?
        for path in inPaths {
            let store = try SweepStore.openExisting(path)
            let meta = try store.queue.read { try SweepStore.readMeta($0, path: path) }
            if let identity, identity != meta.identity {
                throw SweepError("\(path) holds a different sweep (\(meta.sweepFile), another sweep file or base scenario) than \(inPaths[0]); merge only stores of one sweep")
            }
            identity = identity ?? meta.identity
        }

        try? FileManager.default.createDirectory(atPath: (outPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let lock = try StoreLock(storePath: outPath)
        defer { withExtendedLifetime(lock) {} }
        let queue = try SweepStore.connect(outPath, readOnly: false, exclusive: false)
        let exists = try queue.read { try $0.tableExists("meta") }
        if exists {
            let meta = try queue.read { try SweepStore.readMeta($0, path: outPath) }
            guard meta.identity == identity else {
                throw SweepError("\(outPath) holds a different sweep (\(meta.sweepFile)) than the stores to merge; choose another output")
            }
        } else {
            try create(queue, from: inPaths[0])
        }
        // Stores written by an older ccsim (as output or template) gain the current tables first.
        try queue.write { db in try StoreSchema.migrate(db, path: outPath) }

        var added = 0, duplicates = 0
        let outReal = (outPath as NSString).resolvingSymlinksInPath
        for path in inPaths where (path as NSString).resolvingSymlinksInPath != outReal {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS src", arguments: [path])
                defer { try? db.execute(sql: "DETACH DATABASE src") }
                try db.inTransaction {
                    let columns = try Row.fetchAll(db, sql: "PRAGMA main.table_info(runs)").map { StoreSchema.quote($0["name"]) }.joined(separator: ", ")
                    try db.execute(sql: "INSERT OR IGNORE INTO main.points SELECT * FROM src.points")
                    let offered = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM src.runs") ?? 0
                    try db.execute(sql: "INSERT OR IGNORE INTO main.runs (\(columns)) SELECT \(columns) FROM src.runs")
                    added += db.changesCount
                    duplicates += offered - db.changesCount
                    if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM src.sqlite_master WHERE type = 'table' AND name = 'run_intervals'") == 1 {
                        try db.execute(sql: """
                            INSERT OR IGNORE INTO main.run_intervals (point, replication, series, interval, start_seconds, length_seconds, value)
                            SELECT point, replication, series, interval, start_seconds, length_seconds, value FROM src.run_intervals
                            """)
                    }
                    return .commit
                }
            }
        }
        let (stored, planned) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? 0, try Int.fetchOne(db, sql: "SELECT planned_runs FROM meta") ?? 0)
        }
        return Report(added: added, duplicates: duplicates, storedRuns: stored, plannedRuns: planned, outputPath: outPath)
    }

    /// A new, empty store with the tables, meta row (shard cleared) and points of `template`.
    private static func create(_ queue: DatabaseQueue, from template: String) throws {
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS src", arguments: [template])
            defer { try? db.execute(sql: "DETACH DATABASE src") }
            try db.inTransaction {
                for table in ["meta", "points", "runs", "run_intervals"] {
                    // A template from before per-interval series has no run_intervals: `migrate` adds it.
                    if table == "run_intervals", try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM src.sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]) == 0 { continue }
                    guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM src.sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]) else {
                        throw SweepError("\(template) is not a ccsim sweep store (no \(table) table)")
                    }
                    try db.execute(sql: sql)
                }
                try db.execute(sql: "INSERT INTO main.meta SELECT * FROM src.meta")
                try db.execute(sql: "UPDATE main.meta SET shard = NULL, created = ?", arguments: [Timestamp.iso8601(Date())])
                try db.execute(sql: "INSERT INTO main.points SELECT * FROM src.points")
                return .commit
            }
        }
    }
}
