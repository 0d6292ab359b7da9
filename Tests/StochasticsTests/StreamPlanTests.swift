import CGSL
import CRandomStreams
import Dispatch
import Foundation
import Stochastics
import XCTest

final class StreamPlanTests: XCTestCase {
    static let m1: UInt64 = 4_294_967_087
    static let m2: UInt64 = 4_294_944_443

    func draws(_ stream: RandomStream, _ n: Int = 8) -> [Double] { (0..<n).map { _ in stream.uniform() } }

    // MARK: Seed contract

    func testSeedValidation() throws {
        XCTAssertEqual(StreamPlan.maxSeed, (1 << 31) - 1)
        XCTAssertEqual(StreamPlan.maxReplications, 1 << 24)
        XCTAssertNoThrow(try StreamPlan(seed: 0))
        XCTAssertNoThrow(try StreamPlan(seed: StreamPlan.maxSeed))
        XCTAssertThrowsError(try StreamPlan(seed: 1 << 31)) { error in
            XCTAssertEqual(error as? StochasticsError, .seedOutOfRange(seed: 1 << 31, maximum: StreamPlan.maxSeed))
            XCTAssertTrue("\(error)".contains("seed"), "\(error)")
        }
        XCTAssertThrowsError(try StreamPlan(seed: .max))
    }

    func testStreamIndexPacksSeedReplicationPurpose() throws {
        let plan = try StreamPlan(seed: 3)
        XCTAssertEqual(plan.streamIndex(replication: 5, purpose: .patience), (3 * (1 << 24) + 5) * 256 + 2)
        let top = try StreamPlan(seed: StreamPlan.maxSeed)
        let largest = top.streamIndex(replication: StreamPlan.maxReplications - 1, purpose: .workforce)
        XCTAssertLessThan(largest, 1 << 63)
        XCTAssertEqual(plan.stream(replication: 5, purpose: .patience).streamIndex, plan.streamIndex(replication: 5, purpose: .patience))
    }

    func testPurposeRawValuesAreTheSeedContract() {
        // Renumbering would silently change every published result.
        let expected: [(StreamPurpose, UInt8)] = [
            (.arrivals, 0), (.handleTime, 1), (.patience, 2), (.routing, 3), (.tierChoice, 4), (.escalation, 5),
            (.repeats, 6), (.absenteeism, 7), (.busyness, 8), (.callbacks, 9), (.workforce, 10),
            (.attrition, 11), (.proficiency, 12), (.trainingEffects, 13), (.rosterAux, 14),
        ]
        XCTAssertEqual(StreamPurpose.allCases.count, expected.count)
        for (purpose, raw) in expected { XCTAssertEqual(purpose.rawValue, raw) }
    }

    // MARK: Reproducibility

    func testSameStreamGivesSameDraws() throws {
        let a = try StreamPlan(seed: 2024), b = try StreamPlan(seed: 2024)
        XCTAssertEqual(a, b)
        for purpose in StreamPurpose.allCases {
            XCTAssertEqual(draws(a.stream(replication: 17, purpose: purpose)),
                           draws(b.stream(replication: 17, purpose: purpose)))
        }
        let d = Distribution.gamma(shape: 2, scale: 30)
        let s1 = a.stream(replication: 3, purpose: .handleTime), s2 = b.stream(replication: 3, purpose: .handleTime)
        for _ in 0..<1000 { XCTAssertEqual(d.sample(from: s1), d.sample(from: s2)) }
    }

    func testDifferentPurposesReplicationsAndSeedsDiffer() throws {
        let plan = try StreamPlan(seed: 7)
        var seen = Set<[Double]>()
        for replication in 0..<4 {
            for purpose in StreamPurpose.allCases {
                XCTAssertTrue(seen.insert(draws(plan.stream(replication: replication, purpose: purpose))).inserted)
            }
        }
        XCTAssertTrue(seen.insert(draws(try StreamPlan(seed: 8).stream(replication: 0, purpose: .arrivals))).inserted)
    }

    func testResetsReplayDraws() throws {
        let s = try StreamPlan(seed: 1).stream(replication: 0, purpose: .routing)
        let first = draws(s)
        s.resetToStreamStart()
        XCTAssertEqual(draws(s), first)
        s.nextSubstream()
        let sub = draws(s)
        XCTAssertNotEqual(sub, first)
        _ = draws(s, 100)
        s.resetToSubstreamStart()
        XCTAssertEqual(draws(s), sub)
        s.resetToStreamStart()
        XCTAssertEqual(draws(s), first)
    }

    /// Streams built concurrently on several threads give the same draws as
    /// streams built one after another: nothing depends on thread or order.
    func testSameDrawsWhenStreamsAreMadeConcurrently() throws {
        let plan = try StreamPlan(seed: 99)
        let jobs = (0..<64).map { ($0 / StreamPurpose.allCases.count, StreamPurpose.allCases[$0 % StreamPurpose.allCases.count]) }
        let handle = Distribution.lognormal(mu: 5, sigma: 0.6)
        @Sendable func run(_ job: (Int, StreamPurpose)) -> [Double] {
            let s = plan.stream(replication: job.0, purpose: job.1)
            return (0..<200).map { _ in handle.sample(from: s) }
        }
        let sequential = jobs.map(run)
        let results = LockedResults(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in results.set(i, run(jobs[i])) }
        XCTAssertEqual(results.values, sequential)
    }

