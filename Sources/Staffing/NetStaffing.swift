import ContactCenter
import Experiments
import ResultsSchema
import Scenarios

/// The planner's check of a run, interval by interval and channel: the agents the simulation
/// had available to the channel (net of absenteeism, breaks and activities: a published
/// roster's or templates' agents, as simulated) beside the Erlang requirement of the
/// scenario's expected demand, and whether the simulated service level met the target.
///
/// Why per channel: the requirement is defined on a channel's offered load and targets. The
/// requirement is `ErlangRequirement` (the rule of `ccsim erlang`) on the channel's new contacts
/// (escalations and repeats apart), with the forecast's AHT of the interval when it has one, else
/// the tiers' mean handle times weighted by the channel's tier shares (the forecast's tier shares of
/// the interval when it gives them), and the scenario's
/// `scheduling.max_occupancy` when it sets one; a backlog (email) channel has no Erlang requirement.
///
/// Blended agents are never counted twice: a team with skills on several channels has its
/// available agents of each interval split across those channels by `BlendedShare` (in
/// proportion to each channel's requirement in that interval; a roster team whose agents have
/// skill profiles of their own is first split into its channel sets by the roster's planned
/// on-phone agents), so the net agents of all channels of an interval add up to the agents on duty.
/// A team that is only an overflow group on a channel (`overflow_after`) counts there only what its
/// first-choice channels do not require (`BlendedShare.shares(_:overflow:available:)`).
public struct NetStaffing: Sendable {
    public struct Row: Sendable, Hashable {
        public var interval: ReportingInterval
        public var channel: Int
        public var expectedOffered: Double
        public var handleTime: Double?
        public var erlangAgents: Double?
        public var netAgents: Double?
        public var serviceLevel: Double?
        public var target: Double
        public var netStaffing: Double? {
            guard let netAgents, let erlangAgents else { return nil }
            return netAgents - erlangAgents
        }
        public var missed: Bool { serviceLevel.map { $0 < target } ?? false }
    }

    /// Interval-major: every channel of interval 0, then of interval 1, …
    public let rows: [Row]

    public init(summary: CenterSummary) {
        let center = summary.center
        let run = summary.scenario.run
        let runEnd = run.warmup + (summary.intervals.last?.end ?? 0)
        let maxOccupancy = summary.scenario.scheduling?.maxOccupancy
        var perChannel: [[Row]] = []
        var weights: [[Double]] = []
        for (c, channel) in center.channels.enumerated() {
            var demand = channel.demand
            if case .daily(var daily) = demand.pattern {
                daily.busynessCV = nil
                demand.pattern = .daily(daily)
            } else if case .forecast(var forecast) = demand.pattern {
                forecast.busynessCV = nil
                demand.pattern = .forecast(forecast)
            }
            let generator = ArrivalGenerator(demand: demand, startWeekday: center.startWeekday, horizonEnd: max(runEnd, 1))
            let baseline = Self.baselineHandleTime(center, channel: c)
            let rule = ErlangRequirement(channel: channel, maxOccupancy: maxOccupancy)
            var cache: [[Double]: Int] = [:]
            var rows: [Row] = [], weight: [Double] = []
            for (position, interval) in summary.intervals.enumerated() {
                let from = run.warmup + interval.start, to = run.warmup + interval.end
                let expected = to > from ? generator.expectedArrivals(from: from, to: to) : 0
                let handle = Self.handleTime(demand, from: from, to: to, baseline: baseline) {
                    Self.baselineHandleTime(center, channel: c, shares: $0)
                }
                var required: Double?
                if channel.kind != .email, let handle {
                    if expected <= 0 || interval.length <= 0 {
                        required = 0
                    } else {
                        let rate = expected / interval.length, key = [rate, handle]
                        let agents = cache[key] ?? rule.agents(rate: rate, handleTime: handle)
                        cache[key] = agents
                        required = Double(agents)
                    }
                }
                // Backlog channels have no requirement: their workload in Erlangs weighs instead.
                let load = interval.length > 0 ? expected * (handle ?? 0) / interval.length : 0
                weight.append(required ?? load)
                rows.append(Row(interval: interval, channel: c, expectedOffered: expected, handleTime: handle,
                                erlangAgents: required, netAgents: 0,
                                serviceLevel: summary.channels[c].intervals[position][.serviceLevel]?.mean,
                                target: channel.serviceLevel.target))
            }
            perChannel.append(rows)
            weights.append(weight)
        }
        // Each team's available agents, shared among the channels it serves. A roster team whose
        // agents have skill profiles of their own is split first into its channel sets, each taking
        // the share of the team's available agents the roster plans on the phones with that set in
        // the interval; each set then shares its agents among its own channels only.
        for (t, team) in center.teams.enumerated() {
            let channels = Array(Set(team.skills.map(\.channel))).sorted()
            guard !channels.isEmpty else { continue }
            let groups = Self.channelSets(team, channels: channels, run: run, days: runEnd, startWeekday: center.startWeekday)
            // Channels the team only takes as an overflow group (every skill on them has overflow_after).
            let overflow = Set(channels.filter { c in team.skills.allSatisfy { $0.channel != c || $0.overflowAfter != nil } })
            for (i, interval) in summary.intervals.enumerated() {
                let available = summary.teams[t].intervals[i][.availableAgents]?.mean
                let bin = run.interval > 0 ? Int(((run.warmup + interval.start) / run.interval).rounded(.down)) : 0
                for group in groups {
                    let part = group.share.map { $0.indices.contains(bin) ? $0[bin] : 0 } ?? 1
                    let shares = BlendedShare.shares(group.channels.map { weights[$0][i] }, overflow: group.channels.map(overflow.contains),
                                                     available: (available ?? 0) * part)
                    for (c, share) in zip(group.channels, shares) {
                        perChannel[c][i].netAgents = perChannel[c][i].netAgents.flatMap { net in available.map { net + $0 * part * share } }
                    }
                }
            }
        }
        rows = summary.intervals.indices.flatMap { i in perChannel.map { $0[i] } }
    }

