/// One replication of both arms, run with the same random numbers, valued week by week.
public struct PairedReplication: Sendable, Hashable {
    public var replication: Int
    public var with: ArmLedger
    public var without: ArmLedger
    /// Money lines per week (costs positive, benefits positive), aligned with the weeks.
    public var weeklyLines: [[ROILine: Double]]
    /// Equal-service mode: labour cost of each arm at the staffing that holds the SLA.
    public var labourSaved: Double?

    public init(replication: Int, with: ArmLedger, without: ArmLedger, valuation: ROIValuation, labourSaved: Double? = nil) {
        self.replication = replication
        self.with = with
        self.without = without
        self.labourSaved = labourSaved
        let rate = without.hourlyRate
        weeklyLines = zip(with.weeks, without.weeks).map { valuation.lines(with: $0, without: $1, hourlyRate: rate) }
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

    /// Cumulative net benefit at the end of each week.
    public var cumulativeNet: [Double] {
        var running = 0.0
        return weeklyLines.map { running += ROIValuation.net($0); return running }
    }

    /// The first week from whose end on the cumulative net benefit stays at or above 0
    /// (counting weeks from 1); nil when it is still negative at the end of the horizon.
    public var paybackWeek: Int? {
        let path = cumulativeNet
        guard let last = path.last, last >= 0 else { return nil }
        var week = path.count
        while week > 1 && path[week - 2] >= 0 { week -= 1 }
        return week
    }
}
