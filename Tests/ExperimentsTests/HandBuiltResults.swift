import ContactCenter
import Scenarios
import XCTest

/// `CenterResult` values built by hand, for summaries checked against hand
/// computations. The record's memberwise init is internal to ContactCenter, so
/// a tiny real run supplies one value of each element type; every field is
/// then reset through the public API to the shape and numbers a test asks for.
enum HandBuilt {
    /// One replication of a 1-channel, 1-tier, 1-team center: a value of every element type.
    static let template: CenterResult = {
        let scenario = Scenario(
            name: "template",
            run: RunSettings(horizon: 600, warmup: 0, interval: 600, replications: 1, seed: 1),
            arrivals: ArrivalProcess(ratePerSecond: 0.05),
            team: TeamSpec(name: "agents", agents: 2),
            handleTime: .exponential(mean: 60)
        )
        return try! ContactCenterSimulator.run(scenario, replication: 0)
    }()

    /// An all-zero result of the given shape.
    static func empty(channels: Int, tiers: Int, teams: Int, intervals: Int, intervalLength: Double) -> CenterResult {
        var result = template
        var cell = result.cells[0]
        cell.outcomes = OutcomeCounts()
        cell.resolutions = ResolutionCounts()
        var queue = result.channelIntervals[0]
        queue.meanQueueLength = 0
        queue.backlog = 0
        queue.oldestAge = 0
        var teamInterval = result.teamIntervals[0]
        teamInterval.meanBusy = 0
        teamInterval.meanAvailable = 0
        teamInterval.handled = 0
        var team = result.teamTotals[0]
        team.busySeconds = 0
        team.availableSeconds = 0
        team.paidSeconds = 0
        team.overtimeSeconds = 0
        team.handled = 0
        result.channels = channels
        result.tiers = tiers
        result.teams = teams
        result.intervalLength = intervalLength
        result.intervalCount = intervals
        result.measuredDuration = Double(intervals) * intervalLength
        result.outcomeCells = CellTable(repeating: cell.outcomes, count: intervals * channels * tiers)
        result.resolutionCells = CellTable(repeating: cell.resolutions, count: intervals * channels * tiers)
        result.channelIntervals = Array(repeating: queue, count: intervals * channels)
        result.teamIntervals = Array(repeating: teamInterval, count: intervals * teams)
        result.teamTotals = Array(repeating: team, count: teams)
        result.waitP50 = Array(repeating: nil, count: channels)
        result.waitP90 = Array(repeating: nil, count: channels)
        result.waitP95 = Array(repeating: nil, count: channels)
        result.meanQueueLength = Array(repeating: 0, count: channels)
        result.unansweredAtEnd = Array(repeating: 0, count: channels)
        result.arrivalsSimulated = 0
        result.eventsHandled = 0
        return result
    }
}

extension CenterResult {
    /// Edits cell (interval, channel, tier).
    mutating func edit(interval i: Int, channel c: Int, tier k: Int, _ change: (inout Cell) -> Void) {
        let index = (i * channels + c) * tiers + k
        var cell = Cell(outcomes: outcomeCells[index], resolutions: resolutionCells[index])
        change(&cell)
        outcomeCells[index] = cell.outcomes
        resolutionCells[index] = cell.resolutions
    }
}

/// Mean, sample sd and Student-t half-width, computed directly from the formulas.
struct HandStatistics {
    let mean: Double
    let sd: Double

    init(_ values: [Double]) {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        self.mean = mean
        sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
    }

    /// Half-width of the 95% interval with 3 replications: t(0.975, 2) · s / √3.
    var halfWidth3: Double { 4.302652729911275 * sd / 3.0.squareRoot() }
}
