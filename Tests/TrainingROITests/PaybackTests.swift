import TrainingROI
import XCTest

/// Payback week and the probability of a positive ROI, on hand-made ledgers.
final class PaybackTests: XCTestCase {
    /// A program costing 100 in week 1 that saves 30 handling-hours' worth a week from then on.
    func pair(_ replication: Int, weeklySaving: Double, weeks: Int = 6) -> PairedReplication {
        var with = Array(repeating: ArmWeek(channels: 1), count: weeks)
        var without = with
        with[0].trainingCost = 100
        for w in 0..<weeks {
            without[w].handleSeconds = 3600 * weeklySaving
        }
        return PairedReplication(replication: replication, with: ArmLedger(weeks: with, hourlyRate: 1, labourCost: 0),
                                 without: ArmLedger(weeks: without, hourlyRate: 1, labourCost: 0),
                                 valuation: ROIValuation(values: .init()))
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
                               valuation: ROIValuation(values: .init()))
        let p = result.probabilityPositive
        XCTAssertEqual(p.share, 0.75)
        XCTAssertLessThan(p.lower, 0.75)
        XCTAssertGreaterThan(p.upper, 0.75)
        XCTAssertEqual(result.payback.withinHorizon, 0.75)
        // Payback weeks 4, never, 2, 4 → sorted 2, 4, 4, never; median (index 2 of 0…3, rounded) = 4.
        XCTAssertEqual(result.payback.median, 4)
        XCTAssertEqual(result.cumulativeNet(week: 0).mean, (-70 - 90 - 50 - 75) / 4, accuracy: 1e-9)
    }
}
