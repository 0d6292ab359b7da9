import ContactCenter
import Experiments
import Scenarios
import SingleQueueOracle
import Stochastics
import XCTest

final class ReplicationRunnerTests: XCTestCase {
    let scenario = Scenario(
        name: "runner",
        run: RunSettings(horizon: 4 * 3600, warmup: 1800, interval: 3600, replications: 6, seed: 11),
        arrivals: ArrivalProcess(ratePerSecond: 200.0 / 3600),
        team: TeamSpec(name: "agents", agents: 18),
        handleTime: .gamma(shape: 2, scale: 150),
        patience: .exponential(mean: 150),
        serviceLevel: ServiceLevelTarget(answerWithin: 20, target: 0.8, convention: .offered)
    )

    func testResultsDoNotDependOnTheNumberOfJobs() throws {
        let serial = try SingleQueueOracle.run(scenario, replications: 6, jobs: 1)
        let parallel = try SingleQueueOracle.run(scenario, replications: 6, jobs: 4)
        XCTAssertEqual(serial, parallel)
        XCTAssertEqual(serial.map(\.replication), Array(0..<6))
    }

    func testFullModelResultsDoNotDependOnTheNumberOfJobs() throws {
        let serial = try ReplicationRunner.run(scenario, replications: 6, jobs: 1)
        let parallel = try ReplicationRunner.run(scenario, replications: 6, jobs: 3)
        XCTAssertEqual(serial, parallel)
        XCTAssertEqual(serial.map(\.replication), Array(0..<6))
        XCTAssertEqual(serial[4], try ContactCenterSimulator.run(scenario, replication: 4))
    }

    func testReplicationsAreTheSameAsRunningEachAlone() throws {
        let all = try SingleQueueOracle.run(scenario, replications: 3, jobs: 2)
        XCTAssertEqual(all[2], try SingleQueueOracle.run(scenario, replication: 2))
    }

    /// Any replication function, results in replication order whatever the threads do.
    func testRunsAnyFunctionInReplicationOrder() throws {
        let labels = try ReplicationRunner.run(scenario, replications: 50, jobs: 4) { scenario, r in "\(scenario.name)-\(r)" }
        XCTAssertEqual(labels, (0..<50).map { "runner-\($0)" })
    }

    struct Failure: Error, Equatable { let replication: Int }

    func testRethrowsTheFirstFailureInReplicationOrder() {
        XCTAssertThrowsError(try ReplicationRunner.run(scenario, replications: 10, jobs: 3) { _, r -> Int in
            if r == 3 || r == 7 { throw Failure(replication: r) }
            return r
        }) { error in
            XCTAssertEqual(error as? Failure, Failure(replication: 3))
        }
    }
}
