import GRDB

/// The tables of a sweep store (`sweep.sqlite`), documented in README.md and results/README.md.
///
/// The columns depend on the sweep (one per parameter in `points`, one per metric in `runs`),
/// so the statements are built from the plan; `merge` copies them from an existing store.
enum StoreSchema {
    /// 1: meta, points, runs. 2: `meta.series` and `run_intervals` (per-interval series);
    /// version-1 stores still open, and are migrated when a sweep resumes into them.
    static let version = 2

    static let meta = """
        CREATE TABLE meta (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            schema_version INTEGER NOT NULL,
            sweep_name TEXT NOT NULL,
            sweep_file TEXT NOT NULL,
            sweep_text TEXT NOT NULL,
            sweep_hash TEXT NOT NULL,
            base_file TEXT NOT NULL,
            base_text TEXT NOT NULL,
            base_hash TEXT NOT NULL,
            identity TEXT NOT NULL,
            ccsim_version TEXT NOT NULL,
            created TEXT NOT NULL,
            seed INTEGER NOT NULL,
            replications INTEGER NOT NULL,
            seeding TEXT NOT NULL,
            design TEXT NOT NULL,
            parameters TEXT NOT NULL,
            metrics TEXT NOT NULL,
            point_count INTEGER NOT NULL,
            planned_runs INTEGER NOT NULL,
            shard TEXT,
            series TEXT NOT NULL DEFAULT '[]'
        )
        """

    /// `run_intervals`: the recorded per-interval series, one row per run × series × interval,
    /// stored in the run's transaction; `value` is NULL where the metric is undefined in the
    /// interval. Start and length are seconds after the warm-up.
    static let runIntervals = """
        CREATE TABLE run_intervals (
            point INTEGER NOT NULL,
            replication INTEGER NOT NULL,
            series TEXT NOT NULL,
            interval INTEGER NOT NULL,
            start_seconds REAL NOT NULL,
            length_seconds REAL NOT NULL,
            value REAL,
            PRIMARY KEY (point, replication, series, interval),
            FOREIGN KEY (point, replication) REFERENCES runs(point, replication)
        ) WITHOUT ROWID
        """

    /// Brings a store written by an older ccsim up to `version`, in one transaction; refuses one
    /// written by a newer ccsim (its tables may mean something this one does not know).
    static func migrate(_ db: Database, path: String) throws {
        let stored = try Int.fetchOne(db, sql: "SELECT schema_version FROM meta") ?? 1
        guard stored <= version else {
            throw SweepError("\(path) was written by a newer ccsim (store schema \(stored); this ccsim knows up to \(version)); use that ccsim, or --out to write elsewhere")
        }
        guard stored < version else { return }
        try db.inSavepoint {
            if stored < 2 {
                let columns = Set(try Row.fetchAll(db, sql: "PRAGMA table_info(meta)").map { $0["name"] as String })
                if !columns.contains("series") { try db.execute(sql: "ALTER TABLE meta ADD COLUMN series TEXT NOT NULL DEFAULT '[]'") }
                if try !db.tableExists("run_intervals") { try db.execute(sql: runIntervals) }
            }
            try db.execute(sql: "UPDATE meta SET schema_version = ?", arguments: [version])
            return .commit
        }
    }

    /// `points`: one row per point; a column per parameter holds its number (or its text when
    /// it is not a number), named by the parameter's path.
    /// A `scale` parameter also has `"PATH result"`: the number the factor gave.
    static func points(_ parameters: [ParameterInfo]) -> String {
        let columns = parameters.map { "    \(quote($0.path))" } + parameters.compactMap(\.resultColumn).map { "    \(quote($0)) REAL" }
        return (["CREATE TABLE points (", "    id INTEGER PRIMARY KEY,", "    label TEXT NOT NULL,",
                 "    parameters TEXT NOT NULL,", "    scenario TEXT NOT NULL" + (columns.isEmpty ? "" : ",")]
                + [columns.joined(separator: ",\n")] + [")"]).joined(separator: "\n")
    }

    /// `runs`: one row per finished run, unique per (point, replication); a REAL column per metric.
    static func runs(_ metrics: [String]) -> String {
        let columns = metrics.map { "    \(quote($0)) REAL," }.joined(separator: "\n")
        return """
            CREATE TABLE runs (
                point INTEGER NOT NULL REFERENCES points(id),
                replication INTEGER NOT NULL,
                seed INTEGER NOT NULL,
                replication_index INTEGER NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
                error TEXT,
                metrics TEXT NOT NULL,
            \(columns)
                wall_seconds REAL NOT NULL,
                finished_at TEXT NOT NULL,
                UNIQUE (point, replication)
            )
            """
    }

    /// A quoted SQL identifier: `"team.agents"`.
    static func quote(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Column names of `points` that a parameter path cannot take.
    static let reservedPointColumns: Set<String> = ["id", "label", "parameters", "scenario"]
}
