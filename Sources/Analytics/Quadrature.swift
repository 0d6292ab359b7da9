/// Adaptive Gauss–Kronrod (7/15-point) quadrature for the smooth, bell-shaped
/// integrands of Erlang A. Internal: a tiny, dependency-free piece of QUADPACK
/// (Piessens et al., 1983), whose node and weight tables it uses.
enum GaussKronrod {
    // Kronrod abscissae on [−1, 1] (the odd indices are the 7 Gauss nodes), and weights.
    private static let nodes: [Double] = [
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.000000000000000000000000000000000,
    ]
    private static let kronrodWeights: [Double] = [
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
    ]
    // Gauss weights for nodes[1], nodes[3], nodes[5], nodes[7].
    private static let gaussWeights: [Double] = [
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
    ]

    /// One 15-point Kronrod estimate and its difference from the 7-point Gauss one.
    private static func rule(_ f: (Double) -> Double, _ a: Double, _ b: Double) -> (value: Double, error: Double) {
        let center = 0.5 * (a + b), half = 0.5 * (b - a)
        let fc = f(center)
        var kronrod = fc * kronrodWeights[7]
        var gauss = fc * gaussWeights[3]
        for i in 0..<7 {
            let dx = half * nodes[i]
            let pair = f(center - dx) + f(center + dx)
            kronrod += kronrodWeights[i] * pair
            if i % 2 == 1 { gauss += gaussWeights[i / 2] * pair }
        }
        return (kronrod * half, abs((kronrod - gauss) * half))
    }

    /// ∫ f over [breakpoints.first, breakpoints.last] by global adaptive
    /// bisection (as QUADPACK's QAGP): starting from the given pieces, the piece
    /// with the largest error estimate is halved until the summed estimate is
    /// below `absoluteTolerance`, or at the level of rounding, or after 400
    /// bisections. The breakpoints must resolve the integrand's scales (a
    /// 15-point rule cannot see a spike that falls between its nodes); the
    /// cost is bounded whatever the integrand.
    static func integrate(_ f: (Double) -> Double, breakpoints: [Double], absoluteTolerance: Double) -> Double {
        var pieces: [(a: Double, b: Double, estimate: (value: Double, error: Double))] = []
        for (a, b) in zip(breakpoints, breakpoints.dropFirst()) where b > a {
            pieces.append((a, b, rule(f, a, b)))
        }
        guard !pieces.isEmpty else { return 0 }
        for _ in 0..<400 {
            var total = 0.0, error = 0.0, worst = 0
            for (i, p) in pieces.enumerated() {
                total += p.estimate.value
                error += p.estimate.error
                if p.estimate.error > pieces[worst].estimate.error { worst = i }
            }
            if error <= max(absoluteTolerance, 1e-15 * abs(total)) { break }
            let p = pieces[worst]
            let m = 0.5 * (p.a + p.b)
            guard m > p.a && m < p.b else { break }
            pieces[worst] = (p.a, m, rule(f, p.a, m))
            pieces.append((m, p.b, rule(f, m, p.b)))
        }
        return pieces.reduce(0) { $0 + $1.estimate.value }
    }
}
