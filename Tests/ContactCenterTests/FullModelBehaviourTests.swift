import ContactCenter
import Scenarios
import Statistics
import Stochastics
import XCTest

/// Known answers of the full model that hold exactly or by construction.
final class FullModelBehaviourTests: XCTestCase {
    typealias F = CenterFixtures

    /// Chat with concurrency 1 is voice without abandonment, contact for contact.
    func testChatWithConcurrencyOneIsVoice() throws {
        let exp = Distribution.exponential(mean: 300)
        let voice = F.center(channels: [F.voice(ratePerHour: 110)], tiers: [F.tier(handle: [exp])],
                             teams: [F.team("a", agents: 10, skills: [Skill(channel: 0, tier: 0)])])
        var chat = voice
        chat.channels[0] = F.voice("chat", ratePerHour: 110, kind: .chat, chat: ChatSettings(concurrency: 1, slowdown: 0.5))
        let run = F.run(hours: 24)
        let a = try ContactCenterSimulator.run(voice, run: run, replication: 0)
        let b = try ContactCenterSimulator.run(chat, run: run, replication: 0)
        XCTAssertGreaterThan(a.outcomes(channel: 0).delayed, 100)
        XCTAssertEqual(a.cells, b.cells)
        XCTAssertEqual(a.teamTotals, b.teamTotals)
    }

    /// Chat concurrency lets the same agents carry more work: with 3 chats each
    /// (and no slow-down) fewer customers wait than with 1.
    func testChatConcurrencyRaisesCapacity() throws {
        let exp = Distribution.exponential(mean: 600)
        func center(_ concurrency: Int) -> CenterSpec {
            F.center(channels: [F.voice("chat", ratePerHour: 100, kind: .chat, chat: ChatSettings(concurrency: concurrency, slowdown: 0))],
                     tiers: [F.tier(handle: [exp])], teams: [F.team("a", agents: 12, skills: [Skill(channel: 0, tier: 0)])])
        }
        let one = try ContactCenterSimulator.run(center(1), run: F.run(hours: 48), replication: 0)
        let three = try ContactCenterSimulator.run(center(3), run: F.run(hours: 48), replication: 0)
        XCTAssertEqual(one.outcomes(channel: 0).offered, three.outcomes(channel: 0).offered)
        XCTAssertLessThan(three.outcomes(channel: 0).probabilityOfWait!, 0.2 * one.outcomes(channel: 0).probabilityOfWait!)
    }

    /// Escalating every tier-1 contact (warm transfer) to a tier 2 with the same handle
    /// time doubles the handlings and, with ample staff, about doubles the busy time.
    func testFullEscalationDoublesWork() throws {
        let exp = Distribution.exponential(mean: 240)
        let plain = F.center(channels: [F.voice(ratePerHour: 200, tierShares: [1, 0])],
                             tiers: [F.tier(handle: [exp]), F.tier("tier2", handle: [exp])],
                             teams: [F.team("a", agents: 60, skills: [Skill(channel: 0, tier: 0), Skill(channel: 0, tier: 1)])])
        var escalating = plain
        escalating.tiers[0].resolved = 0
        escalating.tiers[0].escalated = 1
        escalating.tiers[0].escalation = Escalation(toTier: 1, mode: .warmTransfer)
        let run = F.run(hours: 200)
        let a = try ContactCenterSimulator.run(plain, run: run, replication: 0)
        let b = try ContactCenterSimulator.run(escalating, run: run, replication: 0)
        let offered = b.outcomes(channel: 0).offered
        XCTAssertEqual(offered, a.outcomes(channel: 0).offered)
        XCTAssertEqual(b.resolutions(tier: 0).escalated, b.resolutions(tier: 0).handled)
        XCTAssertEqual(b.allResolutions.handled, 2 * offered, accuracy: 60)  // contacts in service at the window's end aside
        XCTAssertEqual(b.resolutions(tier: 1).resolved, b.resolutions(tier: 0).escalated, accuracy: 60)
        // Busy time doubles up to sampling noise: about 40,000 handlings of cv 1 each, so ±2%.
        XCTAssertEqual(b.teamTotals[0].busySeconds / a.teamTotals[0].busySeconds, 2, accuracy: 0.04)
        XCTAssertEqual(b.allResolutions.firstContactResolution, 0)
        XCTAssertEqual(a.allResolutions.firstContactResolution, 1)
    }

