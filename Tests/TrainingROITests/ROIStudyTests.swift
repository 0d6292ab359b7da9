import Experiments
import Scenarios
import TrainingROI
import XCTest

/// The known answers of a training ROI, on paired replications of a small center.
final class ROIStudyTests: XCTestCase {
    /// A program with no effect and no time off the phones: paired arms are identical
    /// contact for contact, so every service difference is exactly 0 and ROI is exactly −100%.
    func testZeroEffectProgramCostsItsPriceAndChangesNothing() throws {
        let scenario = try ROIScenario.load(program: "      cost_per_agent: 100\n      fixed_cost: 600")
        let arms = try ROIArms.program("course", in: scenario)
        let result = try ROIStudy(arms: arms, replications: 4, jobs: 2).run()
        for r in result.replications {
            XCTAssertEqual(r.with.weeks, r.without.weeks.enumerated().map { w, week in
                var week = week
                week.trainingCost = r.with.weeks[w].trainingCost
                return week
            }, "only the program's own cost differs")
            XCTAssertEqual(r.cost, 24 * 100 + 600, accuracy: 1e-9)
            XCTAssertEqual(r.roi!, -1, accuracy: 1e-12)
            XCTAssertNil(r.paybackWeek)
        }
        XCTAssertEqual(result.roi?.mean ?? 0, -1, accuracy: 1e-12)
        XCTAssertEqual(result.probabilityPositive.share, 0)
        let sl = try XCTUnwrap(result.difference { $0.serviceLevel(channel: 0) })
        XCTAssertEqual(sl.change.mean, 0)
        XCTAssertEqual(sl.change.standardDeviation, 0)
    }

    /// Cutting handle time by 20% at fixed staffing (no abandonment, so the same contacts are
    /// handled) cuts the agents' busy time, hence occupancy, by about 20%: the ratio of the
    /// arms' occupancies must be 0.8 within 0.02 (it is not exact: the work in progress at the
    /// window's edges differs between arms). The effect starts once the program's week is
    /// over, so the first week is warm-up.
    func testHandleTimeCutLowersOccupancyInProportion() throws {
        let scenario = try ROIScenario.load(program: "      effects: {handle_time: {deterministic: -20%}}", warmup: "1w")
        let arms = try ROIArms.program("course", in: scenario)
        let with = try ReplicationRunner.run(arms.with, replications: 4, jobs: 2)
        let without = try ReplicationRunner.run(arms.without, replications: 4, jobs: 2)
        let a = CenterSummary(scenario: arms.with, replications: with).teams[0].metrics[.occupancy]!.mean!
        let b = CenterSummary(scenario: arms.without, replications: without).teams[0].metrics[.occupancy]!.mean!
        XCTAssertEqual(a / b, 0.8, accuracy: 0.02, "occupancy with \(a), without \(b)")
        let result = try ROIStudy(arms: arms, replications: 4, jobs: 2).run()
        XCTAssertGreaterThan(result.handlingHoursSaved.mean, 0, "handling time saved is capacity freed")
    }

    /// The point of pairing: on the same scenario, the net benefit's spread across
    /// replications is smaller with common random numbers than with independent seeds.
    func testPairedRunsGiveANarrowerIntervalThanUnpaired() throws {
        let scenario = try ROIScenario.load(program: "      effects: {handle_time: {deterministic: -10%}, repeats: {deterministic: -20%}}", patience: true)
        let arms = try ROIArms.program("course", in: scenario)
        let paired = try ROIStudy(arms: arms, replications: 8, jobs: 2, pairing: .commonRandomNumbers).run()
        let unpaired = try ROIStudy(arms: arms, replications: 8, jobs: 2, pairing: .independent).run()
        XCTAssertLessThan(paired.net.standardDeviation * 2, unpaired.net.standardDeviation,
                          "paired sd \(paired.net.standardDeviation), unpaired \(unpaired.net.standardDeviation)")
        XCTAssertGreaterThan(try XCTUnwrap(paired.varianceReduction), 4)
    }

    /// With an uncertain effect, replications draw it: the sensitivity table moves ROI in the
    /// effect's direction (fewer repeats pay more), its base is the headline ROI on the same
    /// replications, and the break-even cut in repeats is where the repeats avoided pay the
    /// program's cost: cost / (value per repeat × repeats without from week 2 on, when the effect
    /// starts after the program's week), within 15% (repeats are counted, not expected, and a
    /// repeat avoided avoids its own repeats too).
    func testSensitivityAndBreakEvenFollowTheEffect() throws {
        let scenario = try ROIScenario.load(program: """
                  cost_per_agent: 50
                  effects: {repeats: {uniform: {min: -30%, max: 0%}}}
            """)
        let arms = try ROIArms.program("course", in: scenario)
        let study = ROIStudy(arms: arms, replications: 4, jobs: 2)
        let result = try study.run()
        let sensitivity = try Sensitivity.run(study, base: result, replications: 4)
        XCTAssertEqual(try XCTUnwrap(sensitivity.baseROI), try XCTUnwrap(result.roi?.mean), accuracy: 1e-12, "one base: the headline's")
        let row = try XCTUnwrap(sensitivity.rows.first)
        XCTAssertEqual(row.range.effect, "repeats")
        XCTAssertEqual(row.range.low, -0.285, accuracy: 0.005)
        XCTAssertEqual(row.range.high, -0.015, accuracy: 0.005)
        XCTAssertGreaterThan(try XCTUnwrap(row.roiAtLow), try XCTUnwrap(row.roiAtHigh))

        let even = try XCTUnwrap(sensitivity.breakEven.first)
        XCTAssertEqual(even.outcome, .found)
        let repeats = result.replications.map { Double($0.without.weeks.dropFirst().reduce(0) { $0 + $1.repeats }) }.reduce(0, +) / 4
        let analytic = -(24 * 50) / (10 * repeats)
        XCTAssertEqual(even.value, analytic, accuracy: 0.15 * abs(analytic), "break-even \(even.value), analytic \(analytic)")
        XCTAssertTrue(even.sentence.hasPrefix("pays if repeat contacts fall by at least"), even.sentence)
    }

    /// Equal service: a 20% handle-time cut needs fewer agents for the same 80/20 (the factor
    /// drops well below the other arm's), and the labour saved is the ROI's benefit; agent time
    /// saved is not counted a second time.
    func testEqualServiceTurnsHandleTimeIntoLabourSaved() throws {
        let scenario = try ROIScenario.load(program: "      effects: {handle_time: {deterministic: -20%}}", patience: true, warmup: "1w")
        let arms = try ROIArms.program("course", in: scenario)
        let staffed = try EqualService(replications: 4, jobs: 2).staff(arms)
        XCTAssertLessThan(staffed.factorWith, staffed.factorWithout - 0.05, "with × \(staffed.factorWith), without × \(staffed.factorWithout)")
        let result = try ROIStudy(arms: staffed.arms, replications: 4, jobs: 2, mode: .equalService).run()
        XCTAssertGreaterThan(try XCTUnwrap(result.estimate(.labourSaved).mean), 0)
        XCTAssertGreaterThan(result.handlingHoursSaved.mean, 0)
    }

    func testUnknownProgramIsNamedWithASuggestion() throws {
        let scenario = try ROIScenario.load(program: "")
        XCTAssertThrowsError(try ROIArms.program("cours", in: scenario)) { error in
            XCTAssertEqual("\(error)", "no training program 'cours' in roi-test.yaml; did you mean 'course'? (programs: course)")
        }
    }
}
