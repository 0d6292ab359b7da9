/// Every stored run as CSV (`ccsim sweep export`): the point's parameters, the run's seed and
/// replication index, its status, every kept metric and its wall time.
public enum RunsExport {
    public static func csv(_ contents: StoreContents) -> String {
        let meta = contents.meta
        let header = ["point"] + meta.parameters.map { CSVText.field($0.path) }
            + ["replication", "seed", "replication_index", "status", "error"] + meta.metrics.map(CSVText.field) + ["wall_seconds"]
        var out = CSVText.row(header)
        let points = Dictionary(uniqueKeysWithValues: contents.points.map { ($0.id, $0) })
        for run in contents.runs {
            let columns = points[run.point]?.columns ?? Array(repeating: .null, count: meta.parameters.count)
            out += CSVText.row([String(run.point)] + columns.map(CSVText.value)
                + [String(run.replication), String(run.seed), String(run.replicationIndex), run.status, CSVText.field(run.error ?? "")]
                + run.metrics.map(CSVText.number) + [CSVText.number(run.wallSeconds)])
        }
        return out
    }
}
