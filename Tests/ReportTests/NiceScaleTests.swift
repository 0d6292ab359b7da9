import Testing
import Report

/// Ticks land on round numbers and cover the data, including degenerate ranges.
struct NiceScaleTests {
    @Test func zeroToOneHasTenthsOrFifths() {
        let scale = NiceScale(min: 0, max: 1)
        let expected = [0, 0.2, 0.4, 0.6, 0.8, 1.0]
        #expect(scale.ticks.count == expected.count)
        #expect(zip(scale.ticks, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(scale.lower == 0 && scale.upper == 1)
    }

    @Test func coversOddRange() {
        let scale = NiceScale(min: 3.2, max: 97.4)
        #expect(scale.lower <= 3.2 && scale.upper >= 97.4)
        #expect(scale.step == 20)
        #expect(scale.ticks == [0, 20, 40, 60, 80, 100])
    }

    @Test func stepsAreNiceNumbers() {
        for (lo, hi) in [(0.0, 7.3), (12.0, 13.1), (-5.0, 42.0), (0.0, 3300.0), (0.0013, 0.0171)] {
            let step = NiceScale(min: lo, max: hi).step
            let mantissa = step / pow(10, floor(log10(step)))
            #expect([1, 2, 2.5, 5].contains { abs($0 - mantissa) < 1e-9 }, "step \(step) for \(lo)...\(hi)")
        }
    }

    @Test func flatAndEmptyRangesStillGetAnAxis() {
        #expect(NiceScale(min: 0, max: 0).ticks.count >= 2)
        let flat = NiceScale(min: 48, max: 48)
        #expect(flat.lower < 48 && flat.upper > 48)
        #expect(NiceScale(min: .nan, max: .infinity).ticks.count >= 2)
    }

    @Test func ticksDoNotDrift() {
        let ticks = NiceScale(min: 0, max: 0.7).ticks
        #expect(ticks.contains(0.3) || ticks.contains(0.2))
        #expect(ticks.allSatisfy { abs(($0 * 10).rounded() - $0 * 10) < 1e-9 })
    }
}

import Foundation
