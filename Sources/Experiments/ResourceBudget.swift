import Foundation
import Scenarios

/// What a run will cost, estimated from the scenario before it starts, and the budget it must fit.
///
/// A mistyped `horizon: 10y` or `rate: 1e6/h` with ten replications is a run of hours and
/// gigabytes. The estimate (contacts, agents, interval cells, trace bytes) is cheap and within a
/// small factor of the truth; a run beyond the budget is refused up front with the figure, the
/// fields that drive it and `--budget N` to raise it N-fold. The defaults fit a laptop: about a
/// few minutes and 2 GB of memory on one core at the benchmark's speed.
public struct ResourceBudget: Sendable {
    /// Contacts simulated over all replications (measured: a 5.2e7-contact erlang-a run takes ~48 s
    /// on one core, so the default is a few minutes).
    public static let defaultContacts = 4e8
    /// Agents simulated at once in one replication (each costs a few hundred bytes and events every day).
    public static let defaultAgents = 1e6
    /// Memory for per-interval figures, in bytes (see `Estimate.intervalMemory`).
    public static let defaultIntervalMemory = 3e9
    /// Size of `summary.json` plus `intervals.csv`, in bytes.
    public static let defaultOutputBytes = 2e9
    /// Bytes of `contacts.csv` (`--trace`).
    public static let defaultTraceBytes = 20e9

    /// The multiple of the defaults allowed (`--budget N`).
    public var scale: Double

    public init(scale: Double = 1) { self.scale = scale }

    /// The estimate for one scenario.
    public struct Estimate: Sendable {
        public var contactsPerReplication: Double
        public var replications: Int
        public var agents: Double
        public var intervals: Double
        public var scopes: Int
        /// Channel × tier pairs: the model counts outcomes per interval of each pair.
        public var channelTiers: Int
        public var contacts: Double { contactsPerReplication * Double(replications) }
        /// Interval × scope pairs (channels, tiers, teams and the center).
        public var intervalScopes: Double { intervals * Double(scopes) }
        /// Interval × channel × tier cells.
        public var intervalCells: Double { intervals * Double(channelTiers) }
        /// Measured on a 100,000-interval run (4 scopes, 1 replication): 1.97 GB peak, so about
        /// 5 KB per interval and scope for the summary, plus ~1 KB per replication for its figures.
        /// The cells add ~210 bytes each to the running model and as much to each replication's
        /// result (measured: 100 channels × 100 tiers × 336 intervals peaked at 1.40 GB with one
        /// replication, 2.77 GB with three), which dominates when channels × tiers is large.
        public var intervalMemory: Double {
            intervalScopes * (5_000 + 1_000 * Double(replications)) + intervalCells * 210 * Double(replications + 1)
        }
        /// Measured on the same runs: ~1 KB of summary.json and intervals.csv per interval and
        /// scope, and ~53 bytes per cell (177 MB for the 3.36 million cells above).
        public var outputBytes: Double { intervalScopes * 1_000 + intervalCells * 60 }
        /// About 90 bytes per traced visit, with transfers and repeats.
        public var traceBytes: Double { contacts * 1.3 * 90 }
    }

    /// Why a run was refused: the figure, the fields behind it and the way out.
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    /// Expected contacts, agents and intervals of `scenario`.
    public static func estimate(_ scenario: Scenario) -> Estimate {
        let run = scenario.run
        let length = run.warmup + run.horizon
        let days = length / 86_400
        var contacts = 0.0
        for channel in scenario.center.channels {
            switch channel.demand.pattern {
            case .constant(let rate):
                contacts += rate * length
            case .daily(let daily):
                let meanFactor = daily.dayFactors.isEmpty ? 1 : daily.dayFactors.reduce(0, +) / Double(daily.dayFactors.count)
                contacts += daily.volumePerDay * meanFactor * max(days, 1)
            case .forecast(let forecast):
                contacts += forecast.totalVolume
            }
            contacts += channel.demand.batches.reduce(0) { $0 + $1.volume }
        }
        if let cap = run.maxArrivals, length > 0 {
            // The run stops after `cap` arrivals counted after the warm-up.
            contacts = min(contacts, contacts * run.warmup / length + Double(cap))
        }
        var agents = 0.0
        for team in scenario.center.teams {
            agents += Double(team.constantAgents) + team.shifts.reduce(0) { $0 + Double($1.agents) } + Double(team.roster?.agents.count ?? 0)
        }
        let center = scenario.center
        return Estimate(contactsPerReplication: contacts, replications: run.replications, agents: agents,
                        intervals: (run.horizon / run.interval).rounded(.up),
                        scopes: center.channels.count + center.tiers.count + center.teams.count + 1,
                        channelTiers: center.channels.count * center.tiers.count)
    }

