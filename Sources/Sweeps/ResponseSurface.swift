import Statistics

/// A quadratic response surface of one metric over a sweep's varied parameters, fitted by
/// ordinary least squares on every successful run (`ccsim sweep analyze`, Latin hypercubes):
///
///     y = b0 + Σ bᵢ xᵢ + Σ bᵢᵢ xᵢ² + Σ bᵢⱼ xᵢ xⱼ + ε
///
/// with each parameter in coded units (−1 at the lowest value swept, +1 at the highest), so the
/// coefficients compare across parameters of different units: bᵢ is half the change across the
/// range at the centre. R² says how much of the runs' variation the surface explains (the rest
/// is replication noise and what a quadratic cannot follow); each coefficient has a Student-t
/// interval from the residual variance. With too few distinct points for every cross term, the
/// cross terms go (linear + squares), then the squares (linear).
public struct ResponseSurface: Sendable {
    public enum Form: String, Sendable {
        case quadratic = "full quadratic"
        case separable = "linear + squares"
        case linear
    }

    public struct Coefficient: Sendable {
        /// `intercept`, a path, `path²` or `a × b`.
        public var name: String
        public var estimate: Double
        public var standardError: Double
        public var lower: Double
        public var upper: Double
        /// True when the interval excludes 0.
        public var matters: Bool { lower > 0 || upper < 0 }
    }

    public var metric: String
    public var form: Form
    public var coefficients: [Coefficient]
    public var rSquared: Double
    public var adjustedRSquared: Double
    public var observations: Int
    public var residualStandardError: Double

    /// The surface of `metric` over the varied parameters of the store's successful runs; nil
    /// when there are too few distinct points even for a linear fit.
    public static func fit(_ contents: StoreContents, metric: String, level: Double = 0.95) -> ResponseSurface? {
        guard let m = contents.meta.metrics.firstIndex(of: metric) else { return nil }
        let parameters = SweepAnalysis.varied(contents)
        guard !parameters.isEmpty else { return nil }
        let index = Dictionary(uniqueKeysWithValues: contents.points.enumerated().map { ($1.id, $0) })
        var inputs: [[Double]] = [], responses: [Double] = []
        for run in contents.runs where run.status == "ok" {
            guard let p = index[run.point], let y = run.metrics[m], y.isFinite else { continue }
            inputs.append(parameters.map { $0.values[p] })
            responses.append(y)
        }
        return fit(inputs: inputs, names: parameters.map(\.path), responses: responses, metric: metric, level: level)
    }

    /// The fit of `responses` on `inputs` (one row per observation, a column per parameter).
    public static func fit(inputs: [[Double]], names: [String], responses: [Double], metric: String, level: Double = 0.95) -> ResponseSurface? {
        let k = names.count
        guard k > 0, inputs.count == responses.count, !inputs.isEmpty else { return nil }
        let low = (0..<k).map { j in inputs.map { $0[j] }.min()! }, high = (0..<k).map { j in inputs.map { $0[j] }.max()! }
        func code(_ x: Double, _ j: Int) -> Double {
            guard high[j] > low[j] else { return 0 }
            let share: Double = (x - low[j]) / (high[j] - low[j])
            return 2 * share - 1
        }
        let coded: [[Double]] = inputs.map { row in (0..<k).map { j in code(row[j], j) } }
        let distinct = Set(coded).count
        for form in [Form.quadratic, .separable, .linear] {
            let (termNames, design) = Self.design(coded, names: names, form: form)
            let p = termNames.count
            // Enough distinct points to identify every term, and residual degrees of freedom to spare.
            guard distinct >= p + 2, responses.count > p + 1 else { continue }
            guard let solved = LeastSquares.solve(design, responses) else { continue }
            let n = responses.count, df = Double(n - p)
            let mean = responses.reduce(0, +) / Double(n)
            let total = responses.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            let sigma2 = solved.residualSumOfSquares / df
            let t = StudentT.quantile((1 + level) / 2, degreesOfFreedom: df)
            let coefficients = (0..<p).map { c -> Coefficient in
                let se = (sigma2 * solved.inverseGramDiagonal[c]).squareRoot()
                return Coefficient(name: termNames[c], estimate: solved.beta[c], standardError: se,
                                   lower: solved.beta[c] - t * se, upper: solved.beta[c] + t * se)
            }
            let r2 = total > 0 ? 1 - solved.residualSumOfSquares / total : 1
            return ResponseSurface(metric: metric, form: form, coefficients: coefficients, rSquared: r2,
                                   adjustedRSquared: total > 0 ? 1 - (1 - r2) * Double(n - 1) / df : 1,
                                   observations: n, residualStandardError: sigma2.squareRoot())
        }
        return nil
    }

