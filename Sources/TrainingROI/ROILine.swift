/// The lines of a training ROI: what the program costs and what it returns, each a
/// difference between the arm without the program and the arm with it.
public enum ROILine: String, CaseIterable, Sendable, Codable {
    // Costs.
    /// Per-agent and fixed costs of the program.
    case directCost = "direct_cost"
    /// Wages of the hours participants spend in training and coaching, off the phones.
    case offPhoneWages = "off_phone_wages"
    // Benefits.
    /// Agent hours no longer spent handling, at the average paid hourly rate (capacity freed).
    case handlingTime = "handling_time_saved"
    /// Repeat contacts avoided, at the valuation's amount per repeat (value beyond the agent
    /// time, which `handlingTime` already counts).
    case repeatsAvoided = "repeats_avoided"
    case escalationsAvoided = "escalations_avoided"
    case abandonmentsAvoided = "abandonments_avoided"
    /// Recruiting costs and onboarding wages of replacements not needed (lower attrition).
    case replacementsAvoided = "replacements_avoided"
    /// Contract penalties for missed service levels avoided.
    case penaltiesAvoided = "sla_penalties_avoided"
    /// Equal-service mode: labour cost of the staffing needed to hold the SLA, saved.
    case labourSaved = "labour_saved"

    public var isCost: Bool { self == .directCost || self == .offPhoneWages }

    public var label: String {
        switch self {
        case .directCost: "program cost (direct)"
        case .offPhoneWages: "off-phone hours (wages)"
        case .handlingTime: "handling time saved"
        case .repeatsAvoided: "repeat contacts avoided"
        case .escalationsAvoided: "escalations avoided"
        case .abandonmentsAvoided: "abandonments avoided"
        case .replacementsAvoided: "replacements avoided"
        case .penaltiesAvoided: "SLA penalties avoided"
        case .labourSaved: "labour saved (equal service)"
        }
    }
}
