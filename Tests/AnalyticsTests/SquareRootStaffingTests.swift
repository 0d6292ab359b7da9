import Analytics
import Foundation
import XCTest

final class SquareRootStaffingTests: XCTestCase {
    func testAgentsFormula() {
        XCTAssertEqual(SquareRootStaffing.agents(offeredLoad: 100, beta: 1), 110)    // exactly 110: not bumped
        XCTAssertEqual(SquareRootStaffing.agents(offeredLoad: 100, beta: 1.01), 111)
        XCTAssertEqual(SquareRootStaffing.agents(offeredLoad: 10, beta: 0.5), 12)     // 11.58 → 12
        XCTAssertEqual(SquareRootStaffing.agents(offeredLoad: 0, beta: 2), 0)
    }

    /// α(β) = [1 + βΦ(β)/φ(β)]⁻¹ (Halfin & Whitt 1981). At β = 1:
    /// Φ(1) = 0.841344746, φ(1) = 0.241970725 → α = 1/(1 + 3.477042) = 0.223361.
    func testHalfinWhittFunction() {
        XCTAssertEqual(SquareRootStaffing.probabilityOfWait(beta: 1), 1 / (1 + 0.841344746068543 / 0.241970724519143),
                       accuracy: 1e-12)
        XCTAssertEqual(SquareRootStaffing.probabilityOfWait(beta: 0), 1)
        XCTAssertLessThan(SquareRootStaffing.probabilityOfWait(beta: 3), 0.01)
    }

    func testBetaInvertsHalfinWhitt() {
        for alpha in [0.999, 0.8, 0.5, 0.2, 0.05, 1e-3, 1e-8, 1e-100] {
            let beta = SquareRootStaffing.beta(forProbabilityOfWait: alpha)
            XCTAssertGreaterThan(beta, 0)
            XCTAssertEqual(SquareRootStaffing.probabilityOfWait(beta: beta), alpha, accuracy: 1e-10 * alpha)
        }
    }

    /// The limit theorem in action: at R = 1,000 Erl the exact Erlang C delay
    /// probability of ⌈R + β√R⌉ agents is close to α(β).
    func testApproximatesErlangCForLargeLoads() {
        let beta = SquareRootStaffing.beta(forProbabilityOfWait: 0.2)
        let n = SquareRootStaffing.agents(offeredLoad: 1_000, beta: beta)
        let c = ErlangC(agents: n, arrivalRate: 1_000.0 / 300, meanHandleTime: 300)
        XCTAssertEqual(c.probabilityOfWait, 0.2, accuracy: 0.02)
    }
}
