import ContactCenter
import Experiments
import Scenarios
import XCTest

/// `CenterSummary` on hand-built replications, against figures computed by
/// hand from the counts (see `TwoChannelCenter`).
final class CenterSummaryTests: XCTestCase {
    let summary = TwoChannelCenter.summary()
    let r = [0.0, 1, 2]

    func assertSummary(_ item: MetricSummary?, _ values: [Double], file: StaticString = #filePath, line: UInt = #line) {
        guard let item, let mean = item.mean else { return XCTFail("no value", file: file, line: line) }
        let hand = HandStatistics(values)
        XCTAssertEqual(item.replications, values.count, file: file, line: line)
        XCTAssertEqual(mean, hand.mean, accuracy: 1e-12 * max(1, abs(hand.mean)), file: file, line: line)
        XCTAssertEqual(item.standardDeviation!, hand.sd, accuracy: 1e-9 * max(1, hand.sd), file: file, line: line)
        XCTAssertEqual(item.confidenceInterval!.halfWidth, hand.halfWidth3, accuracy: 1e-6 * max(1, hand.halfWidth3), file: file, line: line)
    }

    func testChannelFiguresMatchTheCounts() {
        let voice = summary.channels[0].metrics
        assertSummary(voice[.offered], r.map { 150 + 10 * $0 })
        assertSummary(voice[.answered], r.map { 140 + 10 * $0 })
        assertSummary(voice[.serviceLevel], r.map { (120 + 5 * $0) / (150 + 10 * $0) })
        assertSummary(voice[.serviceLevelOffered], r.map { (120 + 5 * $0) / (150 + 10 * $0) })
        assertSummary(voice[.serviceLevelExcludingShortAbandons], r.map { (120 + 5 * $0) / (146 + 10 * $0) })
        assertSummary(voice[.serviceLevelAnswered], r.map { (120 + 5 * $0) / (140 + 10 * $0) })
        assertSummary(voice[.averageSpeedOfAnswer], r.map { (1000 + 100 * $0) / (140 + 10 * $0) })
        assertSummary(voice[.abandonmentRate], r.map { 10 / (150 + 10 * $0) })
        assertSummary(voice[.probabilityOfWait], r.map { 50 / (150 + 10 * $0) })
        assertSummary(voice[.meanTimeInQueue], r.map { (1200 + 100 * $0) / (150 + 10 * $0) })
        assertSummary(voice[.meanQueueLength], r.map { 1.5 + $0 })
        assertSummary(voice[.waitP90], r.map { 30 + $0 })
        XCTAssertEqual(voice[.waitP50]?.mean, 2)
        XCTAssertEqual(voice[.unansweredAtEnd]?.mean, 0)

        // Email's service level is by its own convention: answered within T over answered.
        let email = summary.channels[1].metrics
        assertSummary(email[.serviceLevel], r.map { (15 + $0) / 18 })
        XCTAssertEqual(email[.serviceLevelOffered]!.mean!, HandStatistics(r.map { (15 + $0) / 20 }).mean, accuracy: 1e-12)
        assertSummary(email[.unansweredAtEnd], r.map { 2 + $0 })
        XCTAssertEqual(email[.abandonmentRate]?.mean, 0)
    }

    func testIntervalFiguresAndWorstInterval() {
        XCTAssertEqual(summary.intervals, [ReportingInterval(index: 0, start: 0, length: 1800),
                                           ReportingInterval(index: 1, start: 1800, length: 1800)])
        let voice = summary.channels[0]
        assertSummary(voice.intervals[0][.serviceLevel], r.map { (70 + 5 * $0) / (100 + 10 * $0) })
        XCTAssertEqual(voice.intervals[1][.serviceLevel]?.mean, 1)
        assertSummary(voice.intervals[0][.meanQueueLength], r.map { 2 + $0 })
        XCTAssertEqual(voice.intervals[0][.backlog]?.mean, 3)
        XCTAssertEqual(voice.intervals[0][.oldestAge]?.mean, 25)
        XCTAssertEqual(voice.worstInterval?.interval.index, 0)
        XCTAssertEqual(voice.worstInterval!.serviceLevel, HandStatistics(r.map { (70 + 5 * $0) / (100 + 10 * $0) }).mean, accuracy: 1e-12)
        // Per-interval offered adds up to the whole run.
        let offered = voice.intervals.map { $0[.offered]!.mean! }.reduce(0, +)
        XCTAssertEqual(offered, voice.metrics[.offered]!.mean!, accuracy: 1e-9)

        let frontline = summary.teams[0]
        // A share is brought back into 0…1 (the hand-made 11 busy of 10 available is impossible).
        assertSummary(frontline.intervals[0][.occupancy], r.map { min(1, (9 + $0) / 10) })
        assertSummary(frontline.intervals[1][.busyAgents], r.map { 7 + $0 })
        XCTAssertEqual(frontline.intervals[1][.handled]?.mean, 51)
        XCTAssertEqual(summary.teams[1].intervals[0][.occupancy]?.mean, 1)
    }

