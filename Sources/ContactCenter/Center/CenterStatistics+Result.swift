extension CenterStatistics {
    /// Builds the output record of a drained run from what was measured, plus the contacts
    /// still waiting at the end (their censored first waits) and the run's own counts.
    /// Call it once: the result takes the measured cells over (``CellTable``), leaving these
    /// statistics without them.
    mutating func result(replication: Int, eventsHandled: Int, measurementEnd: Double, closeTime: Double,
                waiting queues: WaitingQueues, contacts: ContactTable, workforceWeeks: [WorkforceWeek],
                arrivalsSimulated: Int) -> CenterResult {
        let window = max(measurementEnd - measurementStart, 0)
        let measured = closedIntervals
        let cellCount = measured * channels * tiers
        // Contacts still waiting: unanswered or pending callbacks (see `CenterStatistics.leftWaiting`).
        queues.forEachWaiting(in: contacts) { ref in leftWaiting(contacts[ref], serviceStop: closeTime, measuredCells: cellCount) }
        // The measured cells, taken over from the statistics' in-place storage without a copy.
        let outcomeCells = CellTable(adopting: &outcomes, count: cellCount)
        let resolutionCells = CellTable(adopting: &resolutions, count: cellCount)
        let s = self
        func length(_ i: Int) -> Double { min(intervalLength, window - Double(i) * intervalLength) }
        var channelIntervals: [CenterResult.ChannelInterval] = []
        var teamIntervals: [CenterResult.TeamInterval] = []
        for i in 0..<measured {
            let span = length(i)
            for c in 0..<s.channels {
                let x = i * s.channels + c
                channelIntervals.append(.init(meanQueueLength: span > 0 ? s.intervalQueue[x] / span : 0,
                                              backlog: s.intervalBacklog[x], oldestAge: s.intervalOldest[x]))
            }
            for t in 0..<s.teams {
                let x = i * s.teams + t
                teamIntervals.append(.init(meanBusy: span > 0 ? s.intervalBusy[x] / span : 0,
                                           meanAvailable: span > 0 ? s.intervalAvailable[x] / span : 0,
                                           handled: s.intervalHandled[x]))
            }
        }
        let teamTotals = (0..<s.teams).map { t in
            CenterResult.Team(busySeconds: s.measuredBusy[t], availableSeconds: s.measuredAvailable[t],
                              paidSeconds: s.measuredPaid[t], overtimeSeconds: s.overtime[t] + s.drainSeconds(team: t),
                              drainSeconds: s.drainSeconds(team: t),
                              handled: (0..<measured).reduce(0) { $0 + s.intervalHandled[$1 * s.teams + t] })
        }
        func percentile(_ p: Double) -> [Double?] { s.waits.map { $0.count > 0 ? $0.quantile(p) : nil } }
        return CenterResult(
            replication: replication, channels: s.channels, tiers: s.tiers, teams: s.teams,
            intervalLength: intervalLength, intervalCount: measured, measuredDuration: window,
            outcomeCells: outcomeCells, resolutionCells: resolutionCells, channelIntervals: channelIntervals, teamIntervals: teamIntervals, teamTotals: teamTotals,
            waitP50: percentile(0.5), waitP90: percentile(0.9), waitP95: percentile(0.95),
            meanQueueLength: s.measuredQueue.map { window > 0 ? $0 / window : 0 },
            unansweredAtEnd: queues.waitingByChannel, workforceWeeks: workforceWeeks,
            arrivalsSimulated: arrivalsSimulated, eventsHandled: eventsHandled
        )
    }
}