    /// Throws a `Refusal` when `scenario` exceeds the budget.
    public func check(_ scenario: Scenario, tracing: Bool = false) throws {
        let e = Self.estimate(scenario)
        let raise = "or raise the budget with --budget N (N times the defaults)"
        func times(_ x: Double, _ limit: Double) -> String {
            let factor = (x / limit).rounded(.up)
            return factor < 1e6 ? String(Int(factor)) : "(very large)"
        }
        if let (channel, erlangs) = Self.overloadedChannels(scenario).first {
            throw Refusal(description: "channels.\(channel): the offered load (arrivals × mean handle time) is \(Self.count(erlangs)) Erlangs: more than \(Self.count(Double(DomainLimits.maxAgents))) agents busy on average, the most ccsim models; lower the demand or the handle times")
        }
        if e.agents > Self.defaultAgents * scale {
            throw Refusal(description: "the scenario has \(Self.count(e.agents)) agents (teams.*.shifts[].agents), more than the budget of \(Self.count(Self.defaultAgents * scale)) per replication; lower the head counts, \(raise) (--budget \(times(e.agents, Self.defaultAgents)) would do)")
        }
        if e.contacts > Self.defaultContacts * scale {
            throw Refusal(description: "the run would simulate about \(Self.count(e.contacts)) contacts (\(Self.count(e.contactsPerReplication)) per replication over run.warmup + run.horizon = \(Quantity.describe(duration: scenario.run.warmup + scenario.run.horizon)), × \(e.replications) run.replications), more than the budget of \(Self.count(Self.defaultContacts * scale)); shorten run.horizon, lower run.replications or the demand (rate / per_day), \(raise) (--budget \(times(e.contacts, Self.defaultContacts)) would do)")
        }
        let center = scenario.center
        let intervals = "\(Self.count(e.intervals)) intervals of run.interval = \(Quantity.describe(duration: scenario.run.interval)), each with \(e.scopes) channel, tier, team and center figures and \(center.channels.count) × \(center.tiers.count) channel × tier cells"
        if e.intervalMemory > Self.defaultIntervalMemory * scale {
            throw Refusal(description: "the run would need about \(Self.bytes(e.intervalMemory)) of memory for per-interval figures (\(intervals), \(e.replications) run.replications), more than the budget of \(Self.bytes(Self.defaultIntervalMemory * scale)); lengthen run.interval or shorten run.horizon, lower run.replications, \(raise) (--budget \(times(e.intervalMemory, Self.defaultIntervalMemory)) would do)")
        }
        if e.outputBytes > Self.defaultOutputBytes * scale {
            throw Refusal(description: "the run would write about \(Self.bytes(e.outputBytes)) of summary.json and intervals.csv (\(intervals)), more than the budget of \(Self.bytes(Self.defaultOutputBytes * scale)); lengthen run.interval or shorten run.horizon, \(raise) (--budget \(times(e.outputBytes, Self.defaultOutputBytes)) would do)")
        }
        if tracing, e.traceBytes > Self.defaultTraceBytes * scale {
            throw Refusal(description: "--trace would write about \(Self.bytes(e.traceBytes)) to contacts.csv (\(Self.count(e.contacts)) contacts), more than the budget of \(Self.bytes(Self.defaultTraceBytes * scale)); shorten run.horizon, lower run.replications, drop --trace, \(raise)")
        }
    }

    /// A channel whose callers never abandon and whose offered load reaches its agents.
    public struct UnstableQueue: Sendable, CustomStringConvertible {
        public let channel: String
        public let offeredErlangs: Double
        public let agents: Double
        /// Simulated time to work off the backlog left when arrivals stop.
        public let drainSeconds: Double

        public var description: String {
            let days = drainSeconds >= 2 * 86_400 ? " (\(Self.figure(drainSeconds / 86_400)) days)" : ""
            return "\(summary), and working off the backlog would take about \(Quantity.describe(duration: drainSeconds.rounded())) of simulated time after arrivals stop\(days); add agents or a patience distribution"
        }