    /// A customer left unresolved comes back with probability p, so each issue takes
    /// 1 / (1 − p(1 − FCR)) contacts on average (a geometric number of attempts).
    func testRepeatsRaiseVolumeByTheExpectedFactor() throws {
        let exp = Distribution.exponential(mean: 180)
        let fcr = 0.6, p = 0.5
        let center = F.center(channels: [F.voice(ratePerHour: 300)],
                              tiers: [F.tier(handle: [exp], resolved: fcr,
                                             repeats: RepeatContacts(afterUnresolved: p, delay: .exponential(mean: 120)))],
                              teams: [F.team("a", agents: 40, skills: [Skill(channel: 0, tier: 0)])])
        let result = try ContactCenterSimulator.run(center, run: F.run(hours: 200), replication: 0)
        let offered = Double(result.outcomes(channel: 0).offered)
        let repeats = Double(result.resolutions(channel: 0).repeatContacts)
        let expected = 1 / (1 - p * (1 - fcr))
        // About 60,000 issues: the ratio's standard error is below 0.003; allow 0.015.
        XCTAssertEqual(offered / (offered - repeats), expected, accuracy: 0.015)
        XCTAssertEqual(result.resolutions(channel: 0).firstContactResolution!, fcr, accuracy: 0.01)
    }

    /// With ample staff a customer's end-to-end resolution time includes the repeat delay.
    func testResolutionTimeCountsFromTheFirstContact() throws {
        let center = F.center(channels: [F.voice(ratePerHour: 60)],
                              tiers: [F.tier(handle: [.deterministic(100)], resolved: 0.5,
                                             repeats: RepeatContacts(afterUnresolved: 1, delay: .deterministic(1000)))],
                              teams: [F.team("a", agents: 50, skills: [Skill(channel: 0, tier: 0)])])
        let result = try ContactCenterSimulator.run(center, run: F.run(hours: 1000), replication: 0)
        // Attempts are geometric with success 1/2: mean resolution time = 100 + 1100 × E[attempts − 1] = 1200 s.
        // Its sd is 1100·√2 ≈ 1,556 s over about 60,000 issues: standard error ≈ 6.4 s; allow 30 s (≈ 4.7 SE).
        XCTAssertEqual(result.resolutions(channel: 0).meanResolutionTime!, 1200, accuracy: 30)
    }

    /// An overflow team that may take contacts at once pools with the primary team;
    /// one that may never take them changes nothing.
    func testOverflowThresholds() throws {
        let exp = Distribution.exponential(mean: 300)
        func center(overflowAfter: Double) -> CenterSpec {
            F.center(channels: [F.voice(ratePerHour: 200)], tiers: [F.tier(handle: [exp])],
                     teams: [F.team("primary", agents: 16, skills: [Skill(channel: 0, tier: 0)]),
                             F.team("overflow", agents: 4, skills: [Skill(channel: 0, tier: 0, overflowAfter: overflowAfter)])])
        }
        let never = try ContactCenterSimulator.run(center(overflowAfter: 1e12), run: F.run(hours: 24), replication: 0)
        XCTAssertEqual(never.teamTotals[1].handled, 0)
        let after30 = try ContactCenterSimulator.run(center(overflowAfter: 30), run: F.run(hours: 24), replication: 0)
        XCTAssertGreaterThan(after30.teamTotals[1].handled, 0)
        XCTAssertGreaterThan(after30.outcomes(channel: 0).serviceLevel(.offered)!, never.outcomes(channel: 0).serviceLevel(.offered)!)
    }

    func testPriorityServesTheHigherQueueFirst() throws {
        let exp = Distribution.exponential(mean: 300)
        var center = F.center(channels: [F.voice("vip", ratePerHour: 100), F.voice("standard", ratePerHour: 100)],
                              tiers: [F.tier(handle: [exp, exp])],
                              teams: [F.team("a", agents: 17, skills: [Skill(channel: 0, tier: 0), Skill(channel: 1, tier: 0)])])
        center.routing.priorities = [[5], [1]]
        let result = try ContactCenterSimulator.run(center, run: F.run(hours: 48), replication: 0)
        let vip = result.outcomes(channel: 0), standard = result.outcomes(channel: 1)
        XCTAssertLessThan(vip.averageSpeedOfAnswer!, 0.5 * standard.averageSpeedOfAnswer!)
    }

