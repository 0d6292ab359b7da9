import ResultsSchema

/// The `staffing-check.csv` of a `ccsim run --out` folder: per interval and channel, the
/// simulated net agents beside the Erlang requirement and the simulated service level.
public struct StaffingCheckResults: Sendable {
    public struct Row: Sendable, Hashable {
        public var interval: Int
        public var erlangAgents: Double?
        public var netAgents: Double?
        public var serviceLevel: Double?
        public var target: Double?
        public var missed: Bool
        package init(interval: Int, erlangAgents: Double?, netAgents: Double?, serviceLevel: Double?, target: Double?, missed: Bool) {
            self.interval = interval
            self.erlangAgents = erlangAgents
            self.netAgents = netAgents
            self.serviceLevel = serviceLevel
            self.target = target
            self.missed = missed
        }

        public var netStaffing: Double? {
            guard let netAgents, let erlangAgents else { return nil }
            return netAgents - erlangAgents
        }
    }

    /// Channels in file order, each with its rows by interval.
    public var channels: [(name: String, rows: [Row])]

    public enum LayoutError: Error, Equatable { case notAStaffingCheck(String) }

    public init(table: CSVTable) throws {
        typealias C = StaffingCheckColumn
        let need: [C] = [.interval, .channel, .erlangAgents, .netAgents, .serviceLevel, .missed]
        if let missing = need.first(where: { table.column($0.rawValue) == nil }) {
            throw LayoutError.notAStaffingCheck("column \(missing.rawValue) is missing (expected the staffing-check.csv of `ccsim run --out`)")
        }
        func column(_ c: C) -> Int? { table.column(c.rawValue) }
        var channels: [(name: String, rows: [Row])] = []
        for (line, row) in table.rows.enumerated() {
            guard let index = table.number(row, column(.interval)).flatMap({ Int(exactly: $0) }) else {
                throw LayoutError.notAStaffingCheck("line \(line + 2): interval '\(table.text(row, column(.interval)))' is not an interval index")
            }
            let name = table.text(row, column(.channel))
            let entry = Row(interval: index, erlangAgents: table.number(row, column(.erlangAgents)),
                            netAgents: table.number(row, column(.netAgents)), serviceLevel: table.number(row, column(.serviceLevel)),
                            target: table.number(row, column(.target)), missed: table.text(row, column(.missed)) == "1")
            if let c = channels.firstIndex(where: { $0.name == name }) {
                channels[c].rows.append(entry)
            } else {
                channels.append((name, [entry]))
            }
        }
        self.channels = channels
    }
}
