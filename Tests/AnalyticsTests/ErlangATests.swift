import Analytics
import Foundation
import XCTest

final class ErlangATests: XCTestCase {
    private struct Case {
        let agents: Int, arrivalRate: Double, handle: Double, patience: Double
        var model: ErlangA { ErlangA(agents: agents, arrivalRate: arrivalRate, meanHandleTime: handle, meanPatience: patience) }
    }

    private let cases = [
        Case(agents: 10, arrivalRate: 9.0 / 300, handle: 300, patience: 600),    // 90 % load
        Case(agents: 10, arrivalRate: 12.0 / 300, handle: 300, patience: 120),   // 120 % load
        Case(agents: 50, arrivalRate: 1.0 / 6, handle: 300, patience: 180),      // 100 % load
        Case(agents: 1, arrivalRate: 0.5 / 300, handle: 300, patience: 60),      // single agent
        Case(agents: 5, arrivalRate: 6.0 / 300, handle: 300, patience: 2),       // very impatient callers
    ]

    /// Independent high-precision evaluation (mpmath, 30 digits) of the same
    /// cases: exact birth–death sums for the stationary quantities and, for
    /// the within-t quantities, the per-state offered wait −ln(Beta(x, j+1))/θ
    /// with regularized incomplete beta functions. Columns: P(wait), P(ab),
    /// E[Q], ASA, P(ans ≤ 20), P(ab ≤ 20), P(ans ≤ 120), P(ab ≤ 120), E[W | ab].
    private let highPrecision: [[Double]] = [
        [0.468941704441337, 0.0670117154734481, 1.20621087852207, 37.7731456527812,
         0.598852216044631, 0.0142359515910182, 0.824834436420037, 0.0534750539224877, 74.093416132232],
        [0.626440543964066, 0.239047209430174, 1.14742660526483, 25.3252852886309,
         0.477297666620749, 0.0878578641784762, 0.735813802482731, 0.230462265846982, 39.382675253568],
        [0.457965488953585, 0.0634468513168732, 1.9034055395062, 10.8032554892815,
         0.731105281752726, 0.0375590656722265, 0.9362854390694, 0.063430357312422, 20.5307318722044],
        [0.352172682256651, 0.295654635486699, 0.0295654635486699, 4.11228452289335,
         0.665877119567, 0.0969723082588021, 0.698972599380297, 0.268625172879279, 50.2032026777066],
        [0.369373680948447, 0.357682464756195, 0.0143072985902478, 0.0355819476012179,
         0.642317147138753, 0.357670821594242, 0.642317535243805, 0.357682464756195, 1.93610279749675],
    ]

    func testAgainstHighPrecisionEvaluation() {
        for (c, ref) in zip(cases, highPrecision) {
            let a = c.model
            let got = [a.probabilityOfWait, a.probabilityOfAbandon, a.meanQueueLength, a.averageSpeedOfAnswer,
                       a.probabilityAnsweredWithin(20), a.probabilityAbandonedWithin(20),
                       a.probabilityAnsweredWithin(120), a.probabilityAbandonedWithin(120), a.averageTimeToAbandon]
            for (i, (g, r)) in zip(got, ref).enumerated() {
                XCTAssertEqual(g, r, accuracy: 1e-11 * max(1, abs(r)), "case n=\(c.agents) λ=\(c.arrivalRate) column \(i)")
            }
        }
    }

    /// Brute force: truncated chain solved by Gaussian elimination, fates by uniformization.
    func testAgainstBruteForceChain() {
        for c in cases {
            let a = c.model
            let ref = ReferenceChain(agents: c.agents, arrivalRate: c.arrivalRate, meanHandleTime: c.handle,
                                     meanPatience: c.patience, capacity: c.agents + 150)
            XCTAssertEqual(a.probabilityOfWait, ref.probabilityOfWait, accuracy: 1e-10)
            XCTAssertEqual(a.meanQueueLength, ref.meanQueueLength, accuracy: 1e-9)
            for t in [0.0, 5, 20, 60, 300] {
                let (answered, abandoned) = ref.fractionsWithin(t)
                XCTAssertEqual(a.probabilityAnsweredWithin(t), answered, accuracy: 1e-9, "n=\(c.agents) t=\(t)")
                XCTAssertEqual(a.probabilityAbandonedWithin(t), abandoned, accuracy: 1e-9, "n=\(c.agents) t=\(t)")
            }
        }
    }