    func testVerdictsAgainstTargetAndCeilings() {
        let voice = summary.channels[0]
        // SL 80.0%, 78.1%, 76.5%: mean below 80%, interval reaching above it.
        XCTAssertEqual(voice.serviceLevel.verdict, .missedOnMean)
        XCTAssertEqual(voice.serviceLevel.passed, false)
        // ASA about 7 s against a 30 s ceiling.
        XCTAssertEqual(voice.averageSpeedOfAnswerCeiling?.verdict, .met)
        // Abandonment 6.7%, 6.3%, 5.9% against 5%: the whole interval is above the ceiling.
        XCTAssertEqual(voice.abandonmentCeiling?.verdict, .missed)
        XCTAssertEqual(voice.abandonmentCeiling?.limit, 0.05)
        // Email has no ceilings; 83%, 89%, 94% answered within 4 h against 90%.
        XCTAssertNil(summary.channels[1].averageSpeedOfAnswerCeiling)
        XCTAssertNil(summary.channels[1].abandonmentCeiling)
        XCTAssertEqual(summary.channels[1].serviceLevel.verdict, .missedOnMean)
    }

    func testTierFiguresMatchTheCounts() {
        let tier1 = summary.tiers[0].metrics
        assertSummary(tier1[.handled], r.map { 158 + 10 * $0 })
        assertSummary(tier1[.resolved], r.map { 148 + 10 * $0 })
        assertSummary(tier1[.firstContactResolution], r.map { (148 + 10 * $0) / (153 + 10 * $0) })
        assertSummary(tier1[.escalationRate], r.map { 5 / (158 + 10 * $0) })
        XCTAssertEqual(tier1[.repeatContacts]?.mean, 3)
        assertSummary(tier1[.meanResolutionTime], r.map { ((80 + 10 * $0) * 400 + 50 * 320 + 18 * 4000) / (148 + 10 * $0) })
        XCTAssertEqual(tier1[.resolvedWithinTarget]?.mean, 1)
        assertSummary(tier1[.averageHandleTime], r.map { ((90 + 10 * $0) * 300 + 50 * 300 + 18 * 600) / (158 + 10 * $0) })

        let tier2 = summary.tiers[1].metrics
        XCTAssertEqual(tier2[.handled]?.mean, 5)
        XCTAssertEqual(tier2[.meanResolutionTime]?.mean, 3600)
        XCTAssertEqual(tier2[.averageHandleTime]?.mean, 600)
        // Tier 2 only takes escalations: no first contact, so no FCR in any replication.
        XCTAssertEqual(tier2[.firstContactResolution]?.replications, 0)
        XCTAssertNil(tier2[.firstContactResolution]?.mean)
    }

    func testResolvedWithinTargetOnlyWithATarget() {
        var center = TwoChannelCenter.center
        center.resolutionTarget = nil
        let summary = CenterSummary(scenario: TwoChannelCenter.scenario, center: center, singleQueue: nil,
                                    replications: TwoChannelCenter.results)
        XCTAssertNil(summary.tiers[0].metrics[.resolvedWithinTarget])
        XCTAssertFalse(metricNames(for: center).contains("tier1.resolved_within_target"))
        XCTAssertTrue(metricNames(for: TwoChannelCenter.center).contains("tier1.resolved_within_target"))
    }

    func testTeamOccupancyUtilisationAndCost() {
        let frontline = summary.teams[0].metrics
        assertSummary(frontline[.occupancy], r.map { (8 + $0) / 10 })
        assertSummary(frontline[.utilisation], r.map { (8 + $0) / 12 })
        assertSummary(frontline[.busyAgents], r.map { 8 + $0 })
        XCTAssertEqual(frontline[.availableAgents]?.mean, 10)
        XCTAssertEqual(frontline[.overtimeHours]?.mean, 0.5)
        // 12 on-shift hours at 20, plus half an hour of overtime at 20 × 1.5.
        XCTAssertEqual(frontline[.labourCost]?.mean, 12 * 20 + 0.5 * 20 * 1.5)
        assertSummary(frontline[.costPerHandled], r.map { 255 / (100 + $0) })

        let experts = summary.teams[1].metrics
        XCTAssertEqual(experts[.occupancy]?.mean, 0.75)
        XCTAssertEqual(experts[.labourCost]?.mean, 80)
        XCTAssertEqual(experts[.costPerHandled]?.mean, 16)
    }

