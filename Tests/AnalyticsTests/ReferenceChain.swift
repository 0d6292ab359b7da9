import Foundation

/// Brute-force evaluation of the M/M/n+M queue for tests, sharing no code or
/// formula with the library: the stationary law of the *truncated* chain is
/// solved from πQ = 0, Σπ = 1 by dense Gaussian elimination, and each
/// arrival's fate is followed by uniformization of its own absorbing chain
/// (callers ahead of it, then "answered" or "abandoned"), mixed by PASTA.
struct ReferenceChain {
    let n: Int, lambda: Double, mu: Double, theta: Double
    let pi: [Double]   // states 0 … capacity

    init(agents n: Int, arrivalRate lambda: Double, meanHandleTime: Double, meanPatience: Double, capacity: Int) {
        self.n = n
        self.lambda = lambda
        self.mu = 1 / meanHandleTime
        self.theta = 1 / meanPatience
        let size = capacity + 1
        // Transposed generator Qᵀ, so that Qᵀπ = 0; last row replaced by Σπ = 1.
        var a = [[Double]](repeating: [Double](repeating: 0, count: size + 1), count: size)
        for k in 0..<size {
            let up = k < capacity ? lambda : 0
            let down = Double(min(k, n)) * mu + Double(max(k - n, 0)) * theta
            if k < capacity { a[k + 1][k] += up }
            if k > 0 { a[k - 1][k] += down }
            a[k][k] -= up + down
        }
        for k in 0..<size { a[size - 1][k] = 1 }
        a[size - 1][size] = 1
        // Gaussian elimination with partial pivoting.
        for col in 0..<size {
            let pivot = (col..<size).max { abs(a[$0][col]) < abs(a[$1][col]) }!
            a.swapAt(col, pivot)
            for row in (col + 1)..<size where a[row][col] != 0 {
                let f = a[row][col] / a[col][col]
                for c in col...size { a[row][c] -= f * a[col][c] }
            }
        }
        var x = [Double](repeating: 0, count: size)
        for row in stride(from: size - 1, through: 0, by: -1) {
            var s = a[row][size]
            for c in (row + 1)..<size { s -= a[row][c] * x[c] }
            x[row] = s / a[row][row]
        }
        pi = x
    }

    var probabilityOfWait: Double { pi[n...].reduce(0, +) }
    var meanQueueLength: Double { pi.indices.reduce(0) { $0 + Double(max($1 - n, 0)) * pi[$1] } }

    /// (P(answered and wait ≤ t), P(abandoned and wait ≤ t)) over all arrivals.
    func fractionsWithin(_ t: Double) -> (answered: Double, abandoned: Double) {
        let maxAhead = pi.count - 1 - n
        let rate = Double(n) * mu + Double(maxAhead + 1) * theta   // uniformization constant
        // served[a], abandoned[a]: absorption within k jumps starting with a callers ahead.
        var served = [Double](repeating: 0, count: maxAhead + 1)
        var gone = [Double](repeating: 0, count: maxAhead + 1)
        var answeredWithin = [Double](repeating: 0, count: maxAhead + 1)
        var abandonedWithin = [Double](repeating: 0, count: maxAhead + 1)
        let mean = rate * t
        var cumulative = 0.0, k = 0
        while cumulative < 1 - 1e-15 && k < 100_000 {
            let weight = k == 0 ? exp(-mean) : exp(-mean + Double(k) * log(mean) - lgamma(Double(k) + 1))   // Poisson(k; Λt)
            for a in 0...maxAhead {
                answeredWithin[a] += weight * served[a]
                abandonedWithin[a] += weight * gone[a]
            }
            cumulative += weight
            k += 1
            // One more jump: from a, move up at nμ + aθ, abandon at θ, else stay.
            var nextServed = served, nextGone = gone
            for a in 0...maxAhead {
                let move = Double(n) * mu + Double(a) * theta
                let stay = 1 - (move + theta) / rate
                let movedServed = a == 0 ? 1 : served[a - 1]
                let movedGone = a == 0 ? 0 : gone[a - 1]
                nextServed[a] = move / rate * movedServed + stay * served[a]
                nextGone[a] = theta / rate + move / rate * movedGone + stay * gone[a]
            }
            served = nextServed
            gone = nextGone
        }
        var answered = pi[..<n].reduce(0, +), abandoned = 0.0
        for a in 0...maxAhead {
            answered += pi[n + a] * answeredWithin[a]
            abandoned += pi[n + a] * abandonedWithin[a]
        }
        return (answered, abandoned)
    }
}
