import Experiments
import Scenarios
import XCTest

final class SummaryTableTests: XCTestCase {
    func testMultiChannelTableFitsHundredColumns() {
        let table = SummaryTable.render(TwoChannelCenter.summary())
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in lines { XCTAssertLessThanOrEqual(line.count, 100, line) }
        XCTAssertTrue(lines.contains("Scenario  two-channels (two-channels.yaml)"))
        XCTAssertTrue(lines.contains("          channels voice, email · tiers tier1, tier2 · teams frontline, experts"))
        XCTAssertTrue(lines.contains("Channel   voice · 300/h · patience: exponential, mean 2m"), table)
        XCTAssertTrue(lines.contains("Channel   email · 40/h"), table)
        XCTAssertTrue(lines.contains { $0.hasPrefix("✗ SLA 80% answered within 20s: achieved 78.2% — MISSED on the mean (CI reaches the target)") }, table)
        XCTAssertTrue(lines.contains { $0.hasPrefix("✓ ASA at most 30s: achieved 7.") && $0.hasSuffix("— MET (whole CI below ceiling)") }, table)
        XCTAssertTrue(lines.contains { $0.hasPrefix("✗ abandonment at most 5%: achieved 6.3% — MISSED") }, table)
        XCTAssertTrue(lines.contains { $0.hasPrefix("✗ SLA 90% responded to within 4h: achieved 88.9%") }, table)
        XCTAssertTrue(lines.contains("  Worst interval: #0 (Mon 00:00–00:30), service level 68.3%"), table)
        // Email keeps contacts past the end: the row appears for it.
        XCTAssertTrue(lines.contains { $0.hasPrefix("unanswered at end") }, table)
        XCTAssertTrue(lines.contains { $0.hasPrefix("tier ") && $0.hasSuffix("tier1             tier2") }, table)
        XCTAssertTrue(lines.contains { $0.hasPrefix("team ") && $0.hasSuffix("frontline           experts") }, table)
        XCTAssertTrue(lines.contains { $0.hasPrefix("labour cost") && $0.contains("255.00") && $0.hasSuffix("80.00") }, table)
        XCTAssertTrue(lines.contains { $0.hasPrefix("first-contact resolution") && $0.hasSuffix("n/a") }, table)
        XCTAssertTrue(lines.contains("Cost      labour 335.00"), table)
        XCTAssertTrue(lines.contains { $0.hasPrefix("          1.94 ± ") && $0.contains("per handled contact · 2.06 ± ") && $0.hasSuffix("per resolved contact") }, table)
        XCTAssertFalse(table.contains("Erlang"))
    }

    /// Five teams: the team block wraps into a second group of columns.
    func testManyTeamsWrap() {
        var center = TwoChannelCenter.center
        var results = TwoChannelCenter.results
        for extra in 0..<3 {
            center.teams.append(AgentTeamSpec(name: "extra\(extra)", skills: [], shifts: [], constantAgents: 1))
            for r in results.indices {
                results[r].teams += 1
                results[r].teamTotals.append(results[r].teamTotals[1])
            }
        }
        for r in results.indices {
            // Team intervals are interval-major: rebuild them for five teams.
            let old = results[r].teamIntervals
            results[r].teamIntervals = (0..<2).flatMap { i in (0..<5).map { t in old[i * 2 + min(t, 1)] } }
        }
        let summary = CenterSummary(scenario: TwoChannelCenter.scenario, center: center, singleQueue: nil, replications: results)
        let table = SummaryTable.render(summary)
        for line in table.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 100, String(line)) }
        XCTAssertTrue(table.contains("extra1"))
        XCTAssertEqual(table.components(separatedBy: "\noccupancy ").count - 1, 2, "two groups of team columns")
    }

    /// Columns sized from their contents: a long team name and six-figure costs with wide
    /// intervals never run into the next column (they used to: `70381.22 ± 625.25146251.88`).
    func testLongNamesAndLargeMoneyKeepTheirColumns() {
        var center = TwoChannelCenter.center
        center.teams[0].name = "customer-service-frontline-emea"
        center.teams[0].hourlyCost = 25_000
        center.teams[1].hourlyCost = 40_000
        let summary = CenterSummary(scenario: TwoChannelCenter.scenario, center: center, singleQueue: nil,
                                    replications: TwoChannelCenter.results)
        let table = SummaryTable.render(summary)
        let lines = table.split(separator: "\n").map(String.init)
        for line in lines { XCTAssertLessThanOrEqual(line.count, 100, line) }
        let head = try! XCTUnwrap(lines.first { $0.hasPrefix("team ") })
        XCTAssertTrue(head.hasSuffix(" customer-service-frontline-emea           experts"), head)
        let cost = try! XCTUnwrap(lines.first { $0.hasPrefix("labour cost") })
        for t in 0..<2 {
            let item = summary.teams[t].metrics[.labourCost]
            let text = SummaryTable.cell(item, .money)
            XCTAssertTrue(text.contains(","), text)
            XCTAssertTrue(cost.contains(" " + text), "\(text) not set apart in: \(cost)")
        }
        // Every row's cells end where the header's names end.
        for line in lines where line.hasPrefix("labour cost") || line.hasPrefix("occupancy") {
            XCTAssertEqual(line.count, head.count, line)
        }
    }
}
