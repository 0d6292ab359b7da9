import Analytics
import Experiments
import Stochastics
import XCTest

/// The simulator against Erlang A (M/M/n+M: exponential patience) and, with
/// zero patience, Erlang B (callers who find every agent busy leave at once).
final class ErlangAValidationTests: XCTestCase {
    /// (agents, offered Erlangs, mean handle time s, mean patience s): under-, critically and over-loaded.
    static let grid: [(Int, Double, Double, Double)] = [
        (10, 9.5, 300, 300),
        (48, 45, 270, 180),
        (100, 110, 300, 120),
        (500, 480, 300, 180),
    ]

    func testMatchesErlangAOnTheGrid() throws {
        for (agents, erlangs, handle, patience) in Self.grid {
            let scenario = TheoryCheck.scenario(agents: agents, erlangs: erlangs, handleMean: handle,
                                                patience: .exponential(mean: patience))
            let summary = try TheoryCheck.simulate(scenario)
            let theory = ErlangA(agents: agents, arrivalRate: scenario.singleQueue!.ratePerSecond,
                                 meanHandleTime: handle, meanPatience: patience)
            TheoryCheck.assertAgrees(summary, .abandonmentRate, theory: theory.probabilityOfAbandon, margin: 0.005)
            TheoryCheck.assertAgrees(summary, .probabilityOfWait, theory: theory.probabilityOfWait, margin: 0.01)
            TheoryCheck.assertAgrees(summary, .serviceLevelOffered, theory: theory.probabilityAnsweredWithin(20), margin: 0.01)
            TheoryCheck.assertAgrees(summary, .averageSpeedOfAnswer, theory: theory.averageSpeedOfAnswer,
                                     margin: 0.05 * theory.averageSpeedOfAnswer + 1)
            TheoryCheck.assertAgrees(summary, .meanQueueLength, theory: theory.meanQueueLength,
                                     margin: 0.05 * theory.meanQueueLength + 0.05)
            TheoryCheck.assertAgrees(summary, .occupancy, theory: theory.occupancy, margin: 0.005)
        }
    }

    /// Zero patience turns the queue into a loss system: P(abandon) = Erlang B.
    func testZeroPatienceIsErlangB() throws {
        for (agents, erlangs) in [(10, 8.0), (30, 30.0)] {
            let scenario = TheoryCheck.scenario(agents: agents, erlangs: erlangs, patience: .deterministic(0))
            let summary = try TheoryCheck.simulate(scenario)
            let blocking = ErlangB.blockingProbability(servers: agents, offeredLoad: erlangs)
            TheoryCheck.assertAgrees(summary, .abandonmentRate, theory: blocking, margin: 0.003)
            TheoryCheck.assertAgrees(summary, .probabilityOfWait, theory: blocking, margin: 0.003)
            TheoryCheck.assertAgrees(summary, .occupancy, theory: erlangs * (1 - blocking) / Double(agents), margin: 0.005)
        }
    }
}
