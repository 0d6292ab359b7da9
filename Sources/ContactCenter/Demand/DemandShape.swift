import Scenarios

/// The arrival rate of one channel as a function of time, before busyness:
/// the pieces on which it is constant, found in O(1 + batches) per lookup.
///
/// Pieces break at every profile slot boundary, at opening and closing time,
/// at midnight, and at each batch's start and end. A piece is never empty,
/// so walking piece by piece always makes progress. Boundaries are computed
/// one way only (`dayStart + j · slot`, `dayStart + open`, ...), so the piece
/// found at a boundary is exactly the one that starts there.
struct DemandShape {
    static let day = 86_400.0

    /// One constant-rate piece: [start of lookup, end).
    struct Piece {
        /// Day the piece lies in (time 0 is midnight of day 0); 0 for constant demand.
        var day: Int
        /// Rate of the daily pattern (or the constant), to be multiplied by the day's busyness.
        var scheduled: Double
        /// Rate added by batches active on the piece (busyness does not apply).
        var extra: Double
        /// End of the piece, > the lookup time; +∞ when the rate never changes again.
        var end: Double

        @inline(__always)
        func rate(busyness: Double) -> Double { scheduled * busyness + extra }
    }

    /// Batch windows with their added rate, sorted by start.
    struct Batch {
        var start: Double
        var end: Double
        var rate: Double
    }

    /// false: constant demand at `constantRate`.
    let isDaily: Bool
    let constantRate: Double
    /// Rate of each profile slot on a day with factor 1: volume · weight / Σ weights / slot length.
    let slotRates: [Double]
    let slotLength: Double
    /// Day-of-week factors, Monday first.
    let dayFactors: [Double]
    let startWeekday: Int
    let open: Double
    let close: Double
    let batches: [Batch]

    init(_ demand: DemandSpec, startWeekday: Weekday) {
        self.startWeekday = startWeekday.rawValue
        switch demand.pattern {
        case let .constant(rate):
            precondition(rate >= 0 && rate.isFinite, "constant arrival rate must be finite and ≥ 0, got \(rate)")
            isDaily = false
            constantRate = rate
            slotRates = []
            slotLength = Self.day
            dayFactors = []
            open = 0
            close = Self.day
        case let .daily(daily):
            precondition(!daily.profile.isEmpty, "a daily demand needs a profile")
            precondition(daily.dayFactors.count == 7, "a daily demand needs 7 day factors, got \(daily.dayFactors.count)")
            precondition(daily.open >= 0 && daily.open <= Self.day && daily.close >= 0 && daily.close <= Self.day,
                         "opening hours must lie within the day, got [\(daily.open), \(daily.close))")
            precondition(daily.volumePerDay >= 0 && daily.volumePerDay.isFinite, "daily volume must be finite and ≥ 0")
            precondition(daily.profile.allSatisfy { $0 >= 0 && $0.isFinite }, "profile weights must be finite and ≥ 0")
            precondition(daily.dayFactors.allSatisfy { $0 >= 0 && $0.isFinite }, "day factors must be finite and ≥ 0")
            isDaily = true
            constantRate = 0
            slotLength = Self.day / Double(daily.profile.count)
            let total = daily.profile.reduce(0, +)
            slotRates = daily.profile.map { total > 0 ? daily.volumePerDay * $0 / total / (Self.day / Double(daily.profile.count)) : 0 }
            dayFactors = daily.dayFactors
            open = daily.open
            close = daily.close
        }
        batches = demand.batches
            .filter { $0.end > $0.start && $0.volume > 0 }
            .map { Batch(start: $0.start, end: $0.end, rate: $0.volume / ($0.end - $0.start)) }
            .sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// The piece containing `t` (t ≥ 0).
    @inline(__always)
    func piece(at t: Double) -> Piece {
        var piece: Piece
        if isDaily {
            piece = dailyPiece(at: t)
        } else {
            piece = Piece(day: 0, scheduled: constantRate, extra: 0, end: .infinity)
        }
        for batch in batches {
            if t < batch.start {
                if batch.start < piece.end { piece.end = batch.start }
                break  // sorted by start: no later batch is active or starts sooner
            } else if t < batch.end {
                piece.extra += batch.rate
                if batch.end < piece.end { piece.end = batch.end }
            }
        }
        return piece
    }

    private func dailyPiece(at t: Double) -> Piece {
        // Day and slot from a division, then nudged so that
        // dayStart ≤ t < nextDayStart and slotStart ≤ t < slotEnd exactly.
        var d = Int(clampedFrom: t / Self.day, rounding: .down)
        while Double(d) * Self.day > t { d -= 1 }
        while Double(d + 1) * Self.day <= t { d += 1 }
        let dayStart = Double(d) * Self.day
        let nextDay = Double(d + 1) * Self.day
        let n = slotRates.count
        var j = min(max(Int(clampedFrom: (t - dayStart) / slotLength), 0), n - 1)
        while j > 0 && dayStart + Double(j) * slotLength > t { j -= 1 }
        while j + 1 < n && dayStart + Double(j + 1) * slotLength <= t { j += 1 }
        var end = j + 1 == n ? nextDay : dayStart + Double(j + 1) * slotLength

        let openAt = dayStart + open
        let closeAt = dayStart + close
        let isOpen: Bool
        if open <= close {
            isOpen = t >= openAt && t < closeAt
            if t < openAt { end = min(end, openAt) } else if t < closeAt { end = min(end, closeAt) }
        } else {  // open overnight: [open, midnight) and [midnight, close)
            isOpen = t >= openAt || t < closeAt
            if t < closeAt { end = min(end, closeAt) } else if t < openAt { end = min(end, openAt) }
        }
        let weekday = ((startWeekday + d) % 7 + 7) % 7
        let rate = isOpen ? slotRates[j] * dayFactors[weekday] : 0
        return Piece(day: d, scheduled: rate, extra: 0, end: end)
    }
}
