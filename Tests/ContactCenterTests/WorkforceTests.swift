import ContactCenter
import Foundation
import Scenarios
import Stochastics
import XCTest

/// Workforce dynamics (tenure, learning, attrition, hiring) and training programs in the full model.
final class WorkforceTests: XCTestCase {
    typealias F = CenterFixtures
    static let week = 7 * 86_400.0

    /// One voice channel and one team on a 24-hour shift every day, with `seats` seats.
    func center(seats: Int, ratePerHour: Double = 2, handle: Distribution = .exponential(mean: 300),
                resolved: Double = 1, repeats: RepeatContacts? = nil, workforce: TeamWorkforce?) -> CenterSpec {
        let tier = F.tier(handle: [handle], resolved: resolved, repeats: repeats)
        let team = AgentTeamSpec(name: "a", skills: [Skill(channel: 0, tier: 0)],
                                 shifts: [Shift(start: 0, length: 86_400, agents: seats)], workforce: workforce)
        return F.center(channels: [F.voice(ratePerHour: ratePerHour)], tiers: [tier], teams: [team])
    }

    func run(weeks: Int, seed: UInt64 = 7) -> RunSettings {
        RunSettings(horizon: Double(weeks) * Self.week, warmup: 0, interval: Self.week, replications: 1, seed: seed)
    }

    func testNoAttritionNoHiresKeepsTheWorkforceConstant() throws {
        let workforce = TeamWorkforce(initialTenure: .uniform(lower: 0, upper: 100 * Self.week),
                                      learningCurve: LearningCurve(newHireHandleTime: 1.5, timeConstant: 6 * Self.week))
        let result = try ContactCenterSimulator.run(center(seats: 30, workforce: workforce), run: run(weeks: 10), replication: 0)
        XCTAssertEqual(result.workforceWeeks.count, 10)
        for week in result.workforceWeeks {
            XCTAssertEqual(week.headcount, 30)
            XCTAssertEqual(week.leavers, 0)
            XCTAssertEqual(week.hires, 0)
        }
        // Tenure moves the multiplier toward 1 week by week.
        XCTAssertGreaterThan(result.workforceWeeks[0].meanHandleTimeMultiplier, result.workforceWeeks[9].meanHandleTimeMultiplier)
        XCTAssertGreaterThan(result.workforceWeeks[9].meanHandleTimeMultiplier, 1)
    }

    func testNoWorkforceLeavesNoWeeks() throws {
        let result = try ContactCenterSimulator.run(center(seats: 5, workforce: nil), run: run(weeks: 2), replication: 0)
        XCTAssertTrue(result.workforceWeeks.isEmpty)
    }

    /// Without replacement, the headcount at the start of week t is Binomial(N0, (1 − h)^t):
    /// its mean over R replications lies within 4 standard errors of N0 (1 − h)^t.
    func testHeadcountUnderAConstantHazardMatchesTheory() throws {
        let n0 = 200, h = 0.03, weeks = 26, replications = 20
        let workforce = TeamWorkforce(attrition: Attrition(steps: [.init(weeklyRate: h)]))
        let spec = center(seats: n0, ratePerHour: 0.5, workforce: workforce)
        var sums = Array(repeating: 0.0, count: weeks)
        for r in 0..<replications {
            let result = try ContactCenterSimulator.run(spec, run: run(weeks: weeks), replication: r)
            for w in 0..<weeks { sums[w] += Double(result.workforceWeeks[w].headcount) }
        }
        for w in 0..<weeks {
            let p = pow(1 - h, Double(w))
            let expected = Double(n0) * p
            let standardError = (Double(n0) * p * (1 - p) / Double(replications)).squareRoot()
            XCTAssertEqual(sums[w] / Double(replications), expected, accuracy: 4 * standardError + 1e-9, "week \(w)")
        }
    }

    /// Leavers of week w leave at its end and are replaced `lead_time` weeks later, exactly.
    func testReplacementsFollowTheLeadTime() throws {
        let workforce = TeamWorkforce(attrition: Attrition(annual: 0.6),
                                      hiring: Hiring(leadTime: 3 * Self.week, costPerHire: 8000, onboarding: Self.week))
        let result = try ContactCenterSimulator.run(center(seats: 100, workforce: workforce), run: run(weeks: 20), replication: 0)
        let weeks = result.workforceWeeks
        XCTAssertGreaterThan(weeks.reduce(0) { $0 + $1.leavers }, 5)
        for w in 0..<weeks.count {
            let expectedHires = w >= 4 ? weeks[w - 4].leavers : 0
            XCTAssertEqual(weeks[w].hires, expectedHires, "week \(w)")
            XCTAssertEqual(weeks[w].hiringCost, Double(expectedHires) * 8000)
        }
        // A hire's first week is onboarding: 7 paid shifts of 24 h each.
        XCTAssertEqual(weeks[10].onboardingSeconds, Double(weeks[10].hires) * 7 * 86_400)
    }

