import Foundation
import GRDB

/// The workbench's memory of runs: one SQLite database (`.ccsim/history.sqlite` in the workspace)
/// holding each run's kind (run, ROI study, staffing search, schedule), scenario text, state and headline figures, plus per-replication channel
/// figures so that two runs can later be compared pairwise. The result folders (summary.json,
/// intervals.csv) sit beside it in `.ccsim/runs/ID/`.
///
/// A run still queued or running when the server stopped is marked `interrupted` at the next start.
public final class HistoryStore: Sendable {
    private let database: DatabaseQueue
    public let runsFolder: URL

    public enum State: String, Codable, Sendable, DatabaseValueConvertible {
        case queued, running, done, failed, cancelled, interrupted
    }

    /// Which command a run is: its result folder is the one that command's `--out` writes, so
    /// `ccsim report`'s page for that kind renders it.
    public enum Kind: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
        /// `ccsim run`: summary.json and intervals.csv.
        case run
        /// `ccsim roi --program`: roi.json, weekly.csv, replications.csv, tornado.csv.
        case roi
        /// `ccsim staff`: staffing.csv and the final plan's summary.json.
        case staff
        /// `ccsim schedule`: schedule.csv, coverage.csv, roster.csv, scenario.yaml, staffing.csv, summary.json.
        case schedule
    }

    /// A run as listed.
    public struct RunRecord: Codable, Sendable, FetchableRecord, PersistableRecord, Equatable {
        public static let databaseTableName = "runs"
        public var id: String
        public var kind: Kind
        public var name: String
        /// The scenario file, relative to the workspace.
        public var file: String
        public var yaml: String
        public var createdAt: String
        public var state: State
        public var message: String?
        public var seed: Int64
        public var replications: Int
        public var seconds: Double?
        /// JSON of `[Headline]`, one per channel, once done.
        public var headline: String?

        package init(id: String, kind: Kind = .run, name: String, file: String, yaml: String, createdAt: String, state: State,
                     message: String?, seed: Int64, replications: Int, seconds: Double?, headline: String?) {
            self.id = id
            self.kind = kind
            self.name = name
            self.file = file
            self.yaml = yaml
            self.createdAt = createdAt
            self.state = state
            self.message = message
            self.seed = seed
            self.replications = replications
            self.seconds = seconds
            self.headline = headline
        }
    }

    /// A channel's whole-run figures, shown in the history list.
    public struct Headline: Codable, Sendable, Equatable {
        public var channel: String
        public var serviceLevel: Double?
        public var target: Double
        public var averageSpeedOfAnswer: Double?
        public var abandonmentRate: Double?
    }

    /// One replication's figure for one channel, named as in summary.json (`service_level`, `asa`, `abandonment_rate`).
    public struct ReplicationValue: Codable, Sendable, FetchableRecord, PersistableRecord, Equatable {
        public static let databaseTableName = "replication_values"
        public var runId: String
        public var replication: Int
        public var channel: String
        public var metric: String
        public var value: Double
    }

    public init(folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        runsFolder = folder.appendingPathComponent("runs", isDirectory: true)
        try FileManager.default.createDirectory(at: runsFolder, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        database = try DatabaseQueue(path: folder.appendingPathComponent("history.sqlite").path, configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "runs") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("file", .text).notNull()
                t.column("yaml", .text).notNull()
                t.column("createdAt", .text).notNull()
                t.column("state", .text).notNull()
                t.column("message", .text)
                t.column("seed", .integer).notNull()
                t.column("replications", .integer).notNull()
                t.column("seconds", .double)
                t.column("headline", .text)
            }
            try db.create(table: "replication_values") { t in
                t.column("runId", .text).notNull().references("runs", onDelete: .cascade)
                t.column("replication", .integer).notNull()
                t.column("channel", .text).notNull()
                t.column("metric", .text).notNull()
                t.column("value", .double).notNull()
                t.primaryKey(["runId", "replication", "channel", "metric"])
            }
        }
        // v2: ROI studies, staffing searches and schedules are kept beside runs.
        migrator.registerMigration("v2-kind") { db in
            try db.alter(table: "runs") { t in t.add(column: "kind", .text).notNull().defaults(to: Kind.run.rawValue) }
        }
        try migrator.migrate(database)
        try database.write { db in
            try db.execute(sql: "UPDATE runs SET state = 'interrupted', message = 'the server stopped before the run finished' WHERE state IN ('queued', 'running')")
        }
    }

    public func insert(_ run: RunRecord) throws {
        try database.write { try run.insert($0) }
    }

    /// Records the end of a run: its state and, when done, its figures, in one transaction.
    public func finish(_ id: String, state: State, message: String?, seconds: Double?, headline: [Headline]?,
                       values: [ReplicationValue]) throws {
        let text = try headline.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        try database.write { db in
            try db.execute(sql: "UPDATE runs SET state = ?, message = ?, seconds = ?, headline = ? WHERE id = ?",
                           arguments: [state, message, seconds, text, id])
            for value in values { try value.insert(db) }
        }
    }

    public func setState(_ id: String, _ state: State) throws {
        try database.write { try $0.execute(sql: "UPDATE runs SET state = ? WHERE id = ?", arguments: [state, id]) }
    }

    public func runs() throws -> [RunRecord] {
        try database.read { try RunRecord.order(Column("createdAt").desc, Column("id").desc).fetchAll($0) }
    }

    public func run(_ id: String) throws -> RunRecord? {
        try database.read { try RunRecord.fetchOne($0, key: id) }
    }

    public func values(of id: String) throws -> [ReplicationValue] {
        try database.read {
            try ReplicationValue.filter(Column("runId") == id).order(Column("replication")).fetchAll($0)
        }
    }

    /// Renames a run; false when there is no such run.
    public func rename(_ id: String, to name: String) throws -> Bool {
        try database.write { db in
            try db.execute(sql: "UPDATE runs SET name = ? WHERE id = ?", arguments: [name, id])
            return db.changesCount > 0
        }
    }

    /// Deletes a run's row, its figures and its result folder; false when there is no such run.
    public func delete(_ id: String) throws -> Bool {
        let deleted = try database.write { db in
            try db.execute(sql: "DELETE FROM replication_values WHERE runId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM runs WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
        try? FileManager.default.removeItem(at: folder(of: id))
        return deleted
    }

    /// The run's result folder (its id is checked to be one of ours before any path is built).
    public func folder(of id: String) -> URL { runsFolder.appendingPathComponent(id, isDirectory: true) }

    /// Whether `id` has the shape of a run id (letters, digits and dashes): nothing else reaches the file system.
    public static func isRunID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
}
