import Foundation
import Scenarios
import Stochastics
import Testing

@Suite struct FullFormTests {
    @Test func baseLoadsWithIndicesAndDefaults() throws {
        let s = try loadValid(fullYAML())
        let c = s.center
        #expect(c.channels.map(\.name) == ["voice", "email"])
        #expect(c.channels.map(\.kind) == [.voice, .email])      // kind defaults to the name
        #expect(c.tiers.map(\.name) == ["tier1", "tier2"])
        #expect(c.teams.map(\.name) == ["frontline", "experts"])
        #expect(c.channels[0].tierShares == [0.8, 0.2])
        #expect(c.startWeekday == .monday && c.resolutionTarget == nil)
        // Default service levels by kind; email has no patience.
        #expect(c.channels[0].serviceLevel == ServiceLevelTarget(answerWithin: 20, target: 0.8))
        #expect(c.channels[1].serviceLevel == ServiceLevelTarget(answerWithin: 86_400, target: 0.9))
        #expect(c.channels[1].patience == nil)
        // Daily demand: 48 half-hour weights; business_day restricted to 08:00–20:00.
        guard case .daily(let voice) = c.channels[0].demand.pattern else { Issue.record("voice is not daily"); return }
        #expect(voice.volumePerDay == 1000 && voice.open == 28_800 && voice.close == 72_000)
        #expect(voice.profile.count == 48)
        #expect(voice.profile[..<16].allSatisfy { $0 == 0 } && voice.profile[40...].allSatisfy { $0 == 0 })
        #expect(abs(voice.profile[20] - 2.3) < 1e-12 && voice.profile[21] == voice.profile[20])   // 10:00–11:00, the morning peak
        #expect(voice.profile.firstIndex(of: voice.profile.max()!) == 20)
        #expect(voice.dayFactors == Array(repeating: 1, count: 7) && voice.busynessCV == nil)
        guard case .daily(let email) = c.channels[1].demand.pattern else { Issue.record("email is not daily"); return }
        #expect(email.profile == Array(repeating: 0.5, count: 48) && email.open == 0 && email.close == 86_400)
        // Tiers: resolution split, escalation, handle times by channel index.
        #expect(c.tiers[0].resolved == 0.85 && c.tiers[0].escalated == 0.1)
        #expect(c.tiers[0].escalation == Escalation(toTier: 1, mode: .warmTransfer))
        #expect(c.tiers[1].resolved == 1 && c.tiers[1].escalation == nil)
        #expect(c.tiers[1].handleTimes == [.exponential(mean: 720), .exponential(mean: 600)])
        // Teams: a skill entry naming several channels gives one skill per pair, in order.
        #expect(c.teams[1].skills == [Skill(channel: 0, tier: 1), Skill(channel: 1, tier: 1), Skill(channel: 1, tier: 0)])
        #expect(c.teams[0].shifts == [Shift(start: 28_800, length: 28_800, agents: 10)])
        #expect(c.teams[0].hourlyCost == 0 && c.teams[0].overtimeMultiplier == 1.5 && c.teams[0].shrinkage == 0)
        // Routing defaults: longest idle, live channels before email.
        #expect(c.routing == RoutingSpec(policy: .longestIdle, priorities: [[1, 1], [0, 0]]))
        #expect(s.singleQueue == nil)
        try s.validate()
    }

