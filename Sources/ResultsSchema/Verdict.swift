/// A target's or ceiling's verdict across replications, as `summary.json` writes it (`rawValue`)
/// and as the table and the report say it (`words`).
public enum Verdict: String, Codable, Sendable, CaseIterable {
    /// The whole confidence interval is on the right side of the limit.
    case met
    /// The mean is, the interval reaches across.
    case metOnMean = "met_on_mean"
    case missedOnMean = "missed_on_mean"
    case missed
    /// Nothing to judge (no contact offered, or none answered for ASA).
    case undefined

    /// `MET`, `MET on the mean`, `MISSED on the mean`, `MISSED`, `undefined`.
    public var words: String {
        switch self {
        case .met: "MET"
        case .metOnMean: "MET on the mean"
        case .missedOnMean: "MISSED on the mean"
        case .missed: "MISSED"
        case .undefined: "undefined"
        }
    }

    /// Whether the mean meets the limit; nil when undefined (the writer writes `met: null`).
    public var passed: Bool? {
        switch self {
        case .met, .metOnMean: true
        case .missedOnMean, .missed: false
        case .undefined: nil
        }
    }

    /// `✓`, `✗`, or `–` when undefined.
    public var mark: String {
        switch passed {
        case true?: "✓"
        case false?: "✗"
        case nil: "–"
        }
    }
}