    /// Identities that tie the chain (PASTA per state) to the wait density:
    /// t → ∞ limits, P(ab) = θE[Q]/λ, Little's law, and the split of the mean wait.
    func testIdentitiesOverAGrid() {
        for agents in [1, 3, 10, 50, 200] {
            for loadFactor in [0.5, 0.9, 0.999, 1.0, 1.2, 2.0] {
                for patience in [0.01, 10, 180, 10_000] {
                    let handle = 240.0
                    let lambda = loadFactor * Double(agents) / handle
                    let a = ErlangA(agents: agents, arrivalRate: lambda, meanHandleTime: handle, meanPatience: patience)
                    let label = "n=\(agents) ρ=\(loadFactor) patience=\(patience)"
                    let pAb = a.probabilityOfAbandon
                    XCTAssertEqual(a.probabilityAnsweredWithin(.infinity), 1 - pAb, accuracy: 1e-10, label)
                    XCTAssertEqual(a.probabilityAbandonedWithin(.infinity), pAb, accuracy: 1e-10 * max(pAb, 1e-3), label)
                    XCTAssertEqual(a.probabilityAnsweredWithin(0), 1 - a.probabilityOfWait, accuracy: 1e-12, label)
                    XCTAssertEqual(a.probabilityAbandonedWithin(0), 0, label)
                    XCTAssertEqual(a.meanQueueLength / patience / lambda, pAb, accuracy: 1e-10 * max(pAb, 1e-3), label)
                    XCTAssertEqual(a.meanQueueLength, lambda * a.meanWaitAll, accuracy: 1e-10 * max(a.meanQueueLength, 1e-3), label)
                    let split = a.averageSpeedOfAnswer * (1 - pAb) + a.averageTimeToAbandon * pAb
                    XCTAssertEqual(split, a.meanWaitAll, accuracy: 1e-9 * max(a.meanWaitAll, 1e-3), label)
                    XCTAssertEqual(a.occupancy, lambda * (1 - pAb) * handle / Double(agents), accuracy: 1e-12, label)
                    // Monotone in t.
                    var previous = (0.0, 0.0)
                    for t in [0.0, 1, 10, 30, 100, 1_000] {
                        let now = (a.probabilityAnsweredWithin(t), a.probabilityAbandonedWithin(t))
                        XCTAssertGreaterThanOrEqual(now.0, previous.0 - 1e-14, label)
                        XCTAssertGreaterThanOrEqual(now.1, previous.1 - 1e-14, label)
                        previous = now
                    }
                }
            }
        }
    }

    /// θ → 0 recovers Erlang C (P(wait), SL, ASA); θ = 0 is Erlang C exactly.
    func testVanishingAbandonmentIsErlangC() {
        let lambda = 100.0 / 1800, handle = 180.0
        let c = ErlangC(agents: 14, arrivalRate: lambda, meanHandleTime: handle)
        let nearlyPatient = ErlangA(agents: 14, arrivalRate: lambda, meanHandleTime: handle, meanPatience: 1e9)
        XCTAssertEqual(nearlyPatient.probabilityOfWait, c.probabilityOfWait, accuracy: 1e-7)
        XCTAssertEqual(nearlyPatient.probabilityAnsweredWithin(20), c.serviceLevel(answerWithin: 20), accuracy: 1e-7)
        XCTAssertEqual(nearlyPatient.averageSpeedOfAnswer, c.averageSpeedOfAnswer, accuracy: 1e-5)   // the O(θ) effect is 3e-6 here (mpmath)
        XCTAssertEqual(nearlyPatient.probabilityOfAbandon, 0, accuracy: 1e-7)

        let patient = ErlangA(agents: 14, arrivalRate: lambda, meanHandleTime: handle, meanPatience: .infinity)
        XCTAssertEqual(patient.probabilityOfWait, c.probabilityOfWait)
        XCTAssertEqual(patient.probabilityAnsweredWithin(20), c.serviceLevel(answerWithin: 20))
        XCTAssertEqual(patient.averageSpeedOfAnswer, c.averageSpeedOfAnswer)
        XCTAssertEqual(patient.probabilityOfAbandon, 0)

        let overloaded = ErlangA(agents: 10, arrivalRate: 11.0 / 300, meanHandleTime: 300, meanPatience: .infinity)
        XCTAssertEqual(overloaded.probabilityOfWait, 1)
        XCTAssertEqual(overloaded.averageSpeedOfAnswer, .infinity)
        XCTAssertEqual(overloaded.probabilityAnsweredWithin(20), 0)
    }