    @Test func shortFormsOfProfilesDaysShiftsAndHandleTimes() throws {
        let text = fullYAML([
            2: "run: {horizon: 2d, interval: 15m}",
            5: "    demand: {per_day: 1000, profile: {hourly: [0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0]}, open: \"08:00\", close: \"20:00\", day_of_week: {monday: 1.2, sun: 0}}",
            9: "    demand: {rate: 10/h, batches: [{day: 1, from: \"22:00\", to: \"24:00\", volume: 50}]}",
            17: "    handle_time: {lognormal: {mean: 12m, cv: 0.5}}",
            22: "      - {start: \"12:00\", end: \"20:00\", agents: 10, days: weekdays, breaks: [{window: 4h, length: 30m, paid: false}]}",
            25: "    shifts: [{start: \"22:00\", end: \"06:00\", agents: 2, days: [sat, sunday]}, {start: \"08:00\", length: 12h, agents: 5, days: every_day}]",
        ])
        let s = try loadValid(text)
        let c = s.center
        guard case .daily(let voice) = c.channels[0].demand.pattern else { Issue.record("voice is not daily"); return }
        #expect(voice.profile.count == 96)                          // hourly weights spread over 15-minute intervals
        #expect(voice.profile[31] == 0 && voice.profile[32] == 0.25 && voice.profile[79] == 0.25 && voice.profile[80] == 0)
        #expect(voice.dayFactors == [1.2, 1, 1, 1, 1, 1, 0])
        #expect(c.channels[1].demand == DemandSpec(pattern: .constant(ratePerSecond: 10.0 / 3600),
                                                   batches: [ArrivalBatch(start: 86_400 + 79_200, end: 2 * 86_400, volume: 50)]))
        let lognormal = try Distribution.lognormal(mean: 720, cv: 0.5)
        #expect(c.tiers[1].handleTimes == [lognormal, lognormal])   // one distribution for every channel
        #expect(c.teams[0].shifts == [Shift(start: 43_200, length: 28_800, agents: 10,
                                            days: [.monday, .tuesday, .wednesday, .thursday, .friday],
                                            breaks: [Break(earliest: 14_400, latest: 14_400, length: 1800, paid: false)])])
        #expect(c.teams[1].shifts[0] == Shift(start: 79_200, length: 28_800, agents: 2, days: [.saturday, .sunday]))
        #expect(c.teams[1].shifts[1].days == Set(Weekday.allCases))
    }

    @Test func routingCalendarTargetsCallbacksQueuesAndChat() throws {
        let text = fullYAML([
            1: "name: f\ncalendar: {start: thursday}\nresolution_target: 2h",
            7: "    patience: {exponential: {mean: 3m}}\n    callbacks: {when_expected_wait_above: 2m, acceptance: 40%, promised_within: 1h}\n    service_level: {answer_within: 30s, max_asa: 25s, max_abandonment: 6%}",
            8: "  email:\n    initial_queue: {ages: [30s, 2m]}",
        ], appending: [
            "  chat-team:",
            "    skills: [{channel: chat, tier: [tier1, tier2], proficiency: 1.2, overflow_after: 30s}]",
            "    hourly_cost: 30",
            "    overtime_multiplier: 2",
            "    shrinkage: 30%",
            "    absenteeism: 5%",
            "    shifts: [{start: \"00:00\", length: 24h, agents: 3}]",
            "routing:",
            "  policy: team_order",
            "  priorities: {voice: 5, email: {tier2: 2}}",
        ])
        // A chat channel between voice and email, with concurrency and an initial queue.
        let withChat = text.replacingOccurrences(of: "  email:\n    initial_queue", with: """
              chat: {kind: chat, demand: {rate: 20/h}, tiers: {tier1: 100%}, concurrency: 3, slowdown: 25%, initial_queue: {count: 3, age: 5m}}
              email:
                initial_queue
            """)
            .replacingOccurrences(of: "handle_time: {voice: {exponential: {mean: 4m}}, email:", with: "handle_time: {voice: {exponential: {mean: 4m}}, chat: {exponential: {mean: 6m}}, email:")
            .replacingOccurrences(of: "handle_time: {voice: {exponential: {mean: 12m}}, email:", with: "handle_time: {voice: {exponential: {mean: 12m}}, chat: {exponential: {mean: 9m}}, email:")
        let s = try loadValid(withChat)
        let c = s.center
        #expect(c.startWeekday == .thursday && c.resolutionTarget == 7200)
        #expect(c.channels.map(\.name) == ["voice", "chat", "email"])
        let voice = c.channels[0], chat = c.channels[1], email = c.channels[2]
        #expect(voice.callbacks == CallbackOffer(whenExpectedWaitAbove: 120, acceptance: 0.4, promisedWithin: 3600))
        #expect(voice.serviceLevel == ServiceLevelTarget(answerWithin: 30, target: 0.8))
        #expect(voice.maxAverageSpeedOfAnswer == 25 && voice.maxAbandonmentRate == 0.06)
        #expect(chat.chat == ChatSettings(concurrency: 3, slowdown: 0.25))
        #expect(chat.tierShares == [1, 0] && chat.initialQueue == InitialQueue(ages: [300, 300, 300]))
        #expect(chat.serviceLevel == ServiceLevelTarget(answerWithin: 120, target: 0.8))
        #expect(email.initialQueue == InitialQueue(ages: [30, 120]))
        let chatTeam = try #require(c.teams.last)
        #expect(chatTeam.skills == [Skill(channel: 1, tier: 0, proficiency: 1.2, overflowAfter: 30),
                                    Skill(channel: 1, tier: 1, proficiency: 1.2, overflowAfter: 30)])
        #expect(chatTeam.hourlyCost == 30 && chatTeam.overtimeMultiplier == 2)
        #expect(chatTeam.shrinkage == 0.3 && chatTeam.absenteeism == 0.05)
        #expect(c.routing == RoutingSpec(policy: .teamOrder, priorities: [[5, 5], [1, 1], [0, 2]]))
    }

    /// Every routing policy by name, and a skill's threshold reservation.
    @Test func routingPoliciesAndSkillReservation() throws {
        for policy in RoutingSpec.Policy.allCases {
            let s = try loadValid(fullYAML(appending: ["routing: {policy: \(policy.rawValue)}"]))
            #expect(s.center.routing.policy == policy)
        }
        let s = try loadValid(fullYAML([20: "    skills: [{channel: voice, tier: tier1, reserve: 2}]"]))
        #expect(s.center.teams[0].skills == [Skill(channel: 0, tier: 0, reserve: 2)])
    }

    @Test func unquotedClockTimesAreReadAsText() throws {
        // YAML 1.1 would read 08:00 as a base-60 number; the reader uses the text as written.
        let s = try loadValid(fullYAML([5: "    demand: {per_day: 1000, open: 08:00, close: 20:00}",
                                        22: "      - {start: 08:00, end: 16:30, agents: 10}"]))
        #expect(s.center.teams[0].shifts[0].start == 28_800 && s.center.teams[0].shifts[0].length == 30_600)
        guard case .daily(let voice) = s.center.channels[0].demand.pattern else { Issue.record("voice is not daily"); return }
        #expect(voice.open == 28_800 && voice.close == 72_000)
    }

    @Test func ticketEscalationDefaultsToTheOnlyEmailChannel() throws {
        let s = try loadValid(fullYAML([15: "    escalation: {to: tier2, mode: ticket}"]))
        #expect(s.center.tiers[0].escalation == Escalation(toTier: 1, mode: .ticket, ticketChannel: 1))
    }

    @Test func repeatsAndResolutionDefaults() throws {
        let s = try loadValid(fullYAML([14: "    resolution: {escalated: 10%}",
                                        16: "  tier2:\n    repeats: {after_unresolved: 40%, delay: {exponential: {mean: 1d}}, channel: email}\n    resolution: {resolved: 90%}"]))
        #expect(s.center.tiers[0].resolved == 0.9)                  // everything not escalated is resolved
        #expect(s.center.tiers[1].repeats == RepeatContacts(afterUnresolved: 0.4, delay: .exponential(mean: 86_400), channel: 1))
    }

    /// Full-form teams work shifts (they leave at the end of them), so even a file shaped like
    /// one queue is simulated by the full model, not read as the foundation's single queue.
    @Test func aFullFormFileIsNeverASingleQueue() throws {
        let text = """
            name: sq
            run: {horizon: 8h, warmup: 1h}
            channels: {voice: {demand: {rate: 540/h}}}
            tiers: {tier1: {handle_time: {voice: {exponential: {mean: 5m}}}}}
            teams: {agents: {skills: [{channel: voice, tier: tier1}], shifts: [{start: "00:00", length: 9h, agents: 50}]}}
            """
        let s = try loadValid(text)
        #expect(s.singleQueue == nil)
        #expect(s.center.teams[0].shifts.count == 1 && s.center.teams[0].constantAgents == 0)
    }

    @Test func singleQueueViewNeedsEveryCondition() throws {
        let base = Scenario(name: "q", arrivals: ArrivalProcess(ratePerSecond: 0.1), team: TeamSpec(agents: 5),
                            handleTime: .exponential(mean: 60), patience: .exponential(mean: 30))
        #expect(base.singleQueue == SingleQueueView(ratePerSecond: 0.1, agents: 5, teamName: "agents",
                                                    handleTime: .exponential(mean: 60), patience: .exponential(mean: 30),
                                                    serviceLevel: ServiceLevelTarget()))
        #expect(base.center.teams[0].shifts.isEmpty && base.center.teams[0].constantAgents == 5)
        #expect(base.center.routing == RoutingSpec(policy: .longestIdle, priorities: [[0]]))
        let edits: [(String, (inout Scenario) -> Void)] = [
            ("chat kind", { $0.center.channels[0].kind = .chat }),
            ("batches", { $0.center.channels[0].demand.batches = [ArrivalBatch(start: 0, end: 60, volume: 1)] }),
            ("callbacks", { $0.center.channels[0].callbacks = CallbackOffer(whenExpectedWaitAbove: 60, acceptance: 0.5, promisedWithin: 600) }),
            ("initial queue", { $0.center.channels[0].initialQueue = InitialQueue(ages: [1]) }),
            ("unresolved", { $0.center.tiers[0].resolved = 0.9 }),
            ("repeats", { $0.center.tiers[0].repeats = RepeatContacts(afterUnresolved: 0.5, delay: .exponential(mean: 60)) }),
            ("proficiency", { $0.center.teams[0].skills[0].proficiency = 1.1 }),
            ("overflow", { $0.center.teams[0].skills[0].overflowAfter = 10 }),
            ("shrinkage", { $0.center.teams[0].shrinkage = 0.1 }),
            ("absenteeism", { $0.center.teams[0].absenteeism = 0.1 }),
            ("a shift", { $0.center.teams[0].shifts = [Shift(start: 0, length: 8 * 3600, agents: 5)] }),
            ("second team", { $0.center.teams.append($0.center.teams[0]) }),
        ]
        for (label, edit) in edits {
            var s = base
            edit(&s)
            #expect(s.singleQueue == nil, "\(label) should leave the single-queue shape")
        }
        var reportOnly = base
        reportOnly.center.teams[0].hourlyCost = 20
        reportOnly.center.resolutionTarget = 3600
        reportOnly.center.startWeekday = .friday
        #expect(reportOnly.singleQueue != nil)
    }

    @Test func collectsProblemsAcrossSectionsInFileOrder() throws {
        let text = fullYAML([
            6: "    tiers: {tier1: 80%, tier2: 30%}",
            14: "    resolution: {resolved: 95%, escalated: 10%}",
            20: "    skills: [{channel: vioce, tier: tier1}]",
            22: "      - {start: \"07:00\", length: 8h, agents: -2}",
        ])
        let error = try #require(loadError(text))
        #expect(error.issues.map(\.path) == [
            "channels.voice.tiers", "tiers.tier1.resolution", "teams.frontline.skills[0].channel",
            "teams.frontline.shifts[0].agents",
        ])
        // The frontline team's skills could not be read (unknown channel): its own rules still run,
        // but not those that depend on what it handles (the shift outside opening hours waits for the fix).
        #expect(error.issues.map { $0.line ?? 0 } == [6, 14, 20, 22])
    }

    @Test func programmaticCentersUseTheSameRulesAndPaths() throws {
        var s = try loadValid(fullYAML())
        s.source = "coded"
        s.center.teams[0].shifts[0].agents = -1
        s.center.channels[1].patience = .exponential(mean: 60)
        s.center.tiers[1].handleTimes = [nil, .exponential(mean: 600)]
        s.center.channels.append(ChannelSpec(name: "bad name", kind: .chat, demand: DemandSpec(pattern: .constant(ratePerSecond: 0)),
                                             tierShares: [1]))
        let error = try #require(throws: ScenarioError.self) { try s.validate() }
        let paths = Set(error.issues.map(\.path))
        #expect(paths.isSuperset(of: [
            "teams.frontline.shifts[0].agents", "channels.email.patience", "channels[2]", "channels[2].tiers",
            "tiers.tier1.handle_time", "tiers.tier2.handle_time", "routing.priorities",
        ]), "\(error.detailedDescription)")
        #expect(error.issues.allSatisfy { $0.file == "coded" && $0.line == nil })
    }
}

