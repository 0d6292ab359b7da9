/// One replication of both arms, run with the same random numbers, valued week by week.
public struct PairedReplication: Sendable, Hashable {
    public var replication: Int
    public var with: ArmLedger
    public var without: ArmLedger
    /// Cash lines per week (costs positive, benefits positive), aligned with the weeks.
    public var weeklyLines: [[ROILine: Double]]
    /// Equal-service mode: labour cost of each arm at the staffing that holds the SLA.
    public var labourSaved: Double?
    /// Annual rate at which later weeks' money is discounted (0 = none).
    public var discountRate: Double

    public init(replication: Int, with: ArmLedger, without: ArmLedger, valuation: ROIValuation, labourSaved: Double? = nil) {
        self.replication = replication
        self.with = with
        self.without = without
        self.labourSaved = labourSaved
        discountRate = valuation.values.discountRate
        weeklyLines = zip(with.weeks, without.weeks).map { valuation.lines(with: $0, without: $1) }
        // Labour saved is a whole-run figure: spread evenly over the weeks for the payback curve.
        if let labourSaved, !weeklyLines.isEmpty {
            let perWeek = labourSaved / Double(weeklyLines.count)
            for w in weeklyLines.indices { weeklyLines[w][.labourSaved] = perWeek }
        }
    }

    /// Whole-run lines.
    public var lines: [ROILine: Double] {
        weeklyLines.reduce(into: [:]) { total, week in
            for (line, value) in week { total[line, default: 0] += value }
        }
    }

    public var cost: Double { ROIValuation.cost(lines) }
    public var net: Double { ROIValuation.net(lines) }
    /// (benefit − cost) / cost; nil when the program costs nothing.
    public var roi: Double? {
        let cost = cost
        return cost > 0 ? net / cost : nil
    }

    /// Agent time freed (not cash; see ``CapacityFreed``).
    public var capacity: CapacityFreed { CapacityFreed(with: with.total, without: without.total, weeks: weeklyLines.count) }

    /// Net benefit with each week's money discounted to time 0 (paid at the week's end).
    public var netPresentValue: Double { cumulativeDiscountedNet.last ?? 0 }

    /// Cumulative net benefit at the end of each week.
    public var cumulativeNet: [Double] {
        var running = 0.0
        return weeklyLines.map { running += ROIValuation.net($0); return running }
    }

    public var cumulativeDiscountedNet: [Double] {
        var running = 0.0
        return weeklyLines.enumerated().map { w, lines in
            running += ROIValuation.net(lines) * ROIValuation.discount(week: w + 1, annualRate: discountRate)
            return running
        }
    }

    /// The first week from whose end on the cumulative net benefit stays at or above 0 (counting
    /// weeks from 1), never before the first week the program spent money: a payback is money
    /// recovered. nil when the net is still negative at the end of the horizon, and when the
    /// program neither spent nor returned anything (a replication in which it enrolled nobody has
    /// nothing to pay back; a run of zeros is not a payback in week 1).
    public var paybackWeek: Int? { Self.payback(cumulativeNet, from: firstActiveWeek) }
    /// The same on discounted money.
    public var discountedPaybackWeek: Int? { Self.payback(cumulativeDiscountedNet, from: firstActiveWeek) }

    /// Whether any cash line of any week differs between the arms.
    public var hasCash: Bool { weeklyLines.contains { $0.values.contains { $0 != 0 } } }

    /// The week (0-based) payback is counted from: the first with a cost, or without any cost the
    /// first with any cash line; nil when every line of every week is 0.
    var firstActiveWeek: Int? {
        weeklyLines.firstIndex { ROIValuation.cost($0) > 0 } ?? weeklyLines.firstIndex { $0.values.contains { $0 != 0 } }
    }

    static func payback(_ path: [Double], from start: Int?) -> Int? {
        guard let start, let last = path.last, last >= 0 else { return nil }
        var week = path.count
        while week > start + 1 && path[week - 2] >= 0 { week -= 1 }
        return week
    }
}
