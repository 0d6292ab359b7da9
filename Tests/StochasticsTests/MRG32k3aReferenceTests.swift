import CGSL
import CRandomStreams
import Stochastics
import XCTest

/// The generator against published values.
///
/// Sources:
/// * Jump matrices A1p76, A2p76, A1p127, A2p127: the constants in L'Ecuyer's
///   RngStreams (RngStream.cpp; L'Ecuyer, Simard, Chen & Kelton, "An
///   object-oriented random-number package with many long streams and
///   substreams", Operations Research 50(6), 2002). Ours are computed by
///   repeated squaring; these tables are only compared against.
/// * Outputs and states: the RngStreams package's own test output,
///   `tests/test2RngStream.res` of github.com/umontreal-simul/RngStreams
///   (produced by `tests/testRngStream.cpp`, "Second test", package seed
///   12345 x 6; printed with 13 significant digits). There g1, g2, g3 are the
///   first three streams created, i.e. our streams 0, 1, 2.
final class MRG32k3aReferenceTests: XCTestCase {
    static let a1p127: [UInt64] = [2427906178, 3580155704, 949770784,
                                   226153695, 1230515664, 3580155704,
                                   1988835001, 986791581, 1230515664]
    static let a2p127: [UInt64] = [1464411153, 277697599, 1610723613,
                                   32183930, 1464411153, 1022607788,
                                   2824425944, 32183930, 2093834863]
    static let a1p76: [UInt64] = [82758667, 1871391091, 4127413238,
                                  3672831523, 69195019, 1871391091,
                                  3672091415, 3528743235, 69195019]
    static let a2p76: [UInt64] = [1511326704, 3759209742, 1610795712,
                                  4292754251, 1511326704, 3889917532,
                                  3859662829, 4292754251, 3708466080]
    static let m1: UInt64 = 4_294_967_087
    static let m2: UInt64 = 4_294_944_443
    static let x0: [UInt64] = Array(repeating: 12345, count: 6)

    func jumpMatrices(log2Steps e: UInt32) -> (a1: [UInt64], a2: [UInt64]) {
        var a1 = [UInt64](repeating: 0, count: 9)
        var a2 = [UInt64](repeating: 0, count: 9)
        ccsim_mrg32k3a_jump_matrices(e, &a1, &a2)
        return (a1, a2)
    }

    func testStreamJumpMatricesMatchRngStreams() {
        let (a1, a2) = jumpMatrices(log2Steps: 127)
        XCTAssertEqual(a1, Self.a1p127)
        XCTAssertEqual(a2, Self.a2p127)
    }

    func testSubstreamJumpMatricesMatchRngStreams() {
        let (a1, a2) = jumpMatrices(log2Steps: 76)
        XCTAssertEqual(a1, Self.a1p76)
        XCTAssertEqual(a2, Self.a2p76)
    }

    /// test2RngStream.res: "Initial states of g1, g2, and g3".
    func testStreamStartsMatchRngStreams() {
        XCTAssertEqual(RandomStream(streamIndex: 0).state, Self.x0)
        XCTAssertEqual(RandomStream(streamIndex: 1).state,
                       [3692455944, 1366884236, 2968912127, 335948734, 4161675175, 475798818])
        XCTAssertEqual(RandomStream(streamIndex: 2).state,
                       [1015873554, 1310354410, 2249465273, 994084013, 2912484720, 3876682925])
    }

    /// test2RngStream.res: "State of g1 after advancing by 2^5 + 3 = 35 steps"
    /// and the next g1.RandU01 () = 0.07941673614985 (the 36th output of stream 0).
    func testStream0After35StepsMatchesRngStreams() {
        let s = RandomStream(streamIndex: 0)
        for _ in 0..<35 { _ = gsl_rng_get(s.rng) }
        XCTAssertEqual(s.state, [1040577685, 3747037609, 277208355, 1712706441, 627445683, 2408037141])
        XCTAssertEqual(s.uniform(), 0.07941673614985, accuracy: 1e-13)
    }