        /// The finding alone, for a list (a sweep's unstable points).
        public var summary: String {
            "channels.\(channel): offered load \(Self.figure(offeredErlangs)) Erlangs reaches the \(Self.figure(agents)) agent(s) on average able to serve it, and without patience nobody abandons: the queue grows for the whole run"
        }

        static func figure(_ x: Double) -> String { x >= 100 ? String(Int(clampedFrom: x.rounded())) : String(format: "%.1f", x) }
    }

    /// Channels without patience whose long-run offered load (arrivals × first-tier handle time)
    /// is at least the average number of agents with a skill for them: an unstable queue.
    public static func unstableQueues(_ scenario: Scenario) -> [UnstableQueue] {
        let center = scenario.center
        let length = scenario.run.warmup + scenario.run.horizon
        guard length > 0 else { return [] }
        var found: [UnstableQueue] = []
        for (c, channel) in center.channels.enumerated() where channel.patience == nil {
            let (rate, handle) = meanRateAndHandleTime(channel: c, center: center, length: length)
            var agents = 0.0
            for team in center.teams where team.skills.contains(where: { $0.channel == c }) {
                agents += Double(team.constantAgents)
                for shift in team.shifts {
                    agents += Double(shift.agents) * min(1, shift.length / 86_400) * Double(shift.days.count) / 7
                }
                agents += team.roster?.meanAgentsOnDuty(runDays: max(1, Int(clampedFrom: (length / 86_400).rounded(.up)))) ?? 0
            }
            let load = rate * handle
            guard load.isFinite, handle > 0, load >= max(agents, 1e-9) else { continue }
            // Backlog when arrivals stop: the excess arrivals; each needs `handle` of one of `agents`.
            let capacity = agents / handle
            let backlog = max(0, rate - capacity) * length
            let drain = agents > 0 ? backlog * handle / agents : .infinity
            found.append(UnstableQueue(channel: channel.name, offeredErlangs: load, agents: agents, drainSeconds: drain))
        }
        return found
    }

    /// A channel's mean arrival rate over the run (per second) and its new contacts' mean handle
    /// time (the tiers' means weighted by the channel's mix).
    static func meanRateAndHandleTime(channel c: Int, center: CenterSpec, length: Double) -> (rate: Double, handle: Double) {
        let channel = center.channels[c]
        var volume = 0.0
        switch channel.demand.pattern {
        case .constant(let rate): volume = rate * length
        case .daily(let daily):
            let meanFactor = daily.dayFactors.isEmpty ? 1 : daily.dayFactors.reduce(0, +) / Double(daily.dayFactors.count)
            volume = daily.volumePerDay * meanFactor * length / 86_400
        case .forecast(let forecast):
            volume = forecast.totalVolume
        }
        var handle = 0.0
        for (t, tier) in center.tiers.enumerated() where t < channel.tierShares.count {
            if c < tier.handleTimes.count, let mean = tier.handleTimes[c]?.mean { handle += channel.tierShares[t] * mean }
        }
        return (volume / length, handle)
    }

    /// Channels whose mean offered load (arrivals × handle time, in Erlangs) is beyond what any
    /// center ccsim models could staff: more than ``DomainLimits/maxAgents`` agents busy on average.
    /// Not a budget (`--budget` does not raise it): the Erlang requirement every run reports
    /// searches O(agents) per step, which at such loads takes hours.
    public static func overloadedChannels(_ scenario: Scenario) -> [(channel: String, erlangs: Double)] {
        let center = scenario.center
        let length = scenario.run.warmup + scenario.run.horizon
        guard length > 0 else { return [] }
        return center.channels.indices.compactMap { c in
            let (rate, handle) = meanRateAndHandleTime(channel: c, center: center, length: length)
            let load = rate * handle
            return load > Double(DomainLimits.maxAgents) ? (center.channels[c].name, load) : nil
        }
    }

    static func count(_ x: Double) -> String {
        if x < 1e4 { return String(Int(clampedFrom: x.rounded())) }
        return String(format: "%.2g", x).replacingOccurrences(of: "e+0", with: "e").replacingOccurrences(of: "e+", with: "e")
    }

    static func bytes(_ x: Double) -> String {
        x >= 1e9 ? String(format: "%.1f GB", x / 1e9) : String(format: "%.0f MB", x / 1e6)
    }
}
