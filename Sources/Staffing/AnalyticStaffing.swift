import Analytics
import Experiments
import Scenarios

/// The formula answer: for each planning interval and (channel, tier) queue, the smallest
/// agent count meeting the channel's targets, summed per team and grossed up for shrinkage.
///
/// Models, per channel kind (the rule itself is `ErlangRequirement`, shared with `ccsim erlang`
/// and `staffing-check.csv`):
/// - voice: Erlang C, or Erlang A (M/M/n+M) when the channel has a patience (its mean is used
///   when the patience is not exponential), on the channel's service level (answer within T for
///   the target share, by the channel's convention), raised if needed until the optional max ASA
///   and max abandonment hold;
/// - chat: the same model on chat *slots* = agents × concurrency, each chat taking the handle
///   time × (1 + slowdown × (concurrency − 1)/2) (the average slowdown with every slot in use);
///   agents = slots / concurrency (kept fractional until the team total is rounded);
/// - email and tickets (backlog): workload, arrivals × handle time, in agent-hours; a day's
///   workload is spread evenly over the intervals of that day in which the team has live work
///   (over the whole day when it has none), which meets a 24 h first-response target when the
///   team works every day.
///
/// With an occupancy ceiling ρ (`scheduling.max_occupancy`, `--max-occupancy`), every queue gets
/// at least its offered load / ρ agents (chat: slots), and backlog workload is divided by ρ: the
/// team's expected busy time is then at most ρ of its on-phone time in every interval.
///
/// Per team, the requirements of the queues it serves as primary (no `overflow_after`) are
/// summed, never maxed: one agent cannot be on a call and on a chat at once. A queue with
/// several primary teams is given to the cheapest (then the first listed). Scheduled agents =
/// on-phone / ((1 − shrinkage)(1 − absenteeism)).
public struct AnalyticStaffing: Sendable {
    public let grid: WeekGrid
    /// Team × slot, on the phones (fractional: chat and backlog parts are not rounded).
    public let onPhone: [[Double]]
    /// Team × slot, scheduled, fractional (the FTE figure).
    public let scheduledFraction: [[Double]]
    /// Team × slot, whole scheduled agents: ⌈fraction⌉.
    public let scheduled: [[Int]]
    /// The team each (channel, tier) queue is charged to (`queueTeam[c * tiers + k]`), nil when none serves it.
    public let queueTeam: [Int?]
    public let flows: QueueFlows
    /// Which model each channel was staffed with, in words.
    public let models: [String]
    /// Team × slot: the expected work in agents on the phones (Erlangs; backlog spread as above).
    public let workload: [[Double]]
    /// The occupancy ceiling in force (nil: none).
    public let maxOccupancy: Double?

    /// Team × slot: fewest scheduled agents keeping expected occupancy at or under the ceiling
    /// (0 without one): the floor no simulated plan may go below.
    public var occupancyFloor: [[Int]] {
        guard let ceiling = maxOccupancy else { return workload.map { $0.map { _ in 0 } } }
        return workload.indices.map { t in
            workload[t].map { Int(($0 / ceiling / presence[t] - 1e-9).rounded(.up)) }
        }
    }
    private let presence: [Double]

