import Foundation
import Scenarios

/// Arrival figures from the first-stage rows (each is a new contact) of a log.
///
/// Days are counted from time 0 of each replication (one replication = one history);
/// day d has weekday (startWeekday + d) mod 7, 0 = Monday.
public struct ArrivalFit: Sendable {
    /// Mean contacts per day (over all days, before day-of-week factors).
    public var perDay: Double
    /// Share of a day's contacts in each interval from 00:00 (sums to 1).
    public var profile: [Double]
    /// Mean of each weekday's totals / overall mean (Monday first); nil for a weekday the log
    /// does not hold (a Mon–Fri log says nothing about weekends: not factor 1).
    public var dayOfWeek: [Double?]
    /// Coefficient of variation of a gamma day-level "busyness" multiplier, by the method of
    /// moments: Var N_d = m_d + m_d² c² for a Poisson count with mean m_d·B, E B = 1, cv(B) = c.
    /// 0 when daily totals are no more variable than Poisson; `nil` when no weekday was seen
    /// twice in total: then the weekday factors absorb all day-to-day variation (one week of
    /// one history cannot tell busyness from the weekly pattern).
    public var busynessCV: Double?
    public var dailyTotals: [Int]

    public static let day = 86_400.0
    /// Most day totals (replications × days) a fit holds: as many as a scenario's most
    /// replications (`RunSettings.maxReplications`), so a log cannot make the fit allocate gigabytes.
    public static let maxDayTotals = RunSettings.maxReplications

    /// - Parameters:
    ///   - arrivals: (replication, arrival time in seconds) of each new contact.
    ///   - interval: profile interval in seconds; must divide 24 h.
    ///   - days: days per history; by default the last day with an arrival + 1.
    public init(arrivals: [(replication: Int, time: Double)], interval: Double, startWeekday: Int = 0, days: Int? = nil) throws {
        guard arrivals.count >= 2 else {
            throw FittingError.tooFewObservations(what: "arrivals", found: arrivals.count, needed: 2)
        }
        // Every conversion below is of a checked value: a time of 1e308 is an error, not a trap.
        guard interval.isFinite, interval >= DomainLimits.shortestPeriod, interval <= Self.day else {
            throw FittingError.outOfRange(what: "arrival profile", reason: "the interval must be from 1m to 24h, got \(Quantity.describe(duration: interval))")
        }
        let latest = ContactLog.latestArrival(interval: interval)
        if let bad = arrivals.first(where: { !($0.time >= 0 && $0.time <= latest) }) {
            throw FittingError.outOfRange(what: "arrivals", reason: "an arrival at \(bad.time)s is outside 0 … \(Quantity.describe(duration: latest)), the longest history a fit spans")
        }
        let slots = max(1, Int(clampedFrom: Self.day / interval, rounding: .toNearestOrAwayFromZero))
        let latestDay = Int(clampedFrom: (arrivals.map(\.time).max() ?? 0) / Self.day)
        let dayCount = max(1, min(days ?? (latestDay + 1), Int(clampedFrom: latest / Self.day) + 1))
        let replications = Set(arrivals.map(\.replication)).sorted()
        guard replications.count <= Self.maxDayTotals / dayCount else {
            throw FittingError.outOfRange(what: "arrivals", reason: "\(replications.count) replications × \(dayCount) days is more than the \(Self.maxDayTotals) day totals a fit holds")
        }
        let startWeekday = (startWeekday % 7 + 7) % 7
        let index = Dictionary(uniqueKeysWithValues: replications.enumerated().map { ($1, $0) })
        var totals = Array(repeating: 0, count: replications.count * dayCount)
        var perSlot = Array(repeating: 0.0, count: slots)
        for a in arrivals {
            let d = Int(clampedFrom: a.time / Self.day)
            guard d < dayCount else { continue }
            totals[index[a.replication]! * dayCount + d] += 1
            let slot = Int(clampedFrom: a.time.truncatingRemainder(dividingBy: Self.day) / interval)
            perSlot[min(slots - 1, max(0, slot))] += 1
        }
        let all = perSlot.reduce(0, +)
        profile = perSlot.map { $0 / all }
        dailyTotals = totals
        let mean = Double(totals.reduce(0, +)) / Double(totals.count)
        perDay = mean
        var sums = Array(repeating: 0.0, count: 7), counts = Array(repeating: 0.0, count: 7)
        for (i, n) in totals.enumerated() {
            let w = (startWeekday + i % dayCount) % 7
            sums[w] += Double(n); counts[w] += 1
        }
        dayOfWeek = (0..<7).map { counts[$0] > 0 ? (mean > 0 ? sums[$0] / counts[$0] / mean : 1) : nil }
        // The weekday means are fitted to the same totals, which shrinks the squared residuals
        // by about (D − w)/D for D days and w weekdays seen: undo that before comparing to Poisson.
        let seen = counts.filter { $0 > 0 }.count
        let dof = Double(totals.count - seen)
        if dof < 2 {
            busynessCV = nil
        } else {
            var residual = 0.0, poisson = 0.0, squares = 0.0
            for (i, n) in totals.enumerated() {
                let m = mean * (dayOfWeek[(startWeekday + i % dayCount) % 7] ?? 1)
                residual += (Double(n) - m) * (Double(n) - m)
                poisson += m
                squares += m * m
            }
            let excess = residual * Double(totals.count) / dof - poisson
            busynessCV = squares > 0 ? max(0, excess / squares).squareRoot() : 0
        }
    }
}
