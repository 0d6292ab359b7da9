import Foundation
import Scenarios
import Testing

/// Values at the edges of the number line: each is refused at load with the field the user
/// wrote, instead of trapping, allocating gigabytes or running for ever later (issue 12).
@Suite struct DomainLimitTests {
    /// The first problem of `text`, which must not load.
    private func problem(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioIssue? {
        loadError(text, sourceLocation: sourceLocation)?.issues.first
    }

    // Crash 1: `validate` trapped formatting the clock time of a 1e19h shift.
    @Test func hugeShiftLengthIsRefusedNotTrapped() throws {
        let issue = try #require(problem(fullYAML([22: "      - {start: \"08:00\", length: 1e19h, agents: 10}"])))
        #expect(issue.path == "teams.frontline.shifts[0].length")
        #expect(issue.message.contains("longer than 100 years"))
    }

    @Test func clockTimeDescribesAnyNumber() {
        #expect(ClockTime.describe(1e19 * 3600).hasSuffix("d"))
        #expect(ClockTime.describe(-1e300).hasSuffix("d"))
        #expect(ClockTime.describe(8 * 3600) == "08:00")
    }

    // Crash 2: `run` trapped in DemandShape.dailyPiece on a 1e24s repeat delay.
    @Test func hugeRepeatDelayIsRefused() throws {
        let text = fullYAML([15: "    escalation: {to: tier2}\n    repeats: {after_unresolved: 50%, delay: {deterministic: 1e24s}}"])
        let issue = try #require(problem(text))
        #expect(issue.path == "tiers.tier1.repeats.delay.deterministic")
        #expect(issue.message.contains("longer than 100 years"))
    }

    // Crash 4: sizes that passed validate and were then killed for memory.
    @Test(arguments: [
        ("  agents: 1e9", "team.agents", "more than 1000000"),
        ("  agents: 2147483647", "team.agents", "more than 1000000"),
        ("  agents: 9223372036854775807", "team.agents", "beyond 1000000000000"),
    ])
    func hugeHeadCountsAreRefused(line: String, path: String, says: String) throws {
        let issue = try #require(problem(yaml([5: line])))
        #expect(issue.path == path)
        #expect(issue.message.contains(says), "\(issue.message)")
    }

    @Test func hugeShiftHeadCountIsRefused() throws {
        let issue = try #require(problem(fullYAML([22: "      - {start: \"08:00\", length: 8h, agents: 2147483647}"])))
        #expect(issue.path == "teams.frontline.shifts[0].agents")
        #expect(issue.message.contains("more than 1000000"))
    }

    @Test func hugeRatesAndVolumesAreRefused() throws {
        let rate = try #require(problem(yaml([3: "  rate: 1e15/h"])))
        #expect(rate.path == "arrivals.rate")
        #expect(rate.message.contains("above 1000000/h"))

        let perDay = try #require(problem(fullYAML([9: "    demand: {per_day: 1e308}"])))
        #expect(perDay.path == "channels.email.demand.per_day")

        let perDayLarge = try #require(problem(fullYAML([9: "    demand: {per_day: 1e8}"])))
        #expect(perDayLarge.path == "channels.email.demand.per_day")
        #expect(perDayLarge.message.contains("largest daily volume"))

        let factor = try #require(problem(fullYAML([9: "    demand: {per_day: 200, day_of_week: {mon: 1e6}}"])))
        #expect(factor.path == "channels.email.demand.day_of_week.mon")
        #expect(factor.message.contains("day-of-week factor"))
    }

    // Messages name the parameter written, not the one computed from it.
    @Test func lognormalCVIsNamedAsWritten() throws {
        let issue = try #require(problem(yaml([7: "  lognormal: {mean: 5m, cv: 1e300}"])))
        #expect(issue.path == "handle_time.lognormal.cv")
        let large = try #require(problem(yaml([7: "  lognormal: {mean: 5m, cv: 1000}"])))
        #expect(large.path == "handle_time.lognormal.cv")
        #expect(large.message.contains("coefficient of variation"))
    }

    @Test func nativeParametersWithAnAstronomicalMeanAreRefused() throws {
        let issue = try #require(problem(yaml([7: "  lognormal: {mu: 1000, sigma: 1}"])))
        #expect(issue.path == "handle_time.lognormal")
        #expect(issue.message.contains("longer than 100 years"))
        let tiny = try #require(problem(yaml([7: "  lognormal: {mu: -100, sigma: 1}"])))
        #expect(tiny.message.contains("shorter than 1ms"))
    }

    // Silent failures: tiny horizons and handle means were accepted ("0 Erlangs").
    @Test(arguments: [
        ("run: {horizon: 1e-300s}", "run.horizon", "shorter than 1ms"),
        ("run: {horizon: 10s, interval: 10s}", "run.horizon", "at least 1m"),
        ("run: {warmup: 1e19s}", "run.warmup", "longer than 100 years"),
        ("run: {warmup: 500w, horizon: 5000w, interval: 1w}", "run.horizon", "warmup + horizon"),
    ])
    func runPeriodsOutsideTheLimitsAreRefused(line: String, path: String, says: String) throws {
        let issue = try #require(problem(yaml(appending: [line])))
        #expect(issue.path == path)
        #expect(issue.message.contains(says), "\(issue.message)")
    }

    @Test func denormalHandleMeanIsRefused() throws {
        let issue = try #require(problem(yaml([7: "  exponential: {mean: 1e-320s}"])))
        #expect(issue.path == "handle_time.exponential.mean")
        let number = try #require(problem(yaml([7: "  gamma: {shape: 4e-320, scale: 5m}"])))
        #expect(number.path == "handle_time.gamma.shape")
        #expect(number.message.contains("closer to 0"))
    }

    // Found by the mutation fuzz test: a shrinkage of 4e-320 made aux blocks of ~0 s and
    // overflowed a count in the roster (AgentDayPlacer.placeAux).
    @Test func denormalShareIsRefused() throws {
        let issue = try #require(problem(fullYAML([20: "    skills: [{channel: voice, tier: tier1}]\n    shrinkage: 4e-320"])))
        #expect(issue.path == "teams.frontline.shrinkage")
        #expect(issue.message.contains("closer to 0"))
    }

    // Crash 5: six nested levels of ten aliases took 50 s and 2 GB; nine never finished.
    @Test func aliasExpansionIsBounded() throws {
        var lines = ["name: t", "arrivals: {rate: 540/h}", "team: {agents: 50}", "l0: &l0 {exponential: {mean: 5m}}"]
        for level in 1...9 {
            let items = Array(repeating: "{weight: 10%, mixture: *l\(level - 1)}", count: 10).joined(separator: ", ")
            lines.append("l\(level): &l\(level) [\(items)]")
        }
        lines.append("handle_time: {mixture: *l9}")
        let started = Date()
        let error = try #require(loadError(lines.joined(separator: "\n") + "\n"))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(error.issues.first?.message.contains("expands to more than") == true, "\(error)")
    }

    @Test func deepNestingIsBounded() throws {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        let error = try #require(loadError(yaml(appending: ["x: " + deep])))
        #expect(error.description.contains("nested more than 64 levels"), "\(error)")
    }

    @Test func checkedIntegerConversionNeverTraps() {
        #expect(Int(checked: 1e19) == nil)
        #expect(Int(checked: -9.3e18) == nil)
        #expect(Int(checked: .nan) == nil)
        #expect(Int(checked: .infinity) == nil)
        #expect(Int(checked: 2.7) == 2)
        #expect(Int(checked: 2.5, rounding: .up) == 3)
        #expect(Int(clampedFrom: 1e300) == .max)
        #expect(Int(clampedFrom: -1e300) == .min)
        #expect(Int(clampedFrom: .nan) == 0)
    }
}
