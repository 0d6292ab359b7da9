/// What a metric is about: a channel, a tier, a team (by index in the
/// scenario's center) or the whole center. Files and metric names qualify
/// figures by it (`voice.service_level`, `tier1.fcr`, `frontline.occupancy`).
public enum MetricScope: Sendable, Hashable {
    case channel(Int)
    case tier(Int)
    case team(Int)
    case center

    /// The word used in the `scope` column of CSV files.
    public var kind: String {
        switch self {
        case .channel: "channel"
        case .tier: "tier"
        case .team: "team"
        case .center: "center"
        }
    }
}