    /// A program with no effect and no time off the phones changes no service figure (same seed),
    /// while its costs are booked.
    func testZeroEffectProgramChangesNothing() throws {
        let workforce = TeamWorkforce(initialTenure: .uniform(lower: 0, upper: 50 * Self.week),
                                      learningCurve: LearningCurve(newHireHandleTime: 1.6, newHireFCR: -0.15, timeConstant: 6 * Self.week,
                                                                   proficiencySpread: try .lognormal(mean: 1, cv: 0.1)),
                                      attrition: Attrition(annual: 0.4), hiring: Hiring(leadTime: 2 * Self.week, costPerHire: 8000))
        let base = center(seats: 12, ratePerHour: 60, resolved: 0.7,
                          repeats: RepeatContacts(afterUnresolved: 0.5, delay: .exponential(mean: 86_400)), workforce: workforce)
        var zero = TrainingEffects(halfLife: 4 * Self.week)
        for kind in TrainingEffects.Kind.allCases { zero[kind] = .deterministic(0) }
        var with = base
        with.training = TrainingSpec(programs: [TrainingProgram(name: "nothing", participants: .everyone, startWeek: 1, cohortSize: 4,
                                                                costPerAgent: 100, fixedCost: 1000, effects: zero)])
        let a = try ContactCenterSimulator.run(base, run: run(weeks: 8), replication: 0)
        let b = try ContactCenterSimulator.run(with, run: run(weeks: 8), replication: 0)
        XCTAssertGreaterThan(a.allResolutions.handled, 1000)
        XCTAssertEqual(a.cells, b.cells)
        XCTAssertEqual(a.teamTotals, b.teamTotals)
        XCTAssertEqual(a.workforceWeeks.map(\.headcount), b.workforceWeeks.map(\.headcount))
        // Everyone on the payroll enrols once (hires too, as they join): the fixed cost and 100 per enrolment.
        let cost = b.workforceWeeks.reduce(0) { $0 + $1.trainingCost }
        XCTAssertGreaterThanOrEqual(cost, 1000 + 12 * 100)
        XCTAssertEqual((cost - 1000).truncatingRemainder(dividingBy: 100), 0)

        // The same program with a real effect does change the figures (the test can fail).
        var faster = with
        faster.training!.programs[0].effects[.handleTime] = .deterministic(-0.3)
        let c = try ContactCenterSimulator.run(faster, run: run(weeks: 8), replication: 0)
        XCTAssertLessThan(c.allResolutions.averageHandleTime!, 0.9 * a.allResolutions.averageHandleTime!)
    }

    /// Removing one program leaves the other's effect draws, hence its results, unchanged.
    func testRemovingAProgramKeepsTheOthersDraws() throws {
        let workforce = TeamWorkforce(attrition: Attrition(annual: 0.3))
        var spec = center(seats: 10, ratePerHour: 40, workforce: workforce)
        let a = TrainingProgram(name: "alpha", participants: .everyone, effects: TrainingEffects([.handleTime: .uniform(lower: 0, upper: 0.01)]))
        let b = TrainingProgram(name: "beta", participants: .everyone, effects: TrainingEffects([.handleTime: .uniform(lower: -0.5, upper: -0.1)]))
        spec.training = TrainingSpec(programs: [a, b])
        var onlyBeta = spec
        onlyBeta.training!.programs = [b]
        let both = try ContactCenterSimulator.run(spec, run: run(weeks: 3), replication: 0)
        let single = try ContactCenterSimulator.run(onlyBeta, run: run(weeks: 3), replication: 0)
        // Week 1 multipliers: beta's draw alone, and beta's times alpha's (within 1%).
        let ratio = both.workforceWeeks[1].meanHandleTimeMultiplier / single.workforceWeeks[1].meanHandleTimeMultiplier
        XCTAssertLessThan(single.workforceWeeks[1].meanHandleTimeMultiplier, 0.9)
        XCTAssertEqual(ratio, 1.005, accuracy: 0.0051)
    }