    func testEveryOfferedContactIsAccountedFor() throws {
        let exp = Distribution.exponential(mean: 400)
        let center = F.center(channels: [F.voice(ratePerHour: 150, patience: .exponential(mean: 100), tierShares: [0.7, 0.3]),
                                         F.voice("email", ratePerHour: 40, kind: .email, tierShares: [0.7, 0.3])],
                              tiers: [F.tier(handle: [exp, exp], resolved: 0.8, escalated: 0.2,
                                             escalation: Escalation(toTier: 1, mode: .ticket, ticketChannel: 1)),
                                      F.tier("tier2", handle: [exp, exp])],
                              teams: [F.team("a", agents: 14, skills: [Skill(channel: 0, tier: 0), Skill(channel: 1, tier: 0)]),
                                      F.team("b", agents: 5, skills: [Skill(channel: 0, tier: 1), Skill(channel: 1, tier: 1)])])
        let result = try ContactCenterSimulator.run(center, run: F.run(hours: 24, warmup: 0), replication: 0)
        for c in 0..<2 {
            let o = result.outcomes(channel: c)
            XCTAssertEqual(o.offered, o.answered + o.abandoned + o.unansweredAtEnd)
        }
        XCTAssertEqual(result.outcomes(channel: 1).abandoned, 0, "email never abandons")
        // Tickets are offered on the channel they join (email) when they join it in the window;
        // those created after it wait uncounted.
        XCTAssertLessThanOrEqual(result.outcomes(channel: 1).unansweredAtEnd, result.unansweredAtEnd[1])
    }
}

/// Demand and rota through the whole model.
final class FullModelCalendarTests: XCTestCase {
    typealias F = CenterFixtures

    /// A daily demand with a flat profile, neutral day factors and no busyness is the
    /// constant-rate model: the same arrivals, so exactly the same results.
    func testFlatDailyProfileEqualsConstantRate() throws {
        let exp = Distribution.exponential(mean: 300)
        let constant = F.center(channels: [F.voice(ratePerHour: 120, patience: .exponential(mean: 120))], tiers: [F.tier(handle: [exp])],
                                teams: [F.team("a", agents: 10, skills: [Skill(channel: 0, tier: 0)])])
        var daily = constant
        daily.channels[0].demand = DemandSpec(pattern: .daily(DailyDemand(volumePerDay: 120 * 24, profile: Array(repeating: 1, count: 48))))
        let run = RunSettings(horizon: 3 * 86_400, warmup: 0, interval: 1800, replications: 1, seed: 3)
        let a = try ContactCenterSimulator.run(constant, run: run, replication: 0)
        let b = try ContactCenterSimulator.run(daily, run: run, replication: 0)
        XCTAssertGreaterThan(a.outcomes(channel: 0).offered, 8000)
        XCTAssertEqual(a.cells, b.cells)
    }

    /// Agents are available only inside their shifts, less breaks and shrinkage.
    func testRotaSetsAvailableAgentsByInterval() throws {
        let exp = Distribution.exponential(mean: 300)
        var team = AgentTeamSpec(name: "day", skills: [Skill(channel: 0, tier: 0)],
                                 shifts: [Shift(start: 8 * 3600, length: 8 * 3600, agents: 20)], shrinkage: 0.25)
        team.hourlyCost = 30
        let center = F.center(channels: [F.voice(ratePerHour: 10)], tiers: [F.tier(handle: [exp])], teams: [team])
        let run = RunSettings(horizon: 2 * 86_400, warmup: 0, interval: 3600, replications: 1, seed: 5)
        let result = try ContactCenterSimulator.run(center, run: run, replication: 0)
        let available = (0..<48).map { result.teamIntervals[$0].meanAvailable }
        for hour in [0, 3, 7, 16, 20, 23, 24 + 5, 24 + 17] { XCTAssertEqual(available[hour], 0, "hour \(hour)") }
        // 20 agents × (1 − 25% shrinkage) on the phones on average over the shift, plus the
        // agents finishing a call when their off-phone block begins (10 calls/h of 5 minutes:
        // well under 0.1 agent on average).
        let onShift = (8..<16).map { available[$0] }.reduce(0, +) / 8
        XCTAssertGreaterThanOrEqual(onShift, 15 - 1e-9)
        XCTAssertLessThan(onShift, 15.1)
        XCTAssertEqual(result.teamTotals[0].paidSeconds, 2 * 20 * 8 * 3600, accuracy: 1)
        // Calls outside opening hours wait for the morning shift (or are still waiting at the end).
        XCTAssertGreaterThan(result.outcomes(channel: 0).delayed, 50)
    }
}

final class CallbackTests: XCTestCase {
    typealias F = CenterFixtures