@Suite struct ClockTimeAndProfileTests {
    @Test(arguments: [("08:00", 28_800.0), ("8:30", 30_600), ("00:00", 0), ("23:59", 86_340)])
    func clockTimes(_ text: String, _ seconds: Double) throws {
        #expect(try ClockTime.parse(text) == seconds)
    }

    @Test func clockTimeErrorsAndEndOfDay() throws {
        #expect(try ClockTime.parse("24:00", allowMidnightEnd: true) == 86_400)
        #expect(throws: QuantityError("'24:00' is the end of the day; a start must be 00:00 to 23:59")) { try ClockTime.parse("24:00") }
        #expect(throws: QuantityError("'25:00' is not a time of day (00:00 to 23:59)")) { try ClockTime.parse("25:00") }
        #expect(throws: QuantityError("expected a clock time such as '08:00', got '8h'; clock times are written HH:MM ('08:00' for 8h after midnight)")) { try ClockTime.parse("8h") }
        #expect(throws: QuantityError("expected a clock time such as '08:00', got '8h30m'; clock times are written HH:MM ('08:30' for 8h30m after midnight)")) { try ClockTime.parse("8h30m") }
        #expect(throws: QuantityError("expected a clock time such as '08:00', got '1d'; clock times are written HH:MM")) { try ClockTime.parse("1d") }
        #expect(throws: QuantityError("expected a clock time such as '08:00' or '17:30', got '8.30'")) { try ClockTime.parse("8.30") }
        #expect(ClockTime.describe(30_600) == "08:30" && ClockTime.describe(86_400) == "24:00" && ClockTime.describe(93_600) == "+1d 02:00")
    }

