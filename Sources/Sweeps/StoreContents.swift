import Foundation
import GRDB

/// What a store holds, read back for summaries, exports and merges.
public struct StoreContents: Sendable {
    public struct Meta: Sendable {
        public var name: String
        public var sweepFile: String
        public var identity: String
        public var ccsimVersion: String
        public var created: String
        public var parameters: [ParameterInfo]
        public var metrics: [String]
        /// Recorded per-interval series (empty in stores written before ccsim recorded them).
        public var series: [String]
        public var pointCount: Int
        public var plannedRuns: Int
        /// `grid` or `latin_hypercube(points: N, seed: S)`.
        public var design: String
        /// `K/N` for a shard's store, nil for a whole sweep's.
        public var shard: String?
    }

    public struct Point: Sendable {
        public var id: Int
        public var label: String
        /// Each parameter's column value: a number, or the value as written when it is not one.
        public var columns: [StoredValue]
        /// Each parameter's value as written (`5m`, `×1.1`).
        public var written: [String]
        /// Per parameter: for `scale`, the number the factor gave (nil for `set`, and in stores
        /// written before ccsim kept it).
        public var results: [Double?]
    }

    public struct Run: Sendable {
        public var point: Int
        public var replication: Int
        public var seed: Int64
        public var replicationIndex: Int
        public var status: String
        public var error: String?
        /// Per kept metric, in `Meta.metrics` order; nil where undefined in the run.
        public var metrics: [Double?]
        public var wallSeconds: Double
    }

    public var meta: Meta
    public var points: [Point]
    public var runs: [Run]
}

/// One run's value of a per-interval series, as stored in `run_intervals`.
public struct StoredInterval: Sendable, Hashable {
    public var point: Int
    public var replication: Int
    public var value: IntervalSeries.Value
}

/// A value of a parameter column.
public enum StoredValue: Sendable, Hashable {
    case number(Double)
    case text(String)
    case null
}

extension SweepStore {
    public func contents() throws -> StoreContents {
        try queue.read { db in
            let meta = try Self.readMeta(db, path: path)
            let pointColumns = meta.parameters.map { StoreSchema.quote($0.path) }
            let existing = Set(try Row.fetchAll(db, sql: "PRAGMA table_info(points)").map { $0["name"] as String })
            let resultColumns = meta.parameters.map { info in info.resultColumn.flatMap { existing.contains($0) ? StoreSchema.quote($0) : nil } ?? "NULL" }
            let points = try Row.fetchAll(db, sql: "SELECT \((["id", "label", "parameters"] + pointColumns + resultColumns).joined(separator: ", ")) FROM points ORDER BY id").map { row in
                let written = (try? JSONDecoder().decode([String: String].self, from: Data((row[2] as String).utf8))) ?? [:]
                return StoreContents.Point(id: row[0], label: row[1], columns: (0..<pointColumns.count).map { i in
                    switch (row[i + 3] as DatabaseValue).storage {
                    case .null, .blob: .null
                    case .int64(let n): .number(Double(n))
                    case .double(let d): .number(d)
                    case .string(let s): .text(s)
                    }
                }, written: meta.parameters.map { written[$0.path] ?? "" },
                   results: (0..<resultColumns.count).map { row[$0 + 3 + pointColumns.count] as Double? })
            }
            let metricColumns = meta.metrics.map(StoreSchema.quote)
            let sql = "SELECT \((["point", "replication", "seed", "replication_index", "status", "error", "wall_seconds"] + metricColumns).joined(separator: ", ")) FROM runs ORDER BY point, replication"
            var runs: [StoreContents.Run] = []
            let cursor = try Row.fetchCursor(db, sql: sql)
            while let row = try cursor.next() {
                runs.append(StoreContents.Run(
                    point: row[0], replication: row[1], seed: row[2], replicationIndex: row[3],
                    status: row[4], error: row[5], metrics: (0..<metricColumns.count).map { row[$0 + 7] },
                    wallSeconds: row[6]))
            }
            return StoreContents(meta: meta, points: points, runs: runs)
        }
    }

    /// Every stored per-interval value, ordered by run, series (in `Meta.series` order) and
    /// interval; none in a store written before ccsim recorded series.
    public func intervalValues() throws -> [StoredInterval] {
        try queue.read { db in
            guard try db.tableExists("run_intervals") else { return [] }
            let order = Dictionary(uniqueKeysWithValues: series.enumerated().map { ($1, $0) })
            var out: [StoredInterval] = []
            let cursor = try Row.fetchCursor(db, sql: "SELECT point, replication, series, interval, start_seconds, length_seconds, value FROM run_intervals")
            while let row = try cursor.next() {
                out.append(StoredInterval(point: row[0], replication: row[1],
                                          value: IntervalSeries.Value(series: row[2], interval: row[3], start: row[4], length: row[5], value: row[6])))
            }
            return out.sorted {
                ($0.point, $0.replication, order[$0.value.series] ?? .max, $0.value.interval)
                    < ($1.point, $1.replication, order[$1.value.series] ?? .max, $1.value.interval)
            }
        }
    }

    static func readMeta(_ db: Database, path: String) throws -> StoreContents.Meta {
        guard try db.tableExists("meta"), let row = try Row.fetchOne(db, sql: "SELECT * FROM meta") else {
            throw SweepError("\(path) is not a ccsim sweep store (no meta row)")
        }
        // Read every column as optional: a damaged or foreign file gives an error, not a crash.
        func text(_ column: String) throws -> String {
            guard let value = row[column] as String? else { throw SweepError("\(path) is not a ccsim sweep store (meta.\(column) is missing)") }
            return value
        }
        func integer(_ column: String) throws -> Int {
            guard let value = row[column] as Int? else { throw SweepError("\(path) is not a ccsim sweep store (meta.\(column) is missing)") }
            return value
        }
        let decoder = JSONDecoder()
        do {
            return StoreContents.Meta(
                name: try text("sweep_name"), sweepFile: try text("sweep_file"), identity: try text("identity"),
                ccsimVersion: try text("ccsim_version"), created: try text("created"),
                parameters: try decoder.decode([ParameterInfo].self, from: Data(try text("parameters").utf8)),
                metrics: try decoder.decode([String].self, from: Data(try text("metrics").utf8)),
                series: try (row["series"] as String?).map { try decoder.decode([String].self, from: Data($0.utf8)) } ?? [],
                pointCount: try integer("point_count"), plannedRuns: try integer("planned_runs"), design: try text("design"),
                shard: row["shard"] as String?)
        } catch let error as DecodingError {
            throw SweepError("\(path) is not a ccsim sweep store (meta: \(error))")
        }
    }
}
