/// The tables of a sweep store (`sweep.sqlite`), documented in README.md and results/README.md.
///
/// The columns depend on the sweep (one per parameter in `points`, one per metric in `runs`),
/// so the statements are built from the plan; `merge` copies them from an existing store.
enum StoreSchema {
    static let version = 1

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
            shard TEXT
        )
        """

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
