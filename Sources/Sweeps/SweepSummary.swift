import Experiments
import Foundation
import ResultsSchema
import Statistics

/// Per point and metric: mean, standard deviation and Student-t confidence interval over the
/// point's successful runs — what `ccsim sweep summarize` prints and writes to `summary.csv`.
public struct SweepSummary: Sendable {
    public struct Cell: Sendable {
        public var count: Int
        public var mean: Double?
        public var standardDeviation: Double?
        public var interval: ConfidenceInterval?
    }

    public struct Row: Sendable {
        public var point: StoreContents.Point
        public var runs: Int
        /// Per metric, in `metrics` order.
        public var cells: [Cell]
    }

    public var meta: StoreContents.Meta
    public var level: Double
    public var metrics: [String] { meta.metrics }
    public var rows: [Row]
    /// Runs stored (successful or failed) out of those planned.
    public var storedRuns: Int
    public var failedRuns: Int

    public init(_ contents: StoreContents, level: Double = 0.95) {
        meta = contents.meta
        self.level = level
        storedRuns = contents.runs.count
        failedRuns = contents.runs.filter { $0.status != "ok" }.count
        var byPoint: [Int: [StoreContents.Run]] = [:]
        for run in contents.runs where run.status == "ok" { byPoint[run.point, default: []].append(run) }
        rows = contents.points.map { point in
            let runs = byPoint[point.id] ?? []
            let cells = contents.meta.metrics.indices.map { m in
                var tally = Tally()
                for run in runs { if let value = run.metrics[m] { tally.add(value) } }
                return Cell(count: tally.count,
                            mean: tally.count > 0 ? tally.mean : nil,
                            standardDeviation: tally.count > 1 ? tally.standardDeviation : nil,
                            interval: tally.count > 1 ? ConfidenceInterval.student(mean: tally.mean, standardDeviation: tally.standardDeviation, count: tally.count, level: level) : nil)
            }
            return Row(point: point, runs: runs.count, cells: cells)
        }
    }

    /// `point,label,<parameter…>,<PATH result…>,runs,<metric>_mean,<metric>_sd,<metric>_ci_lower,<metric>_ci_upper,<metric>_n,…`
    /// — a `scale` parameter's `PATH result` column holds the number its factor gave (agents, not ×0.9).
    public var csv: String {
        let scaled = meta.parameters.indices.filter { meta.parameters[$0].resultColumn != nil }
        var header = ["point", "label"] + meta.parameters.map(\.path)
            + scaled.compactMap { meta.parameters[$0].resultColumn } + ["runs"]
        for metric in metrics {
            header += ["_mean", "_sd", "_ci_lower", "_ci_upper", "_n"].map { metric + $0 }
        }
        var out = CSVWriter.row(header)
        for row in rows {
            var fields = [String(row.point.id), row.point.label] + row.point.columns.map(CSVWriter.value)
                + scaled.map { CSVWriter.number(row.point.results[$0]) } + [String(row.runs)]
            for cell in row.cells {
                fields += [CSVWriter.number(cell.mean), CSVWriter.number(cell.standardDeviation),
                           CSVWriter.number(cell.interval?.lower), CSVWriter.number(cell.interval?.upper), String(cell.count)]
            }
            out += CSVWriter.row(fields)
        }
        return out
    }

    /// A table for the terminal: one line per point, each metric as `mean [lower, upper]`.
    public var table: String {
        let header = ["point"] + meta.parameters.map(\.path) + ["runs"] + metrics
        var lines = [header]
        for row in rows {
            var fields = [String(row.point.id)]
            fields += row.point.written
            fields.append(String(row.runs))
            for (metric, cell) in zip(metrics, row.cells) {
                guard let mean = cell.mean else { fields.append("–"); continue }
                var text = Self.format(mean, metric: metric)
                if let ci = cell.interval {
                    text += " [\(Self.format(ci.lower, metric: metric)), \(Self.format(ci.upper, metric: metric))]"
                }
                fields.append(text)
            }
            lines.append(fields)
        }
        let widths = header.indices.map { c in lines.map { $0.indices.contains(c) ? $0[c].count : 0 }.max() ?? 0 }
        return lines.map { fields in
            fields.enumerated().map { c, text in
                let pad = String(repeating: " ", count: max(0, widths[c] - text.count))
                return c == 0 || c > meta.parameters.count ? pad + text : text + pad
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// Shares as percentages, seconds as durations, counts as numbers; a channel-qualified
    /// name (`voice.service_level`) is formatted by its last part.
    static func format(_ value: Double, metric: String) -> String {
        // The last part that names a metric: `voice.service_level.worst_interval` is a share.
        guard let known = metric.split(separator: ".").reversed().lazy.compactMap({ Metric(rawValue: String($0)) }).first else {
            return Formatting.number(value)
        }
        return Formatting.value(value, known.unit)
    }
}
