import Foundation
import Scenarios
import Testing

/// Base lines (see `fullBaseLines`): 5 voice demand, 6 voice tiers, 7 voice patience, 9 email demand,
/// 10 email tiers, 13–15 tier1, 17 tier2 handle times, 20–22 frontline (voice tier 1 only), 24–25 experts.
let closedAtMidnight = (["1"] + Array(repeating: "0", count: 15) + Array(repeating: "1", count: 24)
                        + Array(repeating: "0", count: 8)).joined(separator: ", ")

let malformedFullFormCases: [Malformed] = [
    // Cross-references between sections.
    Malformed("skill names an unknown channel", fullYAML([20: "    skills: [{channel: vioce, tier: tier1}]"]),
              path: "teams.frontline.skills[0].channel", line: 20, column: 24,
              says: "unknown channel 'vioce'; did you mean 'voice'? (channels: voice, email)"),
    Malformed("skill names an unknown tier", fullYAML([20: "    skills: [{channel: voice, tier: tier9}]"]),
              path: "teams.frontline.skills[0].tier", line: 20, says: "unknown tier 'tier9'; did you mean 'tier1'?"),
    Malformed("unknown tier in a list of tiers", fullYAML([24: "    skills: [{channel: email, tier: [tier1, teir2]}, {channel: voice, tier: tier2}]"]),
              path: "teams.experts.skills[0].tier[1]", line: 24, says: "unknown tier 'teir2'; did you mean 'tier2'?"),
    Malformed("escalation to an unknown tier", fullYAML([15: "    escalation: {to: tier3}"]),
              path: "tiers.tier1.escalation.to", line: 15, column: 22, says: "unknown tier 'tier3'"),
    Malformed("escalation to the same tier", fullYAML([15: "    escalation: {to: tier1}"]),
              path: "tiers.tier1.escalation.to", line: 15, says: "a tier cannot escalate to itself ('tier1')"),
    Malformed("escalation cycle", fullYAML([17: "    handle_time: {voice: {exponential: {mean: 12m}}, email: {exponential: {mean: 10m}}}\n    escalation: {to: tier1}"]),
              path: "tiers.tier2.escalation.to", line: 18, says: "escalations form a cycle (tier1 → tier2 → tier1)"),
    Malformed("ticket escalation to a voice channel", fullYAML([15: "    escalation: {to: tier2, mode: ticket, channel: voice}"]),
              path: "tiers.tier1.escalation.channel", line: 15, says: "tickets are queued on an email channel, but 'voice' is a voice channel"),
    Malformed("channel on a warm transfer", fullYAML([15: "    escalation: {to: tier2, channel: email}"]),
              path: "tiers.tier1.escalation.channel", line: 15, says: "only mode: ticket names a channel"),
    Malformed("escalated share without a target", fullYAML([15: nil]),
              path: "tiers.tier1.resolution.escalated", line: 14, says: "10% are escalated, but the tier has no escalation target"),
    Malformed("repeat channel unknown", fullYAML([14: "    repeats: {after_unresolved: 50%, delay: {exponential: {mean: 1d}}, channel: sms}"]),
              path: "tiers.tier1.repeats.channel", line: 14, says: "unknown channel 'sms'; the channels are: voice, email"),
    Malformed("tier shares do not add up", fullYAML([6: "    tiers: {tier1: 80%, tier2: 30%}"]),
              path: "channels.voice.tiers", line: 6, says: "tier shares must add up to 100%, got 110% (tier1 80% + tier2 30%)"),
    Malformed("share of an unknown tier", fullYAML([6: "    tiers: {tier1: 80%, tire2: 20%}"]),
              path: "channels.voice.tiers.tire2", line: 6, says: "did you mean 'tier2'?"),
    Malformed("share on a channel without handle time", fullYAML([17: "    handle_time: {voice: {exponential: {mean: 12m}}}"]),
              path: "tiers.tier2.handle_time.email", line: 17, says: "tier2 takes 50% of new email contacts but has no handle time for email"),
    Malformed("escalation reaches a channel without handle time",
              fullYAML([6: "    tiers: {tier1: 100%}", 17: "    handle_time: {email: {exponential: {mean: 10m}}}"]),
              path: "tiers.tier2.handle_time.voice", line: 17,
              says: "tier2 receives voice contacts escalated from tier1 (warm transfer) but has no handle time for voice"),
    Malformed("demand no team handles", fullYAML([24: "    skills: [{channel: voice, tier: tier2}, {channel: email, tier: tier1}]"]),
              path: "channels.email.tiers.tier2", line: 10,
              says: "no team handles email contacts of tier2, which takes 50% of new email contacts; add {channel: email, tier: tier2} to a team's skills"),
    Malformed("escalations no team handles", fullYAML([6: "    tiers: {tier1: 100%}", 24: "    skills: [{channel: email, tier: [tier1, tier2]}]"]),
              path: "tiers.tier1.escalation.to", line: 15, says: "no team handles voice contacts of tier2, which receives voice contacts escalated from tier1"),
    Malformed("only skilled team has no agents", fullYAML([25: "    shifts: [{start: \"08:00\", length: 12h, agents: 0}]"]),
              path: "channels.voice.tiers.tier2", line: 6, says: "the teams with skill {channel: voice, tier: tier2} (experts) have no agents scheduled"),
    // Shifts against opening hours and days.
    Malformed("shift entirely before opening", fullYAML([22: "      - {start: \"03:00\", length: 4h, agents: 10}"]),
              path: "teams.frontline.shifts[0].start", line: 22,
              says: "the shift 03:00–07:00 is entirely outside the opening hours of every channel the team serves (voice 08:00–20:00)"),
    Malformed("shift entirely after closing", fullYAML([22: "      - {start: \"20:30\", end: \"23:00\", agents: 10}"]),
              path: "teams.frontline.shifts[0].start", line: 22, says: "the shift 20:30–23:00 is entirely outside the opening hours"),
    Malformed("shift on a closed day",
              fullYAML([5: "    demand: {per_day: 1000, open: \"08:00\", close: \"20:00\", day_of_week: {sun: 0}}",
                        22: "      - {start: \"08:00\", length: 8h, agents: 10, days: [sat, sun]}"]),
              path: "teams.frontline.shifts[0].days", line: 22, says: "works on sun, when every channel the team serves is closed"),
    // Demand: profiles, intervals, opening hours, batches.
    Malformed("profile length does not match the interval", fullYAML([5: "    demand: {per_day: 1000, profile: [1, 2, 3]}"]),
              path: "channels.voice.demand.profile", line: 5, says: "has 3 weights, but a day has 48 intervals of 30m (run.interval)"),
    Malformed("interval does not divide the day", fullYAML([2: "run: {horizon: 21h, interval: 7h}"]),
              path: "run.interval", line: 2, says: "must divide 24h into whole intervals when demand is given per day (channels.voice.demand.per_day), got 7h"),
    Malformed("weight while closed", fullYAML([5: "    demand: {per_day: 1000, profile: [\(closedAtMidnight)], open: \"08:00\", close: \"20:00\"}"]),
              path: "channels.voice.demand.profile[0]", line: 5, says: "is 1 for 00:00–00:30, but the channel is closed then (open 08:00–20:00)"),
    Malformed("opening off the interval grid", fullYAML([5: "    demand: {per_day: 1000, open: \"08:15\", close: \"20:00\"}"]),
              path: "channels.voice.demand.open", line: 5, says: "must fall on a reporting-interval boundary (run.interval is 30m), got 08:15"),
    Malformed("closing before opening", fullYAML([5: "    demand: {per_day: 1000, open: \"20:00\", close: \"08:00\"}"]),
              path: "channels.voice.demand.close", line: 5, says: "must be after open (20:00), got 08:00"),
    Malformed("rate and per_day", fullYAML([5: "    demand: {rate: 100/h, per_day: 1000}"]),
              path: "channels.voice.demand.per_day", line: 5, says: "give either rate (constant around the clock) or per_day"),
    Malformed("profile with a constant rate", fullYAML([5: "    demand: {rate: 100/h, profile: flat}"]),
              path: "channels.voice.demand.profile", line: 5, says: "'profile' shapes a daily volume; use per_day instead of rate"),
    Malformed("misspelt profile shape", fullYAML([5: "    demand: {per_day: 1000, profile: busines_day}"]),
              path: "channels.voice.demand.profile", line: 5, says: "unknown profile shape 'busines_day'; did you mean 'business_day'?"),
    Malformed("hourly profile of the wrong length", fullYAML([5: "    demand: {per_day: 1000, profile: {hourly: [1, 2]}}"]),
              path: "channels.voice.demand.profile.hourly", line: 5, says: "needs 24 weights, one per hour from 00:00, got 2"),
    Malformed("batch after the run", fullYAML([9: "    demand: {per_day: 200, batches: [{day: 3, from: \"10:00\", to: \"12:00\", volume: 100}]}"]),
              path: "channels.email.demand.batches[0].day", line: 9, says: "starts on day 3 at 10:00, after the run ends (1d = warmup + horizon)"),
    Malformed("batch ending before it starts", fullYAML([9: "    demand: {per_day: 200, batches: [{day: 0, from: \"12:00\", to: \"10:00\", volume: 100}]}"]),
              path: "channels.email.demand.batches[0].to", line: 9, says: "must be after 'from'"),
    Malformed("misspelt day-of-week key", fullYAML([5: "    demand: {per_day: 1000, day_of_week: {tues: 1.1}}"]),
              path: "channels.voice.demand.day_of_week.tues", line: 5, says: "did you mean 'tue'?"),
    // Channel settings by kind.
    Malformed("chat settings on a voice channel", fullYAML([7: "    concurrency: 3"]),
              path: "channels.voice.concurrency", line: 7, says: "concurrency and slowdown apply to chat channels only; 'voice' is a voice channel"),
    Malformed("slowdown alone on a voice channel", fullYAML([7: "    slowdown: 20%"]),
              path: "channels.voice.slowdown", line: 7, says: "apply to chat channels only"),
    Malformed("patience on email", fullYAML([9: "    patience: {exponential: {mean: 3m}}"]),
              path: "channels.email.patience", line: 9, says: "email contacts wait in a backlog and never abandon"),
    Malformed("abandonment ceiling on email", fullYAML([9: "    demand: {per_day: 200}\n    service_level: {max_abandonment: 5%}"]),
              path: "channels.email.service_level.max_abandonment", line: 10, says: "email contacts never abandon"),
    Malformed("negative SLA penalty", fullYAML([9: "    demand: {per_day: 200}\n    service_level: {penalty: {amount: -5}}"]),
              path: "channels.email.service_level.penalty.amount", line: 10, says: "must be 0 or more, got -5"),
    Malformed("unknown SLA penalty period", fullYAML([9: "    demand: {per_day: 200}\n    service_level: {penalty: {amount: 50, per: month}}"]),
              path: "channels.email.service_level.penalty.per", line: 10, says: "unknown value 'month'; expected one of: interval, day, week, run"),
    Malformed("backlog reserve of everyone", fullYAML(appending: ["routing: {backlog_reserve: 100%}"]),
              path: "routing.backlog_reserve", line: 26, says: "must be at least 0% and below 100%, got 100%"),
    Malformed("callbacks on email", fullYAML([9: "    callbacks: {when_expected_wait_above: 2m, acceptance: 40%, promised_within: 1h}"]),
              path: "channels.email.callbacks", line: 9, says: "callbacks are offered to voice callers only"),
    Malformed("concurrency below 1",
              fullYAML([8: "  email: {kind: chat, demand: {rate: 10/h}, tiers: {tier1: 100%}, concurrency: 0}", 9: nil, 10: nil]),
              path: "channels.email.concurrency", line: 8, says: "must be between 1 and 20 chats per agent, got 0"),
    Malformed("tiers missing with several tiers", fullYAML([10: nil]),
              path: "channels.email.tiers", line: 8, says: "required field 'tiers' is missing from 'channels.email'"),
    Malformed("kind needed for a custom name", fullYAML([4: "  phone:"]),
              path: "channels.phone.kind", line: 4, says: "required field 'kind' is missing from 'channels.phone'"),
    Malformed("invalid channel name", fullYAML([4: "  my voice:\n    kind: voice"]),
              path: "channels[0]", line: 4, says: "channel name 'my voice' may only use letters, digits, '_' and '-'"),
    // Resolution.
    Malformed("resolved and escalated above 100%", fullYAML([14: "    resolution: {resolved: 95%, escalated: 10%}"]),
              path: "tiers.tier1.resolution", line: 14, says: "resolved (95%) + escalated (10%) exceed 100%"),
    // Teams: shrinkage, absenteeism, agents, shifts, breaks, skills.
    Malformed("shrinkage of 100%", fullYAML([21: "    shrinkage: 100%\n    shifts:"]),
              path: "teams.frontline.shrinkage", line: 21, says: "must be at least 0% and below 100%, got 100%"),
    Malformed("negative absenteeism", fullYAML([21: "    absenteeism: -5%\n    shifts:"]),
              path: "teams.frontline.absenteeism", line: 21, says: "must be between 0% and 100%, got '-5%'"),
    Malformed("negative agents", fullYAML([22: "      - {start: \"08:00\", length: 8h, agents: -3}"]),
              path: "teams.frontline.shifts[0].agents", line: 22, says: "must be 0 or more, got -3"),
    Malformed("misspelt weekday", fullYAML([22: "      - {start: \"08:00\", length: 8h, agents: 10, days: [mon, tues]}"]),
              path: "teams.frontline.shifts[0].days[1]", line: 22, says: "unknown weekday 'tues'; did you mean 'tue'?"),
    Malformed("unknown day group", fullYAML([22: "      - {start: \"08:00\", length: 8h, agents: 10, days: weekday}"]),
              path: "teams.frontline.shifts[0].days", line: 22, says: "unknown days 'weekday'; did you mean 'weekdays'?"),
    Malformed("duration where a clock time belongs", fullYAML([22: "      - {start: 8h, length: 8h, agents: 10}"]),
              path: "teams.frontline.shifts[0].start", line: 22, says: "clock times are written HH:MM"),
    Malformed("hour 25", fullYAML([22: "      - {start: \"25:00\", length: 8h, agents: 10}"]),
              path: "teams.frontline.shifts[0].start", line: 22, says: "'25:00' is not a time of day"),
    Malformed("spelled-out duration", fullYAML([22: "      - {start: \"08:00\", length: 8 hours, agents: 10}"]),
              path: "teams.frontline.shifts[0].length", line: 22, says: "unknown duration unit 'hours' in '8 hours'; did you mean '8h'?"),
    Malformed("shift longer than a day", fullYAML([25: "    shifts: [{start: \"08:00\", length: 25h, agents: 5}]"]),
              path: "teams.experts.shifts[0].length", line: 25, says: "must be greater than 0 and at most 24h, got 25h"),
    Malformed("length and end", fullYAML([22: "      - {start: \"08:00\", length: 8h, end: \"16:00\", agents: 10}"]),
              path: "teams.frontline.shifts[0].end", line: 22, says: "give either 'length' or 'end', not both"),
    Malformed("break past the end of the shift", fullYAML([22: "      - {start: \"08:00\", length: 8h, agents: 10, breaks: [{window: [7h, 8h], length: 30m}]}"]),
              path: "teams.frontline.shifts[0].breaks[0].window", line: 22, says: "a break starting at 8h ends at 8.5h, after the shift ends (8h)"),
    Malformed("break window backwards", fullYAML([22: "      - {start: \"08:00\", length: 8h, agents: 10, breaks: [{window: [3h, 2h], length: 30m}]}"]),
              path: "teams.frontline.shifts[0].breaks[0].window", line: 22, says: "0 ≤ earliest ≤ latest"),
    Malformed("paid is not a boolean", fullYAML([22: "      - {start: \"08:00\", length: 8h, agents: 10, breaks: [{window: 2h, length: 15m, paid: yes}]}"]),
              path: "teams.frontline.shifts[0].breaks[0].paid", line: 22, says: "expected true or false, got 'yes'"),
    Malformed("skill listed twice", fullYAML([20: "    skills: [{channel: voice, tier: tier1}, {channel: voice, tier: tier1}]"]),
              path: "teams.frontline.skills[1]", line: 20, says: "the skill {channel: voice, tier: tier1} is already given (skills[0])"),
    Malformed("zero proficiency", fullYAML([20: "    skills: [{channel: voice, tier: tier1, proficiency: 0}]"]),
              path: "teams.frontline.skills[0].proficiency", line: 20, says: "must be greater than 0"),
    Malformed("negative overflow delay in an expanded skill",
              fullYAML([24: "    skills: [{channel: [voice, email], tier: tier2}, {channel: email, tier: tier1, overflow_after: -1m}]"]),
              path: "teams.experts.skills[1].overflow_after", line: 24, says: "must be 0 or more, got -1m"),
    Malformed("negative reservation", fullYAML([20: "    skills: [{channel: voice, tier: tier1, reserve: -1}]"]),
              path: "teams.frontline.skills[0].reserve", line: 20, says: "must be between 0 and 100000, got -1"),
    Malformed("fractional reservation", fullYAML([20: "    skills: [{channel: voice, tier: tier1, reserve: 1.5}]"]),
              path: "teams.frontline.skills[0].reserve", line: 20, says: "expected a whole number, got '1.5'"),
    Malformed("misspelt routing policy", fullYAML(appending: ["routing: {policy: fastest_agnet}"]),
              path: "routing.policy", line: 26, says: "did you mean 'fastest_agent'?"),
    Malformed("overtime multiplier below 1", fullYAML([21: "    overtime_multiplier: 0.5\n    shifts:"]),
              path: "teams.frontline.overtime_multiplier", line: 21, says: "must be 1 or more, got 0.5"),
    // Unknown keys, misplaced keys, mixing forms, calendar, routing.
    Malformed("misspelt channel key", fullYAML([7: "    patiense: {exponential: {mean: 3m}}"]),
              path: "channels.voice.patiense", line: 7, says: "unknown field 'patiense'; did you mean 'patience'?"),
    Malformed("misspelt team key", fullYAML([21: "    shfits:"]),
              path: "teams.frontline.shfits", line: 21, says: "did you mean 'shifts'?"),
    Malformed("demand field directly under the channel", fullYAML([7: "    per_day: 100"]),
              path: "channels.voice.per_day", line: 7, says: "unknown field 'per_day' here; it belongs under 'demand'"),
    Malformed("single-queue key in a full-form file", fullYAML(appending: ["handle_time: {exponential: {mean: 5m}}"]),
              path: "handle_time", line: 26,
              says: "'handle_time' belongs to the single-queue form, but this file uses the full form (channels, tiers, teams); handle times go under tiers.<name>.handle_time.<channel>"),
    Malformed("full-form key in a single-queue file", yaml(appending: ["routing: {policy: team_order}"]),
              path: "routing", line: 8, says: "'routing' belongs to the full form (channels, tiers, teams), but this file uses the single-queue form (arrivals, team, handle_time)"),
    Malformed("misspelt calendar weekday", fullYAML(appending: ["calendar: {start: mnday}"]),
              path: "calendar.start", line: 26, says: "unknown weekday 'mnday'; did you mean 'monday'?"),
    Malformed("priority for an unknown tier", fullYAML(appending: ["routing: {priorities: {voice: {tier3: 2}}}"]),
              path: "routing.priorities.voice.tier3", line: 26, says: "unknown tier 'tier3'"),
    Malformed("misspelt routing policy", fullYAML(appending: ["routing: {policy: longest_iddle}"]),
              path: "routing.policy", line: 26, says: "did you mean 'longest_idle'?"),
    Malformed("teams section is a list", fullYAML([18: "teams: [frontline]", 19: nil, 20: nil, 21: nil, 22: nil, 23: nil, 24: nil, 25: nil]),
              path: "teams", line: 18, says: "expected a mapping of teams by name"),
    Malformed("tiers section missing", fullYAML([11: nil, 12: nil, 13: nil, 14: nil, 15: nil, 16: nil, 17: nil]),
              path: "tiers", line: 1, says: "required field 'tiers' is missing"),
]

@Suite struct MalformedFullFormTests {
    @Test(arguments: malformedFullFormCases)
    func reportsTheRightPlaceOnOneLine(_ c: Malformed) throws {
        try expectFirstProblem(c)
    }

    @Test func baseIsValid() throws {
        _ = try loadValid(fullYAML())
    }

    /// A `teams` section that cannot be read is one problem: the scheduling section's team names
    /// are not also reported as unknown against an empty list of teams.
    @Test func unreadableTeamsAreOneProblem() throws {
        let text = fullYAML([18: "teams: 5", 19: nil, 20: nil, 21: nil, 22: nil, 23: nil, 24: nil, 25: nil],
                            appending: ["scheduling: {teams: {frontline: {templates: [{starts: '08:00', length: 8h}]}}}"])
        do {
            _ = try ScenarioLoader.parse(yaml: text, file: "s.yaml", baseDirectory: "/")
            Issue.record("expected a problem")
        } catch {
            #expect(error.issues.map(\.path) == ["teams"], "\(error.issues)")
        }
    }
}
