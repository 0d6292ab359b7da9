import Stochastics

/// Latin hypercube sampling: `n` points in the unit cube [0, 1)^d such that, along every
/// dimension, each of the n equal strata holds exactly one point.
///
/// Why: with few points it covers each parameter's whole range evenly, where a grid of the
/// same size covers only a few values per parameter.
///
/// Deterministic method (the documented contract, stable across releases): the draws come from
/// one MRG32k3a stream through Stochastics' `RandomStream`, stream index
/// `(seed · 2^24 + 0) · 2^8 + 255` — replication 0, purpose slot 255 of the design seed, a slot
/// no simulation purpose uses, so the design never shares numbers with a simulation. For each
/// dimension j in order: a permutation π of 0…n−1 by Fisher–Yates (for i = n−1 down to 1,
/// swap i with ⌊u·(i+1)⌋, one uniform u each), then for each point i in order
/// x[i][j] = (π[i] + u) / n.
public enum LatinHypercube {
    /// The stream purpose slot reserved for sweep designs.
    public static let purposeSlot: UInt64 = 255

    /// `points` rows of `dimensions` coordinates in [0, 1).
    public static func sample(points n: Int, dimensions d: Int, seed: UInt64) -> [[Double]] {
        precondition(n >= 1 && d >= 0 && seed <= StreamPlan.maxSeed)
        let stream = RandomStream(streamIndex: (seed << 24) << 8 | purposeSlot)
        var rows = [[Double]](repeating: [Double](repeating: 0, count: d), count: n)
        for j in 0..<d {
            var permutation = Array(0..<n)
            var i = n - 1
            while i > 0 {
                let k = min(i, Int(stream.uniform() * Double(i + 1)))
                permutation.swapAt(i, k)
                i -= 1
            }
            for i in 0..<n {
                rows[i][j] = (Double(permutation[i]) + stream.uniform()) / Double(n)
            }
        }
        return rows
    }
}
