extension Scenario {
  public var center: CenterSpec {
    CenterSpec(channels: [ChannelSpec(name: "voice", kind: .voice, demand: DemandSpec(pattern: .constant(ratePerSecond: arrivals.ratePerSecond)), tierShares: [1], patience: patience, serviceLevel: serviceLevel)],
      tiers: [TierSpec(name: "tier1", handleTimes: [handleTime])],
      teams: [AgentTeamSpec(name: team.name, skills: [Skill(channel: 0, tier: 0)], shifts: [], constantAgents: team.agents)],
      routing: RoutingSpec(priorities: [[0]]))
  }
}
