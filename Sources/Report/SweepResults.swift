/// A sweep's `summary.csv` (written by `ccsim sweep summarize`): per point, the varied
/// parameters' values and each metric's mean with its confidence interval over the point's runs.
/// Read from the CSV so the report needs neither the store nor SQLite.
public struct SweepResults: Sendable {
    public struct Cell: Sendable {
        public var mean: Double?
        public var lower: Double?
        public var upper: Double?
        public var count: Int?
    }
    public struct Point: Sendable {
        public var id: Int
        public var label: String
        /// Per parameter, in `parameters` order, as written (a number or a text).
        public var values: [String]
        public var runs: Int
        /// Per metric, in `metrics` order.
        public var cells: [Cell]
        /// Per parameter: for a `scale` parameter, the number its factor gave (the `PATH result`
        /// column: agents rather than ×0.9); nil for `set` parameters and older summaries.
        public var results: [Double?] = []
    }

    public var name: String
    public var parameters: [String]
    public var metrics: [String]
    public var points: [Point]
    /// `analysis.csv` (from `ccsim sweep analyze`), when the folder has one.
    public var analysis: [AnalysisRow] = []

    /// One term of `ccsim sweep analyze`: a main effect, an interaction or a PRCC, with its CI.
    public struct AnalysisRow: Sendable {
        public var metric: String
        public var kind: String
        public var term: String
        public var estimate: Double
        public var lower: Double?
        public var upper: Double?
        public var matters: Bool
    }

    /// Reads `metric,kind,term,estimate,ci_lower,ci_upper,matters`; rows without an estimate are skipped.
    public mutating func readAnalysis(_ table: CSVTable) {
        let c = ["metric", "kind", "term", "estimate", "ci_lower", "ci_upper", "matters"].map(table.column)
        analysis = table.rows.compactMap { row in
            guard let estimate = table.number(row, c[3]) else { return nil }
            return AnalysisRow(metric: table.text(row, c[0]), kind: table.text(row, c[1]), term: table.text(row, c[2]), estimate: estimate,
                               lower: table.number(row, c[4]), upper: table.number(row, c[5]), matters: table.text(row, c[6]) == "true")
        }
    }

    /// `summary-intervals.csv` (from `ccsim sweep summarize` when the sweep records per-interval
    /// series): per point, series and interval, the mean with its CI.
    public var intervals: [IntervalCell] = []

    public struct IntervalCell: Sendable {
        public var point: Int
        public var series: String
        public var interval: Int
        /// Seconds after the warm-up.
        public var start: Double
        public var cell: Cell
    }

    /// Reads `point,label,series,interval,start_seconds,length_seconds,mean,sd,ci_lower,ci_upper,n`;
    /// rows without a point, interval or start are skipped.
    public mutating func readIntervals(_ table: CSVTable) {
        let c = ["point", "series", "interval", "start_seconds", "mean", "ci_lower", "ci_upper", "n"].map(table.column)
        intervals = table.rows.compactMap { row in
            guard let point = table.number(row, c[0]), let interval = table.number(row, c[2]), let start = table.number(row, c[3]) else { return nil }
            return IntervalCell(point: Int(point), series: table.text(row, c[1]), interval: Int(interval), start: start,
                                cell: Cell(mean: table.number(row, c[4]), lower: table.number(row, c[5]), upper: table.number(row, c[6]),
                                           count: table.number(row, c[7]).map { Int($0) }))
        }
    }

    /// The recorded series, in order of first appearance.
    public var series: [String] {
        var out: [String] = []
        for cell in intervals where !out.contains(cell.series) { out.append(cell.series) }
        return out
    }

    public enum LayoutError: Error, Equatable { case notASweepSummary(String) }

    /// Reads the table: `point,label,<parameter…>,runs,<metric>_mean,_sd,_ci_lower,_ci_upper,_n,…`.
    public init(name: String, table: CSVTable) throws {
        let h = table.header
        guard h.count >= 3, h[0] == "point", h[1] == "label", let runsColumn = h.firstIndex(of: "runs") else {
            throw LayoutError.notASweepSummary("expected a header starting point,label,… with a runs column (from `ccsim sweep summarize`)")
        }
        self.name = name
        // `PATH result` columns belong to the parameter PATH (a scale's resulting value), not parameters of their own.
        let all = Array(h[2..<runsColumn])
        let resultOf = all.map { column -> Int? in
            guard column.hasSuffix(" result") else { return nil }
            return all.firstIndex(of: String(column.dropLast(7)))
        }
        let own = all.indices.filter { resultOf[$0] == nil }
        parameters = own.map { all[$0] }
        metrics = h[(runsColumn + 1)...].filter { $0.hasSuffix("_mean") }.map { String($0.dropLast(5)) }
        let metricColumns = metrics.map { m in (table.column(m + "_mean"), table.column(m + "_ci_lower"), table.column(m + "_ci_upper"), table.column(m + "_n")) }
        points = try table.rows.map { row in
            guard let id = Int(table.text(row, 0)) else {
                throw LayoutError.notASweepSummary("point '\(table.text(row, 0))' is not a number")
            }
            let cells = metricColumns.map { c in
                Cell(mean: table.number(row, c.0), lower: table.number(row, c.1), upper: table.number(row, c.2),
                     count: table.number(row, c.3).map { Int($0) })
            }
            let results = own.map { p in resultOf.firstIndex(of: p).flatMap { table.number(row, $0 + 2) } }
            return Point(id: id, label: table.text(row, 1), values: own.map { table.text(row, $0 + 2) },
                         runs: Int(table.text(row, runsColumn)) ?? 0, cells: cells, results: results)
        }
    }

    /// Parameters that take more than one value across the points (a one-value parameter is a
    /// setting, not a dimension).
    public var varied: [Int] {
        parameters.indices.filter { p in Set(points.map { $0.values[p] }).count > 1 }
    }
}
