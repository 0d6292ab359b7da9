import ContactCenter
import Experiments
import Scenarios
import Stochastics

/// A hand-built center — voice and email, two tiers, two priced teams, two
/// half-hour intervals — and three replications whose every figure is a
/// simple function of the replication index r, so tests can compute the
/// expected summaries by hand.
enum TwoChannelCenter {
    static let center = CenterSpec(
        channels: [
            ChannelSpec(name: "voice", kind: .voice, demand: DemandSpec(pattern: .constant(ratePerSecond: 300.0 / 3600)),
                        tierShares: [1, 0], patience: .exponential(mean: 120),
                        serviceLevel: ServiceLevelTarget(answerWithin: 20, target: 0.8, convention: .offered),
                        maxAverageSpeedOfAnswer: 30, maxAbandonmentRate: 0.05),
            ChannelSpec(name: "email", kind: .email, demand: DemandSpec(pattern: .constant(ratePerSecond: 40.0 / 3600)),
                        tierShares: [1, 0],
                        serviceLevel: ServiceLevelTarget(answerWithin: 4 * 3600, target: 0.9, convention: .answered)),
        ],
        tiers: [
            TierSpec(name: "tier1", handleTimes: [.exponential(mean: 300), .exponential(mean: 600)], resolved: 0.9, escalated: 0.05,
                     escalation: Escalation(toTier: 1, mode: .warmTransfer)),
            TierSpec(name: "tier2", handleTimes: [.exponential(mean: 600), nil]),
        ],
        teams: [
            AgentTeamSpec(name: "frontline", skills: [Skill(channel: 0, tier: 0), Skill(channel: 1, tier: 0)],
                          hourlyCost: 20, overtimeMultiplier: 1.5, shifts: [], constantAgents: 10),
            AgentTeamSpec(name: "experts", skills: [Skill(channel: 0, tier: 1)], hourlyCost: 40, overtimeMultiplier: 2,
                          shifts: [], constantAgents: 2),
        ],
        routing: RoutingSpec(priorities: [[1, 2], [0, 0]]),
        resolutionTarget: 86_400
    )

    /// Any scenario: the summary reads its name, source and run settings only.
    static let scenario = Scenario(
        name: "two-channels",
        run: RunSettings(horizon: 3600, warmup: 0, interval: 1800, replications: 3, seed: 1),
        arrivals: ArrivalProcess(ratePerSecond: 0.1),
        team: TeamSpec(name: "frontline", agents: 12),
        handleTime: .exponential(mean: 300),
        source: "two-channels.yaml"
    )