    /// test2RngStream.res: "First 5 output values from stream g3", then the
    /// 5 first values of its "fourth SubStream" (after one more draw and four
    /// ResetNextSubstream calls), and "Sum of first 100 output values from
    /// stream g3" (which skips g3's first output, drawn earlier in that test).
    func testStream2OutputsMatchRngStreams() {
        let g3 = RandomStream(streamIndex: 2)
        _ = g3.uniform()
        var sum = 0.0
        for _ in 0..<100 { sum += g3.uniform() }
        XCTAssertEqual(sum, 53.98590159232, accuracy: 1e-10)

        g3.resetToStreamStart()
        let first = [0.7285097861965, 0.9655872822837, 0.9961841304801, 0.1149884161813, 0.9731454191297]
        for expected in first { XCTAssertEqual(g3.uniform(), expected, accuracy: 1e-12) }
        _ = g3.uniform()
        for _ in 0..<4 { g3.nextSubstream() }
        let fourthSubstream = [0.1734545396358, 0.03286351608942, 0.2643169129682, 0.3059403602117, 0.5476303035177]
        for expected in fourthSubstream { XCTAssertEqual(g3.uniform(), expected, accuracy: 1e-12) }
        g3.resetToSubstreamStart()
        for expected in fourthSubstream { XCTAssertEqual(g3.uniform(), expected, accuracy: 1e-12) }
    }

    /// First outputs from the default seed 12345 x 6, against published values:
    /// * draws 1, 2, 3, 10, 100, 1000, 10^4, 10^5, 10^6 and the state after 99
    ///   draws: the test suite of the `mrg32k3a` Python package (SimOpt,
    ///   github.com/simopt-admin/mrg32k3a, tests/test_mrg32k3a.py, TestRandom
    ///   and test_hundreth_state);
    /// * draws 1-3 and the first 3 of the next substream: the KSLRandom example
    ///   output in M. D. Rossetti's KSL (Kotlin Simulation Library) textbook,
    ///   which uses the RngStreams default seed.
    /// The published doubles come from other implementations that multiply by
    /// a rounded 1/(m1 + 1), so they are compared to within 1e-15.
    func testFirstOutputsFromDefaultSeedMatchPublishedValues() {
        let published: [Int: Double] = [
            1: 0.127011122046577, 2: 0.3185275653967945, 3: 0.3091860155832701,
            10: 0.7558522371615435, 100: 0.7592386016439714, 1000: 0.9860784868021322,
            10_000: 0.2044975435211065, 100_000: 0.6962891099574359, 1_000_000: 0.37578835621568796,
        ]
        let r = RandomStream(streamIndex: 0)
        for n in 1...1_000_000 {
            let u = r.uniform()
            if let expected = published[n] { XCTAssertEqual(u, expected, accuracy: 1e-15, "draw \(n)") }
            if n == 99 {
                XCTAssertEqual(r.state, [2937268593, 1819035667, 3047838441, 3193417629, 1641899773, 1738356667])
            }
        }
        r.resetToStreamStart()
        for expected in [0.12701112204657714, 0.3185275653967945, 0.3091860155832701] {
            XCTAssertEqual(r.uniform(), expected, accuracy: 1e-15)
        }
        r.nextSubstream()
        for expected in [0.07939898979733463, 0.4803395047575741, 0.8583222470551328] {
            XCTAssertEqual(r.uniform(), expected, accuracy: 1e-15)
        }
    }

