import Scenarios
import Stochastics

/// The arrival times of one channel in one replication: a non-homogeneous
/// Poisson process whose rate is constant on pieces (profile slots, opening
/// hours, batch windows), generated exactly by inverting the cumulative rate.
///
/// One exponential draw per arrival: a gap E with the mean 1/λ of the piece
/// the search starts in. If t + E falls inside the run of pieces with that
/// same rate, it is the arrival; otherwise the unit work left over,
/// (t + E − end)·λ, is carried into the next pieces at their rates, skipping
/// pieces with rate 0. Pieces whose rate equals the current one are passed
/// without rescaling, so a rate that never changes gives bit for bit the
/// foundation's `t += Exp(mean 1/r)` sequence from the same stream.
///
/// Rate of profile slot i of day d, `.daily(D)`:
/// `D.volumePerDay × D.profile[i] / Σ profile / slot × D.dayFactors[weekday(d)] × busyness(d)`,
/// where the profile's entries split the 24 h day into equal slots
/// (slot = 86 400 s / profile.count, independent of the reporting interval),
/// and 0 outside [open, close). A slot partly outside opening hours keeps its
/// rate on its open part only: its volume is prorated by the open fraction
/// (profile weight outside opening hours is not moved into them).
/// `open > close` means open overnight: [open, midnight) ∪ [midnight, close).
///
/// Batches add volume / (end − start) to the rate on [start, end), on top of
/// everything else and regardless of opening hours, day factors and busyness.
///
/// `.forecast(F)`: the rate of forecast interval j of day d is `F.volumes[d·n + j] / interval ×
/// busyness(d)`. Special days replace a day's hours and multiply its rates (`DemandShape`).
///
/// Busyness (when `busynessCV` is set): a gamma factor with mean 1 per day,
/// drawn once per day in day order from the busyness stream, lazily; only the
/// current day's factor is held. Constant demand has no busyness.
///
/// Memory is O(profile + batches); a call costs O(1 + batches) per piece it
/// crosses and allocates nothing.
public struct ArrivalGenerator {
    /// No arrival at or after this time is returned.
    public let horizonEnd: Double
    private let shape: DemandShape
    private var busyness: DailyBusyness
    /// The last piece looked up, [from, end) at `rate` (mean gap 1 / rate): consecutive arrivals
    /// mostly fall in the same piece, so most lookups stop here.
    private var cached: (from: Double, end: Double, rate: Double, meanGap: Double) = (1, 0, 0, .infinity)
    /// The last piece `takesContacts(at:)` looked up, valid on [from, piece.end) (empty at first).
    private var openQuery = (from: 1.0, piece: DemandShape.Piece(day: 0, scheduled: 0, extra: 0, end: 0))

    /// - Parameters:
    ///   - demand: the channel's demand; should be valid (7 day factors, a
    ///     non-empty profile, opening hours within the day, rates ≥ 0).
    ///   - startWeekday: weekday of day 0 (time 0 is midnight of day 0).
    ///   - horizonEnd: arrivals stop here (exclusive).
    ///   - busyness: the stream daily busyness factors are drawn from; needed
    ///     only when the demand has a busyness cv. Draw from a stream of its
    ///     own (or one substream per channel) to keep channels independent.
    public init(demand: DemandSpec, startWeekday: Weekday = .monday, horizonEnd: Double, busyness: RandomStream? = nil) {
        self.horizonEnd = horizonEnd
        shape = DemandShape(demand, startWeekday: startWeekday)
        if case let .daily(daily) = demand.pattern {
            self.busyness = DailyBusyness(cv: daily.busynessCV, stream: busyness)
        } else if case let .forecast(forecast) = demand.pattern {
            self.busyness = DailyBusyness(cv: forecast.busynessCV, stream: busyness)
        } else {
            self.busyness = DailyBusyness(cv: nil, stream: nil)
        }
    }

    /// The first arrival after `t`, or nil if there is none before `horizonEnd`.
    ///
    /// Call with 0 (or the run's start) first, then with each arrival
    /// returned: times must not go back to an earlier day once a later day's
    /// busyness has been drawn. Draws one exponential from `stream`
    /// (none when no rate is positive before the horizon).
    /// - Precondition: `t ≥ 0`.
    public mutating func next(after t: Double, stream: RandomStream) -> Double? {
        precondition(t >= 0, "arrival times start at 0, got \(t)")
        guard t < horizonEnd else { return nil }
        // Skip to the first piece with a positive rate.
        var start = t
        var piece = current(at: start)
        while piece.rate == 0 {
            guard piece.end < horizonEnd else { return nil }
            start = piece.end
            piece = current(at: start)
        }
        var rate = piece.rate
        var end = piece.end
        // The piece's mean gap 1 / rate, worked out once per piece (a division per arrival otherwise).
        var arrival = start + stream.exponential(mean: piece.meanGap)
        while arrival >= end {
            guard end < horizonEnd else { return nil }
            var next = current(at: end)
            if next.rate == rate {
                end = next.end  // same rate: the boundary is invisible, nothing is rescaled
                continue
            }
            let work = (arrival - end) * rate  // unit-rate work still to cover
            var from = end
            while next.rate == 0 {
                guard next.end < horizonEnd else { return nil }
                from = next.end
                next = current(at: from)
            }
            rate = next.rate
            end = next.end
            arrival = from + work / rate
        }
        return arrival < horizonEnd ? arrival : nil
    }

    /// The rate (contacts per second) at time `t`, with the current day's
    /// busyness if it has been drawn, else busyness 1.
    public func rate(at t: Double) -> Double {
        let piece = shape.piece(at: t)
        return piece.rate(busyness: busyness.known(for: piece.day))
    }

    /// Whether the rate at `t` is positive (`rate(at: t) > 0`): the question a customer coming back
    /// asks (is the channel open then?). Remembers the last piece looked up, so the many repeats
    /// that come back within one piece cost a comparison instead of a lookup; the busyness is
    /// applied at each call, as known then, exactly as `rate(at:)` does.
    public mutating func takesContacts(at t: Double) -> Bool {
        if !(t >= openQuery.from && t < openQuery.piece.end) {
            openQuery = (t, shape.piece(at: t))
        }
        return openQuery.piece.rate(busyness: busyness.known(for: openQuery.piece.day)) > 0
    }

    /// The integral of the rate over [from, to): the expected number of
    /// arrivals, with the current day's busyness if drawn and 1 (its mean) on
    /// every other day. 0 when `to ≤ from`. Costs O(1 + batches) per piece in the range.
    /// - Precondition: `to` is finite.
    public func expectedArrivals(from: Double, to: Double) -> Double {
        precondition(to.isFinite, "expected arrivals need a finite end, got \(to)")
        var total = 0.0
        var t = max(from, 0)
        while t < to {
            let piece = shape.piece(at: t)
            let end = min(piece.end, to)
            total += piece.rate(busyness: busyness.known(for: piece.day)) * (end - t)
            t = end
        }
        return total
    }

    /// The piece at `t` with its rate, drawing busyness up to its day.
    @inline(__always)
    private mutating func current(at t: Double) -> (rate: Double, end: Double, meanGap: Double) {
        if t >= cached.from && t < cached.end { return (cached.rate, cached.end, cached.meanGap) }
        let piece = shape.piece(at: t)
        let factor = busyness.isRandom ? busyness.factor(for: piece.day) : 1
        let rate = piece.rate(busyness: factor)
        cached = (t, piece.end, rate, 1 / rate)
        return (rate, piece.end, cached.meanGap)
    }
}
