/// A set of week slots of one channel whose contacts are checked together against the targets.
///
/// Pooling rule: within a day, consecutive slots with demand are pooled, in time order, until
/// the pool expects at least `minContacts` first contacts per replication; a day's leftover joins
/// its last pool. A busy slot is therefore checked on its own, and quiet early and late hours
/// together. Slots without demand are not checked. Occurrences censored by the end of the run
/// (the target time T reaches past it, e.g. Sunday's emails with a 24 h target in a one-week
/// run) are left out; a pool with no occurrence left is not enforced.
///
/// Backlog channels (email, tickets) are checked by day instead: their target is "answered
/// within T", and an email that arrives at 06:00 is answered whenever the team works that day,
/// so the day's contacts are one check (their own workload target), never a 06:00 check that
/// would pull agents into an hour nobody works (the phantom spikes of issue #17).
public struct CheckGroup: Sendable, Hashable {
    public var channel: Int
    public var slots: [Int]
    /// Measured run intervals whose contacts are counted.
    public var intervals: [Int]
    /// Expected first contacts per replication over those intervals.
    public var expectedContacts: Double
    /// A backlog check: the day's contacts together, repaired with agents over the team's
    /// working intervals of the day (not at the slot the contacts arrived in).
    public var backlog: Bool

    public init(channel: Int, slots: [Int], intervals: [Int], expectedContacts: Double, backlog: Bool = false) {
        self.channel = channel
        self.slots = slots
        self.intervals = intervals
        self.expectedContacts = expectedContacts
        self.backlog = backlog
    }

    static func build(channel c: Int, answerWithin: Double, flows: QueueFlows, calendar: RunCalendar, minContacts: Double,
                      backlog: Bool = false) -> [CheckGroup] {
        let grid = calendar.grid
        let length = grid.intervalLength
        // Censoring only matters when the target time is long compared with an interval.
        let censors = answerWithin > length / 10
        var groups: [CheckGroup] = []
        for day in 0..<7 {
            var current = CheckGroup(channel: c, slots: [], intervals: [], expectedContacts: 0, backlog: backlog)
            var dayGroups: [CheckGroup] = []
            for s in (day * grid.slotsPerDay)..<((day + 1) * grid.slotsPerDay) {
                let perOccurrence = flows.firstContacts(slot: s, channel: c)
                guard perOccurrence > 0 else { continue }
                let kept = calendar.occurrences(of: s).filter {
                    !censors || calendar.intervalStart[$0] + length + answerWithin <= calendar.runEnd + 1e-6
                }
                current.slots.append(s)
                current.intervals += kept
                current.expectedContacts += perOccurrence * Double(kept.count)
                if !backlog && current.expectedContacts >= minContacts {
                    dayGroups.append(current)
                    current = CheckGroup(channel: c, slots: [], intervals: [], expectedContacts: 0, backlog: backlog)
                }
            }
            if !current.slots.isEmpty {
                if var last = dayGroups.popLast() {
                    last.slots += current.slots
                    last.intervals += current.intervals
                    last.expectedContacts += current.expectedContacts
                    dayGroups.append(last)
                } else {
                    dayGroups.append(current)
                }
            }
            groups += dayGroups
        }
        return groups
    }
}
