import Experiments
import Foundation
import GRDB
import ResultsSchema

/// A sweep's results on disk: `sweep.sqlite` (SQLite in WAL mode, through GRDB).
///
/// Why SQLite: each run is committed in its own transaction, so a process killed at any moment
/// (SIGINT, SIGKILL, power loss excepted) leaves every finished run stored and no partial row,
/// and a re-run skips what is stored. WAL lets a notebook read while a sweep writes.
/// `synchronous = NORMAL` keeps commits cheap; it is safe against a process crash (the
/// last commits may be lost only on an OS crash or power loss).
public final class SweepStore: Sendable {
    public static let fileName = "sweep.sqlite"

    public let path: String
    let queue: DatabaseQueue
    private let lock: StoreLock?
    /// The metric columns of `runs`, in order.
    public let metrics: [String]
    /// The per-interval series every run records (in `run_intervals`); empty for none.
    public let series: [String]
    private let insertSQL: String
    static let insertIntervalSQL = "INSERT INTO run_intervals (point, replication, series, interval, start_seconds, length_seconds, value) VALUES (?, ?, ?, ?, ?, ?, ?)"


    /// `DIR` → `DIR/sweep.sqlite`; a path ending in `.sqlite` is taken as is.
    public static func storePath(_ argument: String) -> String {
        argument.hasSuffix(".sqlite") ? argument : (argument as NSString).appendingPathComponent(fileName)
    }

    private init(path: String, queue: DatabaseQueue, lock: StoreLock?, metrics: [String], series: [String]) {
        self.path = path
        self.queue = queue
        self.lock = lock
        self.metrics = metrics
        self.series = series
        let columns = ["point", "replication", "seed", "replication_index", "status", "error", "metrics"]
            + metrics.map(StoreSchema.quote) + ["wall_seconds", "finished_at"]
        insertSQL = "INSERT INTO runs (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
    }

    // MARK: Opening

