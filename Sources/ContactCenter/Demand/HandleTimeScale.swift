import Scenarios

/// The forecast's AHT by interval, as a factor on the handle times drawn for a channel's new
/// contacts: `forecast AHT / baseline`, where the baseline is the channel's mean handle time of
/// new contacts (the tiers' means weighted by the channel's tier shares, or by the forecast's tier
/// shares of the interval when it gives them, `ForecastTierMix`). Multiplying a draw by
/// a constant keeps the distribution's shape (its cv) and makes its mean the forecast AHT.
///
/// Applies to the first handling of contacts that arrive in the interval; repeats, escalated legs
/// and the initial queue keep their tiers' own handle times (a forecast's AHT is that of its
/// offered contacts). Intervals without an AHT, and times outside the forecast, get 1.
struct HandleTimeScale {
    let interval: Double
    let factors: [Double]

    /// nil when the demand is not a forecast with AHTs, or the baseline is not positive.
    /// - Parameter tierMeans: the channel's mean handle time per tier, for intervals with a tier mix.
    init?(demand: DemandSpec, baselineMean: Double, tierMeans: [Double]) {
        guard case let .forecast(forecast) = demand.pattern, let handleTimes = forecast.handleTimes,
              baselineMean.isFinite, baselineMean > 0 else { return nil }
        interval = forecast.interval
        factors = handleTimes.enumerated().map { i, aht in
            guard let aht else { return 1 }
            let mix = forecast.tierShares.flatMap { i < $0.count ? $0[i] : nil }
            let baseline = mix.map { ForecastTierMix.weightedMean($0, tierMeans: tierMeans) } ?? baselineMean
            return baseline.isFinite && baseline > 0 ? aht / baseline : 1
        }
    }

    /// The factor at time `t` (seconds from midnight of day 0).
    @inline(__always)
    func factor(at t: Double) -> Double {
        // Compared as a Double first: no conversion of a huge or negative time to Int.
        let k = (t / interval).rounded(.down)
        return k >= 0 && k < Double(factors.count) ? factors[Int(k)] : 1
    }
}