    @Test func hourlyWeightsFollowTheInterval() {
        let hourly = (0..<24).map(Double.init)
        #expect(DayProfile.expand(hourly: hourly, interval: 3600) == hourly)
        let half = DayProfile.expand(hourly: hourly, interval: 1800)
        #expect(half.count == 48 && half[2] == 0.5 && half[3] == 0.5)
        let twoHours = DayProfile.expand(hourly: hourly, interval: 7200)
        #expect(twoHours.count == 12 && twoHours[1] == 5)          // hours 2 and 3
        #expect(DayProfile.restrict([1, 1, 1, 1], interval: 21_600, open: 21_600, close: 64_800) == [0, 1, 1, 0])
    }

    @Test func namedShapesHaveTheirPeaks() throws {
        #expect(DayProfile.shapeNames == ["flat", "business_day", "evening_peak"])
        let business = try #require(DayProfile.hourly(shape: "business_day"))
        #expect(business.count == 24 && business.firstIndex(of: business.max()!) == 10)
        #expect(business[14] > business[12] && business[14] > business[16])   // the afternoon peak around 14:30
        let evening = try #require(DayProfile.hourly(shape: "evening_peak"))
        #expect(evening.firstIndex(of: evening.max()!) == 20)
    }

    @Test func weekdays() {
        #expect(Weekday(name: "mon") == .monday && Weekday(name: "sunday") == .sunday && Weekday(name: "Mon") == nil)
        #expect(Weekday.allCases.map(\.shortName) == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
    }
}