    static func result(_ r: Int) -> CenterResult {
        let x = Double(r)
        var result = HandBuilt.empty(channels: 2, tiers: 2, teams: 2, intervals: 2, intervalLength: 1800)
        result.replication = r
        // Voice, tier 1: interval 0 is busy, interval 1 quiet.
        result.edit(interval: 0, channel: 0, tier: 0) {
            $0.outcomes.offered = 100 + 10 * r
            $0.outcomes.answered = 90 + 10 * r
            $0.outcomes.abandoned = 10
            $0.outcomes.delayed = 40
            $0.outcomes.answeredWithinTarget = 70 + 5 * r
            $0.outcomes.abandonedBeforeTarget = 4
            $0.outcomes.answeredWaitSum = 900 + 100 * x
            $0.outcomes.queueTimeSum = 1100 + 100 * x
            $0.resolutions.handled = 90 + 10 * r
            $0.resolutions.resolved = 80 + 10 * r
            $0.resolutions.escalated = 5
            $0.resolutions.unresolved = 5
            $0.resolutions.firstContactsHandled = 85 + 10 * r
            $0.resolutions.firstContactResolved = 80 + 10 * r
            $0.resolutions.repeatContacts = 3
            $0.resolutions.resolutionTimeSum = Double(80 + 10 * r) * 400
            $0.resolutions.resolvedWithinTarget = 80 + 10 * r
            $0.resolutions.handleTimeSum = Double(90 + 10 * r) * 300
        }
        result.edit(interval: 1, channel: 0, tier: 0) {
            $0.outcomes.offered = 50
            $0.outcomes.answered = 50
            $0.outcomes.delayed = 10
            $0.outcomes.answeredWithinTarget = 50
            $0.outcomes.answeredWaitSum = 100
            $0.outcomes.queueTimeSum = 100
            $0.resolutions.handled = 50
            $0.resolutions.resolved = 50
            $0.resolutions.firstContactsHandled = 50
            $0.resolutions.firstContactResolved = 50
            $0.resolutions.resolutionTimeSum = 50 * 320
            $0.resolutions.resolvedWithinTarget = 50
            $0.resolutions.handleTimeSum = 50 * 300
        }
        // Voice, tier 2: the escalated contacts, resolved by the experts.
        result.edit(interval: 0, channel: 0, tier: 1) {
            $0.resolutions.handled = 5
            $0.resolutions.resolved = 5
            $0.resolutions.resolutionTimeSum = 5 * 3600
            $0.resolutions.resolvedWithinTarget = 5
            $0.resolutions.handleTimeSum = 5 * 600
        }
        // Email, tier 1: a backlog, some still unanswered at the end.
        result.edit(interval: 0, channel: 1, tier: 0) {
            $0.outcomes.offered = 20
            $0.outcomes.answered = 18
            $0.outcomes.delayed = 20
            $0.outcomes.answeredWithinTarget = 15 + r
            $0.outcomes.answeredWaitSum = 18 * 3600
            $0.outcomes.queueTimeSum = 18 * 3600
            $0.outcomes.unansweredAtEnd = 2 + r
            $0.resolutions.handled = 18
            $0.resolutions.resolved = 18
            $0.resolutions.firstContactsHandled = 18
            $0.resolutions.firstContactResolved = 18
            $0.resolutions.resolutionTimeSum = 18 * 4000
            $0.resolutions.resolvedWithinTarget = 18
            $0.resolutions.handleTimeSum = 18 * 600
        }
        result.unansweredAtEnd = [0, 2 + r]
        result.meanQueueLength = [1.5 + x, 4]
        result.waitP50 = [2, 3000]
        result.waitP90 = [30 + x, 7000]
        result.waitP95 = [45, 9000]
        for i in 0..<2 {
            result.channelIntervals[i * 2 + 0].meanQueueLength = i == 0 ? 2 + x : 1
            result.channelIntervals[i * 2 + 0].backlog = i == 0 ? 3 : 0
            result.channelIntervals[i * 2 + 0].oldestAge = i == 0 ? 25 : 0
            result.channelIntervals[i * 2 + 1].backlog = 2 + r
            result.channelIntervals[i * 2 + 1].oldestAge = 1000
        }
        // Teams: frontline 8 + r of 10 available agents busy, 12 on shift; experts 1.5 of 2.
        result.teamTotals[0].busySeconds = 3600 * (8 + x)
        result.teamTotals[0].availableSeconds = 3600 * 10
        result.teamTotals[0].paidSeconds = 3600 * 12
        result.teamTotals[0].overtimeSeconds = 1800
        result.teamTotals[0].handled = 100 + r
        result.teamTotals[1].busySeconds = 3600 * 1.5
        result.teamTotals[1].availableSeconds = 3600 * 2
        result.teamTotals[1].paidSeconds = 3600 * 2
        result.teamTotals[1].handled = 5
        for i in 0..<2 {
            result.teamIntervals[i * 2 + 0].meanBusy = i == 0 ? 9 + x : 7 + x
            result.teamIntervals[i * 2 + 0].meanAvailable = 10
            result.teamIntervals[i * 2 + 0].handled = 50 + i
            result.teamIntervals[i * 2 + 1].meanBusy = i == 0 ? 2 : 1
            result.teamIntervals[i * 2 + 1].meanAvailable = 2
            result.teamIntervals[i * 2 + 1].handled = i == 0 ? 5 : 0
        }
        result.arrivalsSimulated = 200 + r
        result.eventsHandled = 1000 + r
        // Every wait that ended is one exit from the queue.
        for i in result.outcomeCells.indices { result.outcomeCells[i].queueExits = result.outcomeCells[i].answered + result.outcomeCells[i].abandoned }
        return result
    }

    static var results: [CenterResult] { (0..<3).map(result) }

    static func summary(_ results: [CenterResult] = results, center: CenterSpec = center) -> CenterSummary {
        CenterSummary(scenario: scenario, center: center, singleQueue: nil, replications: results)
    }
}
