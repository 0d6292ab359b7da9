import Scenarios

/// The forecast's tier shares by interval (`ForecastDemand.tierShares`): the mix a channel's new
/// contacts draw their tier from in the interval they arrive in, in place of the channel's `tiers`.
///
/// Why no new randomness: the draw is the channel mix's own (one uniform from the tier-choice
/// stream against cumulative shares, none when a single tier has a positive share), so a forecast
/// without shares leaves every stream untouched, and a forecast whose shares equal the channel's
/// mix gives the same contacts bit for bit. Intervals without shares, and times outside the
/// forecast, answer nil: the channel's mix applies.
struct ForecastTierMix {
    let interval: Double
    /// Per forecast interval: cumulative shares for the draw (`+∞` from the last tier with a
    /// positive share on, so rounding never picks a tier with share 0), nil without shares.
    let cumulative: [[Double]?]
    /// Per forecast interval: the one tier with a positive share (no draw), if there is one.
    let sole: [Int?]

    /// nil when the demand is not a forecast with tier shares.
    init?(demand: DemandSpec) {
        guard case let .forecast(forecast) = demand.pattern, let mixes = forecast.tierShares else { return nil }
        interval = forecast.interval
        cumulative = mixes.map { mix in
            guard let mix else { return nil }
            var sum = 0.0
            var bounds = mix.map { sum += $0; return sum }
            if let last = mix.lastIndex(where: { $0 > 0 }) {
                for k in last..<bounds.count { bounds[k] = .infinity }
            }
            return bounds
        }
        sole = mixes.map { mix in
            guard let positive = mix?.indices.filter({ mix![$0] > 0 }), positive.count == 1 else { return nil }
            return positive[0]
        }
    }

    /// The forecast interval holding time `t` if it gives a mix, else nil.
    @inline(__always)
    func slot(at t: Double) -> Int? {
        // Compared as a Double first: no conversion of a huge or negative time to Int.
        let k = (t / interval).rounded(.down)
        guard k >= 0 && k < Double(cumulative.count) else { return nil }
        let i = Int(k)
        return cumulative[i] == nil ? nil : i
    }

    /// The tier of slot `i` for a uniform draw `u` in [0, 1).
    @inline(__always)
    func tier(slot i: Int, u: Double) -> Int {
        let bounds = cumulative[i]!
        for (k, bound) in bounds.enumerated() where u < bound { return k }
        return bounds.count - 1
    }

    /// The mean of `tierMeans` weighted by slot `i`'s shares, written as the channel's baseline is
    /// (`Σ share × mean` in tier order), so equal mixes give equal baselines.
    static func weightedMean(_ shares: [Double], tierMeans: [Double]) -> Double {
        shares.enumerated().reduce(0.0) { $0 + $1.element * ($1.offset < tierMeans.count ? tierMeans[$1.offset] : 0) }
    }
}