    public init(center: CenterSpec, calendar: RunCalendar, maxOccupancy: Double? = nil) {
        self.maxOccupancy = maxOccupancy
        presence = center.teams.map(Self.presence)
        let ceiling = maxOccupancy ?? 1
        let grid = calendar.grid
        self.grid = grid
        let flows = QueueFlows(center: center, calendar: calendar)
        self.flows = flows
        let tiers = center.tiers.count, teams = center.teams.count
        let queueTeam = Self.responsibleTeams(center)
        self.queueTeam = queueTeam
        let length = grid.intervalLength

        var live = Array(repeating: Array(repeating: 0.0, count: grid.slotCount), count: teams)
        var load = live
        var backlogSeconds = Array(repeating: Array(repeating: 0.0, count: 7), count: teams)
        var cache: [RequirementKey: Int] = [:]
        var models: [String] = []
        for (c, channel) in center.channels.enumerated() {
            models.append(Self.modelDescription(channel))
            let rule = ErlangRequirement(channel: channel, maxOccupancy: maxOccupancy)
            for k in 0..<tiers {
                guard let t = queueTeam[c * tiers + k], let handle = center.tiers[k].handleTimes[safe: c] ?? nil else { continue }
                let proficiency = center.teams[t].skills.first { $0.channel == c && $0.tier == k }?.proficiency ?? 1
                let meanHandle = handle.mean * proficiency
                for s in 0..<grid.slotCount {
                    let contacts = flows.total[s][c * tiers + k]
                    guard contacts > 0 else { continue }
                    let rate = contacts / length
                    if channel.kind == .email {
                        backlogSeconds[t][s / grid.slotsPerDay] += contacts * meanHandle
                        continue
                    }
                    // Voice: agents; chat: slots, kept fractional (÷ concurrency) until the team total is rounded.
                    let key = RequirementKey(rate: rate, handle: meanHandle, channel: c)
                    let servers = cache[key] ?? rule.servers(rate: rate, handleTime: meanHandle)
                    cache[key] = servers
                    load[t][s] += rate * rule.serverHandleTime(meanHandle) / Double(rule.concurrency)
                    live[t][s] += Double(servers) / Double(rule.concurrency)
                }
            }
        }
        // Spread each team-day's backlog workload over the intervals it has live work (else all day).
        var onPhone = live
        for t in 0..<teams {
            for day in 0..<7 where backlogSeconds[t][day] > 0 {
                let slots = (day * grid.slotsPerDay)..<((day + 1) * grid.slotsPerDay)
                var working = slots.filter { live[t][$0] > 0 }
                if working.isEmpty { working = Array(slots) }
                let perSlot = backlogSeconds[t][day] / length / Double(working.count)
                for s in working {
                    onPhone[t][s] += perSlot / ceiling
                    load[t][s] += perSlot
                }
            }
        }
        self.onPhone = onPhone
        workload = load
        let fraction = onPhone.enumerated().map { t, row in
            row.map { $0 / Self.presence(center.teams[t]) }
        }
        scheduledFraction = fraction
        scheduled = fraction.map { $0.map { Int(($0 - 1e-9).rounded(.up)) } }
        self.models = models
    }

    /// Share of scheduled agents on the phones: (1 − shrinkage)(1 − absenteeism).
    public static func presence(_ team: AgentTeamSpec) -> Double {
        max(1e-9, (1 - team.shrinkage) * (1 - team.absenteeism))
    }

    /// Scheduled agents for `onPhone` agents on the phones.
    public static func scheduled(onPhone: Double, team: AgentTeamSpec) -> Double {
        onPhone / presence(team)
    }

    /// The team a queue is charged to: the cheapest primary team, else the cheapest overflow team.
    public static func responsibleTeams(_ center: CenterSpec) -> [Int?] {
        let tiers = center.tiers.count
        var out: [Int?] = Array(repeating: nil, count: center.channels.count * tiers)
        for c in center.channels.indices {
            for k in 0..<tiers {
                let serving = center.teams.indices.compactMap { t -> (team: Int, primary: Bool)? in
                    guard let skill = center.teams[t].skills.first(where: { $0.channel == c && $0.tier == k }) else { return nil }
                    return (t, skill.overflowAfter == nil)
                }
                let pool = serving.contains { $0.primary } ? serving.filter(\.primary) : serving
                out[c * tiers + k] = pool.min { (center.teams[$0.team].hourlyCost, $0.team) < (center.teams[$1.team].hourlyCost, $1.team) }?.team
            }
        }
        return out
    }

    static func modelDescription(_ channel: ChannelSpec) -> String {
        let queue = channel.patience.map { "Erlang A (patience mean \(Formatting.duration($0.mean)))" } ?? "Erlang C"
        switch channel.kind {
        case .voice: return "\(channel.name): \(queue) per tier queue"
        case .chat:
            let chat = channel.chat ?? ChatSettings(concurrency: 1, slowdown: 0)
            let factor = 1 + chat.slowdown * Double(chat.concurrency - 1) / 2
            return "\(channel.name): \(queue) on chat slots (agents × \(chat.concurrency)), handle time × \(Formatting.number(factor))"
        case .email: return "\(channel.name): backlog workload (arrivals × handle time), spread over the team's working intervals of the day"
        }
    }
}

private struct RequirementKey: Hashable {
    var rate: Double
    var handle: Double
    var channel: Int
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
