import Analytics
import Foundation
import Scenarios
import Staffing
import XCTest

/// Issue #17: plans a planner would publish. Backlog channels checked and raised by day (no
/// phantom spikes), the occupancy ceiling, and the confirmation on independent seeds behind the
/// "95% confidence" claim.
final class PlanQualityTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func tiered() throws -> Scenario {
        try ScenarioLoader.load(path: root.appendingPathComponent("scenarios/tiered-support.yaml").path)
    }

    func testBacklogChannelsAreCheckedByDayAndLiveOnesByInterval() throws {
        let scenario = try Self.tiered()
        let (_, _, groups) = try StaffingSearch(scenario: scenario).analytic()
        let email = try XCTUnwrap(scenario.center.channels.firstIndex { $0.name == "email" })
        let emailGroups = groups.filter { $0.channel == email }
        // One check per day: emails arrive around the clock and are answered when the team works.
        XCTAssertEqual(emailGroups.count, 7)
        for group in emailGroups {
            XCTAssertTrue(group.backlog)
            XCTAssertEqual(Set(group.slots.map { $0 / 48 }).count, 1, "one day per check")
            XCTAssertEqual(group.slots.count, 48, "every interval of the day has email")
        }
        // Voice is still checked by interval at busy times (pooled only where quiet).
        let voice = groups.filter { $0.channel == 0 }
        XCTAssertTrue(voice.allSatisfy { !$0.backlog })
        XCTAssertGreaterThan(voice.filter { $0.slots.count == 1 }.count, 100)
    }

    func testBacklogRepairsGoWhereTheTeamWorks() {
        let grid = WeekGrid(intervalLength: 1800)
        var agents = Array(repeating: 0, count: grid.slotCount)
        for s in 16..<40 { agents[s] = 5 }          // Monday 08:00–20:00
        let plan = StaffingPlan(grid: grid, agents: [agents])
        let slots = StaffingSearch.workingSlots(team: 0, day: 0, plan: plan, erlang: plan)
        XCTAssertEqual(slots, Array(16..<40))
        for amount in [1, 5, 24, 30, 61] {
            let spread = StaffingSearch.spread(amount, over: slots)
            XCTAssertEqual(spread.values.reduce(0, +), amount)
            XCTAssertTrue(spread.keys.allSatisfy { (16..<40).contains($0) }, "never at 06:00 when nobody works")
            XCTAssertLessThanOrEqual((spread.values.max() ?? 0) - (amount >= slots.count ? spread.values.min()! : 0), 1, "even")
        }
        // A day the team does not work in the plan falls back to Erlang's working slots.
        var erlang = agents
        erlang[48 + 20] = 2
        let fallback = StaffingSearch.workingSlots(team: 0, day: 1, plan: plan, erlang: StaffingPlan(grid: grid, agents: [erlang]))
        XCTAssertEqual(fallback, [68])
    }

    func testOccupancyCeilingRaisesErlangToTheLoadOverTheCeiling() throws {
        // 45 Erlangs: Erlang C meets 80/20 at about 89% occupancy; an 85% ceiling needs ⌈45 / 0.85⌉ = 53.
        let scenario = StaffingTests.singleQueue()
        let calendar = StaffingTests.calendar(scenario)
        let erlangC = Staffing.minimumAgentsErlangC(arrivalRate: 0.15, meanHandleTime: 300, answerWithin: 20, target: 0.8)
        XCTAssertLessThan(erlangC, 53, "fixture: the ceiling must bind")
        let free = AnalyticStaffing(center: scenario.center, calendar: calendar)
        let capped = AnalyticStaffing(center: scenario.center, calendar: calendar, maxOccupancy: 0.85)
        XCTAssertEqual(free.onPhone[0][3], Double(erlangC))
        XCTAssertEqual(capped.onPhone[0][3], 53)
        XCTAssertEqual(capped.occupancyFloor[0][3], 53)
        XCTAssertEqual(free.occupancyFloor[0][3], 0, "no ceiling, no floor")
        XCTAssertEqual(capped.workload[0][3], 45, accuracy: 1e-9)
        // A ceiling the service level already keeps changes nothing.
        let loose = AnalyticStaffing(center: scenario.center, calendar: calendar, maxOccupancy: 0.95)
        XCTAssertEqual(loose.onPhone[0][3], Double(erlangC))
    }

    func testSearchNeverTrimsBelowTheOccupancyFloor() throws {
        let scenario = StaffingTests.singleQueue()
        var search = StaffingSearch(scenario: scenario, rule: .mean, replications: 10, jobs: 2, maxIterations: 6, recheck: false)
        search.maxOccupancy = 0.85
        let result = try search.run()
        for s in 0..<7 { XCTAssertGreaterThanOrEqual(result.plan.agents[0][s], 53, "hour \(s)") }
        XCTAssertTrue(StaffingTable.render(result).contains("Occupancy ceiling 85%"))
    }

    func testConfirmationRunsOnSeedsTheSearchDidNotUse() throws {
        let scenario = StaffingTests.singleQueue(patience: .exponential(mean: 120))
        let search = StaffingSearch(scenario: scenario, rule: .lowerBound, replications: 20, jobs: 2, maxIterations: 12)
        let result = try search.run()
        let confirmation = try XCTUnwrap(result.confirmation)
        let recheck = try XCTUnwrap(result.recheck)
        XCTAssertEqual(confirmation.seed, scenario.run.seed + UInt64(confirmation.round))
        XCTAssertEqual(recheck.seed, confirmation.seed + 1)
        XCTAssertEqual(result.plan, confirmation.plan)
        // Confirmation only raises the search's plan.
        for s in 0..<result.calendar.grid.slotCount { XCTAssertGreaterThanOrEqual(result.plan.agents[0][s], result.searchPlan.agents[0][s]) }
        // The verdict is the confirmation seed's, and the table says it in words.
        XCTAssertEqual(result.confirmed, confirmation.unconfirmed.isEmpty)
        for g in confirmation.unconfirmed { XCTAssertFalse(confirmation.evaluation.groups[g].passes, "an unconfirmed check failed its last round") }
        let text = StaffingTable.render(result)
        XCTAssertTrue(text.contains(result.confirmed ? "meets every target with 95% confidence" : "does NOT meet every target with 95% confidence"), text)
        XCTAssertTrue(text.contains("Re-check  seed \(recheck.seed), independent"), text)
        // Clearly short is the whole interval under the target; never so for a check that passes.
        for g in recheck.evaluation.groups where g.passes { XCTAssertFalse(g.clearlyShort) }
        XCTAssertEqual(result.evaluations, search.replications > 0 ? result.evaluations : 0)
    }

    /// Issue #17's phantom spikes: on tiered-support the search asked for 21 specialists at
    /// Wed 06:00 (Erlang: 0), then 0 at 06:30. No interval where Erlang says 0 may now exceed
    /// both neighbours by more than `margin` agents. Short settings (5 replications, 8 plans):
    /// the spikes came from the first repairs of the early-morning email checks.
    func testTieredSupportHasNoPhantomSpikes() throws {
        let scenario = try Self.tiered()
        let search = StaffingSearch(scenario: scenario, replications: 5, jobs: 2, maxIterations: 8, recheck: false)
        let result = try search.run()
        let margin = 2
        let slots = result.calendar.grid.slotCount
        var spikes: [String] = []
        for t in scenario.center.teams.indices {
            for s in 0..<slots where result.erlangPlan.agents[t][s] == 0 {
                let here = result.plan.agents[t][s]
                let before = result.plan.agents[t][(s + slots - 1) % slots], after = result.plan.agents[t][(s + 1) % slots]
                if here > max(before, after) + margin {
                    spikes.append("\(scenario.center.teams[t].name) \(result.calendar.grid.weekday(ofSlot: s).label) \(result.calendar.grid.clock(s)): \(before) → \(here) → \(after)")
                }
            }
        }
        XCTAssertEqual(spikes, [], "phantom spikes")
        // And no agents at all where neither Erlang nor a neighbour has any.
        for t in scenario.center.teams.indices {
            for s in 0..<slots where result.erlangPlan.agents[t][s] == 0 && result.plan.agents[t][s] > 0 {
                XCTAssertTrue(result.plan.agents[t][(s + slots - 1) % slots] > 0 || result.plan.agents[t][(s + 1) % slots] > 0)
            }
        }
        // The peak list names what each count is (it said "all 232 in staffing.csv" of a 1,008-row file).
        let text = StaffingTable.render(result)
        XCTAssertTrue(text.contains("staffing.csv with --out has all 1,008 rows, one per day, interval and team"), text)
        XCTAssertEqual(StaffingTable.csv(result).split(separator: "\n").count, 1 + 1008)
    }
}
