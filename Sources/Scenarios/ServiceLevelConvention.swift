/// Which contacts form the denominator of the service level "answered within T".
///
/// Contact centers disagree on how abandoned contacts count, and the choice moves the reported
/// figure by several points, so a scenario states its convention explicitly. In every case the
/// numerator is the number of contacts answered within T (the `answer_within` threshold).
public enum ServiceLevelConvention: String, CaseIterable, Sendable, Hashable {
    /// Answered within T ÷ all offered contacts (answered + abandoned). The strictest and the default.
    case offered
    /// Answered within T ÷ (offered − contacts that abandoned before T). Short abandons are
    /// treated as callers who would not have waited for anyone.
    case excludingShortAbandons = "excluding_short_abandons"
    /// Answered within T ÷ answered contacts. Ignores abandonment entirely (flattering under load).
    case answered
}
