import Foundation
import TrainingROI
import XCTest

/// Payback week and the probability of a positive ROI, on hand-made ledgers.
final class PaybackTests: XCTestCase {
    /// A program costing 100 in week 1 that avoids `weeklySaving` repeats (valued at 1 each) a week from then on.
    func pair(_ replication: Int, weeklySaving: Int, weeks: Int = 6, discountRate: Double = 0) -> PairedReplication {
        var with = Array(repeating: ArmWeek(channels: 1), count: weeks)
        var without = with
        with[0].trainingCost = 100
        for w in 0..<weeks {
            without[w].repeats = weeklySaving
        }
        return PairedReplication(replication: replication, with: ArmLedger(weeks: with, hourlyRate: 1, labourCost: 0),
                                 without: ArmLedger(weeks: without, hourlyRate: 1, labourCost: 0),
                                 valuation: ROIValuation(values: .init(perRepeatAvoided: 1, discountRate: discountRate)))
    }

    func testPaybackIsTheWeekTheCumulativeNetTurnsNonNegativeForGood() {
        // Cumulative: −70, −40, −10, 20, 50, 80 → week 4.
        XCTAssertEqual(pair(0, weeklySaving: 30).paybackWeek, 4)
        XCTAssertEqual(pair(0, weeklySaving: 30).roi!, (180 - 100) / 100, accuracy: 1e-12)
        // Never within the horizon.
        XCTAssertNil(pair(0, weeklySaving: 10).paybackWeek)
        // Exactly at break-even in the last week counts.
        XCTAssertEqual(pair(0, weeklySaving: 20, weeks: 5).paybackWeek, 5)
    }

    func testProbabilityPositiveAndPaybackQuantiles() {
        let result = ROIResult(replications: [pair(0, weeklySaving: 30), pair(1, weeklySaving: 10), pair(2, weeklySaving: 50),
                                              pair(3, weeklySaving: 25)],
                               valuation: ROIValuation(values: .init(perRepeatAvoided: 1)))
        let p = result.probabilityPositive
        XCTAssertEqual(p.share, 0.75)
        XCTAssertLessThan(p.lower, 0.75)
        XCTAssertGreaterThan(p.upper, 0.75)
        XCTAssertEqual(result.payback.withinHorizon, 0.75)
        // Payback weeks 4, never, 2, 4 → sorted 2, 4, 4, never; median (index 2 of 0…3, rounded) = 4.
        XCTAssertEqual(result.payback.median, 4)
        XCTAssertEqual(result.cumulativeNet(week: 0).mean, (-70 - 90 - 50 - 75) / 4, accuracy: 1e-9)
    }

    /// NPV discounts week w's net by (1 + r)^(−w/52): with r = 0 it is the net; with r = 50% the
    /// late savings count less, so NPV is below the net and the discounted payback comes no sooner.
    func testNetPresentValueAndDiscountedPayback() {
        let plain = pair(0, weeklySaving: 30)
        XCTAssertEqual(plain.netPresentValue, plain.net, accuracy: 1e-9)
        let discounted = pair(0, weeklySaving: 30, discountRate: 0.5)
        let expected = (1...6).reduce(0.0) { $0 + (30.0 - ($1 == 1 ? 100 : 0)) * pow(1.5, -Double($1) / 52) }
        XCTAssertEqual(discounted.netPresentValue, expected, accuracy: 1e-9)
        XCTAssertLessThan(discounted.netPresentValue, discounted.net)
        XCTAssertGreaterThanOrEqual(discounted.discountedPaybackWeek!, discounted.paybackWeek!)
        // Exactly at break-even undiscounted in week 5: discounted, it no longer pays back.
        XCTAssertEqual(pair(0, weeklySaving: 20, weeks: 5).paybackWeek, 5)
        XCTAssertNil(pair(0, weeklySaving: 20, weeks: 5, discountRate: 0.1).discountedPaybackWeek)
    }
}
