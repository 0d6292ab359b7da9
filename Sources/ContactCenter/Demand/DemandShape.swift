import Scenarios

/// The arrival rate of one channel as a function of time, before busyness:
/// the pieces on which it is constant, found in O(1 + batches) per lookup.
///
/// A forecast gives every slot of every day its own rate; a special day (holiday, short day)
/// replaces that day's opening hours and multiplies its rates by its factor.
///
/// Pieces break at every profile slot boundary while open, at opening and closing time,
/// at midnight, and at each batch's start and end (closed hours are one piece). A piece is never empty,
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
    /// Rate of each profile slot on a day with factor 1: volume · weight / Σ weights / slot length;
    /// one list, or seven (Monday first) with per-weekday profiles.
    let slotRates: [[Double]]
    /// Slots per day (profile entries, or forecast intervals).
    let slotsPerDay: Int
    let slotLength: Double
    /// Day-of-week factors, Monday first.
    let dayFactors: [Double]
    /// A forecast's rate of every slot of the run, day 0 first (`slotsPerDay` per day); nil for a profile.
    let datedRates: [Double]?
    let startWeekday: Int
    let open: Double
    let close: Double
    /// Special days (holidays, short days) by day of the run; nil = a usual day.
    let overrides: [Override?]
    let batches: [Batch]

    /// A special day's hours and factor.
    struct Override {
        var open: Double
        var close: Double
        var factor: Double
    }

    init(_ demand: DemandSpec, startWeekday: Weekday) {
        self.startWeekday = startWeekday.rawValue
        switch demand.pattern {
        case let .constant(rate):
            precondition(rate >= 0 && rate.isFinite, "constant arrival rate must be finite and ≥ 0, got \(rate)")
            isDaily = false
            constantRate = rate
            slotRates = []
            slotsPerDay = 1
            slotLength = Self.day
            dayFactors = []
            datedRates = nil
            open = 0
            close = Self.day
        case let .daily(daily):
            precondition(!daily.profile.isEmpty, "a daily demand needs a profile")
            precondition(daily.dayFactors.count == 7, "a daily demand needs 7 day factors, got \(daily.dayFactors.count)")
            precondition(daily.open >= 0 && daily.open <= Self.day && daily.close >= 0 && daily.close <= Self.day,
                         "opening hours must lie within the day, got [\(daily.open), \(daily.close))")
            precondition(daily.volumePerDay >= 0 && daily.volumePerDay.isFinite, "daily volume must be finite and ≥ 0")
            let profiles = daily.weekdayProfiles ?? [daily.profile]
            precondition(profiles.count == 1 || profiles.count == 7, "per-weekday profiles need 7 lists, got \(profiles.count)")
            precondition(profiles.allSatisfy { $0.count == daily.profile.count }, "every weekday's profile needs \(daily.profile.count) weights")
            precondition(profiles.allSatisfy { $0.allSatisfy { $0 >= 0 && $0.isFinite } }, "profile weights must be finite and ≥ 0")
            precondition(daily.dayFactors.allSatisfy { $0 >= 0 && $0.isFinite }, "day factors must be finite and ≥ 0")
            isDaily = true
            constantRate = 0
            slotsPerDay = daily.profile.count
            slotLength = Self.day / Double(daily.profile.count)
            slotRates = profiles.map { profile in
                let total = profile.reduce(0, +)
                return profile.map { total > 0 ? daily.volumePerDay * $0 / total / (Self.day / Double(profile.count)) : 0 }
            }
            dayFactors = daily.dayFactors
            datedRates = nil
            open = daily.open
            close = daily.close
        case let .forecast(forecast):
            let perDay = Int((Self.day / forecast.interval).rounded())
            precondition(perDay >= 1 && abs(Double(perDay) * forecast.interval - Self.day) < 1e-6,
                         "forecast intervals must tile the day, got \(forecast.interval) s")
            precondition(forecast.volumes.allSatisfy { $0 >= 0 && $0.isFinite }, "forecast volumes must be finite and ≥ 0")
            isDaily = true
            constantRate = 0
            slotsPerDay = perDay
            slotLength = Self.day / Double(perDay)
            slotRates = []
            dayFactors = Array(repeating: 1, count: 7)
            datedRates = forecast.volumes.map { $0 / (Self.day / Double(perDay)) }
            open = 0
            close = Self.day
        }
        var overrides: [Override?] = []
        if isDaily {
            for special in demand.specialDays where special.day >= 0 {
                if overrides.count <= special.day { overrides += Array(repeating: nil, count: special.day + 1 - overrides.count) }
                switch special.hours {
                case .closed: overrides[special.day] = Override(open: 0, close: 0, factor: 0)
                case .usual: overrides[special.day] = Override(open: open, close: close, factor: special.factor)
                case let .open(from, to): overrides[special.day] = Override(open: from, close: to, factor: special.factor)
                }
            }
        }
        self.overrides = overrides
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
        let n = slotsPerDay
        var j = min(max(Int(clampedFrom: (t - dayStart) / slotLength), 0), n - 1)
        while j > 0 && dayStart + Double(j) * slotLength > t { j -= 1 }
        while j + 1 < n && dayStart + Double(j + 1) * slotLength <= t { j += 1 }
        var end = j + 1 == n ? nextDay : dayStart + Double(j + 1) * slotLength

        var open = self.open, close = self.close, factor = 1.0
        if d >= 0, d < overrides.count, let special = overrides[d] {
            open = special.open
            close = special.close
            factor = special.factor
        }
        let openAt = dayStart + open
        let closeAt = dayStart + close
        let isOpen: Bool
        // A closed stretch is one piece, up to the opening (or midnight): its rate is 0 throughout,
        // so a customer coming back at night finds the opening in one lookup, not one per slot.
        if open <= close {
            isOpen = t >= openAt && t < closeAt
            if t < openAt { end = openAt } else if t < closeAt { end = min(end, closeAt) } else { end = nextDay }
        } else {  // open overnight: [open, midnight) and [midnight, close)
            isOpen = t >= openAt || t < closeAt
            if t < closeAt { end = min(end, closeAt) } else if t < openAt { end = openAt }
        }
        let weekday = ((startWeekday + d) % 7 + 7) % 7
        var rate = 0.0
        if isOpen {
            if let datedRates {
                let k = d * n + j
                rate = d >= 0 && k < datedRates.count ? datedRates[k] : 0
            } else {
                rate = slotRates[slotRates.count == 7 ? weekday : 0][j] * dayFactors[weekday]
            }
            if factor != 1 { rate *= factor }
        }
        return Piece(day: d, scheduled: rate, extra: 0, end: end)
    }
}
