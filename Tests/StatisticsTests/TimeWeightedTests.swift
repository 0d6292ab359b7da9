import Statistics
import XCTest

final class TimeWeightedTests: XCTestCase {
    /// Step function, by hand:
    ///   value 0 on [0, 2), 3 on [2, 5), 1 on [5, 9), 4 on [9, …)
    ///   ∫₀¹⁰ = 0·2 + 3·3 + 1·4 + 4·1 = 17, average 1.7.
    func testHandComputedStepFunction() {
        var q = TimeWeighted(value: 0, at: 0)
        q.update(to: 3, at: 2)
        q.add(-2, at: 5)
        q.add(+3, at: 9)
        XCTAssertEqual(q.value, 4)
        XCTAssertEqual(q.integral(at: 9), 13, accuracy: 1e-12)
        XCTAssertEqual(q.integral(at: 10), 17, accuracy: 1e-12)
        XCTAssertEqual(q.average(at: 10), 1.7, accuracy: 1e-12)
    }

    /// Warm-up: restart at t = 4 keeps the current value (3) but forgets
    /// [0, 4). From 4: 3 on [4, 5), 1 on [5, 9), 4 on [9, 10) → 3 + 4 + 4 = 11
    /// over 6 time units.
    func testRestartDropsHistoryButKeepsValue() {
        var q = TimeWeighted(value: 0, at: 0)
        q.update(to: 3, at: 2)
        q.restart(at: 4)
        XCTAssertEqual(q.value, 3)
        XCTAssertEqual(q.startTime, 4)
        XCTAssertEqual(q.integral(at: 4), 0)
        q.update(to: 1, at: 5)
        q.update(to: 4, at: 9)
        XCTAssertEqual(q.integral(at: 10), 11, accuracy: 1e-12)
        XCTAssertEqual(q.average(at: 10), 11.0 / 6.0, accuracy: 1e-12)
    }

    func testNonZeroStartAndSimultaneousEvents() {
        var q = TimeWeighted(value: 2, at: 100)
        q.add(1, at: 101)
        q.add(1, at: 101)   // two arrivals at the same instant
        q.add(-4, at: 104)
        // 2·1 + 4·3 + 0·6 = 14 over 10
        XCTAssertEqual(q.average(at: 110), 1.4, accuracy: 1e-12)
    }

    func testAverageOverEmptyWindowIsCurrentValue() {
        let q = TimeWeighted(value: 7, at: 3)
        XCTAssertEqual(q.average(at: 3), 7)
        XCTAssertEqual(q.integral(at: 3), 0)
    }
}
