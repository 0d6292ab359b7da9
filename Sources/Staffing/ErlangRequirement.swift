import Analytics
import Scenarios

/// The Erlang requirement of one queue in one interval: the smallest number of agents on the
/// phones meeting every target given, and the scheduled agents behind them.
///
/// Why one type: `ccsim erlang` (one interval, or every interval of `--forecast`), the
/// `staffing-check.csv` of `ccsim run --out` (`NetStaffing`) and the formula plan of `ccsim staff`
/// and `ccsim schedule` (`AnalyticStaffing`) must give the same answer for the same interval, so
/// the rule lives here once:
/// - the service-level target (share answered within T, by the channel's convention) with Erlang C,
///   or Erlang A (M/M/n+M) when a mean patience is given;
/// - then the ceilings on ASA and abandonment (also targets), raising the count until they hold;
/// - then the occupancy ceiling: at least load / ceiling servers;
/// - chat: all of it on chat *slots* (agents × concurrency), each chat taking the handle time ×
///   (1 + slowdown × (concurrency − 1)/2), the average slowdown with every slot in use; agents =
///   ⌈slots / concurrency⌉;
/// - scheduled = on the phones / (1 − shrinkage).
public struct ErlangRequirement: Sendable, Hashable {
    /// Answer `share` of contacts within `answerWithin`, counted by `convention`.
    public struct ServiceTarget: Sendable, Hashable {
        public var target: Double
        public var answerWithin: Double
        public var convention: ServiceLevelConvention
        public init(target: Double, answerWithin: Double, convention: ServiceLevelConvention = .offered) {
            self.target = target
            self.answerWithin = answerWithin
            self.convention = convention
        }
    }

    public var serviceLevel: ServiceTarget?
    public var maxAverageSpeedOfAnswer: Double?
    public var maxAbandonment: Double?
    /// Mean patience (exponential in the model); nil: Erlang C, nobody abandons.
    public var patience: Double?
    /// Occupancy ceiling in (0, 1); nil: none.
    public var maxOccupancy: Double?
    /// Chats an agent handles at once (1: one contact at a time).
    public var concurrency: Int
    /// Extra handle time per additional concurrent chat (0.1 = 10 %).
    public var slowdown: Double
    /// Share of scheduled time off the phones, in [0, 1).
    public var shrinkage: Double

    public init(serviceLevel: ServiceTarget? = nil, maxAverageSpeedOfAnswer: Double? = nil, maxAbandonment: Double? = nil,
                patience: Double? = nil, maxOccupancy: Double? = nil, concurrency: Int = 1, slowdown: Double = 0, shrinkage: Double = 0) {
        self.serviceLevel = serviceLevel
        self.maxAverageSpeedOfAnswer = maxAverageSpeedOfAnswer
        self.maxAbandonment = maxAbandonment
        self.patience = patience.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        self.maxOccupancy = maxOccupancy.flatMap { $0 > 0 && $0 < 1 ? $0 : nil }
        self.concurrency = max(1, concurrency)
        self.slowdown = slowdown
        self.shrinkage = shrinkage
    }

    /// A scenario channel's targets: its service level, ASA and abandonment ceilings, the mean of
    /// its patience (Erlang A assumes it exponential), and chat concurrency and slowdown.
    public init(channel: ChannelSpec, maxOccupancy: Double? = nil) {
        let sla = channel.serviceLevel
        let chat = channel.kind == .chat ? channel.chat : nil
        self.init(serviceLevel: ServiceTarget(target: sla.target, answerWithin: sla.answerWithin, convention: sla.convention),
                  maxAverageSpeedOfAnswer: channel.maxAverageSpeedOfAnswer, maxAbandonment: channel.maxAbandonmentRate,
                  patience: channel.patience?.mean, maxOccupancy: maxOccupancy,
                  concurrency: chat?.concurrency ?? 1, slowdown: chat?.slowdown ?? 0)
    }

    /// The time one contact holds a server: the handle time, slowed when chats share an agent.
    public func serverHandleTime(_ handleTime: Double) -> Double {
        concurrency > 1 ? handleTime * (1 + slowdown * Double(concurrency - 1) / 2) : handleTime
    }

    /// Servers (agents, or chat slots) meeting the service level, ASA and abandonment targets,
    /// for contacts holding a server `serverHandleTime` seconds; 0 when nothing arrives.
    public func targetServers(rate: Double, serverHandleTime h: Double) -> Int {
        guard rate > 0 else { return 0 }
        var n = 1
        if let sla = serviceLevel {
            let target = min(sla.target, 0.9999)
            switch (sla.convention, patience) {
            case (.offered, nil):
                n = Staffing.minimumAgentsErlangC(arrivalRate: rate, meanHandleTime: h, answerWithin: sla.answerWithin, target: target)
            case (.offered, let patience?):
                n = Staffing.minimumAgentsErlangA(arrivalRate: rate, meanHandleTime: h, meanPatience: patience,
                                                  answerWithin: sla.answerWithin, target: target)
            default:
                n = Staffing.smallest(from: 1) { meets(sla, agents: $0, rate: rate, handleTime: h, target: target) }
            }
        }
        if maxAverageSpeedOfAnswer != nil || maxAbandonment != nil {
            n = Staffing.smallest(from: n) { ceilingsHold(agents: $0, rate: rate, handleTime: h) }
        }
        return n
    }

