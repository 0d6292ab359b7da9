import Foundation
import Scenarios
import TrainingROI
import XCTest

/// A program that does nothing has nothing to pay back: no "week 1" payback from a run of zeros,
/// a verdict that says so, a cost interval that stays within what replications cost, and a
/// single program compared with no training at all.
final class NoEffectTests: XCTestCase {
    func ledger(_ weeks: [ArmWeek]) -> ArmLedger { ArmLedger(weeks: weeks, hourlyRate: 1, labourCost: 0) }

    /// Arms with `cost` charged in week index `costWeek` and `saving` repeats (valued at 1) avoided each week.
    func pair(_ r: Int, cost: Double = 0, costWeek: Int = 0, saving: [Int] = Array(repeating: 0, count: 6),
              handleSaved: Double = 0) -> PairedReplication {
        var with = Array(repeating: ArmWeek(channels: 1), count: saving.count)
        var without = with
        with[costWeek].trainingCost = cost
        for w in saving.indices { without[w].repeats = saving[w] }
        without[0].handleSeconds += handleSaved
        return PairedReplication(replication: r, with: ledger(with), without: ledger(without),
                                 valuation: ROIValuation(values: .init(perRepeatAvoided: 1)))
    }

    var valuation: ROIValuation { ROIValuation(values: .init(perRepeatAvoided: 1)) }

