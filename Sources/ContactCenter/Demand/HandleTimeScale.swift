import Scenarios

/// The forecast's AHT by interval, as a factor on the handle times drawn for a channel's new
/// contacts: `forecast AHT / baseline`, where the baseline is the channel's mean handle time of
/// new contacts (the tiers' means weighted by the channel's tier shares). Multiplying a draw by
/// a constant keeps the distribution's shape (its cv) and makes its mean the forecast AHT.
///
/// Applies to the first handling of contacts that arrive in the interval; repeats, escalated legs
/// and the initial queue keep their tiers' own handle times (a forecast's AHT is that of its
/// offered contacts). Intervals without an AHT, and times outside the forecast, get 1.
struct HandleTimeScale {
    let interval: Double
    let factors: [Double]

    /// nil when the demand is not a forecast with AHTs, or the baseline is not positive.
    init?(demand: DemandSpec, baselineMean: Double) {
        guard case let .forecast(forecast) = demand.pattern, let handleTimes = forecast.handleTimes,
              baselineMean.isFinite, baselineMean > 0 else { return nil }
        interval = forecast.interval
        factors = handleTimes.map { $0.map { $0 / baselineMean } ?? 1 }
    }

    /// The factor at time `t` (seconds from midnight of day 0).
    @inline(__always)
    func factor(at t: Double) -> Double {
        // Compared as a Double first: no conversion of a huge or negative time to Int.
        let k = (t / interval).rounded(.down)
        return k >= 0 && k < Double(factors.count) ? factors[Int(k)] : 1
    }
}
