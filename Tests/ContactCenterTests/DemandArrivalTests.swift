import ContactCenter
import Scenarios
import Stochastics
import TestFixtures
import XCTest

/// The arrival generator: bit-exact agreement with the foundation's
/// constant-rate loop, and the volumes of a shaped demand against their
/// expectations. Statistical checks use 4 standard deviations of the
/// Poisson (or stated) count; every run has a fixed seed, so each test is
/// deterministic.
final class DemandArrivalTests: XCTestCase {
    static let day = 86_400.0

    private func stream(_ purpose: StreamPurpose = .arrivals, seed: UInt64 = 11, replication: Int = 0) throws -> RandomStream {
        try StreamPlan(seed: seed).stream(replication: replication, purpose: purpose)
    }

    /// Every arrival the generator gives from 0 to its horizon.
    private func arrivals(_ generator: inout ArrivalGenerator, _ stream: RandomStream) -> [Double] {
        var out: [Double] = []
        var t = 0.0
        while let next = generator.next(after: t, stream: stream) {
            out.append(next)
            t = next
        }
        return out
    }

    /// The foundation model's loop: t += Exp(mean 1/r) while t < horizon.
    private func foundationArrivals(rate: Double, horizon: Double, _ stream: RandomStream) -> [Double] {
        let gap = Distribution.exponential(mean: 1 / rate)
        var out: [Double] = []
        var t = gap.sample(from: stream)
        while t < horizon {
            out.append(t)
            t = t + gap.sample(from: stream)
        }
        return out
    }

    private func flatDaily(volume: Double, slots: Int = 48, open: Double = 0, close: Double = day,
                           factors: [Double] = Array(repeating: 1, count: 7), cv: Double? = nil) -> DemandSpec {
        DemandSpec(pattern: .daily(DailyDemand(volumePerDay: volume, profile: Array(repeating: 1, count: slots),
                                               dayFactors: factors, open: open, close: close, busynessCV: cv)))
    }

    // MARK: Exactness

    /// `takesContacts(at:)` (the model's "is the channel open?" for repeats, with its piece cache)
    /// answers exactly `rate(at:) > 0`, at times in order and out of order, with busyness drawn
    /// as the arrivals go, a batch, closed nights and a closed weekday.
    func testTakesContactsAgreesWithTheRate() throws {
        var demand = flatDaily(volume: 900, slots: 24, open: 8 * 3600, close: 20 * 3600,
                               factors: [1, 1, 1, 1, 1, 0, 0.5], cv: 0.3)
        demand.batches = [ArrivalBatch(start: 1.5 * Self.day, end: 1.5 * Self.day + 1800, volume: 40)]
        var generator = ArrivalGenerator(demand: demand, horizonEnd: 14 * Self.day, busyness: try stream(.busyness))
        let arrivals = try stream()
        var generatorRNG = SplitMix64(seed: 3)
        var t = 0.0
        for _ in 0..<20_000 {
            // Arrivals move the busyness on; queries land near them, ahead and behind.
            if let next = generator.next(after: t, stream: arrivals) { t = next }
            let query = max(0, t + (Double(generatorRNG.next() % 200_000) - 50_000))
            XCTAssertEqual(generator.takesContacts(at: query), generator.rate(at: query) > 0, "at \(query)")
            XCTAssertEqual(generator.takesContacts(at: query + 1), generator.rate(at: query + 1) > 0)
        }
    }

