import ResultsSchema
import Stochastics

/// What matters in a sweep (`ccsim sweep analyze`): for a grid, each varied parameter's main
/// effect (lowest → highest level) and each pair's two-way interaction (difference of differences); for any other design (a Latin hypercube), each
/// parameter's partial rank correlation coefficient (PRCC). Each comes with a bootstrap
/// percentile interval.
///
/// Computed from the runs, so the intervals carry the replication noise: a grid is resampled
/// run by run within each point, a hypercube point by point (each point is one draw of the
/// inputs). The bootstrap draws from MRG32k3a, on the design's stream (`LatinHypercube`) one
/// substream on, so it neither shares nor shifts any other draws. The Python package's
/// `ccsim.analysis` computes the same estimates (its tests compare them).
public struct SweepAnalysis: Sendable {
    public enum Kind: String, Sendable { case main, interaction, prcc }

    public struct Term: Sendable {
        public var kind: Kind
        /// The parameter's path, or `a × b` for an interaction.
        public var name: String
        public var estimate: Double
        public var lower: Double
        public var upper: Double

        /// True when the interval excludes 0.
        public var matters: Bool { lower > 0 || upper < 0 }
    }

    public var metric: String
    /// Sorted by |estimate|, largest first.
    public var terms: [Term]
    public var isGrid: Bool
    /// For a Latin hypercube: the fitted quadratic response surface (nil for a grid, or too few points).
    public var surface: ResponseSurface?

    /// Parameters that vary across the points, with each point's number (nil when a value is not a number).
    static func varied(_ contents: StoreContents) -> [(path: String, values: [Double])] {
        contents.meta.parameters.indices.compactMap { p in
            let values = contents.points.map { point -> Double? in
                if let result = point.results[p] { return result }
                if case .number(let x) = point.columns[p] { return x }
                return nil
            }
            guard values.allSatisfy({ $0 != nil }), Set(values.map { $0! }).count > 1 else { return nil }
            return (contents.meta.parameters[p].path, values.map { $0! })
        }
    }

    /// The analysis of `metric` over the successful runs; nil when the metric has no values.
    public static func analyze(_ contents: StoreContents, metric: String, grid: Bool, level: Double = 0.95,
                               resamples: Int = 400, seed: UInt64 = 1) -> SweepAnalysis? {
        guard let m = contents.meta.metrics.firstIndex(of: metric) else { return nil }
        let parameters = varied(contents)
        guard !parameters.isEmpty else { return nil }
        let index = Dictionary(uniqueKeysWithValues: contents.points.enumerated().map { ($1.id, $0) })
        var byPoint = [[Double]](repeating: [], count: contents.points.count)
        for run in contents.runs where run.status == "ok" {
            if let i = index[run.point], let value = run.metrics[m] { byPoint[i].append(value) }
        }
        let points = byPoint.indices.filter { !byPoint[$0].isEmpty }
        guard points.count >= 2 else { return nil }
        let settings = points.map { p in parameters.map { $0.values[p] } }
        let names = parameters.map(\.path)

        let stream = RandomStream(streamIndex: (seed << 24) << 8 | LatinHypercube.purposeSlot)
        stream.nextSubstream()
        func draw(_ n: Int) -> Int { min(n - 1, Int(stream.uniform() * Double(n))) }

        let estimate: [Double]
        var draws: [[Double]] = []
        let kinds: [(Kind, String)]
        if grid {
            kinds = names.map { (.main, $0) } + pairs(names.count).map { (.interaction, "\(names[$0.0]) × \(names[$0.1])") }
            let means = points.map { mean(byPoint[$0]) }
            estimate = gridEffects(settings, means)
            for _ in 0..<resamples {
                let resampled = points.map { p -> Double in
                    let runs = byPoint[p]
                    return mean((0..<runs.count).map { _ in runs[draw(runs.count)] })
                }
                draws.append(gridEffects(settings, resampled))
            }
        } else {
            guard points.count >= names.count + 3 else { return nil }
            kinds = names.map { (.prcc, $0) }
            let means = points.map { mean(byPoint[$0]) }
            estimate = prcc(settings, means)
            for _ in 0..<resamples {
                let chosen = (0..<points.count).map { _ in draw(points.count) }
                draws.append(prcc(chosen.map { settings[$0] }, chosen.map { means[$0] }))
            }
        }
        let tail = (1 - level) / 2
        var terms = kinds.indices.map { t -> Term in
            let column = draws.map { $0[t] }.filter(\.isFinite).sorted()
            return Term(kind: kinds[t].0, name: kinds[t].1, estimate: estimate[t],
                        lower: quantile(column, tail), upper: quantile(column, 1 - tail))
        }
        terms.sort { abs($0.estimate) > abs($1.estimate) }
        return SweepAnalysis(metric: metric, terms: terms, isGrid: grid,
                             surface: grid ? nil : ResponseSurface.fit(contents, metric: metric, level: level))
    }

