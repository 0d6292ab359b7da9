import ContactCenter
import Experiments
import ResultsSchema
import Scenarios

/// The planner's check of a run, interval by interval and channel: the agents the simulation
/// had available to the channel (net of absenteeism, breaks and activities: a published
/// roster's or templates' agents, as simulated) beside the Erlang requirement of the
/// scenario's expected demand, and whether the simulated service level met the target.
///
/// Why per channel: the requirement is defined on a channel's offered load and targets. An
/// agent of a team with a skill on several channels counts in full on each (as in
/// `ccsim erlang --roster` and a planner's spreadsheet), so a blended team is counted twice.
/// A roster team whose agents have skill profiles of their own counts on a channel only the
/// share of its available agents that the roster plans on the phones with that skill in the
/// interval (the simulation counts the team as a whole).
/// The requirement is that of the channel's new contacts (escalations and repeats apart), with
/// the forecast's AHT of the interval when it has one, else the tiers' mean handle times
/// weighted by the channel's tier shares; chat is staffed on slots as `AnalyticStaffing` does;
/// a backlog (email) channel has no Erlang requirement.
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
        var perChannel: [[Row]] = []
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
            let serving = center.teams.indices.filter { t in center.teams[t].skills.contains { $0.channel == c } }
            let shares = serving.map { Self.skillShare(center.teams[$0], channel: c, run: run, days: runEnd, startWeekday: center.startWeekday) }
            var cache: [[Double]: Double] = [:]
            var rows: [Row] = []
            for (position, interval) in summary.intervals.enumerated() {
                let from = run.warmup + interval.start, to = run.warmup + interval.end
                let expected = to > from ? generator.expectedArrivals(from: from, to: to) : 0
                let handle = Self.handleTime(demand, from: from, to: to, baseline: baseline)
                var required: Double?
                if channel.kind != .email, let handle {
                    if expected <= 0 || interval.length <= 0 {
                        required = 0
                    } else {
                        let rate = expected / interval.length
                        required = Self.requirement(channel, rate: rate, handleTime: handle, cache: &cache)
                    }
                }
                let net: Double? = serving.isEmpty ? 0 : serving.indices.reduce(Optional(0.0)) { total, k in
                    guard let total, let mean = summary.teams[serving[k]].intervals[position][.availableAgents]?.mean else { return nil }
                    guard let share = shares[k] else { return total + mean }
                    let bin = Int(((run.warmup + interval.start) / run.interval).rounded(.down))
                    return total + mean * (share.indices.contains(bin) ? share[bin] : 1)
                }
                rows.append(Row(interval: interval, channel: c, expectedOffered: expected, handleTime: handle,
                                erlangAgents: required, netAgents: net,
                                serviceLevel: summary.channels[c].intervals[position][.serviceLevel]?.mean,
                                target: channel.serviceLevel.target))
            }
            perChannel.append(rows)
        }
        rows = summary.intervals.indices.flatMap { i in perChannel.map { $0[i] } }
    }

    /// Per `run.interval` from time 0: the share of a roster team's planned on-phone agents whose
    /// skills include channel `c`; nil when every agent of the team works it (the team counts in full).
    static func skillShare(_ team: AgentTeamSpec, channel c: Int, run: RunSettings, days runEnd: Double, startWeekday: Weekday) -> [Double]? {
        guard let roster = team.roster, roster.agents.contains(where: { $0.skills.map { !$0.contains { $0.channel == c } } ?? false }) else { return nil }
        let perDay = 86_400 / run.interval
        guard run.interval > 0, perDay == perDay.rounded() else { return nil }
        let days = Int((runEnd / 86_400).rounded(.up))
        let all = RosterCoverage.onPhone(roster, days: days, startWeekday: startWeekday, interval: run.interval)
        let skilled = RosterCoverage.onPhone(roster, days: days, startWeekday: startWeekday, interval: run.interval) { agent in
            agent.skills.map { $0.contains { $0.channel == c } } ?? true
        }
        return zip(skilled, all).map { $1 > 0 ? $0 / $1 : 1 }
    }

    /// Agents on the phones (chat: slots ÷ concurrency, rounded up) meeting the channel's targets,
    /// by the rule `ccsim staff` uses (`AnalyticStaffing.minimumAgents`).
    static func requirement(_ channel: ChannelSpec, rate: Double, handleTime: Double, cache: inout [[Double]: Double]) -> Double {
        var handle = handleTime
        var concurrency = 1
        if channel.kind == .chat {
            let chat = channel.chat ?? ChatSettings(concurrency: 1, slowdown: 0)
            handle *= 1 + chat.slowdown * Double(chat.concurrency - 1) / 2
            concurrency = max(1, chat.concurrency)
        }
        let key = [rate, handle]
        if let known = cache[key] { return known }
        let servers = AnalyticStaffing.minimumAgents(channel, rate: rate, meanHandleTime: handle)
        let agents = concurrency > 1 ? (Double(servers) / Double(concurrency) - 1e-9).rounded(.up) : Double(servers)
        cache[key] = agents
        return agents
    }

    /// Mean handle time of the channel's new contacts: the tiers' means weighted by its tier shares.
    static func baselineHandleTime(_ center: CenterSpec, channel c: Int) -> Double? {
        var weighted = 0.0, shares = 0.0
        for (k, share) in center.channels[c].tierShares.enumerated() where share > 0 && k < center.tiers.count {
            guard let handle = center.tiers[k].handleTimes[safe: c] ?? nil, handle.mean.isFinite else { continue }
            weighted += share * handle.mean
            shares += share
        }
        // To the microsecond, as `handleTime`: a lognormal's mean of 5m reads back as 300, not 299.99999999999994.
        return shares > 0 ? (weighted / shares * 1e6).rounded() / 1e6 : nil
    }

    /// The forecast's AHT over [from, to), weighted by the forecast's volumes (the baseline where
    /// a forecast interval has none), or the baseline without a forecast AHT.
    static func handleTime(_ demand: DemandSpec, from: Double, to: Double, baseline: Double?) -> Double? {
        guard case let .forecast(forecast) = demand.pattern, let handleTimes = forecast.handleTimes, to > from else { return baseline }
        let length = forecast.interval
        var volume = 0.0, work = 0.0
        var k = Int((from / length).rounded(.down))
        while Double(k) * length < to {
            if k >= 0 && k < forecast.volumes.count {
                let overlap = min(to, Double(k + 1) * length) - max(from, Double(k) * length)
                if overlap > 0, let aht = handleTimes[k] ?? baseline {
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
        var out = SummaryFiles.row(header)
        for row in rows {
            let n = SummaryFiles.number
            out += SummaryFiles.row(SummaryFiles.timeFields(summary, row.interval) + [
                summary.channels[row.channel].name, n(row.expectedOffered), n(row.handleTime), n(row.erlangAgents),
                n(row.netAgents), n(row.netStaffing), n(row.serviceLevel), n(row.target),
                row.serviceLevel == nil ? "" : (row.missed ? "1" : "0"),
            ])
        }
        return out
    }
}
