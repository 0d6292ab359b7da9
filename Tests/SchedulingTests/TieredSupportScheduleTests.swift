import Foundation
import Scenarios
import Scheduling
import Testing

/// The example: scenarios/tiered-support.yaml with the requirement made from its own shifts.
@Suite struct TieredSupportScheduleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The hand-made roster meets the requirement made from it (rounded down) and fits the
    /// templates, so the optimal plan covers every interval for at most the roster's cost.
    @Test func planCoversTheRosterRequirementForNoMoreThanTheRoster() throws {
        let scenario = try ScenarioLoader.load(path: Self.root.appendingPathComponent("scenarios/tiered-support.yaml").path)
        let requirement = try RequirementCSV.read(path: Self.root.appendingPathComponent("scenarios/tiered-support-requirement.csv").path,
                                                  scenario: scenario)
        #expect(requirement.weekdaysGiven == Set(Weekday.allCases))
        let plan = try ShiftScheduler.schedule(scenario, requirement: requirement)
        #expect(plan.teams.map(\.name) == ["frontline", "specialists", "experts"])
        #expect(plan.shortfallAgentHours == 0)
        for team in plan.teams {
            let spec = scenario.center.teams[team.team]
            let rosterCost = spec.shifts.reduce(0.0) { total, shift in
                let paid = shift.length - shift.breaks.filter { !$0.paid }.reduce(0) { $0 + $1.length }
                return total + Double(shift.agents) * paid / 3600 * Double(shift.days.count) * spec.hourlyCost
            }
            // Within the solver's 0.1% gap of the optimum, which is at most the roster's cost.
            #expect(team.weeklyCost <= rosterCost * 1.001 + 1e-6, "\(team.name): \(team.weeklyCost) > roster \(rosterCost)")
            #expect(team.maxAgents.map { team.headcount <= $0 } ?? true)
        }
    }
}