    /// Opens the store for `plan` in `directory`, creating it (with every point) if needed.
    ///
    /// An existing store made from a different sweep file or base scenario (or another shard)
    /// is refused; `forceNew` deletes any existing store (this sweep's too: a clean re-run, as
    /// `make bench-sweep` needs) and starts over.
    public static func open(for plan: SweepPlan, directory: String, shard: Shard?, forceNew: Bool) throws -> SweepStore {
        let path = storePath(directory)
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            throw SweepError("cannot create \((path as NSString).deletingLastPathComponent): \(error.localizedDescription)")
        }
        let lock = try StoreLock(storePath: path)
        if let damage = damage(path) {
            // Never silently restarted: an emptied or corrupt store would lose every stored run.
            guard forceNew else {
                throw SweepError("\(path) \(damage), so its runs cannot be resumed; nothing was run. Run again with --force-new to keep it aside (renamed to \((path as NSString).lastPathComponent).damaged-…) and start over, or restore it from a backup")
            }
            let aside = try keepAside(path)
            FileHandle.standardError.write(Data("note: the damaged store was kept aside as \(aside)\n".utf8))
        } else if forceNew {
            try remove(path)
        }
        // Shard stores are used by one process only: exclusive locking lets WAL work without
        // shared memory, which network file systems (NFS, common on clusters) do not provide.
        let queue = try connect(path, readOnly: false, exclusive: shard != nil)
        let existing = try queue.read { db in try db.tableExists("meta") ? Row.fetchOne(db, sql: "SELECT identity, shard, sweep_file FROM meta") : nil }
        if let existing {
            let identity = existing["identity"] as String?
            let storedShard = existing["shard"] as String?
            guard identity == plan.identity || identity == plan.textIdentity else {
                throw SweepError("""
                    \(path) holds the results of a different sweep (made from \(existing["sweep_file"] as String? ?? "?"), \
                    whose settings or base scenario differ from \(plan.file) and \(plan.baseFile) now, comments and layout aside); \
                    use --force-new to delete it and start over, or --out to write elsewhere
                    """)
            }
            guard storedShard == shard?.description else {
                let held = storedShard.map { "shard \($0)" } ?? "the whole sweep"
                let wanted = shard.map { "shard \($0)" } ?? "the whole sweep"
                throw SweepError("\(path) holds \(held), not \(wanted); use --out to write elsewhere")
            }
            // A store from an older ccsim resumes once brought up to this schema.
            try queue.write { db in try StoreSchema.migrate(db, path: path) }
        } else {
            try create(queue, plan: plan, shard: shard)
        }
        return SweepStore(path: path, queue: queue, lock: lock, metrics: plan.metrics, series: plan.series)
    }

    /// Opens an existing store (for summarize, export and merge).
    public static func openExisting(_ argument: String, readOnly: Bool = true) throws -> SweepStore {
        let path = storePath(argument)
        guard FileManager.default.fileExists(atPath: path) else {
            throw SweepError("no sweep store at \(path) (run `ccsim sweep SWEEP.yaml` first)")
        }
        let queue = try connect(path, readOnly: readOnly, exclusive: false)
        let meta = try queue.read { db in try readMeta(db, path: path) }
        return SweepStore(path: path, queue: queue, lock: nil, metrics: meta.metrics, series: meta.series)
    }

    static func connect(_ path: String, readOnly: Bool, exclusive: Bool) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(30)
        if !readOnly {
            configuration.journalMode = .wal
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                if exclusive { try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE") }
            }
        }
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw SweepError("cannot open \(path): \(error)")
        }
    }

    /// What is wrong with the store file at `path`, or nil when it is absent or sound: empty
    /// (truncated to 0 bytes), not a SQLite database, failing SQLite's quick check, or without
    /// ccsim's `meta` table.
    static func damage(_ path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        if (attributes[.size] as? Int ?? 0) == 0 { return "is empty (0 bytes)" }
        do {
            // Read-write (WAL databases need their -shm file), but only read from.
            let queue = try DatabaseQueue(path: path, configuration: Configuration())
            defer { try? queue.close() }
            return try queue.read { db -> String? in
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard check == ["ok"] else { return "is corrupt (SQLite: \(check.prefix(2).joined(separator: "; ")))" }
                guard try db.tableExists("meta"), try Row.fetchOne(db, sql: "SELECT identity FROM meta") != nil else {
                    return "is not a ccsim sweep store (no meta record)"
                }
                return nil
            }
        } catch let error as DatabaseError {
            return "is corrupt (SQLite: \(error.message ?? "\(error.resultCode)"))"
        } catch {
            return "cannot be read (\(error))"
        }
    }

    /// Renames a damaged store (and its WAL files) to `PATH.damaged-TIMESTAMP`; returns the new path.
    static func keepAside(_ path: String) throws -> String {
        let stamp = Int(Date().timeIntervalSince1970)
        let aside = "\(path).damaged-\(stamp)"
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            guard rename(path + suffix, aside + suffix) == 0 else {
                throw SweepError("cannot keep \(path + suffix) aside: \(String(cString: strerror(errno)))")
            }
        }
        return aside
    }

    static func remove(_ path: String) throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            do { try FileManager.default.removeItem(atPath: path + suffix) } catch {
                throw SweepError("cannot delete \(path + suffix): \(error.localizedDescription)")
            }
        }
    }

    /// Creates the tables, the meta row and every point in one transaction: a store either
    /// has all of them or none.
    private static func create(_ queue: DatabaseQueue, plan: SweepPlan, shard: Shard?) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        let design: String = switch plan.design {
        case .grid: "grid"
        case .latinHypercube(let n, let seed): "latin_hypercube(points: \(n), seed: \(seed))"
        }
        try queue.write { db in
            for table in ["run_intervals", "runs", "points", "meta"] { try db.execute(sql: "DROP TABLE IF EXISTS \(table)") }
            try db.execute(sql: StoreSchema.meta)
            try db.execute(sql: StoreSchema.points(plan.parameters))
            try db.execute(sql: StoreSchema.runs(plan.metrics))
            try db.execute(sql: StoreSchema.runIntervals)
            try db.execute(sql: """
                INSERT INTO meta VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    StoreSchema.version, plan.name, plan.file, plan.text, plan.textHash,
                    plan.baseFile, plan.baseText, plan.baseHash, plan.identity,
                    ResultsVersion.ccsim, Timestamp.iso8601(Date()),
                    Int64(plan.seed), plan.replications, plan.seeding.rawValue, design,
                    try json(plan.parameters), try json(plan.metrics), plan.points.count, plan.runCount, shard?.description,
                    try json(plan.series),
                ])
            let columns = ["id", "label", "parameters", "scenario"] + plan.parameters.map { StoreSchema.quote($0.path) }
                + plan.parameters.compactMap(\.resultColumn).map(StoreSchema.quote)
            let sql = "INSERT INTO points (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
            let statement = try db.makeStatement(sql: sql)
            for point in plan.points {
                let written = Dictionary(uniqueKeysWithValues: point.values.map { ($0.path, $0.written) })
                var values: [(any DatabaseValueConvertible)?] = [point.id, point.label, try json(written), point.scenarioYAML]
                values += point.values.map { value -> (any DatabaseValueConvertible)? in
                    guard let number = value.number else { return value.written }
                    return number == number.rounded() && abs(number) < 1e15 ? Int64(number) : number
                }
                values += point.values.filter { $0.operation == "scale" }.map(\.result)
                try statement.execute(arguments: StatementArguments(values))
            }
        }
    }

    // MARK: Runs

    /// The runs already stored.
    public func storedRuns() throws -> Set<RunKey> {
        try queue.read { db in
            var keys: Set<RunKey> = []
            let rows = try Row.fetchCursor(db, sql: "SELECT point, replication FROM runs")
            while let row = try rows.next() { keys.insert(RunKey(point: row[0], replication: row[1])) }
            return keys
        }
    }

    /// Stores one finished run in its own transaction.
    public func insert(_ record: RunRecord) throws {
        var values: [(any DatabaseValueConvertible)?] = [
            record.key.point, record.key.replication, Int64(record.seed), record.replicationIndex,
            record.error == nil ? "ok" : "failed", record.error, Self.json(record.metrics, keeping: metrics),
        ]
        values += metrics.map { record.metrics[$0] }
        values += [record.wallSeconds, Timestamp.iso8601(record.finishedAt)]
        let arguments = StatementArguments(values)
        guard !record.series.isEmpty else {
            // One INSERT in autocommit mode is its own transaction: the run's row is stored whole or not at all.
            try queue.writeWithoutTransaction { db in try db.cachedStatement(sql: insertSQL).execute(arguments: arguments) }
            return
        }
        // The run's row and its series in one transaction: both stored, or neither.
        try queue.write { db in
            try db.cachedStatement(sql: insertSQL).execute(arguments: arguments)
            let statement = try db.cachedStatement(sql: Self.insertIntervalSQL)
            for value in record.series {
                try statement.execute(arguments: [record.key.point, record.key.replication, value.series, value.interval,
                                                  value.start, value.length, value.value])
            }
        }
    }

    /// `{"asa":6.2,"service_level":0.84}`: the kept metrics, keys sorted, numbers at full precision.
    static func json(_ values: [String: Double], keeping names: [String]) -> String {
        let fields = names.sorted().compactMap { name -> String? in
            guard let value = values[name], value.isFinite else { return nil }
            let key = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(key)\":\(value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)")"
        }
        return "{" + fields.joined(separator: ",") + "}"
    }
}

/// One finished run, as stored.
public struct RunRecord: Sendable {
    public var key: RunKey
    public var seed: UInt64
    public var replicationIndex: Int
    public var metrics: [String: Double]
    /// The recorded per-interval series (empty when the sweep records none, or the run failed).
    public var series: [IntervalSeries.Value] = []
    /// Why the run failed (nil when it succeeded).
    public var error: String?
    public var wallSeconds: Double
    public var finishedAt: Date

    public init(key: RunKey, seed: UInt64, replicationIndex: Int, metrics: [String: Double], error: String? = nil,
                wallSeconds: Double, finishedAt: Date) {
        self.key = key
        self.seed = seed
        self.replicationIndex = replicationIndex
        self.metrics = metrics
        self.error = error
        self.wallSeconds = wallSeconds
        self.finishedAt = finishedAt
    }
}