    /// A team of new hires whose learning is very slow handles every contact in
    /// new_hire_handle_time × the base time: the mean handle time is 1.6 × 300 s.
    func testNewHiresHandleAtTheLearningCurveMultiplier() throws {
        let workforce = TeamWorkforce(learningCurve: LearningCurve(newHireHandleTime: 1.6, timeConstant: 10_000 * Self.week))
        let spec = center(seats: 40, ratePerHour: 120, handle: .exponential(mean: 300), workforce: workforce)
        let result = try ContactCenterSimulator.run(spec, run: run(weeks: 1), replication: 0)
        let handled = result.allResolutions.handled
        XCTAssertGreaterThan(handled, 15_000)
        // Exponential handle times: the mean of n has standard error mean/√n; allow 4 of them.
        XCTAssertEqual(result.allResolutions.averageHandleTime!, 480, accuracy: 4 * 480 / Double(handled).squareRoot())
        XCTAssertEqual(result.workforceWeeks[0].meanHandleTimeMultiplier, 1.6, accuracy: 1e-3)
    }

    /// Trainees limited to one chat at a time work exactly like agents on a channel of concurrency 1.
    func testTraineeChatLimit() throws {
        func spec(concurrency: Int, limit: Int?) -> CenterSpec {
            let limits = limit.map { [TenureLimit(until: 100 * Self.week, maxChats: $0)] } ?? []
            var c = center(seats: 8, ratePerHour: 80, workforce: TeamWorkforce(learningCurve: LearningCurve(timeConstant: Self.week, limits: limits)))
            c.channels[0] = F.voice("chat", ratePerHour: 80, patience: .exponential(mean: 600), kind: .chat,
                                    chat: ChatSettings(concurrency: concurrency, slowdown: 0.2))
            return c
        }
        let limited = try ContactCenterSimulator.run(spec(concurrency: 3, limit: 1), run: run(weeks: 1), replication: 0)
        let single = try ContactCenterSimulator.run(spec(concurrency: 1, limit: nil), run: run(weeks: 1), replication: 0)
        let free = try ContactCenterSimulator.run(spec(concurrency: 3, limit: nil), run: run(weeks: 1), replication: 0)
        XCTAssertGreaterThan(single.outcomes(channel: 0).abandoned, 100)
        XCTAssertEqual(limited.cells, single.cells)
        XCTAssertLessThan(free.outcomes(channel: 0).abandoned, single.outcomes(channel: 0).abandoned / 2)
    }

    /// Trainees limited to tier 1 take no tier-2 work until their limit's tenure passes (limits
    /// are read at mid-week): a team of new hires limited for their first week handles no tier-2
    /// contact in a one-week run, and in a two-week run works the week-1 backlog from week 2 on.
    /// (Handlings count in the interval of the contact's arrival.)
    func testTraineeTierLimit() throws {
        func spec(until: Double) -> CenterSpec {
            let limits = [TenureLimit(until: until, tiers: [0])]
            var c = center(seats: 6, ratePerHour: 20, workforce: TeamWorkforce(learningCurve: LearningCurve(timeConstant: Self.week, limits: limits)))
            c.channels[0] = F.voice("email", ratePerHour: 20, kind: .email, tierShares: [0.7, 0.3])
            c.tiers = [F.tier("tier1", handle: [.exponential(mean: 300)]), F.tier("tier2", handle: [.exponential(mean: 300)])]
            c.teams[0].skills = [Skill(channel: 0, tier: 0), Skill(channel: 0, tier: 1)]
            c.routing.priorities = [[0, 0]]
            return c
        }
        let oneWeek = try ContactCenterSimulator.run(spec(until: Self.week), run: run(weeks: 1), replication: 0)
        XCTAssertGreaterThan(oneWeek.resolutions(tier: 0).handled, 2000)
        XCTAssertEqual(oneWeek.resolutions(tier: 1).handled, 0, "no tier-2 handling while the whole team is in training")
        XCTAssertGreaterThan(oneWeek.unansweredAtEnd[0], 800, "tier-2 email waits")
        let twoWeeks = try ContactCenterSimulator.run(spec(until: Self.week), run: run(weeks: 2), replication: 0)
        XCTAssertGreaterThan(twoWeeks.resolutions(interval: 0, tier: 1).handled, 800, "cleared in week 2: the backlog is worked")
        let unlimited = try ContactCenterSimulator.run(spec(until: 0.001), run: run(weeks: 1), replication: 0)
        XCTAssertGreaterThan(unlimited.resolutions(tier: 1).handled, 800)
        // Half trainees, half experienced: tier-2 work passes over trainees at the front of the
        // free pool to the experienced agents behind them, and all of it is done.
        var mixed = spec(until: Self.week)
        mixed.teams[0].workforce?.initialTenure = .uniform(lower: 0, upper: 3 * Self.week)
        let shared = try ContactCenterSimulator.run(mixed, run: run(weeks: 1), replication: 0)
        XCTAssertGreaterThan(shared.resolutions(tier: 1).handled, 800)
        XCTAssertLessThan(shared.unansweredAtEnd[0], 20)
    }