    func center(acceptance: Double?) -> CenterSpec {
        var voice = F.voice(ratePerHour: 130, patience: .exponential(mean: 120))
        if let acceptance {
            voice.callbacks = CallbackOffer(whenExpectedWaitAbove: 60, acceptance: acceptance, promisedWithin: 3600)
        }
        return F.center(channels: [voice], tiers: [F.tier(handle: [.exponential(mean: 300)])],
                        teams: [F.team("a", agents: 12, skills: [Skill(channel: 0, tier: 0)])])
    }

    func testCallersWhoTakeACallbackNeitherAbandonNorCountInTheLiveServiceLevel() throws {
        let run = F.run(hours: 48)
        let none = try ContactCenterSimulator.run(center(acceptance: nil), run: run, replication: 0)
        let all = try ContactCenterSimulator.run(center(acceptance: 1), run: run, replication: 0)
        let o = all.outcomes(channel: 0)
        XCTAssertGreaterThan(o.callbacksCompleted, 50)
        XCTAssertGreaterThanOrEqual(o.callbacksOffered, o.callbacksAccepted)
        XCTAssertEqual(o.callbacksAccepted, o.callbacksCompleted + o.callbacksPending)
        XCTAssertEqual(o.offered, o.answered + o.abandoned + o.callbacksAccepted + o.unansweredAtEnd)
        XCTAssertLessThan(o.abandoned, none.outcomes(channel: 0).abandoned)
        XCTAssertEqual(o.serviceLevel(.offered)!, Double(o.answeredWithinTarget) / Double(o.offered - o.callbacksAccepted - o.censored))
        // 10.8 Erlangs on 12 agents: callbacks keep their place in line, so an hour's promise is kept.
        XCTAssertGreaterThan(o.callbackServiceLevel!, 0.99)
    }

    /// Offers nobody accepts change nothing: the offer draws from its own stream.
    func testDeclinedOffersChangeNothing() throws {
        let run = F.run(hours: 24)
        let none = try ContactCenterSimulator.run(center(acceptance: nil), run: run, replication: 2)
        let declined = try ContactCenterSimulator.run(center(acceptance: 0), run: run, replication: 2)
        // Only the offers themselves are counted.
        XCTAssertGreaterThan(declined.outcomes(channel: 0).callbacksOffered, 0)
        XCTAssertEqual(declined.outcomes(channel: 0).callbacksAccepted, 0)
        var withoutOffers = declined.outcomeCells
        for i in withoutOffers.indices { withoutOffers[i].callbacksOffered = 0 }
        XCTAssertEqual(none.outcomeCells, withoutOffers)
        XCTAssertEqual(none.resolutionCells, declined.resolutionCells)
    }
}

final class BacklogShareTests: XCTestCase {
    typealias F = CenterFixtures

    /// Erlang C's P(wait), from the Erlang B recursion.
    func erlangC(agents: Int, load: Double) -> Double {
        var b = 1.0
        for k in 1...agents { b = load * b / (Double(k) + load * b) }
        let rho = load / Double(agents)
        return b / (1 - rho + rho * b)
    }

    /// Agents reserved for backlog never take a live call: with half the team reserved
    /// (and no email to do), voice sees an M/M/5 queue, not an M/M/10 one.
    func testReservedAgentsTakeNoLiveWork() throws {
        let exp = Distribution.exponential(mean: 300)
        var email = F.voice("email", ratePerHour: 0, kind: .email)
        email.demand = DemandSpec(pattern: .constant(ratePerSecond: 0))
        var team = F.team("desk", agents: 10, skills: [Skill(channel: 0, tier: 0), Skill(channel: 1, tier: 0)])
        team.backlogShare = 0.5
        let center = F.center(channels: [F.voice(ratePerHour: 48), email], tiers: [F.tier(handle: [exp, exp])], teams: [team])
        let result = try ContactCenterSimulator.run(center, run: F.run(hours: 2000), replication: 0)
        // About 96,000 calls: P(wait)'s standard error is well under 0.01.
        XCTAssertEqual(result.outcomes(channel: 0).probabilityOfWait!, erlangC(agents: 5, load: 4), accuracy: 0.025)

        var shared = center
        shared.teams[0].backlogShare = 0
        let pooled = try ContactCenterSimulator.run(shared, run: F.run(hours: 2000), replication: 0)
        XCTAssertEqual(pooled.outcomes(channel: 0).probabilityOfWait!, erlangC(agents: 10, load: 4), accuracy: 0.01)
    }

