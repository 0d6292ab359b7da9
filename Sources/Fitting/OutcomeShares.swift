/// Shares of outcomes among answered contacts, and first-contact resolution.
///
/// Resolution shares are what a tier's `resolution` block needs; FCR is the share of
/// answered first-stage contacts resolved there and then.
public struct OutcomeShares: Sendable, Hashable {
    public var answered: Int
    public var resolved: Double
    public var escalated: Double
    public var unresolved: Double

    public init(outcomes: [String]) {
        let answered = outcomes.filter { $0 != "abandoned" }
        self.answered = answered.count
        let n = Double(max(1, answered.count))
        resolved = Double(answered.filter { $0 == "resolved" }.count) / n
        escalated = Double(answered.filter { $0 == "escalated" }.count) / n
        unresolved = Double(answered.filter { $0 == "unresolved" }.count) / n
    }
}