    func testWholeCenter() {
        let overall = summary.overall
        assertSummary(overall[.offered], r.map { 170 + 10 * $0 })
        assertSummary(overall[.handled], r.map { 163 + 10 * $0 })
        assertSummary(overall[.resolved], r.map { 153 + 10 * $0 })
        XCTAssertEqual(overall[.labourCost]?.mean, 335)
        assertSummary(overall[.costPerResolved], r.map { 335 / (153 + 10 * $0) })
        assertSummary(overall[.costPerHandled], r.map { 335 / (163 + 10 * $0) })
        XCTAssertEqual(overall[.totalCost]?.mean, 335, "no penalty, no workforce: total = labour")
        XCTAssertNil(overall[.slaPenalty]?.mean, "no channel has a penalty")
        XCTAssertEqual(summary.arrivalsSimulated, 603)
        XCTAssertEqual(summary.eventsHandled, 3003)
        XCTAssertEqual(summary.replications, 3)
        XCTAssertNil(summary.reference, "no Erlang reference for a multi-channel center")
    }

    /// Voice misses its 80% in interval 0 of every replication (70/100, 75/110, 80/120) and
    /// meets it in interval 1; over the whole run it is 120/150 = 80% (met), 125/160 and 130/170
    /// (missed). Email (SL over answered, 90%) misses in interval 0 for r = 0, 1 (15/18, 16/18).
    func testServiceLevelMissesAndPenalties() {
        XCTAssertEqual(summary.channels[0].metrics[.serviceLevelMisses]?.mean, 1, "intervals missed, without a penalty")
        assertSummary(summary.channels[1].metrics[.serviceLevelMisses], [1, 1, 0])

        var center = TwoChannelCenter.center
        center.channels[0].missPenalty = ServiceLevelPenalty(amount: 500, per: .run)
        center.channels[1].missPenalty = ServiceLevelPenalty(amount: 100, per: .interval)
        let priced = TwoChannelCenter.summary(center: center)
        assertSummary(priced.channels[0].metrics[.serviceLevelMisses], [0, 1, 1])
        let penalties = [100.0, 600, 500]
        assertSummary(priced.overall[.slaPenalty], penalties)
        assertSummary(priced.overall[.totalCost], penalties.map { 335 + $0 })
        assertSummary(priced.overall[.costPerHandled], zip(r, penalties).map { (335 + $1) / (163 + 10 * $0) })

        center.channels[0].missPenalty = ServiceLevelPenalty(amount: 500, per: .day)
        let daily = TwoChannelCenter.summary(center: center)
        assertSummary(daily.channels[0].metrics[.serviceLevelMisses], [0, 1, 1]) // a one-hour run lies within one day
    }

    func testMetricValuesQualifyEveryScopeAndKeepTheSingleQueueNames() {
        let values = metricValues(of: summary)
        // Unqualified: the first channel's and the first team's.
        XCTAssertEqual(values["service_level"], summary.channels[0].metrics[.serviceLevel]?.mean)
        XCTAssertEqual(values["asa"], summary.channels[0].metrics[.averageSpeedOfAnswer]?.mean)
        XCTAssertEqual(values["occupancy"], summary.teams[0].metrics[.occupancy]?.mean)
        // Qualified, every scope.
        XCTAssertEqual(values["voice.service_level"], values["service_level"])
        XCTAssertEqual(values["email.service_level"], summary.channels[1].metrics[.serviceLevel]?.mean)
        XCTAssertEqual(values["tier1.fcr"], summary.tiers[0].metrics[.firstContactResolution]?.mean)
        XCTAssertEqual(values["experts.labour_cost"], 80)
        XCTAssertEqual(values["frontline.occupancy"], values["occupancy"])
        XCTAssertEqual(values["center.labour_cost"], 335)
        // Undefined in every replication: absent.
        XCTAssertNil(values["tier2.fcr"])
        // Every name given is announced beforehand.
        let names = metricNames(for: TwoChannelCenter.center)
        XCTAssertTrue(Set(values.keys).isSubset(of: Set(names)), "\(Set(values.keys).subtracting(names))")
        XCTAssertEqual(Set(names).count, names.count, "names are unique")
        XCTAssertTrue(names.contains("tier2.fcr"))
    }

    func testIntervalsMeasuredByEveryReplication() {
        // A replication closed early (max_arrivals) measured one interval only.
        var results = TwoChannelCenter.results
        results[1].intervalCount = 1
        results[1].measuredDuration = 1200
        let summary = TwoChannelCenter.summary(results)
        XCTAssertEqual(summary.intervals.count, 1)
        XCTAssertEqual(summary.channels[0].intervals.count, 1)
        XCTAssertNil(summary.channels[0].worstInterval, "no worst interval with a single interval")
    }
}