    // MARK: Disjointness at sweep scale

    /// Over 100,000 streams of one plan (9,091 replications x every purpose): all
    /// start states and all first-two-output pairs are pairwise distinct.
    func testHundredThousandStreamsArePairwiseDistinct() throws {
        let plan = try StreamPlan(seed: 123_456)
        var starts = Set<[UInt64]>()
        var firstOutputs = Set<[UInt]>()
        var count = 0
        for replication in 0..<9091 {
            for purpose in StreamPurpose.allCases {
                let s = plan.stream(replication: replication, purpose: purpose)
                starts.insert(s.state)
                firstOutputs.insert([gsl_rng_get(s.rng), gsl_rng_get(s.rng)])
                count += 1
            }
        }
        XCTAssertEqual(count, 9091 * StreamPurpose.allCases.count)
        XCTAssertGreaterThan(count, 100_000)
        XCTAssertEqual(starts.count, count)
        XCTAssertEqual(firstOutputs.count, count)
    }

    // MARK: Jumps

    /// The jump routine (repeated squaring) against brute-force stepping:
    /// A^(2^10) applied to x0 equals the state after 1024 draws; likewise for
    /// 2^0...2^12 from a non-default start.
    func testJumpMatricesEqualStepping() {
        let s = RandomStream(streamIndex: 3)
        let start = s.state
        var steps = 0
        for e in 0...12 {
            let target = 1 << e
            while steps < target { _ = gsl_rng_get(s.rng); steps += 1 }
            var a1 = [UInt64](repeating: 0, count: 9), a2 = a1
            ccsim_mrg32k3a_jump_matrices(UInt32(e), &a1, &a2)
            XCTAssertEqual(apply(a1, a2, to: start), s.state, "2^\(e) steps")
        }
    }

    /// nextSubstream applies A^(2^76): checked with the published RngStreams
    /// matrices and a mat-vec written here; stream k starts at (A^(2^127))^k x0,
    /// checked with the binary-exponentiation routine for several k, including
    /// the plan's largest index.
    func testSubstreamAndStreamJumpsMatchMatrixPowers() throws {
        let x0 = [UInt64](repeating: 12345, count: 6)
        let s = RandomStream(streamIndex: 0)
        s.nextSubstream()
        XCTAssertEqual(s.state, apply(MRG32k3aReferenceTests.a1p76, MRG32k3aReferenceTests.a2p76, to: x0))
        s.nextSubstream()
        let twice = apply(MRG32k3aReferenceTests.a1p76, MRG32k3aReferenceTests.a2p76, to:
            apply(MRG32k3aReferenceTests.a1p76, MRG32k3aReferenceTests.a2p76, to: x0))
        XCTAssertEqual(s.state, twice)

        let top = try StreamPlan(seed: StreamPlan.maxSeed)
        let ks: [UInt64] = [1, 2, 3, 255, 1000, 1 << 40 | 12345,
                            top.streamIndex(replication: StreamPlan.maxReplications - 1, purpose: .workforce)]
        for k in ks {
            var p1 = [UInt64](repeating: 0, count: 9), p2 = p1
            ccsim_mat3_pow_mod(MRG32k3aReferenceTests.a1p127, k, Self.m1, &p1)
            ccsim_mat3_pow_mod(MRG32k3aReferenceTests.a2p127, k, Self.m2, &p2)
            XCTAssertEqual(RandomStream(streamIndex: k).state, apply(p1, p2, to: x0), "stream \(k)")
        }
        // Jumping 2^127 steps from stream 4 lands on stream 5.
        var a1 = [UInt64](repeating: 0, count: 9), a2 = a1
        ccsim_mrg32k3a_jump_matrices(127, &a1, &a2)
        XCTAssertEqual(apply(a1, a2, to: RandomStream(streamIndex: 4).state), RandomStream(streamIndex: 5).state)
    }

    /// Matrix-vector product mod m, written independently of the C code
    /// (Swift's checked `*` would trap if a product ever overflowed 64 bits).
    func apply(_ a1: [UInt64], _ a2: [UInt64], to s: [UInt64]) -> [UInt64] {
        func mv(_ a: [UInt64], _ v: ArraySlice<UInt64>, _ m: UInt64) -> [UInt64] {
            let v = Array(v)
            return (0..<3).map { i in
                (0..<3).reduce(UInt64(0)) { acc, j in (acc + a[3 * i + j] * v[j] % m) % m }
            }
        }
        return mv(a1, s[0..<3], Self.m1) + mv(a2, s[3..<6], Self.m2)
    }
}

/// Results written from concurrent workers, one slot each.
final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[Double]]
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ value: [Double]) { lock.lock(); slots[i] = value; lock.unlock() }
    var values: [[Double]] { lock.lock(); defer { lock.unlock() }; return slots }
}
