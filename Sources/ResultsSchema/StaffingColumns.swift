/// The columns of `staffing.csv` (`ccsim staff --out`), written by the Staffing module and read by
/// the report and by `ccsim schedule --requirement`: the one place their names are spelled.
public enum StaffingColumn: String, CaseIterable, Sendable {
    /// Day from the run's start (0-based), its date in dated scenarios, weekday and clock time.
    case day, date, weekday, start, team
    /// Erlang's agents on the phones (fractional), whole agents scheduled, and FTE after shrinkage.
    case erlangOnPhone = "erlang_on_phone", erlangAgents = "erlang_agents", erlangFTE = "erlang_fte"
    /// The simulation search's agents (`scheduled_agents` repeats it: what a schedule must cover).
    case simulatedAgents = "simulated_agents", scheduledAgents = "scheduled_agents", scheduledFTE = "scheduled_fte"
    case occupancy

    /// The columns of one channel's simulated service level and its confidence interval, in order:
    /// `sl_<channel>`, `sl_<channel>_low`, `sl_<channel>_high`.
    public static func serviceLevel(_ channel: String) -> (value: String, low: String, high: String) {
        ("sl_" + channel, "sl_\(channel)_low", "sl_\(channel)_high")
    }

    /// The channel a `sl_<channel>` column belongs to, given the header it sits in (the column of
    /// its lower bound beside it tells it from a channel named `x_low`).
    public static func serviceLevelChannel(_ column: String, header: [String]) -> String? {
        guard column.hasPrefix("sl_") else { return nil }
        let channel = String(column.dropFirst(3))
        return header.contains(serviceLevel(channel).low) ? channel : nil
    }
}

/// The columns of `schedule.csv` (`ccsim schedule --out`): one row per contract and shift.
public enum ScheduleColumn: String, CaseIterable, Sendable {
    case team, contract, start, end
    case lengthHours = "length_h", days, agents
    case paidHoursPerAgentWeek = "paid_hours_per_agent_week", weeklyCost = "weekly_cost", breaks
    /// The team's solver status and MIP gap, on each of its rows.
    case solveStatus = "solve_status", mipGap = "mip_gap"
}

/// The columns of `coverage.csv` (`ccsim schedule --out`): one row per team and interval of the week.
public enum CoverageColumn: String, CaseIterable, Sendable {
    case team, weekday, start, required
    case onDuty = "on_duty", short
}
