import Scenarios
import Stochastics

/// Centers built in code for the full model's tests.
enum CenterFixtures {
    static func voice(_ name: String = "voice", ratePerHour: Double, patience: Distribution? = nil,
                      kind: ChannelKind = .voice, chat: ChatSettings? = nil, tierShares: [Double] = [1]) -> ChannelSpec {
        ChannelSpec(name: name, kind: kind, demand: DemandSpec(pattern: .constant(ratePerSecond: ratePerHour / 3600)),
                    tierShares: tierShares, patience: patience, chat: chat)
    }

    static func tier(_ name: String = "tier1", handle: [Distribution?], resolved: Double = 1, escalated: Double = 0,
                     escalation: Escalation? = nil, repeats: RepeatContacts? = nil) -> TierSpec {
        TierSpec(name: name, handleTimes: handle, resolved: resolved, escalated: escalated, escalation: escalation, repeats: repeats)
    }

    static func team(_ name: String, agents: Int, skills: [Skill]) -> AgentTeamSpec {
        AgentTeamSpec(name: name, skills: skills, shifts: [], constantAgents: agents)
    }

    static func center(channels: [ChannelSpec], tiers: [TierSpec], teams: [AgentTeamSpec]) -> CenterSpec {
        CenterSpec(channels: channels, tiers: tiers, teams: teams,
                   routing: RoutingSpec(priorities: Array(repeating: Array(repeating: 0, count: tiers.count), count: channels.count)))
    }

    static func run(hours: Double, warmup: Double = 3600, seed: UInt64 = 1) -> RunSettings {
        RunSettings(horizon: hours * 3600, warmup: warmup, interval: hours * 3600, replications: 1, seed: seed)
    }
}
