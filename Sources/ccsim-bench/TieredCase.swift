import ContactCenter
import Scenarios

/// The full model on the bundled tiered-support scenario (voice, chat and email,
/// three tiers, escalations, repeats, teams on shifts): one replication over a
/// horizon of whole weeks, to show speed and that memory stays flat as it grows.
enum TieredCase {
    static let path = "scenarios/tiered-support.yaml"

    /// Contacts arrived (repeats included) and events handled.
    static func run(weeks: Int, workforce: Bool = false) throws -> (arrivals: Int, events: Int) {
        var scenario = try ScenarioLoader.load(path: path)
        scenario.run.warmup = 0
        scenario.run.horizon = Double(weeks) * 7 * 86_400
        if workforce { addWorkforce(to: &scenario) }
        let result = try ContactCenterSimulator.run(scenario, replication: 0)
        return (result.arrivalsSimulated, result.eventsHandled)
    }
}

extension TieredCase {
    /// Workforce dynamics on every team (tenure spread, learning curve, 40% annual attrition
    /// front-loaded in the first 12 weeks, replacements after 4 weeks with a week of onboarding)
    /// and two training programs: the per-week updates this adds must stay off the hot path.
    static func addWorkforce(to scenario: inout Scenario) {
        let week = 7 * 86_400.0
        let workforce = TeamWorkforce(
            initialTenure: .uniform(lower: 0, upper: 150 * week),
            learningCurve: LearningCurve(newHireHandleTime: 1.6, newHireFCR: -0.15, timeConstant: 6 * week,
                                         proficiencySpread: .lognormal(mu: -0.005, sigma: 0.1)),
            attrition: Attrition(steps: [.init(until: 12 * week, weeklyRate: 0.02), .init(weeklyRate: 0.008)]),
            hiring: Hiring(leadTime: 4 * week, cohort: 3, costPerHire: 8000, onboarding: week))
        for t in scenario.center.teams.indices { scenario.center.teams[t].workforce = workforce }
        scenario.center.training = TrainingSpec(programs: [
            TrainingProgram(name: "onboarding", participants: .newHires, offPhoneHours: 42, spreadWeeks: 2, costPerAgent: 5000,
                            effects: TrainingEffects([.handleTime: .triangular(lower: -0.35, mode: -0.25, upper: -0.1),
                                                      .attrition: .uniform(lower: -0.5, upper: -0.2)], halfLife: 26 * week)),
            TrainingProgram(name: "coaching", participants: .everyone, startWeek: 2, cohortSize: 20, weeklyCoachingMinutes: 30,
                            effects: TrainingEffects([.fcr: .uniform(lower: 0.01, upper: 0.05)])),
        ])
    }
}
