import Stochastics

/// The foundation's single queue (one voice channel, one tier, one team on duty throughout)
/// expressed as a center, so that old files, old code and the Erlang checks keep working.
extension Scenario {
    /// Name of the one channel of a single-queue center.
    public static let singleQueueChannelName = "voice"
    /// Name of the one tier of a single-queue center.
    public static let singleQueueTierName = "tier1"

    /// Builds the single-queue center: one voice channel with constant Poisson demand, one tier
    /// that resolves everything, and one team of agents on duty throughout (`constantAgents`:
    /// they stay until the queue drains after the last arrival, as in the foundation model).
    public init(
        name: String,
        description: String? = nil,
        run: RunSettings = RunSettings(),
        arrivals: ArrivalProcess,
        team: TeamSpec,
        handleTime: Distribution,
        patience: Distribution? = nil,
        serviceLevel: ServiceLevelTarget = ServiceLevelTarget(),
        source: String? = nil
    ) {
        let channel = ChannelSpec(
            name: Self.singleQueueChannelName, kind: .voice,
            demand: DemandSpec(pattern: .constant(ratePerSecond: arrivals.ratePerSecond)),
            tierShares: [1], patience: patience, serviceLevel: serviceLevel)
        let tier = TierSpec(name: Self.singleQueueTierName, handleTimes: [handleTime], resolved: 1)
        let agents = AgentTeamSpec(name: team.name, skills: [Skill(channel: 0, tier: 0)], shifts: [],
                                   constantAgents: team.agents)
        let center = CenterSpec(channels: [channel], tiers: [tier], teams: [agents],
                                routing: RoutingSpec(policy: .longestIdle, priorities: [[0]]))
        self.init(name: name, description: description, run: run, center: center, source: source)
    }

    /// The single queue this scenario is, or nil when its center has any other shape.
    ///
    /// Non-nil exactly when the center has one voice channel with constant demand and no
    /// batches, callbacks or initial queue; one tier resolving 100% with no repeats; one team with
    /// the one skill (0, 0) at proficiency 1 and no overflow delay, staffed only by agents on
    /// duty throughout (no shifts, published roster, shrinkage or absenteeism). Fields that only affect reports (costs, SLA ceilings, resolution target,
    /// routing, start weekday) are not looked at. Such a scenario behaves as an M/M/c(+G) queue,
    /// so the simulator may run it with its fast single-queue model and compare with Erlang C/A.
    public var singleQueue: SingleQueueView? {
        let c = center
        guard c.channels.count == 1, c.tiers.count == 1, c.teams.count == 1 else { return nil }
        let channel = c.channels[0], tier = c.tiers[0], team = c.teams[0]

        guard channel.kind == .voice, case .constant(let rate) = channel.demand.pattern,
              channel.demand.batches.isEmpty, channel.callbacks == nil, channel.initialQueue == nil,
              channel.chat == nil, channel.tierShares == [1] else { return nil }
        guard tier.handleTimes.count == 1, let handleTime = tier.handleTimes[0],
              tier.resolved == 1, tier.escalated == 0, tier.repeats == nil else { return nil }
        guard team.skills == [Skill(channel: 0, tier: 0, proficiency: 1, overflowAfter: nil)],
              team.shrinkage == 0, team.absenteeism == 0, team.shifts.isEmpty, team.roster == nil else { return nil }

        return SingleQueueView(ratePerSecond: rate, agents: team.constantAgents, teamName: team.name,
                               handleTime: handleTime, patience: channel.patience,
                               serviceLevel: channel.serviceLevel)
    }
}
