import ResultsSchema

/// The contact center being simulated: channels, tiers, teams and routing.
///
/// Channels, tiers and teams refer to each other by index (validated at load),
/// so the simulator works on arrays, not names.
public struct CenterSpec: Sendable, Hashable {
    public var channels: [ChannelSpec]
    public var tiers: [TierSpec]
    public var teams: [AgentTeamSpec]
    public var routing: RoutingSpec
    /// Weekday of day 0 (time 0 is midnight starting day 0).
    public var startWeekday: Weekday
    /// Date of day 0 when the scenario is dated (`calendar.start: 2027-01-04`); `startWeekday` is
    /// then its weekday. Day d is this date plus d days of 24 h of the center's local clock.
    public var startDate: CivilDate?
    /// End-to-end resolution target (first contact to resolution), e.g. 24 h; nil = not reported.
    public var resolutionTarget: Double?
    /// Training programs and how their benefits are valued; nil = none.
    public var training: TrainingSpec?

    public init(channels: [ChannelSpec], tiers: [TierSpec], teams: [AgentTeamSpec], routing: RoutingSpec,
                startWeekday: Weekday = .monday, startDate: CivilDate? = nil,
                resolutionTarget: Double? = nil, training: TrainingSpec? = nil) {
        self.channels = channels
        self.tiers = tiers
        self.teams = teams
        self.routing = routing
        self.startWeekday = startDate.map { Weekday(rawValue: $0.weekdayIndex)! } ?? startWeekday
        self.startDate = startDate
        self.resolutionTarget = resolutionTarget
        self.training = training
    }
}
