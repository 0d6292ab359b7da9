import Scenarios
import SimKernel
import Stochastics

/// The full model with every room's invariants checked after each event: what tests run
/// (`ContactCenterSimulator.runCenterCheckingInvariants`). Runs never pay for it: the check
/// lives in this wrapper, not behind a flag in the model's hot path.
struct InvariantCheckedCenter: DiscreteEventModel {
    var model: ContactCenterModel
    /// The first broken invariant, with the event after which it was found.
    var violation: String?

    mutating func handle(_ event: CenterEvent, scheduler: inout EventScheduler<CenterEvent>) {
        model.handle(event, scheduler: &scheduler)
        guard violation == nil else { return }
        do {
            try model.checkInvariants()
        } catch {
            violation = "after event \(scheduler.eventsHandled) (\(event)) at t = \(scheduler.now): \(error)"
            scheduler.stop()
        }
    }
}

extension ContactCenterSimulator {
    /// Runs one replication of the full model checking the rooms' invariants after every event
    /// (O(agents + contacts) each: for tests). Throws the first violation.
    package static func runCenterCheckingInvariants(_ center: CenterSpec, run: RunSettings, replication: Int,
                                                    tracePath: String? = nil) throws -> CenterResult {
        let streams = try StreamPlan(seed: run.seed)
        var simulation = Simulation(model: InvariantCheckedCenter(
            model: ContactCenterModel(center: center, run: run, streams: streams, replication: replication)))
        if let tracePath {
            simulation.model.model.trace = try ContactTrace(path: tracePath, replication: replication,
                                                            channels: center.channels.map(\.name), tiers: center.tiers.map(\.name),
                                                            teams: center.teams.map(\.name))
        }
        defer { simulation.model.model.trace?.flush() }
        simulation.model.model.start(&simulation.scheduler)
        simulation.run()
        if let violation = simulation.model.violation { throw InvariantViolation(violation) }
        return simulation.model.model.result(replication: replication, eventsHandled: simulation.scheduler.eventsHandled)
    }
}