    /// 1 and 5,000 agents, 99.9 % and 150 % load: finite, in range, no NaN,
    /// and monotone in the number of agents.
    func testStabilityAtScale() {
        for agents in [1, 5_000] {
            for loadFactor in [0.5, 0.999, 1.5] {
                let a = ErlangA(agents: agents, arrivalRate: loadFactor * Double(agents) / 300,
                                meanHandleTime: 300, meanPatience: 180)
                let values = [a.probabilityOfWait, a.probabilityOfAbandon, a.averageSpeedOfAnswer, a.meanWaitAll,
                              a.meanQueueLength, a.occupancy, a.averageTimeToAbandon,
                              a.probabilityAnsweredWithin(20), a.probabilityAbandonedWithin(20)]
                for v in values { XCTAssertTrue(v.isFinite && v >= 0, "n=\(agents) ρ=\(loadFactor): \(values)") }
                XCTAssertLessThanOrEqual(a.probabilityOfWait, 1)
                XCTAssertLessThanOrEqual(a.occupancy, 1)
            }
        }
        var previous = (wait: 1.1, abandon: 1.1, asa: Double.infinity, sl: -1.0)
        for agents in stride(from: 4_900, through: 5_100, by: 20) {
            let a = ErlangA(agents: agents, arrivalRate: 4_995.0 / 300, meanHandleTime: 300, meanPatience: 180)
            let sl = a.probabilityAnsweredWithin(20)
            XCTAssertLessThan(a.probabilityOfWait, previous.wait)
            XCTAssertLessThan(a.probabilityOfAbandon, previous.abandon)
            XCTAssertLessThan(a.averageSpeedOfAnswer, previous.asa)
            XCTAssertGreaterThan(sl, previous.sl)
            previous = (a.probabilityOfWait, a.probabilityOfAbandon, a.averageSpeedOfAnswer, sl)
        }
    }

    /// Patience huge against the time between calls: the chain would be
    /// millions of states long and the density route takes over. Results must
    /// be continuous across that switch, and close to the fluid limit
    /// (P(ab) → 1 − nμ/λ, ASA·θ → ln(λ/nμ)).
    func testOverloadWithVeryLongPatienceIsContinuous() {
        let lambda = 2.0 / 30, handle = 300.0   // 10 agents at 200 % load
        let below = ErlangA(agents: 10, arrivalRate: lambda, meanHandleTime: handle, meanPatience: 4.4e7)
        let above = ErlangA(agents: 10, arrivalRate: lambda, meanHandleTime: handle, meanPatience: 4.6e7)
        XCTAssertEqual(below.probabilityOfAbandon, above.probabilityOfAbandon, accuracy: 1e-5)
        XCTAssertEqual(below.averageSpeedOfAnswer / 4.4e7, above.averageSpeedOfAnswer / 4.6e7, accuracy: 1e-5)
        XCTAssertEqual(above.probabilityOfAbandon, 0.5, accuracy: 1e-3)
        XCTAssertEqual(above.averageSpeedOfAnswer / 4.6e7, log(2.0), accuracy: 1e-3)
        XCTAssertEqual(above.probabilityOfWait, 1, accuracy: 1e-12)
        XCTAssertEqual(above.meanQueueLength, lambda * above.meanWaitAll, accuracy: 1e-8 * above.meanQueueLength)
        XCTAssertEqual(above.probabilityAnsweredWithin(.infinity), 1 - above.probabilityOfAbandon, accuracy: 1e-9)
    }

    func testNoTraffic() {
        let a = ErlangA(agents: 2, arrivalRate: 0, meanHandleTime: 300, meanPatience: 60)
        XCTAssertEqual(a.probabilityOfWait, 0)
        XCTAssertEqual(a.probabilityAnsweredWithin(0), 1)
        XCTAssertEqual(a.probabilityAbandonedWithin(100), 0)
    }

    /// Abandonment shortens the queue, so Erlang A never needs more agents
    /// than Erlang C; the answer is minimal.
    func testStaffingErlangA() {
        let lambda = 100.0 / 1800, handle = 180.0
        let n = Staffing.minimumAgentsErlangA(arrivalRate: lambda, meanHandleTime: handle, meanPatience: 120,
                                              answerWithin: 20, target: 0.8)
        let slAt = { (k: Int) in
            ErlangA(agents: k, arrivalRate: lambda, meanHandleTime: handle, meanPatience: 120).probabilityAnsweredWithin(20)
        }
        XCTAssertGreaterThanOrEqual(slAt(n), 0.8)
        XCTAssertLessThan(slAt(n - 1), 0.8)
        XCTAssertLessThanOrEqual(n, 14)
        XCTAssertEqual(Staffing.minimumAgentsErlangA(arrivalRate: lambda, meanHandleTime: handle, meanPatience: .infinity,
                                                     answerWithin: 20, target: 0.8), 14)
    }
}