    func testAReplicationWithNeitherCostNorBenefitHasNoPayback() {
        let nothing = pair(0)
        XCTAssertEqual(nothing.cumulativeNet, Array(repeating: 0, count: 6))
        XCTAssertNil(nothing.paybackWeek, "a run of zeros is not a payback in week 1")
        XCTAssertNil(nothing.discountedPaybackWeek)
        let result = ROIResult(replications: [pair(0), pair(1), pair(2)], valuation: valuation)
        XCTAssertNil(result.payback.median)
        XCTAssertEqual(result.payback.withinHorizon, 0)
        XCTAssertTrue(result.isInert)
        let csv = String(decoding: ROIFiles.replicationsCSV(result), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(csv[1].split(separator: ",", omittingEmptySubsequences: false)[5], "", "no payback_week for a replication that did nothing")
    }

    /// Money spent in week 3 after two weeks of benefit: the cumulative net never goes below 0,
    /// yet the money is only recovered from week 3 on, when it was spent.
    func testPaybackIsNeverBeforeTheMoneyIsSpent() {
        let late = pair(0, cost: 50, costWeek: 2, saving: [30, 30, 30, 30])
        XCTAssertEqual(late.cumulativeNet, [30, 60, 40, 70])
        XCTAssertEqual(late.paybackWeek, 3)
        // Cost first: the week cumulative net turns non-negative for good, as before.
        let early = pair(0, cost: 100, saving: [30, 30, 30, 30, 30])
        XCTAssertEqual(early.paybackWeek, 4)
        // No cost but a cash benefit from week 2: counted from its first week of cash.
        XCTAssertEqual(pair(0, saving: [0, 5, 5]).paybackWeek, 2)
    }

    func testVerdictOfAProgramThatChangedNothingSaysThereIsNoEffect() {
        let result = ROIResult(replications: [pair(0), pair(1)], valuation: valuation)
        let sentence = ROIVerdict.sentence(result, subject: "nothing", versus: nil)
        XCTAssertTrue(sentence.hasPrefix("Nothing made no difference in any of the 2 replications over 6 weeks"), sentence)
        XCTAssertTrue(sentence.contains("there is no effect to evaluate"), sentence)
        XCTAssertFalse(sentence.contains("pays back"), sentence)
    }

    /// Time saved but no cash either way: not inert, but still nothing to pay back.
    func testVerdictOfAFreeProgramWithoutCashSaysThereIsNothingToPayBack() {
        let result = ROIResult(replications: [pair(0, handleSaved: 3600), pair(1, handleSaved: 7200)], valuation: valuation)
        XCTAssertFalse(result.isInert)
        XCTAssertTrue(result.hasNoCash)
        let sentence = ROIVerdict.sentence(result, subject: "nothing", versus: nil)
        XCTAssertEqual(sentence, "Nothing costs nothing and returns no cash over 6 weeks: there is nothing to pay back"
            + " (what it changed is in the capacity and service figures)")
    }

    /// One replication in eight carries all the cost (the one that hired): the t-interval of the
    /// mean reaches below 0, which no mean of these costs can be; it is held at the smallest cost.
    func testCostIntervalStaysWithinTheReplicationsCosts() throws {
        var replications = (0..<7).map { pair($0) }
        replications.append(pair(7, cost: 9000))
        let result = ROIResult(replications: replications, valuation: valuation)
        let raw = ROIResult.Estimate(replications.map(\.cost), level: 0.95)
        XCTAssertLessThan(try XCTUnwrap(raw.lower), 0, "the t-interval itself goes below 0")
        XCTAssertEqual(result.cost.lower, 0)
        XCTAssertEqual(result.cost.upper, raw.upper)
        XCTAssertEqual(result.cost.clamped, true)
        XCTAssertEqual(result.cost.mean, 9000.0 / 8, accuracy: 1e-9)
        XCTAssertEqual(result.estimate(.directCost).lower, 0)
        // Net benefit is not a cost: its interval is the plain t-interval, past the largest net (0) here.
        XCTAssertNil(result.net.clamped)
        XCTAssertGreaterThan(try XCTUnwrap(result.net.upper), 0)
    }

    /// ROI is mean net over mean cost: a cheap replication that pays ten times over cannot make
    /// ROI positive while the mean net is negative (the mean of the replications' ratios was
    /// (+900% − 90%) / 2 = +405% here, beside a mean net of −400). The interval is the delta
    /// method's, by hand: residuals nᵢ − R·cᵢ, their sd over the mean cost, t(0.975, 1) = 12.706.
    func testROIIsTheRatioOfTheMeansAndSharesTheNetsSign() throws {
        let cheap = pair(0, cost: 100, saving: [1000, 0, 0, 0, 0, 0])   // net +900, ROI +900%
        let dear = pair(1, cost: 2000, saving: [200, 0, 0, 0, 0, 0])    // net −1800, ROI −90%
        let result = ROIResult(replications: [cheap, dear], valuation: valuation)
        XCTAssertEqual(result.net.mean, -450, accuracy: 1e-9)
        let roi = try XCTUnwrap(result.roi)
        let r = -450.0 / 1050
        XCTAssertEqual(roi.mean, r, accuracy: 1e-12)
        XCTAssertLessThan(roi.mean, 0, "the net's sign")
        let residuals = [900 - r * 100, -1800 - r * 2000]
        let sd = abs(residuals[0] - residuals[1]) / 2.0.squareRoot() / 1050
        XCTAssertEqual(roi.standardDeviation, sd, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(roi.upper) - roi.mean, 12.7062 * sd / 2.0.squareRoot(), accuracy: 1e-3 * sd)
        XCTAssertNil(ROIResult(replications: [pair(0), pair(1)], valuation: valuation).roi, "no cost, no ROI")
    }

    /// `--program placebo` with another program in the file: the arm with placebo runs placebo
    /// alone, the other no program at all, so the other program cannot take part in the difference.
    func testASingleProgramIsComparedWithNoTrainingAtAll() throws {
        let scenario = try ROIScenario.load(program: """
                  effects: {handle_time: -10%}
                - name: placebo
                  participants: everyone
                  off_phone: 2h
            """)
        let arms = try ROIArms.program("placebo", in: scenario)
        XCTAssertEqual(arms.with.center.training?.programs.map(\.name), ["placebo"])
        XCTAssertEqual(arms.without.center.training?.programs.map(\.name), [])
        XCTAssertEqual(arms.without.center.training?.valuation, scenario.center.training?.valuation, "the valuation stays")
        let versus = try ROIArms.program("placebo", versus: "course", in: scenario)
        XCTAssertEqual(versus.with.center.training?.programs.map(\.name), ["placebo"])
        XCTAssertEqual(versus.without.center.training?.programs.map(\.name), ["course"])
        let ranked = try ProgramRanking.arms("placebo", of: ["placebo"], in: scenario)
        XCTAssertEqual(ranked.with.center.training?.programs.map(\.name), ["placebo"])
        XCTAssertEqual(ranked.without.center.training?.programs.map(\.name), [])
        let result = try ROIStudy(arms: arms, replications: 2, jobs: 2).run()
        XCTAssertEqual(result.estimate(.offPhoneWages).mean, 24 * 2 * 30, accuracy: 1e-6)
    }

    /// Net and cost add their lines in one order whatever order a dictionary holds them in: with
    /// magnitudes far apart the last bits of a sum depend on its order, and a net of exactly
    /// x.5 then printed differently in the table and in roi.json.
    func testNetAndCostDoNotDependOnTheDictionarysOrder() {
        let values: [ROILine: Double] = [.directCost: 1e16, .offPhoneWages: 1, .repeatsAvoided: 1e16, .escalationsAvoided: 1,
                                         .abandonmentsAvoided: 3, .replacementsAvoided: 0.5, .penaltiesAvoided: 7]
        var nets = Set<Double>(), costs = Set<Double>()
        // A dictionary's order follows its capacity (grown by `reduce(into:)`, or a literal's).
        for seed in 0..<50 {
            var generator = SplitMix(seed: UInt64(seed))
            var lines = [ROILine: Double](minimumCapacity: seed)
            for line in values.keys.shuffled(using: &generator) { lines[line] = values[line] }
            nets.insert(ROIValuation.net(lines))
            costs.insert(ROIValuation.cost(lines))
        }
        XCTAssertEqual(nets.count, 1, "\(nets)")
        XCTAssertEqual(costs.count, 1, "\(costs)")
    }
}

/// A seeded generator for shuffles that are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