    /// Effects start when the participant's off-phone weeks end and halve every half-life
    /// (evaluated at mid-week): 1 − 0.5 × 0.5^(age / half-life).
    func testEffectsFadeWithTheirHalfLife() throws {
        var spec = center(seats: 6, ratePerHour: 1, workforce: nil)
        spec.training = TrainingSpec(programs: [TrainingProgram(name: "p", participants: .everyone, spreadWeeks: 1,
                                                                effects: TrainingEffects([.handleTime: .deterministic(-0.5)], halfLife: 2 * Self.week))])
        let weeks = try ContactCenterSimulator.run(spec, run: run(weeks: 5), replication: 0).workforceWeeks
        XCTAssertEqual(weeks[0].meanHandleTimeMultiplier, 1, accuracy: 1e-12)
        for w in 1..<5 {
            let age = Double(w) + 0.5 - 1
            XCTAssertEqual(weeks[w].meanHandleTimeMultiplier, 1 - 0.5 * pow(0.5, age / 2), accuracy: 1e-12, "week \(w)")
        }
    }

    /// Off-phone training time is taken inside shifts and recorded; the agents are less available.
    func testTrainingTimeIsTakenOffThePhones() throws {
        let spec0 = center(seats: 10, ratePerHour: 10, workforce: nil)
        var spec = spec0
        spec.training = TrainingSpec(programs: [TrainingProgram(name: "course", participants: .teams([0]), startWeek: 1,
                                                                offPhoneHours: 14, spreadWeeks: 2, weeklyCoachingMinutes: 30)])
        let a = try ContactCenterSimulator.run(spec0, run: run(weeks: 4), replication: 0)
        let b = try ContactCenterSimulator.run(spec, run: run(weeks: 4), replication: 0)
        let training = b.workforceWeeks.map(\.trainingSeconds)
        XCTAssertEqual(training[0], 0)
        XCTAssertEqual(training[1], 10 * (7 + 0.5) * 3600, accuracy: 1e-6)
        XCTAssertEqual(training[2], 10 * (7 + 0.5) * 3600, accuracy: 1e-6)
        XCTAssertEqual(training[3], 10 * 0.5 * 3600, accuracy: 1e-6)
        // Every training second is lost to the phones, except where an agent finishes the
        // contact in hand as the block begins (staffed until it ends): a few percent at most here.
        let lost = a.teamTotals[0].availableSeconds - b.teamTotals[0].availableSeconds
        let total = training.reduce(0, +)
        XCTAssertLessThanOrEqual(lost, total + 1)
        XCTAssertGreaterThan(lost, 0.97 * total)
        XCTAssertEqual(a.teamTotals[0].paidSeconds, b.teamTotals[0].paidSeconds, accuracy: 1e-6)
    }
}

/// The bundled training-ROI example behaves as its comments say.
final class TrainingROIExampleTests: XCTestCase {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/training-roi.yaml").path

    /// Over 26 weeks the frontline loses agents at 35–45% a year (leavers over agent-weeks, × 52,
    /// pooled over 4 replications: about 4 × 26 × 50 agent-weeks, so the rate is known to ±15% of itself),
    /// hires replace them, and the onboarding program's participants book its cost.
    func testAttritionHiringAndTrainingOverHalfAYear() throws {
        let scenario = try ScenarioLoader.load(path: Self.path)
        var leavers = 0, agentWeeks = 0, hires = 0, trainingCost = 0.0
        for r in 0..<4 {
            let result = try ContactCenterSimulator.run(scenario, replication: r)
            XCTAssertEqual(result.workforceWeeks.count, 26 * 2)
            for week in result.workforceWeeks where week.team == 0 {
                leavers += week.leavers
                agentWeeks += week.headcount
                hires += week.hires
                trainingCost += week.trainingCost
            }
        }
        let annual = Double(leavers) / Double(agentWeeks) * 52
        XCTAssertGreaterThan(annual, 0.30)
        XCTAssertLessThan(annual, 0.50)
        XCTAssertGreaterThan(hires, leavers / 2)
        XCTAssertGreaterThan(trainingCost, 0)
    }
}
