import ResultsSchema

/// Every stored run as CSV (`ccsim sweep export`): the point's parameters, the run's seed and
/// replication index, its status, every kept metric and its wall time.
public enum RunsExport {
    /// Wide: one row per run, a column per parameter (named by its path; a `scale` parameter
    /// also has `PATH result`, the number its factor gave) and per metric.
    public static func csv(_ contents: StoreContents) -> String {
        let meta = contents.meta
        let header = ["point"] + meta.parameters.map(\.path) + meta.parameters.compactMap(\.resultColumn)
            + ["replication", "seed", "replication_index", "status", "error"] + meta.metrics + ["wall_seconds"]
        var out = CSVWriter.row(header)
        let points = Dictionary(uniqueKeysWithValues: contents.points.map { ($0.id, $0) })
        let scaled = meta.parameters.indices.filter { meta.parameters[$0].operation == "scale" }
        for run in contents.runs {
            let point = points[run.point]
            let columns = point?.columns ?? Array(repeating: .null, count: meta.parameters.count)
            let results = scaled.map { point?.results[$0] }
            out += CSVWriter.row([String(run.point)] + columns.map(CSVWriter.value) + results.map { CSVWriter.number($0 ?? nil) }
                + [String(run.replication), String(run.seed), String(run.replicationIndex), run.status, run.error ?? ""]
                + run.metrics.map(CSVWriter.number) + [CSVWriter.number(run.wallSeconds)])
        }
        return out
    }

    /// Long (tidy): one row per run × metric —
    /// `point,replication,seed,replication_index,status,<parameter columns>,metric,value` —
    /// with parameter columns under safe snake_case names (`ParameterColumn`); `value` is empty
    /// where the metric is undefined in the run (or the run failed).
    public static func longCSV(_ contents: StoreContents) -> String {
        let meta = contents.meta
        let columns = ParameterColumn.columns(for: meta.parameters)
        var out = CSVWriter.row(["point", "replication", "seed", "replication_index", "status"] + columns.map(\.name) + ["metric", "value"])
        let points = Dictionary(uniqueKeysWithValues: contents.points.map { ($0.id, $0) })
        let index = Dictionary(uniqueKeysWithValues: meta.parameters.enumerated().map { ($0.element.path, $0.offset) })
        for run in contents.runs {
            let point = points[run.point]
            let parameters = columns.map { column -> String in
                guard let point, let i = index[column.path] else { return "" }
                return column.holds == .result ? CSVWriter.number(point.results[i]) : CSVWriter.value(point.columns[i])
            }
            let prefix = [String(run.point), String(run.replication), String(run.seed), String(run.replicationIndex), run.status] + parameters
            for (metric, value) in zip(meta.metrics, run.metrics) {
                out += CSVWriter.row(prefix + [metric, CSVWriter.number(value)])
            }
        }
        return out
    }

    /// The mapping of the long export's parameter columns to the sweep's paths:
    /// `column,path,operation,holds` (`holds`: value, factor or result).
    public static func parameterColumnsCSV(_ contents: StoreContents) -> String {
        var out = CSVWriter.row(["column", "path", "operation", "holds"])
        for column in ParameterColumn.columns(for: contents.meta.parameters) {
            out += CSVWriter.row([column.name, column.path, column.operation, column.holds.rawValue])
        }
        return out
    }

    /// The recorded per-interval series, long (tidy): one row per run × series × interval —
    /// `point,replication,seed,replication_index,status,<parameter columns>,series,interval,start_seconds,length_seconds,value`
    /// — with the long export's parameter columns; `value` is empty where undefined in the interval.
    public static func intervalsCSV(_ contents: StoreContents, _ intervals: [StoredInterval]) -> String {
        let meta = contents.meta
        let columns = ParameterColumn.columns(for: meta.parameters)
        var out = CSVWriter.row(["point", "replication", "seed", "replication_index", "status"] + columns.map(\.name)
            + ["series", "interval", "start_seconds", "length_seconds", "value"])
        let points = Dictionary(uniqueKeysWithValues: contents.points.map { ($0.id, $0) })
        let runs = Dictionary(contents.runs.map { (RunKey(point: $0.point, replication: $0.replication), $0) }, uniquingKeysWith: { a, _ in a })
        let index = Dictionary(uniqueKeysWithValues: meta.parameters.enumerated().map { ($0.element.path, $0.offset) })
        var prefixes: [RunKey: [String]] = [:]
        for stored in intervals {
            let key = RunKey(point: stored.point, replication: stored.replication)
            let prefix = prefixes[key] ?? {
                let point = points[key.point], run = runs[key]
                let parameters = columns.map { column -> String in
                    guard let point, let i = index[column.path] else { return "" }
                    return column.holds == .result ? CSVWriter.number(point.results[i]) : CSVWriter.value(point.columns[i])
                }
                let made = [String(key.point), String(key.replication), run.map { String($0.seed) } ?? "",
                            run.map { String($0.replicationIndex) } ?? "", run?.status ?? ""] + parameters
                prefixes[key] = made
                return made
            }()
            let v = stored.value
            out += CSVWriter.row(prefix + [v.series, String(v.interval), CSVWriter.number(v.start),
                                         CSVWriter.number(v.length), CSVWriter.number(v.value)])
        }
        return out
    }
}
