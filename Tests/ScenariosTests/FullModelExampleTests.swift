import Foundation
import Scenarios
import Stochastics
import Testing

/// The full-model example scenarios: each loads, a few decoded values are spot-checked, and each
/// is staffed plausibly for its demand.
@Suite struct FullModelExampleTests {
    static let examples = ["tiered-support", "igaming", "crypto-exchange", "bpo-multi-client", "training-roi"]

    func load(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: packageRoot.appendingPathComponent("scenarios/\(name).yaml").path)
    }

    @Test(arguments: examples)
    func loadsAndValidates(_ name: String) throws {
        let scenario = try load(name)
        #expect(scenario.name == name)
        #expect(scenario.singleQueue == nil)
        #expect(scenario.description?.isEmpty == false)
        try scenario.validate()
    }

    @Test(arguments: ["mmc-basic", "erlang-a"])
    func foundationExamplesAreSingleQueues(_ name: String) throws {
        #expect(try load(name).singleQueue != nil)
    }

    /// Offered live Erlangs per interval against scheduled productive agents: never below 80% of the
    /// load in a busy interval (short hand-overs happen in real rotas, and overflow teams help), and
    /// over the week enough productive hours for all the work, without more than three times as many.
    @Test(arguments: examples)
    func staffedPlausibly(_ name: String) throws {
        let check = StaffingCheck(try load(name))
        for interval in check.intervals where interval.liveLoad >= 2 {
            #expect(interval.productiveAgents >= 0.8 * interval.liveLoad,
                    "day \(interval.day) interval \(interval.index): \(interval.productiveAgents) productive agents for \(interval.liveLoad) Erlangs")
        }
        #expect(check.weeklyProductiveHours >= check.weeklyWorkHours)
        #expect(check.weeklyProductiveHours <= 3 * check.weeklyWorkHours)
    }

    @Test func tieredSupport() throws {
        let s = try load("tiered-support")
        let c = s.center
        #expect(s.run == RunSettings(horizon: 7 * 86_400, warmup: 0, interval: 1800, replications: 10, seed: 1))
        #expect(c.channels.map(\.name) == ["voice", "chat", "email"])
        #expect(c.tiers.map(\.name) == ["tier1", "tier2", "tier3"])
        #expect(c.teams.map(\.name) == ["frontline", "specialists", "experts"])
        #expect(c.channels[0].tierShares == [0.6, 0.3, 0.1])
        #expect(c.channels[1].chat == ChatSettings(concurrency: 2, slowdown: 0.25))
        #expect(c.channels[2].serviceLevel == ServiceLevelTarget(answerWithin: 86_400, target: 0.9))
        #expect(c.channels[2].initialQueue?.ages == Array(repeating: 36_000, count: 150))
        #expect(c.channels[0].callbacks == CallbackOffer(whenExpectedWaitAbove: 180, acceptance: 0.4, promisedWithin: 3600))
        guard case .daily(let voice) = c.channels[0].demand.pattern else { Issue.record("voice is not daily"); return }
        #expect(voice.profile.count == 48 && voice.open == 8 * 3600 && voice.close == 20 * 3600)
        #expect(voice.dayFactors == [1.15, 1.05, 1, 1, 0.95, 0.6, 0.45] && voice.busynessCV == 0.08)
        // Handle times: tier 1 under 5 min, tier 2 10–20 min, tier 3 30+ min (domain notes).
        for (c, _) in c.channels.enumerated() {
            #expect(try #require(s.center.tiers[0].handleTimes[c]).mean < 300)
            #expect((600...1200).contains(try #require(s.center.tiers[1].handleTimes[c]).mean))
            #expect(try #require(s.center.tiers[2].handleTimes[c]).mean >= 1800)
        }
        #expect(c.tiers.allSatisfy { $0.escalated < 0.1 })
        #expect(c.tiers[0].escalation == Escalation(toTier: 1, mode: .warmTransfer))
        #expect(c.tiers[1].escalation == Escalation(toTier: 2, mode: .ticket, ticketChannel: 2))
        let frontline = c.teams[0]
        #expect(frontline.shifts[0].start == 8 * 3600 && frontline.shifts[0].length == 8.5 * 3600)
        #expect(frontline.shifts[0].days == [.monday, .tuesday, .wednesday, .thursday, .friday])
        #expect(frontline.shifts[0].breaks[1] == Break(earliest: 3.5 * 3600, latest: 4.5 * 3600, length: 1800, paid: false))
        #expect(c.teams[1].skills.last == Skill(channel: 0, tier: 0, proficiency: 0.9, overflowAfter: 60))
        #expect(c.routing.priorities == [[3, 3, 3], [2, 2, 2], [1, 1, 1]])
        #expect(c.resolutionTarget == 86_400)
        // Sized as the benchmark: about 300 agents over the week's shifts.
        let agents = c.teams.flatMap(\.shifts).reduce(0) { $0 + $1.agents }
        #expect((280...360).contains(agents))
    }

    @Test func igaming() throws {
        let c = try load("igaming").center
        #expect(c.channels.map(\.kind) == [.chat, .email])
        #expect(c.channels[0].chat == ChatSettings(concurrency: 3, slowdown: 0.2))
        #expect(c.channels[0].serviceLevel.answerWithin == 120)
        // Average handle time of new chats 8–10 min, first-contact resolution of tier 1 at 80%+.
        let aht = zip(c.channels[0].tierShares, c.tiers).reduce(0) { $0 + $1.0 * ($1.1.handleTimes[0]?.mean ?? 0) }
        #expect((480...600).contains(aht))
        #expect(c.tiers[0].resolved >= 0.8)
        guard case .daily(let chat) = c.channels[0].demand.pattern else { Issue.record("chat is not daily"); return }
        #expect(chat.open == 0 && chat.close == 86_400 && chat.profile.count == 48)
        #expect(chat.profile.firstIndex(of: chat.profile.max()!) == 40)   // 20:00, the evening peak
        #expect(c.teams[0].shifts.contains { $0.start + $0.length > 86_400 })   // runs past midnight
        #expect(c.tiers[1].repeats?.channel == 1)
    }

    @Test func cryptoExchange() throws {
        let s = try load("crypto-exchange")
        let c = s.center
        #expect(s.run.interval == 900 && s.run.horizon == 3 * 86_400)
        #expect(c.startWeekday == .friday)
        #expect(c.channels[0].serviceLevel.answerWithin == 60)
        guard case .daily(let chat) = c.channels[0].demand.pattern else { Issue.record("chat is not daily"); return }
        #expect(chat.profile.count == 96 && chat.busynessCV == 0.15)
        #expect(c.channels[0].demand.batches == [ArrivalBatch(start: 86_400 + 14 * 3600, end: 86_400 + 16 * 3600, volume: 1200)])
        #expect(c.channels[1].initialQueue?.ages.first == 3600)
        let aht = zip(c.channels[0].tierShares, c.tiers).reduce(0) { $0 + $1.0 * ($1.1.handleTimes[0]?.mean ?? 0) }
        #expect((360...480).contains(aht))
        #expect(c.routing.priorities[0] == [2, 3] && c.routing.priorities[1] == [1, 1])
        #expect(c.teams[1].skills.last == Skill(channel: 0, tier: 0, proficiency: 1.1, overflowAfter: 45))
    }

    @Test func bpoMultiClient() throws {
        let c = try load("bpo-multi-client").center
        #expect(c.channels.map(\.name) == ["retail", "telecom", "telecom-email"])
        #expect(c.channels.map(\.kind) == [.voice, .voice, .email])
        #expect(c.channels[0].serviceLevel == ServiceLevelTarget(answerWithin: 20, target: 0.8, convention: .offered))
        #expect(c.channels[1].serviceLevel == ServiceLevelTarget(answerWithin: 30, target: 0.85, convention: .excludingShortAbandons))
        #expect(c.channels[2].serviceLevel.answerWithin == 6 * 3600)
        // One pool shared by both clients.
        let pool = c.teams[0]
        #expect(pool.name == "pool" && Set(pool.skills.map(\.channel)) == [0, 1])
        guard case .daily(let retail) = c.channels[0].demand.pattern else { Issue.record("retail is not daily"); return }
        #expect(retail.dayFactors[Weekday.sunday.rawValue] == 0)
        #expect(c.routing.policy == .teamOrder && c.routing.priorities.map { $0[0] } == [2, 3, 1])
        let lognormal = try Distribution.lognormal(mean: 720, cv: 0.5)
        #expect(c.tiers[1].handleTimes == [lognormal, lognormal, lognormal])
    }
}
