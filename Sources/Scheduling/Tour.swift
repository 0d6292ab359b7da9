import Scenarios

/// One agent's week as published: a shift template worked on some days, each with its start,
/// under a contract. `agents` agents work the identical week.
///
/// With `daily_start: same` a tour has one start on all its days; with `free` starts may differ
/// from day to day (and the plan keeps every agent's rest between them).
public struct Tour: Sendable, Hashable {
    /// The contract's name, nil when the team has no contracts.
    public var contract: String?
    public var length: Double
    public var breaks: [Break]
    /// Start (seconds after midnight) on each working day.
    public var starts: [Weekday: Double]
    public var agents: Int

    public init(contract: String? = nil, length: Double, breaks: [Break] = [], starts: [Weekday: Double], agents: Int) {
        self.contract = contract
        self.length = length
        self.breaks = breaks
        self.starts = starts
        self.agents = agents
    }

    public var days: Set<Weekday> { Set(starts.keys) }

    /// Paid hours of one agent's week (unpaid breaks excluded).
    public var paidHours: Double {
        (length - breaks.filter { !$0.paid }.reduce(0) { $0 + $1.length }) / 3600 * Double(starts.count)
    }

    /// The tour as scenario shifts: its days grouped by start, with the tour's agents.
    public var shifts: [Shift] {
        var byStart: [Double: Set<Weekday>] = [:]
        for (day, start) in starts { byStart[start, default: []].insert(day) }
        return byStart.keys.sorted().map { Shift(start: $0, length: length, agents: agents, days: byStart[$0]!, breaks: breaks) }
    }

    /// The earliest start of the week, for ordering.
    var firstStart: Double { starts.values.min() ?? 0 }

    /// Least rest between the end of one working day's shift and the next working day's start
    /// (the week repeats, so the last day's shift is followed by next week's first).
    public var leastRest: Double {
        TourRules.successions(days).map { pair in
            Double(pair.apart) * 86_400 + starts[pair.to]! - starts[pair.from]! - length
        }.min() ?? .infinity
    }
}
