import Scenarios
import SimKernel
import Stochastics

/// Runs one replication of a scenario with the contact-center model (`ContactCenterModel`).
///
/// A replication is a pure function of (scenario, seed, replication index):
/// its random streams come from the seed's stream plan, so the same inputs
/// give the same result on any thread, in any order.
public enum ContactCenterSimulator {
    /// Runs one replication of the full model.
    public static func run(_ scenario: Scenario, replication: Int, tracePath: String? = nil,
                           progress: ((Int) throws -> Void)? = nil) throws -> CenterResult {
        try Self.run(scenario.center, run: scenario.run, replication: replication, tracePath: tracePath, progress: progress)
    }

    /// Runs one replication of a center described in code (see the overload with `progress`).
    public static func run(_ center: CenterSpec, run: RunSettings, replication: Int, tracePath: String? = nil) throws -> CenterResult {
        try Self.run(center, run: run, replication: replication, tracePath: tracePath, progress: nil)
    }

    /// Runs one replication of a center described in code; with `tracePath`, streams
    /// one CSV row per finished contact visit there (see `ContactTrace`).
    ///
    /// With `progress`, the run goes in 100 slices of the simulated window (warm-up + horizon),
    /// calling `progress(1)` after each, so long runs can show an ETA. The events handled and
    /// their order are the same as in one go (each slice stops before the next event), so the
    /// result is identical. An error thrown by `progress` stops the replication there (the
    /// workbench's cancel): the error propagates and no result is built.
    public static func run(_ center: CenterSpec, run: RunSettings, replication: Int, tracePath: String? = nil,
                           progress: ((Int) throws -> Void)?) throws -> CenterResult {
        let streams = try StreamPlan(seed: run.seed)
        var simulation = Simulation(model: ContactCenterModel(center: center, run: run, streams: streams, replication: replication))
        if let tracePath {
            simulation.model.trace = try ContactTrace(path: tracePath, replication: replication,
                                                      channels: center.channels.map(\.name), tiers: center.tiers.map(\.name),
                                                      teams: center.teams.map(\.name))
        }
        simulation.model.start(&simulation.scheduler)
        if let progress {
            let window = run.warmup + run.horizon
            var reason = StopReason.reachedEndTime
            var reported = 0
            for slice in 1...100 where reason == .reachedEndTime {
                reason = simulation.run(until: window * Double(slice) / 100)
                try progress(1)
                reported += 1
            }
            if reported < 100 { try progress(100 - reported) }
            // Contacts still queued or in service when the window closes are followed to the end.
            if reason == .reachedEndTime { simulation.run() }
        } else {
            simulation.run()
        }
        try simulation.model.trace?.finish()
        return simulation.model.result(replication: replication, eventsHandled: simulation.scheduler.eventsHandled)
    }
}
