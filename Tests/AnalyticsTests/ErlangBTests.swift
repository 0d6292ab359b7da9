import Analytics
import Foundation
import XCTest

final class ErlangBTests: XCTestCase {
    /// B(10, 5 Erl) = 0.018385 — the textbook value (e.g. Erlang B tables in
    /// V. B. Iversen, "Teletraffic Engineering and Network Planning", DTU/ITU-D).
    func testTextbookValue() {
        XCTAssertEqual(ErlangB.blockingProbability(servers: 10, offeredLoad: 5), 0.018385, accuracy: 5e-7)
    }

    /// Erlang B table row n = 10 (same tables): 1 %, 2 %, 5 % blocking at
    /// A = 4.461, 5.084, 6.216 Erlang (loads printed to 3 decimals, hence the
    /// 1e-4 tolerance on B).
    func testErlangBTableRow() {
        XCTAssertEqual(ErlangB.blockingProbability(servers: 10, offeredLoad: 4.461), 0.01, accuracy: 1e-4)
        XCTAssertEqual(ErlangB.blockingProbability(servers: 10, offeredLoad: 5.084), 0.02, accuracy: 1e-4)
        XCTAssertEqual(ErlangB.blockingProbability(servers: 10, offeredLoad: 6.216), 0.05, accuracy: 1e-4)
    }

    /// The two worked examples of Wolfram's ErlangB documentation
    /// (reference.wolfram.com/language/ref/ErlangB.html, "Applications"):
    /// five lines at 3 Erlang, and a pool of four modems at 2 Erlang. Their
    /// exact values from the definition: B(5, 3) = 2.025/18.4 = 81/736 and
    /// B(4, 2) = (2/3)/7 = 2/21.
    func testWolframExamplesExactly() {
        XCTAssertEqual(ErlangB.blockingProbability(servers: 5, offeredLoad: 3), 81.0 / 736.0, accuracy: 1e-15)
        XCTAssertEqual(ErlangB.blockingProbability(servers: 4, offeredLoad: 2), 2.0 / 21.0, accuracy: 1e-15)
        XCTAssertEqual(ErlangB.blockingProbability(servers: 1, offeredLoad: 1), 0.5, accuracy: 1e-15)
    }

    func testEdges() {
        XCTAssertEqual(ErlangB.blockingProbability(servers: 0, offeredLoad: 3), 1)
        XCTAssertEqual(ErlangB.blockingProbability(servers: 7, offeredLoad: 0), 0)
        XCTAssertEqual(ErlangB.blockingProbability(servers: 7, offeredLoad: .infinity), 1)
    }

    /// Against the definition summed in log space (independent of the recursion).
    func testAgainstDefinitionInLogSpace() {
        for (n, a) in [(1, 0.3), (10, 5.0), (55, 48.0), (200, 180.0), (1_000, 1_200.0)] {
            let logTerms = (0...n).map { k in Double(k) * log(a) - lgamma(Double(k) + 1) }
            let m = logTerms.max()!
            let logSum = m + log(logTerms.map { exp($0 - m) }.reduce(0, +))
            let expected = exp(logTerms[n] - logSum)
            XCTAssertEqual(ErlangB.blockingProbability(servers: n, offeredLoad: a), expected,
                           accuracy: 1e-11 * expected, "n=\(n) A=\(a)")
        }
    }

    func testLargeSystemsStayFiniteAndMonotone() {
        var previous = 1.0
        for n in stride(from: 4_990, through: 5_010, by: 1) {
            let b = ErlangB.blockingProbability(servers: n, offeredLoad: 4_995)
            XCTAssertTrue(b.isFinite && b > 0 && b < 1)
            XCTAssertLessThan(b, previous)
            previous = b
        }
        // Far more servers than load: underflows cleanly to 0, never NaN.
        XCTAssertEqual(ErlangB.blockingProbability(servers: 5_000, offeredLoad: 10), 0)
    }
}
