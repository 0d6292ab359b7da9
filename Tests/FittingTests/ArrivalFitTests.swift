import Fitting
import Stochastics
import XCTest

final class ArrivalFitTests: XCTestCase {
    /// Poisson arrivals over `days` days: day d has rate perDay × factor[weekday] × B_d, with
    /// B_d ~ gamma(mean 1, cv busyness) (none when busyness is 0), times uniform within the day.
    func arrivals(days: Int, perDay: Double, factors: [Double], busyness: Double) -> [(replication: Int, time: Double)] {
        let plan = try! StreamPlan(seed: 11)
        let gaps = plan.stream(replication: 0, purpose: .arrivals)
        let busy = plan.stream(replication: 1, purpose: .arrivals)
        var out: [(replication: Int, time: Double)] = []
        for d in 0..<days {
            let b = busyness > 0 ? Distribution.gamma(shape: 1 / (busyness * busyness), scale: busyness * busyness).sample(from: busy) : 1
            let mean = 86_400 / (perDay * factors[d % 7] * b)
            var t = Distribution.exponential(mean: mean).sample(from: gaps)
            while t < 86_400 {
                out.append((0, Double(d) * 86_400 + t))
                t += Distribution.exponential(mean: mean).sample(from: gaps)
            }
        }
        return out
    }

    let factors = [1.3, 1.2, 1.1, 1.1, 1.0, 0.7, 0.6]  // mean 1

    func testVolumeDayOfWeekAndBusynessByMethodOfMoments() throws {
        // 280 days (40 of each weekday), 1000 a day: sd of a weekday factor ≈ 0.15/√40 ≈ 0.024,
        // sd of the busyness cv estimate ≈ 0.007; tolerances ≈ 3-5 sd.
        let fit = try ArrivalFit(arrivals: arrivals(days: 280, perDay: 1000, factors: factors, busyness: 0.15), interval: 1800)
        XCTAssertEqual(fit.perDay, 1000, accuracy: 40)
        for (estimate, truth) in zip(fit.dayOfWeek, factors) { XCTAssertEqual(try XCTUnwrap(estimate), truth, accuracy: 0.08) }
        XCTAssertEqual(try XCTUnwrap(fit.busynessCV), 0.15, accuracy: 0.04)
        XCTAssertEqual(fit.profile.count, 48)
        // Uniform times: each half hour ≈ 1/48 of the day (≈ 5800 arrivals each, sd ≈ 1.3%).
        for share in fit.profile { XCTAssertEqual(share * 48, 1, accuracy: 0.08) }
    }

    func testPoissonDaysGiveNoBusyness() throws {
        let fit = try ArrivalFit(arrivals: arrivals(days: 280, perDay: 1000, factors: factors, busyness: 0), interval: 3600)
        XCTAssertLessThan(try XCTUnwrap(fit.busynessCV), 0.03)
    }

    func testProfileAndWeekdayOfDayZero() throws {
        // Two arrivals at 09:10 and one at 14:40 on day 0 (a Wednesday), one at 09:20 on day 1.
        let a: [(replication: Int, time: Double)] = [(0, 33_000), (0, 33_100), (0, 52_800), (0, 86_400 + 33_600)]
        let fit = try ArrivalFit(arrivals: a, interval: 3600, startWeekday: 2)
        XCTAssertEqual(fit.profile[9], 0.75)
        XCTAssertEqual(fit.profile[14], 0.25)
        XCTAssertEqual(fit.dailyTotals, [3, 1])
        XCTAssertEqual(fit.dayOfWeek[2], 1.5)  // Wednesday: 3 against a mean of 2
        XCTAssertEqual(fit.dayOfWeek[3], 0.5)
        XCTAssertNil(fit.dayOfWeek[0])  // unseen: left out, not factor 1
        XCTAssertNil(fit.busynessCV, "each weekday seen once: busyness is not identifiable")
    }
}