    // MARK: Grid

    static func pairs(_ n: Int) -> [(Int, Int)] {
        (0..<n).flatMap { a in ((a + 1)..<n).map { (a, $0) } }
    }

    /// Signed effects, so an interval can reach 0: a parameter's main effect is the metric's mean
    /// at its highest level minus at its lowest (each averaged over the other parameters); a
    /// pair's interaction is the difference of differences at the corners of their table,
    /// (y[hi a, hi b] − y[lo a, hi b]) − (y[hi a, lo b] − y[lo a, lo b]): how much the effect of
    /// `a` changes between `b`'s lowest and highest level (0 when their effects just add up).
    static func gridEffects(_ settings: [[Double]], _ means: [Double]) -> [Double] {
        let k = settings.first?.count ?? 0
        var effects: [Double] = []
        for j in 0..<k {
            let levels = groupMeans(settings.map { [$0[j]] }, means)
            let low = levels.keys.min { $0[0] < $1[0] }!, high = levels.keys.max { $0[0] < $1[0] }!
            effects.append(levels[high]! - levels[low]!)
        }
        for (a, b) in pairs(k) {
            let cells = groupMeans(settings.map { [$0[a], $0[b]] }, means)
            let aLow = settings.map { $0[a] }.min()!, aHigh = settings.map { $0[a] }.max()!
            let bLow = settings.map { $0[b] }.min()!, bHigh = settings.map { $0[b] }.max()!
            guard let hh = cells[[aHigh, bHigh]], let lh = cells[[aLow, bHigh]], let hl = cells[[aHigh, bLow]], let ll = cells[[aLow, bLow]] else {
                effects.append(.nan)
                continue
            }
            effects.append((hh - lh) - (hl - ll))
        }
        return effects
    }

    static func groupMeans(_ keys: [[Double]], _ values: [Double]) -> [[Double]: Double] {
        var sums: [[Double]: (Double, Int)] = [:]
        for (key, value) in zip(keys, values) {
            let s = sums[key] ?? (0, 0)
            sums[key] = (s.0 + value, s.1 + 1)
        }
        return sums.mapValues { $0.0 / Double($0.1) }
    }

    // MARK: Latin hypercube

