import Experiments
import XCTest

/// The verdict of a figure against a target or ceiling, case by case.
final class TargetCheckTests: XCTestCase {
    func item(_ values: [Double]) -> MetricSummary {
        MetricSummary(metric: .serviceLevel, values: values, level: 0.95)
    }

    func testTargetToReach() {
        XCTAssertEqual(TargetCheck(item([0.85, 0.86, 0.87]), .atLeast, 0.8).verdict, .met)
        XCTAssertEqual(TargetCheck(item([0.70, 0.85, 0.95]), .atLeast, 0.8).verdict, .metOnMean)
        XCTAssertEqual(TargetCheck(item([0.65, 0.75, 0.90]), .atLeast, 0.8).verdict, .missedOnMean)
        XCTAssertEqual(TargetCheck(item([0.70, 0.71, 0.72]), .atLeast, 0.8).verdict, .missed)
        // Exactly on the target counts as reaching it.
        XCTAssertEqual(TargetCheck(item([0.8, 0.8]), .atLeast, 0.8).verdict, .met)
    }

    func testCeilingToStayUnder() {
        let asa = { (values: [Double]) in MetricSummary(metric: .averageSpeedOfAnswer, values: values, level: 0.95) }
        XCTAssertEqual(TargetCheck(asa([10, 11, 12]), .atMost, 30).verdict, .met)
        XCTAssertEqual(TargetCheck(asa([10, 20, 45]), .atMost, 30).verdict, .metOnMean)
        XCTAssertEqual(TargetCheck(asa([20, 35, 40]), .atMost, 30).verdict, .missedOnMean)
        XCTAssertEqual(TargetCheck(asa([40, 41, 42]), .atMost, 30).verdict, .missed)
        XCTAssertEqual(TargetCheck(asa([40, 41, 42]), .atMost, 30).passed, false)
        XCTAssertEqual(TargetCheck(asa([10, 20, 45]), .atMost, 30).passed, true)
    }

    func testOneReplicationAndNoValue() {
        XCTAssertEqual(TargetCheck(item([0.9]), .atLeast, 0.8).verdict, .metOnMean)
        XCTAssertEqual(TargetCheck(item([0.7]), .atLeast, 0.8).verdict, .missed)
        let none = TargetCheck(item([]), .atLeast, 0.8)
        XCTAssertEqual(none.verdict, .undefined)
        XCTAssertNil(none.passed)
    }
}