    /// A team's agents grouped by the channels they serve: one group with every channel of the
    /// team (share nil: all its agents), unless it is a roster team whose agents have skill profiles
    /// of their own; then one group per channel set, with its share, per `run.interval` from time 0,
    /// of the agents the roster plans on the phones (where nobody is planned, the team's full set
    /// takes them all). The shares of every bin add up to 1.
    static func channelSets(_ team: AgentTeamSpec, channels: [Int], run: RunSettings, days runEnd: Double,
                            startWeekday: Weekday) -> [(channels: [Int], share: [Double]?)] {
        let perDay = 86_400 / run.interval
        func set(_ agent: RosteredAgent) -> [Int] {
            guard let skills = agent.skills else { return channels }
            return channels.filter { c in skills.contains { $0.channel == c } }
        }
        guard let roster = team.roster, run.interval > 0, perDay == perDay.rounded(),
              roster.agents.contains(where: { set($0) != channels }) else { return [(channels, nil)] }
        let days = Int((runEnd / 86_400).rounded(.up))
        let all = RosterCoverage.onPhone(roster, days: days, startWeekday: startWeekday, interval: run.interval)
        var sets = Array(Set(roster.agents.map(set))).filter { !$0.isEmpty }.sorted { $0.lexicographicallyPrecedes($1) }
        if !sets.contains(channels) { sets.append(channels) }
        return sets.map { members in
            let planned = RosterCoverage.onPhone(roster, days: days, startWeekday: startWeekday, interval: run.interval) { set($0) == members }
            let share = zip(planned, all).map { $1 > 0 ? $0 / $1 : (members == channels ? 1 : 0) }
            return (members, share)
        }
    }

    /// Mean handle time of the channel's new contacts: the tiers' means weighted by `shares` (the
    /// channel's tier shares, or a forecast interval's).
    static func baselineHandleTime(_ center: CenterSpec, channel c: Int, shares: [Double]? = nil) -> Double? {
        var weighted = 0.0, total = 0.0
        for (k, share) in (shares ?? center.channels[c].tierShares).enumerated() where share > 0 && k < center.tiers.count {
            guard let handle = center.tiers[k].handleTimes[safe: c] ?? nil, handle.mean.isFinite else { continue }
            weighted += share * handle.mean
            total += share
        }
        // To the microsecond, as `handleTime`: a lognormal's mean of 5m reads back as 300, not 299.99999999999994.
        return total > 0 ? (weighted / total * 1e6).rounded() / 1e6 : nil
    }

    /// The forecast's AHT over [from, to), weighted by the forecast's volumes (where a forecast
    /// interval has none: the mean of its tier mix when it gives one, else the baseline), or the
    /// baseline for demand that is not a forecast with AHTs or tier mixes.
    static func handleTime(_ demand: DemandSpec, from: Double, to: Double, baseline: Double?,
                           mixMean: ([Double]) -> Double? = { _ in nil }) -> Double? {
        guard case let .forecast(forecast) = demand.pattern, forecast.handleTimes != nil || forecast.tierShares != nil, to > from else { return baseline }
        let length = forecast.interval
        var volume = 0.0, work = 0.0
        var k = Int((from / length).rounded(.down))
        while Double(k) * length < to {
            if k >= 0 && k < forecast.volumes.count {
                let overlap = min(to, Double(k + 1) * length) - max(from, Double(k) * length)
                let mix = forecast.tierShares.flatMap { k < $0.count ? $0[k] : nil }
                if overlap > 0, let aht = forecast.handleTimes?[k] ?? mix.flatMap(mixMean) ?? baseline {
                    let v = forecast.volumes[k] * overlap / length
                    volume += v
                    work += v * aht
                }
            }
            k += 1
        }
        // To the microsecond: averaging equal AHTs must give them back (300, not 299.99999999999994).
        return volume > 0 ? (work / volume * 1e6).rounded() / 1e6 : baseline
    }

    /// `staffing-check.csv`: one row per interval and channel, columns `StaffingCheckColumn`
    /// (`date` in dated scenarios only), numbers as in `intervals.csv`.
    public func csv(_ summary: CenterSummary) -> String {
        let dated = summary.center.timeLabel.startDate != nil
        let header = StaffingCheckColumn.allCases.filter { dated || $0 != .date }.map(\.rawValue)
        var out = CSVWriter.row(header)
        for row in rows {
            let n = CSVWriter.number
            out += CSVWriter.row(SummaryFiles.timeFields(summary, row.interval) + [
                summary.channels[row.channel].name, n(row.expectedOffered), n(row.handleTime), n(row.erlangAgents),
                n(row.netAgents), n(row.netStaffing), n(row.serviceLevel), n(row.target),
                row.serviceLevel == nil ? "" : (row.missed ? "1" : "0"),
            ])
        }
        return out
    }
}
