import ContactCenter
import Scenarios

/// The full model on the bundled tiered-support scenario (voice, chat and email,
/// three tiers, escalations, repeats, teams on shifts): one replication over a
/// horizon of whole weeks, to show speed and that memory stays flat as it grows.
enum TieredCase {
    static let path = "scenarios/tiered-support.yaml"

    /// Contacts arrived (repeats included) and events handled.
    static func run(weeks: Int) throws -> (arrivals: Int, events: Int) {
        var scenario = try ScenarioLoader.load(path: path)
        scenario.run.warmup = 0
        scenario.run.horizon = Double(weeks) * 7 * 86_400
        let result = try ContactCenterSimulator.runCenter(scenario, replication: 0)
        return (result.arrivalsSimulated, result.eventsHandled)
    }
}