    /// Servers keeping `load` Erlangs at or under the occupancy ceiling (0 without one).
    public func occupancyServers(load: Double) -> Int {
        maxOccupancy.map { Int((load / $0 - 1e-9).rounded(.up)) } ?? 0
    }

    /// Servers (agents, or chat slots) meeting every target and the occupancy ceiling.
    public func servers(rate: Double, handleTime: Double) -> Int {
        guard rate > 0 else { return 0 }
        let h = serverHandleTime(handleTime)
        return max(targetServers(rate: rate, serverHandleTime: h), occupancyServers(load: rate * h))
    }

    /// Agents on the phones meeting every target: the servers, or ⌈chat slots / concurrency⌉.
    public func agents(rate: Double, handleTime: Double) -> Int {
        agents(servers: servers(rate: rate, handleTime: handleTime))
    }

    public func agents(servers: Int) -> Int {
        concurrency > 1 ? Int((Double(servers) / Double(concurrency) - 1e-9).rounded(.up)) : servers
    }

    /// Scheduled agents for `onPhone` agents on the phones: on the phones / (1 − shrinkage).
    public func scheduled(onPhone: Double) -> Double {
        onPhone / (1 - shrinkage)
    }

    /// What `agents` agents on the phones give: service level (by the convention), ASA of answered
    /// contacts, abandonment and occupancy (of chat slots for chat); nil figures when the queue is
    /// unstable (Erlang C with load ≥ servers).
    public struct Performance: Sendable, Hashable {
        public var serviceLevel: Double?
        public var averageSpeedOfAnswer: Double?
        public var abandonment: Double?
        public var occupancy: Double?
    }

    public func performance(agents: Int, rate: Double, handleTime: Double) -> Performance {
        let servers = agents * concurrency, h = serverHandleTime(handleTime)
        guard servers > 0, rate > 0 else { return Performance() }
        let threshold = serviceLevel?.answerWithin ?? 20
        if patience == nil {
            let c = ErlangC(agents: servers, arrivalRate: rate, meanHandleTime: h)
            guard c.isStable else { return Performance() }
            return Performance(serviceLevel: c.serviceLevel(answerWithin: threshold), averageSpeedOfAnswer: c.averageSpeedOfAnswer,
                               abandonment: 0, occupancy: c.occupancy)
        }
        let a = ErlangA(agents: servers, arrivalRate: rate, meanHandleTime: h, meanPatience: patience ?? .infinity)
        return Performance(serviceLevel: Self.serviceLevel(a, answerWithin: threshold, convention: serviceLevel?.convention ?? .offered),
                           averageSpeedOfAnswer: a.averageSpeedOfAnswer, abandonment: a.probabilityOfAbandon, occupancy: a.occupancy)
    }

    /// Erlang A's service level counted by `convention` (nil when its denominator is 0).
    static func serviceLevel(_ a: ErlangA, answerWithin t: Double, convention: ServiceLevelConvention) -> Double? {
        let within = a.probabilityAnsweredWithin(t)
        switch convention {
        case .offered: return within
        case .answered: return a.probabilityOfAbandon < 1 ? within / (1 - a.probabilityOfAbandon) : nil
        case .excludingShortAbandons:
            let short = a.probabilityAbandonedWithin(t)
            return short < 1 ? within / (1 - short) : nil
        }
    }

    private func meets(_ sla: ServiceTarget, agents n: Int, rate: Double, handleTime: Double, target: Double) -> Bool {
        let a = ErlangA(agents: n, arrivalRate: rate, meanHandleTime: handleTime, meanPatience: patience ?? .infinity)
        return (Self.serviceLevel(a, answerWithin: sla.answerWithin, convention: sla.convention) ?? -1) >= target
    }

    private func ceilingsHold(agents n: Int, rate: Double, handleTime: Double) -> Bool {
        guard n >= 1 else { return false }
        let a = ErlangA(agents: n, arrivalRate: rate, meanHandleTime: handleTime, meanPatience: patience ?? .infinity)
        if let asa = maxAverageSpeedOfAnswer, !(a.averageSpeedOfAnswer <= asa) { return false }
        if let abandon = maxAbandonment, !(a.probabilityOfAbandon <= abandon) { return false }
        return true
    }
}
