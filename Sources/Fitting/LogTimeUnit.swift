/// The unit a contact log writes its times and durations in (`arrival_s`, `queued_s`,
/// `wait_s`, `handle_s`): exports from other systems often count milliseconds.
public enum LogTimeUnit: String, CaseIterable, Sendable {
    case seconds = "s"
    case milliseconds = "ms"
    case minutes = "min"

    /// In words, for messages.
    public var name: String {
        switch self {
        case .seconds: "seconds"
        case .milliseconds: "milliseconds"
        case .minutes: "minutes"
        }
    }

    /// Seconds in one of this unit.
    public var seconds: Double {
        switch self {
        case .seconds: 1
        case .milliseconds: 0.001
        case .minutes: 60
        }
    }
}