    /// The integer outputs against an independent reference: the floating-point
    /// recurrence of L'Ecuyer's 1999 paper (Operations Research 47(1), Fig. 1),
    /// where every integer is exact in a Double, written here with Double
    /// arithmetic and truncated division (the C code uses unsigned 64-bit
    /// integers and adds instead of subtracting).
    func testIntegerOutputsMatchPaperRecurrence() {
        var s1: [Double] = [12345, 12345, 12345]
        var s2: [Double] = [12345, 12345, 12345]
        let m1 = 4294967087.0, m2 = 4294944443.0
        func reference() -> Double {
            var p1 = 1403580.0 * s1[1] - 810728.0 * s1[0]
            p1 -= (p1 / m1).rounded(.towardZero) * m1
            if p1 < 0 { p1 += m1 }
            s1 = [s1[1], s1[2], p1]
            var p2 = 527612.0 * s2[2] - 1370589.0 * s2[0]
            p2 -= (p2 / m2).rounded(.towardZero) * m2
            if p2 < 0 { p2 += m2 }
            s2 = [s2[1], s2[2], p2]
            return p1 > p2 ? p1 - p2 : p1 - p2 + m1
        }
        let r = RandomStream(streamIndex: 0)
        for i in 0..<100_000 {
            let z = reference()
            let got = gsl_rng_get(r.rng)
            if Double(got) != z {
                XCTFail("draw \(i): \(got) != \(z)")
                return
            }
        }
    }

    func testGSLTypeContract() {
        let r = RandomStream(streamIndex: 5)
        XCTAssertEqual(String(cString: gsl_rng_name(r.rng)), "mrg32k3a")
        XCTAssertEqual(gsl_rng_min(r.rng), 1)
        XCTAssertEqual(gsl_rng_max(r.rng), UInt(Self.m1))
        // get_double is get times 1/(max + 1) (rounded once, as RngStreams'
        // `norm`), on a clone so both see the same state.
        let clone = gsl_rng_clone(r.rng)!
        defer { gsl_rng_free(clone) }
        for _ in 0..<10_000 {
            let z = gsl_rng_get(r.rng)
            XCTAssertTrue(z >= 1 && z <= UInt(Self.m1))
            XCTAssertEqual(gsl_rng_uniform(clone), Double(z) * (1 / Double(Self.m1 + 1)))
        }
        // gsl_rng_set(r, k) is the start of stream k.
        gsl_rng_set(r.rng, 2)
        XCTAssertEqual(r.state, RandomStream(streamIndex: 2).state)
    }

    func testUniformIsStrictlyInsideUnitInterval() {
        let r = RandomStream(streamIndex: 9)
        var low = 1.0, high = 0.0
        for _ in 0..<1_000_000 {
            let u = gsl_rng_uniform(r.rng)
            low = min(low, u)
            high = max(high, u)
        }
        XCTAssertGreaterThan(low, 0)
        XCTAssertLessThan(high, 1)
        // The extremes of the output map: z = 1 and z = m1.
        XCTAssertGreaterThan(1.0 / Double(Self.m1 + 1), 0)
        XCTAssertLessThan(Double(Self.m1) / Double(Self.m1 + 1), 1)
        for _ in 0..<1000 {
            let u = r.uniform()
            XCTAssertTrue(u > 0 && u < 1)
        }
    }

    func testSetStateValidates() {
        let r = RandomStream(streamIndex: 0)
        var bad: [UInt64] = [0, 0, 0, 1, 1, 1]
        XCTAssertEqual(ccsim_mrg32k3a_set_state(r.rng, &bad), Int32(GSL_EINVAL))
        bad = [Self.m1, 1, 1, 1, 1, 1]
        XCTAssertEqual(ccsim_mrg32k3a_set_state(r.rng, &bad), Int32(GSL_EINVAL))
        XCTAssertEqual(r.state, Self.x0)
        var good: [UInt64] = [1, 2, 3, 4, 5, 6]
        XCTAssertEqual(ccsim_mrg32k3a_set_state(r.rng, &good), Int32(GSL_SUCCESS))
        XCTAssertEqual(r.state, good)
        // The seek functions refuse a generator of another type.
        let mt = gsl_rng_alloc(ccsim_gsl_rng_mt19937())!
        defer { gsl_rng_free(mt) }
        XCTAssertEqual(ccsim_mrg32k3a_seek_stream(mt, 1), Int32(GSL_EINVAL))
    }
}
