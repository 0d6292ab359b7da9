import ResultsSchema
/// A `staffing.csv` (written by `ccsim staff --out`): per day, interval and team, the Erlang
/// requirement (whole agents and the fractional FTE figure), the simulated requirement and the
/// team's occupancy; per channel, the service level the simulated plan achieved with its CI.
public struct StaffingResults: Sendable {
    public struct Slot: Sendable {
        /// "Mon 08:30" or "day 2 Mon 08:30".
        public var label: String
        /// Hours since the start of the first day.
        public var hours: Double
        /// Per team, in `teams` order.
        public var erlangAgents: [Double?]
        public var erlangFTE: [Double?]
        public var simulatedAgents: [Double?]
        public var occupancy: [Double?]
        /// Per channel, in `channels` order.
        public var serviceLevel: [Double?]
        public var serviceLevelCI: [ClosedRange<Double>?]
    }

    public var teams: [String]
    public var channels: [String]
    public var slots: [Slot]
    public var dayLabels: [String]

    public enum LayoutError: Error, Equatable { case notAStaffingTable(String) }

    public init(table: CSVTable) throws {
        let need: [StaffingColumn] = [.day, .weekday, .start, .team, .erlangAgents, .simulatedAgents]
        if let missing = need.first(where: { table.column($0) == nil }) {
            throw LayoutError.notAStaffingTable("column \(missing.rawValue) is missing (expected the staffing.csv of `ccsim staff --out`)")
        }
        let c = (day: table.column(StaffingColumn.day), weekday: table.column(StaffingColumn.weekday), start: table.column(StaffingColumn.start),
                 team: table.column(StaffingColumn.team), erlang: table.column(StaffingColumn.erlangAgents), fte: table.column(StaffingColumn.erlangFTE),
                 sim: table.column(StaffingColumn.simulatedAgents), occupancy: table.column(StaffingColumn.occupancy))
        channels = table.header.compactMap { StaffingColumn.serviceLevelChannel($0, header: table.header) }
        var teams: [String] = []
        for row in table.rows where !teams.contains(table.text(row, c.team)) { teams.append(table.text(row, c.team)) }
        self.teams = teams
        var axis = WeekAxis(), slots: [Slot] = [], keys: [String: Int] = [:]
        for row in table.rows {
            let day = table.text(row, c.day), weekday = table.text(row, c.weekday), start = table.text(row, c.start)
            let key = day + "|" + start
            let s: Int
            if let existing = keys[key] {
                s = existing
            } else {
                guard let hours = axis.position(day: day + " " + weekday, clock: start) else {
                    throw LayoutError.notAStaffingTable("start '\(start)' is not a clock time")
                }
                let none = [Double?](repeating: nil, count: teams.count)
                var slot = Slot(label: "\(weekday) \(start)", hours: hours, erlangAgents: none, erlangFTE: none, simulatedAgents: none,
                                occupancy: none, serviceLevel: [], serviceLevelCI: [])
                for channel in channels {
                    let sl = StaffingColumn.serviceLevel(channel)
                    slot.serviceLevel.append(table.number(row, table.column(sl.value)))
                    let lo = table.number(row, table.column(sl.low)), hi = table.number(row, table.column(sl.high))
                    slot.serviceLevelCI.append(lo.flatMap { lo in hi.flatMap { lo <= $0 ? lo...$0 : nil } })
                }
                s = slots.count
                keys[key] = s
                slots.append(slot)
            }
            let t = teams.firstIndex(of: table.text(row, c.team))!
            slots[s].erlangAgents[t] = table.number(row, c.erlang)
            slots[s].erlangFTE[t] = table.number(row, c.fte)
            slots[s].simulatedAgents[t] = table.number(row, c.sim)
            slots[s].occupancy[t] = table.number(row, c.occupancy)
        }
        if Set(slots.map { $0.label }).count < slots.count {
            // More than one week day with the same weekday: keep the day number in labels.
            for (i, slot) in slots.enumerated() { slots[i].label = "day \(Int(slot.hours / 24) + 1) \(slot.label)" }
        }
        self.slots = slots
        dayLabels = axis.days.map { String($0.split(separator: " ").last ?? "") }
    }

    /// Length of one interval in hours: the smallest step between consecutive starts.
    public var intervalHours: Double {
        let steps = zip(slots, slots.dropFirst()).map { $1.hours - $0.hours }.filter { $0 > 1e-9 }
        return steps.min() ?? 1
    }

    /// Agent-hours over the file: (Erlang whole, Erlang fractional, simulated) per team.
    public func agentHours(team t: Int) -> (erlang: Double, erlangFTE: Double, simulated: Double) {
        let h = intervalHours
        return (slots.reduce(0) { $0 + ($1.erlangAgents[t] ?? 0) } * h, slots.reduce(0) { $0 + ($1.erlangFTE[t] ?? 0) } * h,
                slots.reduce(0) { $0 + ($1.simulatedAgents[t] ?? 0) } * h)
    }
}
