/// Everything one replication of the full model measured: the single output
/// record that summaries, tables and files are built from.
///
/// Per-interval figures are flat arrays indexed interval-major:
/// `cells[(i × channels + c) × tiers + k]`, `channelIntervals[i × channels + c]`,
/// `teamIntervals[i × teams + t]`.
public struct CenterResult: Sendable, Hashable {
    public struct Cell: Sendable, Hashable {
        public var outcomes: OutcomeCounts
        public var resolutions: ResolutionCounts

        public init(outcomes: OutcomeCounts, resolutions: ResolutionCounts) {
            self.outcomes = outcomes
            self.resolutions = resolutions
        }
    }

    public struct ChannelInterval: Sendable, Hashable {
        public var meanQueueLength: Double
        /// Contacts waiting at the end of the interval, and how long the oldest had waited.
        public var backlog: Int
        public var oldestAge: Double
    }

    public struct TeamInterval: Sendable, Hashable {
        /// Mean agents with at least one contact in service.
        public var meanBusy: Double
        /// Mean agents on the phones: on shift and not on a break or off-phone block, or still
        /// finishing a contact after their shift ended or their break began.
        public var meanAvailable: Double
        public var handled: Int
    }

    public struct Team: Sendable, Hashable {
        /// Agent-seconds over the measured window (available as in `TeamInterval.meanAvailable`).
        public var busySeconds: Double
        public var availableSeconds: Double
        /// Paid time: agents on shift, paid breaks and off-phone blocks included, unpaid lunches not.
        public var paidSeconds: Double
        /// Paid as overtime: time spent finishing contacts after the end of a shift inside the
        /// window, plus every agent-second spent on contacts after the window (`drainSeconds`).
        public var overtimeSeconds: Double
        /// Agent-seconds spent draining the queues after the window (permanent agents included).
        public var drainSeconds: Double = 0
        public var handled: Int

        public init(busySeconds: Double, availableSeconds: Double, paidSeconds: Double, overtimeSeconds: Double,
                    drainSeconds: Double = 0, handled: Int) {
            self.busySeconds = busySeconds
            self.availableSeconds = availableSeconds
            self.paidSeconds = paidSeconds
            self.overtimeSeconds = overtimeSeconds
            self.drainSeconds = drainSeconds
            self.handled = handled
        }

        /// Busy time over available time.
        public var occupancy: Double? { availableSeconds > 0 ? busySeconds / availableSeconds : nil }
    }

    public var replication: Int
    public var channels: Int
    public var tiers: Int
    public var teams: Int
    public var intervalLength: Double
    /// Intervals measured (fewer than planned when `max_arrivals` ended the window early).
    public var intervalCount: Int
    public var measuredDuration: Double
    /// interval × channel × tier, stored as the statistics collected them (no copy).
    public var outcomeCells: CellTable<OutcomeCounts>
    public var resolutionCells: CellTable<ResolutionCounts>
    public var channelIntervals: [ChannelInterval]
    public var teamIntervals: [TeamInterval]
    public var teamTotals: [Team]
    /// Wait percentiles of answered contacts by channel (first waits only).
    public var waitP50: [Double?]
    public var waitP90: [Double?]
    public var waitP95: [Double?]
    public var meanQueueLength: [Double]
    /// Contacts of each channel still waiting when the run ended, whenever they arrived (warm
    /// transfers and contacts from before the window included); the outcome counts' `unansweredAtEnd`
    /// and `callbacksPending` split those offered in the window.
    public var unansweredAtEnd: [Int]
    /// The people side, week by week: `workforceWeeks[week × teams + team]` (weeks from time 0,
    /// warm-up included). Empty when no team has workforce dynamics and there are no training programs.
    public var workforceWeeks: [WorkforceWeek] = []
    public var arrivalsSimulated: Int
    public var eventsHandled: Int

    @inline(__always)
    public func cell(interval i: Int, channel c: Int, tier k: Int) -> Cell {
        let index = (i * channels + c) * tiers + k
        return Cell(outcomes: outcomeCells[index], resolutions: resolutionCells[index])
    }

    /// Every cell, interval-major.
    public var cells: [Cell] {
        zip(outcomeCells, resolutionCells).map { Cell(outcomes: $0, resolutions: $1) }
    }

    /// Outcomes of a channel over the whole window (all tiers).
    public func outcomes(channel c: Int) -> OutcomeCounts {
        sum(outcomeCells, intervals: 0..<intervalCount, channels: c...c, tiers: 0..<tiers)
    }

    /// Outcomes of a channel in one interval (all tiers).
    public func outcomes(interval i: Int, channel c: Int) -> OutcomeCounts {
        sum(outcomeCells, intervals: i...i, channels: c...c, tiers: 0..<tiers)
    }

    /// Resolution figures of a tier over the whole window (all channels).
    public func resolutions(tier k: Int) -> ResolutionCounts {
        sum(resolutionCells, intervals: 0..<intervalCount, channels: 0..<channels, tiers: k...k)
    }

    /// Resolution figures of a tier in one interval (all channels).
    public func resolutions(interval i: Int, tier k: Int) -> ResolutionCounts {
        sum(resolutionCells, intervals: i...i, channels: 0..<channels, tiers: k...k)
    }

    /// Resolution figures of a channel over the whole window (all tiers).
    public func resolutions(channel c: Int) -> ResolutionCounts {
        sum(resolutionCells, intervals: 0..<intervalCount, channels: c...c, tiers: 0..<tiers)
    }

    /// Adds up the cells of a block of intervals × channels × tiers, interval-major.
    private func sum<Counts: AddableCounts>(_ cells: CellTable<Counts>, intervals: some Sequence<Int>, channels selected: some Sequence<Int>,
                                           tiers selectedTiers: some Sequence<Int>) -> Counts {
        var total = Counts()
        for i in intervals {
            for c in selected {
                for k in selectedTiers { total.add(cells[(i * channels + c) * tiers + k]) }
            }
        }
        return total
    }

    /// Everything, all channels and tiers.
    public var allOutcomes: OutcomeCounts {
        (0..<channels).reduce(into: OutcomeCounts()) { $0.add(outcomes(channel: $1)) }
    }

    public var allResolutions: ResolutionCounts {
        (0..<tiers).reduce(into: ResolutionCounts()) { $0.add(resolutions(tier: $1)) }
    }
}

/// Counts that add up across cells.
protocol AddableCounts {
    init()
    mutating func add(_ other: Self)
}

extension OutcomeCounts: AddableCounts {}
extension ResolutionCounts: AddableCounts {}