    /// PRCC of each column of `settings` with `response`: rank everything (average ranks for
    /// ties), remove the other columns' linear effect from the column's ranks and from the
    /// response's ranks by least squares, and correlate the residuals.
    static func prcc(_ settings: [[Double]], _ response: [Double]) -> [Double] {
        let k = settings.first?.count ?? 0
        let columns = (0..<k).map { j in ranks(settings.map { $0[j] }) }
        let y = ranks(response)
        return (0..<k).map { j in
            let others = [[Double](repeating: 1, count: y.count)] + columns.indices.filter { $0 != j }.map { columns[$0] }
            let rx = residuals(columns[j], on: others), ry = residuals(y, on: others)
            let sxy = zip(rx, ry).reduce(0) { $0 + $1.0 * $1.1 }
            let sxx = rx.reduce(0) { $0 + $1 * $1 }, syy = ry.reduce(0) { $0 + $1 * $1 }
            return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0
        }
    }

    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && values[order[j + 1]] == values[order[i]] { j += 1 }
            for t in i...j { ranks[order[t]] = Double(i + j) / 2 + 1 }
            i = j + 1
        }
        return ranks
    }

    /// y minus its least-squares fit on the columns `basis` (normal equations, Gaussian elimination).
    static func residuals(_ y: [Double], on basis: [[Double]]) -> [Double] {
        let p = basis.count
        var a = (0..<p).map { i in (0..<p).map { j in zip(basis[i], basis[j]).reduce(0) { $0 + $1.0 * $1.1 } } }
        var b = (0..<p).map { i in zip(basis[i], y).reduce(0) { $0 + $1.0 * $1.1 } }
        for c in 0..<p {
            guard let pivot = (c..<p).max(by: { abs(a[$0][c]) < abs(a[$1][c]) }), abs(a[pivot][c]) > 1e-12 else { continue }
            a.swapAt(c, pivot)
            b.swapAt(c, pivot)
            for r in 0..<p where r != c {
                let f = a[r][c] / a[c][c]
                guard f != 0 else { continue }
                for k in c..<p { a[r][k] -= f * a[c][k] }
                b[r] -= f * b[c]
            }
        }
        let beta = (0..<p).map { abs(a[$0][$0]) > 1e-12 ? b[$0] / a[$0][$0] : 0 }
        return y.indices.map { i in y[i] - (0..<p).reduce(0) { $0 + beta[$1] * basis[$1][i] } }
    }

    // MARK: Helpers

    static func mean(_ values: [Double]) -> Double { values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count) }

    /// The q-quantile of sorted values, interpolated between order statistics (as numpy's default).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = min(low + 1, sorted.count - 1)
        return sorted[low] + (position - Double(low)) * (sorted[high] - sorted[low])
    }

    /// `analysis.csv` (beside the store, read by `ccsim report`):
    /// `metric,kind,term,estimate,ci_lower,ci_upper,matters`, terms in order of |estimate|; for a
    /// Latin hypercube then the response surface: its coefficients (kind `surface`, coded units)
    /// and its fit (kind `surface_fit`: `r_squared`, `adjusted_r_squared`, `observations`).
    public static func csv(_ analyses: [SweepAnalysis]) -> String {
        var out = CSVWriter.row(["metric", "kind", "term", "estimate", "ci_lower", "ci_upper", "matters"])
        for analysis in analyses {
            for term in analysis.terms {
                out += CSVWriter.row([analysis.metric, term.kind.rawValue, term.name, CSVWriter.number(term.estimate),
                                    CSVWriter.number(term.lower), CSVWriter.number(term.upper), term.matters ? "true" : "false"])
            }
            if let surface = analysis.surface {
                for c in surface.coefficients {
                    out += CSVWriter.row([analysis.metric, "surface", c.name, CSVWriter.number(c.estimate),
                                        CSVWriter.number(c.lower), CSVWriter.number(c.upper), c.matters && c.name != "intercept" ? "true" : "false"])
                }
                for (name, value) in [("r_squared", surface.rSquared), ("adjusted_r_squared", surface.adjustedRSquared), ("observations", Double(surface.observations))] {
                    out += CSVWriter.row([analysis.metric, "surface_fit", name, CSVWriter.number(value), "", "", ""])
                }
            }
        }
        return out
    }

    /// The table `ccsim sweep analyze` prints.
    public var table: String {
        let header = isGrid ? ["effect on \(metric)", "kind", "estimate", "95% CI", "matters"] : ["PRCC with \(metric)", "estimate", "95% CI", "matters"]
        var rows = [header]
        for term in terms {
            let number = { (x: Double) in SweepSummary.format(x, metric: isGrid ? metric : "") }
            let prcc = { (x: Double) in String(format: "%+.3f", x) }
            let f = isGrid ? number : prcc
            let ci = "[\(f(term.lower)), \(f(term.upper))]"
            rows.append(isGrid ? [term.name, term.kind.rawValue, f(term.estimate), ci, term.matters ? "yes" : "no"]
                               : [term.name, f(term.estimate), ci, term.matters ? "yes" : "no"])
        }
        let widths = header.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, text in c == 0 ? text.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                : String(repeating: " ", count: widths[c] - text.count) + text }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n" + (surface.map { "\n" + $0.table } ?? "")
    }
}
