import ResultsSchema
import Statistics

/// Per point, recorded series and interval: mean, standard deviation and Student-t confidence
/// interval over the point's successful runs — the per-interval companion of `SweepSummary`,
/// written by `ccsim sweep summarize` to `summary-intervals.csv` and drawn by the sweep report.
public struct IntervalSummary: Sendable {
    public struct Row: Sendable {
        public var point: StoreContents.Point
        public var series: String
        public var interval: Int
        public var start: Double
        public var length: Double
        public var cell: SweepSummary.Cell
    }

    public var level: Double
    public var rows: [Row]

    public init(_ contents: StoreContents, intervals: [StoredInterval], level: Double = 0.95) {
        self.level = level
        let ok = Set(contents.runs.filter { $0.status == "ok" }.map { RunKey(point: $0.point, replication: $0.replication) })
        struct Key: Hashable { var point: Int; var series: String; var interval: Int }
        var tallies: [Key: (tally: Tally, start: Double, length: Double, runs: Int)] = [:]
        for stored in intervals where ok.contains(RunKey(point: stored.point, replication: stored.replication)) {
            let key = Key(point: stored.point, series: stored.value.series, interval: stored.value.interval)
            var entry = tallies[key] ?? (Tally(), stored.value.start, stored.value.length, 0)
            if let value = stored.value.value { entry.tally.add(value) }
            entry.runs += 1
            tallies[key] = entry
        }
        let order = Dictionary(uniqueKeysWithValues: contents.meta.series.enumerated().map { ($1, $0) })
        let points = Dictionary(uniqueKeysWithValues: contents.points.map { ($0.id, $0) })
        rows = tallies.compactMap { key, entry -> Row? in
            guard let point = points[key.point] else { return nil }
            let t = entry.tally
            let cell = SweepSummary.Cell(count: t.count, mean: t.count > 0 ? t.mean : nil,
                                         standardDeviation: t.count > 1 ? t.standardDeviation : nil,
                                         interval: t.count > 1 ? ConfidenceInterval.student(mean: t.mean, standardDeviation: t.standardDeviation, count: t.count, level: level) : nil)
            return Row(point: point, series: key.series, interval: key.interval, start: entry.start, length: entry.length, cell: cell)
        }.sorted { ($0.point.id, order[$0.series] ?? .max, $0.interval) < ($1.point.id, order[$1.series] ?? .max, $1.interval) }
    }

    /// `point,label,series,interval,start_seconds,length_seconds,mean,sd,ci_lower,ci_upper,n`
    public var csv: String {
        var out = CSVWriter.row(["point", "label", "series", "interval", "start_seconds", "length_seconds", "mean", "sd", "ci_lower", "ci_upper", "n"])
        for row in rows {
            let c = row.cell
            out += CSVWriter.row([String(row.point.id), row.point.label, row.series, String(row.interval),
                                CSVWriter.number(row.start), CSVWriter.number(row.length), CSVWriter.number(c.mean), CSVWriter.number(c.standardDeviation),
                                CSVWriter.number(c.interval?.lower), CSVWriter.number(c.interval?.upper), String(c.count)])
        }
        return out
    }
}