    /// Reserved agents do work the backlog, so email waits less.
    func testReservedAgentsWorkTheBacklog() throws {
        let exp = Distribution.exponential(mean: 300)
        var team = F.team("desk", agents: 12, skills: [Skill(channel: 0, tier: 0), Skill(channel: 1, tier: 0)])
        let center = F.center(channels: [F.voice(ratePerHour: 110), F.voice("email", ratePerHour: 20, kind: .email)],
                              tiers: [F.tier(handle: [exp, exp])], teams: [team])
        team.backlogShare = 0.25
        var reserving = center
        reserving.teams[0] = team
        let a = try ContactCenterSimulator.run(center, run: F.run(hours: 200), replication: 0)
        let b = try ContactCenterSimulator.run(reserving, run: F.run(hours: 200), replication: 0)
        XCTAssertLessThan(b.outcomes(channel: 1).averageSpeedOfAnswer!, a.outcomes(channel: 1).averageSpeedOfAnswer!)
        XCTAssertGreaterThan(b.outcomes(channel: 0).averageSpeedOfAnswer!, a.outcomes(channel: 0).averageSpeedOfAnswer!)
    }

    /// Threshold blending: with an overnight backlog of 200 emails when the phones open, agents
    /// without a reserve all start on email and the first hour's callers wait; keeping 30% of the
    /// team idle for live work (`backlog_reserve`) lifts that hour's service level well clear,
    /// while the backlog is still worked (all of it by the end).
    func testBacklogReserveKeepsAgentsForTheFirstCalls() throws {
        let exp = Distribution.exponential(mean: 300)
        var email = F.voice("email", ratePerHour: 0, kind: .email)
        email.demand = DemandSpec(pattern: .constant(ratePerSecond: 0))
        email.initialQueue = InitialQueue(ages: Array(repeating: 8 * 3600, count: 200))
        var center = F.center(channels: [F.voice(ratePerHour: 48), email], tiers: [F.tier(handle: [exp, .exponential(mean: 600)])],
                              teams: [F.team("desk", agents: 10, skills: [Skill(channel: 0, tier: 0), Skill(channel: 1, tier: 0)])])
        center.routing.priorities = [[2], [1]]
        var reserving = center
        reserving.routing.backlogReserve = 0.3
        let run = RunSettings(horizon: 12 * 3600, warmup: 0, interval: 3600, replications: 1, seed: 9)
        var firstHour = (plain: Tally(), reserved: Tally())
        for r in 0..<20 {
            let a = try ContactCenterSimulator.run(center, run: run, replication: r)
            let b = try ContactCenterSimulator.run(reserving, run: run, replication: r)
            firstHour.plain.add(a.outcomes(interval: 0, channel: 0).serviceLevel(.offered)!)
            firstHour.reserved.add(b.outcomes(interval: 0, channel: 0).serviceLevel(.offered)!)
            XCTAssertEqual(b.unansweredAtEnd[1], 0, "the backlog is worked all the same")
        }
        XCTAssertLessThan(firstHour.plain.mean, 0.6)
        XCTAssertGreaterThan(firstHour.reserved.mean, firstHour.plain.mean + 0.25)
    }

    /// Emails still waiting when service stops have unknown fate if they have waited less than the
    /// threshold (right-censored): they leave the service level's denominator instead of counting
    /// as misses. An overloaded one-agent desk (load 1.67) builds a backlog whose oldest wait at the
    /// end is well under 24 h: every one left is censored, and every email answered was answered
    /// in time, so the service level is exactly 100%. With a 1 h threshold, the old ones are misses.
    func testUnfinishedEmailsWithinTheirTargetAreCensored() throws {
        var email = F.voice("email", ratePerHour: 10, kind: .email)
        email.serviceLevel = ServiceLevelTarget(answerWithin: 86_400, target: 0.9)
        var center = F.center(channels: [email], tiers: [F.tier(handle: [.exponential(mean: 600)])],
                              teams: [F.team("desk", agents: 1, skills: [Skill(channel: 0, tier: 0)])])
        let run = RunSettings(horizon: 2 * 86_400, warmup: 0, interval: 86_400, replications: 1, seed: 4)
        let day = try ContactCenterSimulator.run(center, run: run, replication: 0).outcomes(channel: 0)
        XCTAssertGreaterThan(day.offered - day.answered, 100, "a backlog at the end")
        XCTAssertEqual(day.censored, day.offered - day.answered)
        XCTAssertEqual(day.serviceLevel(.offered), 1)

        center.channels[0].serviceLevel.answerWithin = 3600
        let hour = try ContactCenterSimulator.run(center, run: run, replication: 0).outcomes(channel: 0)
        XCTAssertEqual(hour.offered, day.offered, "same customers")
        XCTAssertLessThan(hour.censored, 20)
        XCTAssertLessThan(hour.serviceLevel(.offered)!, 0.5)
    }
}