    /// The design matrix's columns (one row per observation) and their names.
    static func design(_ x: [[Double]], names: [String], form: Form) -> ([String], [[Double]]) {
        let k = names.count
        var termNames = ["intercept"] + names
        var columns: [(([Double]) -> Double)] = [{ _ in 1 }] + (0..<k).map { j in { $0[j] } }
        if form != .linear {
            termNames += names.map { $0 + "²" }
            columns += (0..<k).map { j in { $0[j] * $0[j] } }
        }
        if form == .quadratic {
            for (a, b) in SweepAnalysis.pairs(k) {
                termNames.append("\(names[a]) × \(names[b])")
                columns.append { $0[a] * $0[b] }
            }
        }
        return (termNames, x.map { row in columns.map { $0(row) } })
    }

    /// The lines `ccsim sweep analyze` prints.
    public var table: String {
        var rows = [["response surface of \(metric)", "coefficient", "95% CI", "matters"]]
        let f = { (x: Double) in String(format: "%+.4g", x) }
        for c in coefficients {
            rows.append([c.name, f(c.estimate), "[\(f(c.lower)), \(f(c.upper))]", c.name == "intercept" ? "" : (c.matters ? "yes" : "no")])
        }
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        let lines = rows.map { row in
            row.enumerated().map { c, text in c == 0 ? text.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                : String(repeating: " ", count: widths[c] - text.count) + text }.joined(separator: "  ")
        }
        let fit = String(format: "%@ in coded units (−1 lowest, +1 highest value swept), %d runs: R² %.3f, adjusted R² %.3f, residual sd %.4g; Student-t 95%% CIs",
                         form.rawValue, observations, rSquared, adjustedRSquared, residualStandardError)
        return ([fit] + lines).joined(separator: "\n") + "\n"
    }
}

/// Ordinary least squares by Householder QR (stable where the normal equations lose digits).
enum LeastSquares {
    struct Solution {
        var beta: [Double]
        var residualSumOfSquares: Double
        /// Diagonal of (XᵀX)⁻¹ = R⁻¹R⁻ᵀ: the coefficients' variances per unit residual variance.
        var inverseGramDiagonal: [Double]
    }

    /// Solves min ‖Xβ − y‖ for X given by rows; nil when X is rank-deficient.
    static func solve(_ rows: [[Double]], _ y: [Double]) -> Solution? {
        let n = rows.count, p = rows.first?.count ?? 0
        guard n >= p, p > 0 else { return nil }
        var a = rows, b = y
        var scale = 0.0
        for row in rows { for v in row { scale = max(scale, abs(v)) } }
        for c in 0..<p {
            var norm = 0.0
            for r in c..<n { norm += a[r][c] * a[r][c] }
            norm = norm.squareRoot()
            guard norm > 1e-10 * max(scale, 1) * Double(n).squareRoot() else { return nil }
            let alpha = a[c][c] > 0 ? -norm : norm
            var v = [Double](repeating: 0, count: n)
            for r in c..<n { v[r] = a[r][c] }
            v[c] -= alpha
            let vv = (c..<n).reduce(0) { $0 + v[$1] * v[$1] }
            guard vv > 0 else { continue }
            for k in c..<p {
                let dot = (c..<n).reduce(0) { $0 + v[$1] * a[$1][k] }
                let f = 2 * dot / vv
                for r in c..<n { a[r][k] -= f * v[r] }
            }
            let dot = (c..<n).reduce(0) { $0 + v[$1] * b[$1] }
            let f = 2 * dot / vv
            for r in c..<n { b[r] -= f * v[r] }
        }
        // R is a[0..<p][0..<p] (upper triangular); Qᵀy is b.
        for c in 0..<p where abs(a[c][c]) < 1e-10 * max(scale, 1) { return nil }
        var beta = [Double](repeating: 0, count: p)
        for i in stride(from: p - 1, through: 0, by: -1) {
            var s = b[i]
            for k in (i + 1)..<p { s -= a[i][k] * beta[k] }
            beta[i] = s / a[i][i]
        }
        let rss = (p..<n).reduce(0) { $0 + b[$1] * b[$1] }
        // R⁻¹ by back-substitution, column by column; diag((XᵀX)⁻¹) = row sums of squares of R⁻¹.
        var inverse = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for j in 0..<p {
            for i in stride(from: j, through: 0, by: -1) {
                var s = i == j ? 1.0 : 0.0
                if i < j { for k in (i + 1)...j { s -= a[i][k] * inverse[k][j] } }
                inverse[i][j] = s / a[i][i]
            }
        }
        let diagonal = (0..<p).map { i in (i..<p).reduce(0) { $0 + inverse[i][$1] * inverse[i][$1] } }
        return Solution(beta: beta, residualSumOfSquares: rss, inverseGramDiagonal: diagonal)
    }
}
