import Stochastics
extension Scenario {
  public var center: CenterSpec {
    CenterSpec(channels: [ChannelSpec(name: "voice", kind: .voice, demand: DemandSpec(pattern: .constant(ratePerSecond: arrivals.ratePerSecond)), tierShares: [1], patience: patience, serviceLevel: serviceLevel)],
      tiers: [TierSpec(name: "tier1", handleTimes: [handleTime])],
      teams: [AgentTeamSpec(name: team.name, skills: [Skill(channel: 0, tier: 0)], shifts: [], constantAgents: team.agents)],
      routing: RoutingSpec(priorities: [[0]]))
  }
}
/// Stand-in until the Scenarios refactor lands (same API).
public struct SingleQueueView: Sendable, Hashable {
  public var ratePerSecond: Double; public var agents: Int; public var teamName: String
  public var handleTime: Distribution; public var patience: Distribution?; public var serviceLevel: ServiceLevelTarget
}
extension Scenario {
  public var singleQueue: SingleQueueView? {
    SingleQueueView(ratePerSecond: arrivals.ratePerSecond, agents: team.agents, teamName: team.name, handleTime: handleTime, patience: patience, serviceLevel: serviceLevel)
  }
}
