import ContactCenter
import Experiments
import Foundation
import Scenarios
import SimKernel
import Stochastics

/// The foundation's single-queue model, kept outside the library as an independent oracle: the
/// tests check the contact-center model against it (it reduces to this queue exactly) and check
/// it against Erlang C/A; the benchmark measures the kernel on it. `ccsim` never runs it.
public enum SingleQueueOracle {
    /// One replication of a single-queue scenario (`Scenario.singleQueue`).
    public static func run(_ scenario: Scenario, replication: Int) throws -> ReplicationResult {
        guard let queue = scenario.singleQueue else { throw NotASingleQueue(scenario: scenario.name) }
        let streams = try StreamPlan(seed: scenario.run.seed)
        var simulation = Simulation(model: SingleQueueModel(queue: queue, run: scenario.run, streams: streams, replication: replication))
        simulation.model.start(&simulation.scheduler)
        simulation.run()
        return simulation.model.result(replication: replication, eventsHandled: simulation.scheduler.eventsHandled)
    }

    /// Replications on up to `jobs` threads, in replication order (`ReplicationRunner`).
    public static func run(
        _ scenario: Scenario, replications count: Int, jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws -> [ReplicationResult] {
        try ReplicationRunner.run(scenario, replications: count, jobs: jobs, run)
    }
}

/// The oracle runs only single-queue scenarios (`Scenario.singleQueue`).
public struct NotASingleQueue: Error, CustomStringConvertible {
    public let scenario: String
    public var description: String { "scenario '\(scenario)' is not a single queue; run it with the full model" }
}
