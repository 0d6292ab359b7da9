/// The columns of `staffing-check.csv` (`ccsim run --out`), written by the Staffing module and
/// read by the report: the one place their names are spelled.
public enum StaffingCheckColumn: String, CaseIterable, Sendable {
    case interval, startSeconds = "start_s", endSeconds = "end_s", day, date, weekday, clock, channel
    /// Expected contacts offered in the interval (the scenario's demand, busyness at its mean 1).
    case expectedOffered = "expected_offered"
    /// The mean handle time the requirement is computed on, seconds.
    case handleTime = "aht_s"
    /// Erlang C/A agents on the phones meeting the channel's targets.
    case erlangAgents = "erlang_agents"
    /// Simulated agents available to the channel (mean over replications).
    case netAgents = "net_agents"
    /// `net_agents − erlang_agents`: over (+) or short (−).
    case netStaffing = "net_staffing"
    case serviceLevel = "service_level"
    case target
    /// `1` when the simulated service level is below the target, else `0`.
    case missed
}
