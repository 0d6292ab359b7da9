/// A service or workforce figure compared between the arms: what the program changed behind
/// the money. One list serves the table and `roi.json`, so they always show the same figures.
public struct ServiceChange: Sendable {
    public enum Unit: String, Sendable { case share, seconds, count }

    /// Snake-case key in `roi.json` (`voice.service_level`, `fcr`, …).
    public var key: String
    /// Words for the table.
    public var label: String
    public var unit: Unit
    /// A people figure (leavers, hires), shown only when the workforce is modelled.
    public var isWorkforce: Bool
    public var difference: ROIResult.Difference
}

extension ROIResult {
    /// Every figure both arms define, channels' service levels first.
    public func serviceChanges(channels: [String]) -> [ServiceChange] {
        var changes: [ServiceChange] = []
        func add(_ key: String, _ label: String, _ unit: ServiceChange.Unit, workforce: Bool = false, _ figure: (ArmWeek) -> Double?) {
            if let d = difference(figure) {
                changes.append(ServiceChange(key: key, label: label, unit: unit, isWorkforce: workforce, difference: d))
            }
        }
        for (c, channel) in channels.enumerated() {
            add("\(channel).service_level", "\(channel) service level", .share) { $0.serviceLevel(channel: c) }
        }
        add("fcr", "first-contact resolution", .share) { $0.firstContacts > 0 ? Double($0.firstContactResolved) / Double($0.firstContacts) : nil }
        add("aht", "average handle time", .seconds) { $0.handled > 0 ? $0.handleSeconds / Double($0.handled) : nil }
        add("repeat_contacts", "repeat contacts", .count) { Double($0.repeats) }
        add("escalations", "escalations", .count) { Double($0.escalations) }
        add("abandoned", "abandoned", .count) { Double($0.abandoned) }
        add("leavers", "leavers", .count, workforce: true) { Double($0.leavers) }
        add("hires", "hires", .count, workforce: true) { Double($0.hires) }
        return changes
    }
}