    func testConstantRateReproducesTheFoundationLoopBitForBit() throws {
        let rate = 130.0 / 3600
        let horizon = 110_000 / rate
        var generator = ArrivalGenerator(demand: DemandSpec(pattern: .constant(ratePerSecond: rate)), horizonEnd: horizon)
        let got = arrivals(&generator, try stream(replication: 3))
        let expected = foundationArrivals(rate: rate, horizon: horizon, try stream(replication: 3))
        XCTAssertGreaterThanOrEqual(expected.count, 100_000)
        XCTAssertEqual(got.count, expected.count)
        XCTAssertTrue(got.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    /// A flat profile crosses 96 slot boundaries and a midnight per day, all
    /// with the same rate: none of them may rescale the gap (a rate with a
    /// long binary expansion, so a rescale would show in the last bits).
    func testFlatDailyDemandReproducesTheFoundationLoopBitForBit() throws {
        let horizon = 40 * Self.day
        var generator = ArrivalGenerator(demand: flatDaily(volume: 3121.7, slots: 96), startWeekday: .thursday,
                                         horizonEnd: horizon, busyness: try stream(.busyness))
        let rate = generator.rate(at: 0)
        XCTAssertEqual(rate, 3121.7 / Self.day, accuracy: 1e-15)
        XCTAssertEqual(generator.rate(at: 17.3 * Self.day), rate)
        let got = arrivals(&generator, try stream(replication: 5))
        let expected = foundationArrivals(rate: rate, horizon: horizon, try stream(replication: 5))
        XCTAssertGreaterThanOrEqual(expected.count, 120_000)
        XCTAssertEqual(got.count, expected.count)
        XCTAssertTrue(got.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    /// Long gaps across one-second slots near time 0, where a rescaled gap
    /// (work · λ / λ added to a small boundary time) would change the last
    /// bits: 200 independent first arrivals, each crossing ~1000 boundaries.
    func testSameRateBoundariesAreNotRescaled() throws {
        let demand = flatDaily(volume: 86.4 * 1.37, slots: 86_400)
        for replication in 0..<200 {
            var generator = ArrivalGenerator(demand: demand, horizonEnd: Self.day)
            let rate = generator.rate(at: 0)
            let got = generator.next(after: 0, stream: try stream(replication: replication))
            let expected = foundationArrivals(rate: rate, horizon: Self.day, try stream(replication: replication)).first
            XCTAssertEqual(got?.bitPattern, expected?.bitPattern, "replication \(replication)")
        }
    }

    /// Before the first batch starts, a batch changes nothing.
    func testArrivalsBeforeABatchMatchTheConstantLoop() throws {
        let rate = 0.05
        let batchStart = 20_000.0
        let demand = DemandSpec(pattern: .constant(ratePerSecond: rate),
                                batches: [ArrivalBatch(start: batchStart, end: 23_600, volume: 300)])
        var generator = ArrivalGenerator(demand: demand, horizonEnd: 40_000)
        let got = arrivals(&generator, try stream()).filter { $0 < batchStart }
        let expected = foundationArrivals(rate: rate, horizon: batchStart, try stream())
        XCTAssertGreaterThan(expected.count, 900)
        XCTAssertTrue(got.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    // MARK: Volumes

    /// 100 days of a profile with a morning and an afternoon peak and no
    /// contacts at night: each half-hour's count within 4 sd of its Poisson mean.
    func testCountsPerIntervalMatchTheProfile() throws {
        let profile: [Double] = (0..<48).map { j in
            let hour = Double(j) / 2
            guard hour >= 7 && hour < 21 else { return 0 }
            return 1 + exp(-pow((hour - 10.5) / 1.5, 2)) * 2 + exp(-pow((hour - 15) / 2, 2))
        }
        let volume = 3000.0
        let days = 100
        let demand = DemandSpec(pattern: .daily(DailyDemand(volumePerDay: volume, profile: profile)))
        var generator = ArrivalGenerator(demand: demand, horizonEnd: Double(days) * Self.day)
        let times = arrivals(&generator, try stream())

        var counts = [Int](repeating: 0, count: 48)
        for t in times { counts[Int(t.truncatingRemainder(dividingBy: Self.day) / 1800)] += 1 }
        let total = profile.reduce(0, +)
        for j in 0..<48 {
            let expected = Double(days) * volume * profile[j] / total
            XCTAssertEqual(generator.expectedArrivals(from: Double(j) * 1800, to: Double(j + 1) * 1800) * Double(days),
                           expected, accuracy: 1e-9 * expected + 1e-12)
            if expected == 0 {
                XCTAssertEqual(counts[j], 0, "slot \(j)")
            } else {
                XCTAssertEqual(Double(counts[j]), expected, accuracy: 4 * expected.squareRoot(), "slot \(j)")
            }
        }
        XCTAssertEqual(generator.expectedArrivals(from: 0, to: Double(days) * Self.day), Double(days) * volume,
                       accuracy: 1e-9 * Double(days) * volume)
    }

    /// 70 weeks starting on a Wednesday; weekday totals within 4 sd, and a
    /// factor of 0 (Sunday) gives no contact at all.
    func testDayOfWeekFactors() throws {
        let factors = [1.3, 1.1, 1.0, 1.0, 0.9, 0.5, 0]
        let weeks = 70
        let volume = 1000.0
        var generator = ArrivalGenerator(demand: flatDaily(volume: volume, factors: factors), startWeekday: .wednesday,
                                         horizonEnd: Double(7 * weeks) * Self.day)
        var perWeekday = [Int](repeating: 0, count: 7)
        for t in arrivals(&generator, try stream()) {
            perWeekday[Weekday.wednesday.advanced(by: Int(t / Self.day)).rawValue] += 1
        }
        for w in 0..<7 {
            let expected = Double(weeks) * volume * factors[w]
            XCTAssertEqual(Double(perWeekday[w]), expected, accuracy: 4 * expected.squareRoot(), "weekday \(w)")
        }
        XCTAssertEqual(perWeekday[Weekday.sunday.rawValue], 0)
        XCTAssertEqual(generator.rate(at: 3600), volume / Self.day * factors[Weekday.wednesday.rawValue], accuracy: 1e-15)
        XCTAssertEqual(generator.rate(at: 4 * Self.day + 3600), 0)  // day 4 is a Sunday
    }

    /// Open 08:10–20:00 with half-hour slots: nothing outside, and the
    /// 08:00 slot keeps 20 of its 30 minutes (volume prorated).
    func testOpeningHoursAndPartialInterval() throws {
        let open = 8 * 3600 + 600.0
        let close = 20 * 3600.0
        let days = 200
        let volume = 4800.0  // 100 per half-hour slot
        var generator = ArrivalGenerator(demand: flatDaily(volume: volume, open: open, close: close),
                                         horizonEnd: Double(days) * Self.day)
        let times = arrivals(&generator, try stream())
        var partialSlot = 0
        for t in times {
            let s = t.truncatingRemainder(dividingBy: Self.day)
            XCTAssertTrue(s >= open && s < close, "arrival at \(s) s after midnight")
            if s < 8.5 * 3600 { partialSlot += 1 }
        }
        XCTAssertEqual(generator.expectedArrivals(from: 8 * 3600, to: 8.5 * 3600), 100 * 20 / 30, accuracy: 1e-9)
        let expectedPartial = Double(days) * 100 * 20 / 30
        XCTAssertEqual(Double(partialSlot), expectedPartial, accuracy: 4 * expectedPartial.squareRoot())
        let expectedTotal = Double(days) * volume * (close - open) / Self.day
        XCTAssertEqual(Double(times.count), expectedTotal, accuracy: 4 * expectedTotal.squareRoot())
        XCTAssertEqual(generator.rate(at: open - 1), 0)
        XCTAssertEqual(generator.rate(at: close), 0)
        XCTAssertGreaterThan(generator.rate(at: open), 0)
    }

    /// open > close: open overnight, 22:00 to 06:00.
    func testOvernightOpeningHours() throws {
        let days = 100
        let volume = 2400.0
        var generator = ArrivalGenerator(demand: flatDaily(volume: volume, open: 22 * 3600, close: 6 * 3600),
                                         horizonEnd: Double(days) * Self.day)
        let times = arrivals(&generator, try stream())
        for t in times {
            let s = t.truncatingRemainder(dividingBy: Self.day)
            XCTAssertTrue(s >= 22 * 3600 || s < 6 * 3600, "arrival at \(s) s after midnight")
        }
        let expected = Double(days) * volume * 8 / 24
        XCTAssertEqual(Double(times.count), expected, accuracy: 4 * expected.squareRoot())
        XCTAssertEqual(generator.expectedArrivals(from: 0, to: Self.day), volume / 3, accuracy: 1e-9)
    }

    /// 40 one-hour batches of 500 on top of 36 per hour: the windows hold
    /// 40 × 536 within 4 sd, the rest of the time its 36 per hour.
    func testBatchesAddTheirVolumeInTheirWindow() throws {
        let rate = 0.01
        let days = 40
        let batches = (0..<days).map { d in
            ArrivalBatch(start: Double(d) * Self.day + 10 * 3600, end: Double(d) * Self.day + 11 * 3600, volume: 500)
        }
        var generator = ArrivalGenerator(demand: DemandSpec(pattern: .constant(ratePerSecond: rate), batches: batches),
                                         horizonEnd: Double(days) * Self.day)
        XCTAssertEqual(generator.rate(at: 10.5 * 3600), rate + 500 / 3600.0, accuracy: 1e-15)
        XCTAssertEqual(generator.rate(at: 11 * 3600), rate)
        let times = arrivals(&generator, try stream())
        let inWindows = times.filter { t in
            let s = t.truncatingRemainder(dividingBy: Self.day)
            return s >= 10 * 3600 && s < 11 * 3600
        }.count
        let expectedIn = Double(days) * (500 + rate * 3600)
        XCTAssertEqual(Double(inWindows), expectedIn, accuracy: 4 * expectedIn.squareRoot())
        let expectedOut = Double(days) * rate * 23 * 3600
        XCTAssertEqual(Double(times.count - inWindows), expectedOut, accuracy: 4 * expectedOut.squareRoot())
        XCTAssertEqual(generator.expectedArrivals(from: 0, to: Double(days) * Self.day),
                       Double(days) * (500 + rate * Self.day), accuracy: 1e-6)
    }

    /// Batches are extra volume in absolute time: they arrive even when the
    /// channel is closed, and overlapping batches add up.
    func testBatchesIgnoreOpeningHoursAndOverlap() throws {
        let demand = DemandSpec(
            pattern: .daily(DailyDemand(volumePerDay: 1000, profile: [1, 1], open: 9 * 3600, close: 17 * 3600)),
            batches: [ArrivalBatch(start: 3600, end: 7200, volume: 360), ArrivalBatch(start: 5400, end: 9000, volume: 720)])
        var generator = ArrivalGenerator(demand: demand, horizonEnd: Self.day)
        XCTAssertEqual(generator.rate(at: 4000), 0.1)
        XCTAssertEqual(generator.rate(at: 6000), 0.1 + 0.2, accuracy: 1e-15)
        XCTAssertEqual(generator.rate(at: 8000), 0.2)
        XCTAssertEqual(generator.expectedArrivals(from: 0, to: 9 * 3600), 1080, accuracy: 1e-9)
        let early = arrivals(&generator, try stream()).filter { $0 < 9 * 3600 }
        XCTAssertEqual(Double(early.count), 1080, accuracy: 4 * 1080.0.squareRoot())
        XCTAssertTrue(early.allSatisfy { $0 >= 3600 && $0 < 9000 })
    }

    /// Poisson–gamma mixture: daily totals have mean m and variance m + c²m².
    /// 1000 days with m = 400, c = 0.25: variance 10 400; the sample
    /// variance's relative sd is about √((κ − 1)/n) ≈ 4.9 % (kurtosis κ ≈ 3.35),
    /// so the tolerance is 20 % (≈ 4 sd). The mean is checked within 4 sd.
    func testBusynessOverdispersesDailyTotals() throws {
        let m = 400.0
        let c = 0.25
        let days = 1000
        var generator = ArrivalGenerator(demand: flatDaily(volume: m, cv: c), horizonEnd: Double(days) * Self.day,
                                         busyness: try stream(.busyness))
        var totals = [Double](repeating: 0, count: days)
        for t in arrivals(&generator, try stream()) { totals[Int(t / Self.day)] += 1 }
        let mean = totals.reduce(0, +) / Double(days)
        let variance = totals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(days - 1)
        let theory = m + c * c * m * m
        XCTAssertEqual(mean, m, accuracy: 4 * (theory / Double(days)).squareRoot())
        XCTAssertEqual(variance, theory, accuracy: 0.2 * theory)
    }

    /// The factor is drawn once per day: within a day every slot's rate is
    /// scaled by the same factor; a later day is at 1 until it is reached.
    func testBusynessIsOneFactorPerDay() throws {
        let profile = (0..<24).map { 1 + Double($0 % 5) }
        let base = DemandSpec(pattern: .daily(DailyDemand(volumePerDay: 500, profile: profile)))
        let busy = DemandSpec(pattern: .daily(DailyDemand(volumePerDay: 500, profile: profile, busynessCV: 0.3)))
        let reference = ArrivalGenerator(demand: base, horizonEnd: 10 * Self.day)
        var generator = ArrivalGenerator(demand: busy, horizonEnd: 10 * Self.day, busyness: try stream(.busyness))
        let arrivals = try stream()
        var t = 0.0
        while t < 2 * Self.day { t = try XCTUnwrap(generator.next(after: t, stream: arrivals)) }
        // Now on day 2 (or just past it).
        let day = Double(Int(t / Self.day))
        let factor = generator.rate(at: day * Self.day) / reference.rate(at: day * Self.day)
        XCTAssertNotEqual(factor, 1)
        for hour in 0..<24 {
            let at = day * Self.day + Double(hour) * 3600 + 60
            XCTAssertEqual(generator.rate(at: at) / reference.rate(at: at), factor, accuracy: 1e-12)
        }
        let later = (day + 3) * Self.day + 100
        XCTAssertEqual(generator.rate(at: later), reference.rate(at: later))
    }

    /// Every day takes one busyness draw, closed or not: closing weekends
    /// leaves the busyness of the other days unchanged (common random numbers).
    func testBusynessOfADayDoesNotDependOnOtherDaysBeingOpen() throws {
        let everyDay = flatDaily(volume: 2000, cv: 0.4)
        let weekdays = flatDaily(volume: 2000, factors: [1, 1, 1, 1, 1, 0, 0], cv: 0.4)
        func rateOnDay9(_ demand: DemandSpec) throws -> Double {
            var generator = ArrivalGenerator(demand: demand, horizonEnd: 20 * Self.day, busyness: try stream(.busyness))
            let arrivals = try stream()
            var t = 0.0
            while t < 9 * Self.day { t = try XCTUnwrap(generator.next(after: t, stream: arrivals)) }
            XCTAssertLessThan(t, 10 * Self.day)
            return generator.rate(at: 9.5 * Self.day)  // day 9 is a Wednesday
        }
        XCTAssertEqual(try rateOnDay9(everyDay), try rateOnDay9(weekdays))
    }

    // MARK: Determinism and limits

    func testSameStreamsGiveTheSameArrivals() throws {
        let demand = DemandSpec(pattern: .daily(DailyDemand(volumePerDay: 900, profile: (0..<96).map { Double($0 % 7) },
                                                             open: 7 * 3600, close: 22 * 3600, busynessCV: 0.2)),
                                batches: [ArrivalBatch(start: 50_000, end: 60_000, volume: 100)])
        func run(replication: Int) throws -> [Double] {
            var generator = ArrivalGenerator(demand: demand, startWeekday: .saturday, horizonEnd: 5 * Self.day,
                                             busyness: try stream(.busyness, replication: replication))
            return arrivals(&generator, try stream(replication: replication))
        }
        let a = try run(replication: 2)
        XCTAssertGreaterThan(a.count, 1500)
        XCTAssertEqual(a, try run(replication: 2))
        XCTAssertNotEqual(a, try run(replication: 3))
        XCTAssertEqual(a, a.sorted())
    }

    func testHorizonAndZeroDemand() throws {
        var generator = ArrivalGenerator(demand: DemandSpec(pattern: .constant(ratePerSecond: 1)), horizonEnd: 500)
        let times = arrivals(&generator, try stream())
        XCTAssertTrue(times.allSatisfy { $0 > 0 && $0 < 500 })
        XCTAssertNil(generator.next(after: 500, stream: try stream()))

        let s = try stream()
        let before = s.state
        var none = ArrivalGenerator(demand: flatDaily(volume: 100, factors: Array(repeating: 0, count: 7)),
                                    horizonEnd: 30 * Self.day)
        XCTAssertNil(none.next(after: 0, stream: s))
        XCTAssertEqual(s.state, before, "no rate, no draw")
        var zero = ArrivalGenerator(demand: DemandSpec(pattern: .constant(ratePerSecond: 0)), horizonEnd: 1e9)
        XCTAssertNil(zero.next(after: 0, stream: s))
    }

    /// The rate of a slot is volume × weight / Σ weights / slot length × day factor.
    func testRateAndExpectedArrivals() throws {
        let demand = DemandSpec(pattern: .daily(DailyDemand(volumePerDay: 800, profile: [1, 3],
                                                             dayFactors: [1.5, 1, 1, 1, 1, 1, 1])))
        let generator = ArrivalGenerator(demand: demand, startWeekday: .monday, horizonEnd: 7 * Self.day)
        XCTAssertEqual(generator.rate(at: 3600), 800 * 0.25 / 43_200 * 1.5, accuracy: 1e-15)
        XCTAssertEqual(generator.rate(at: 50_000), 800 * 0.75 / 43_200 * 1.5, accuracy: 1e-15)
        XCTAssertEqual(generator.expectedArrivals(from: 0, to: Self.day), 1200, accuracy: 1e-9)
        XCTAssertEqual(generator.expectedArrivals(from: 0, to: 7 * Self.day), 1200 + 6 * 800, accuracy: 1e-9)
        XCTAssertEqual(generator.expectedArrivals(from: 43_200 - 100, to: 43_200 + 100),
                       100 * (800 * 0.25 / 43_200 + 800 * 0.75 / 43_200) * 1.5, accuracy: 1e-9)
        XCTAssertEqual(generator.expectedArrivals(from: 10, to: 5), 0)
    }
}
