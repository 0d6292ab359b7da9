/// The cash lines of a training ROI: what the program costs and what it returns, each a
/// difference between the arm without the program and the arm with it.
///
/// Money is counted once. Agent time saved is not a line: at fixed staffing the agents are
/// paid either way, so time saved is worth cash only through what it buys (the avoided
/// repeats, escalations, abandonments, penalties below) and is otherwise capacity freed,
/// reported in hours and FTE beside the money (``CapacityFreed``); at equal service the
/// staffing that holds the SLA shrinks and the labour no longer paid is the cash line.
public enum ROILine: String, CaseIterable, Sendable, Codable {
    // Costs.
    /// Per-agent and fixed costs of the program.
    case directCost = "direct_cost"
    /// Fixed staffing: wages of the hours participants spend in training and coaching, off the
    /// phones. (At equal service these hours are inside the labour of the staffing that holds
    /// the SLA, so they are not counted again.)
    case offPhoneWages = "off_phone_wages"
    // Benefits.
    /// Repeat contacts avoided, at the valuation's amount per repeat.
    case repeatsAvoided = "repeats_avoided"
    case escalationsAvoided = "escalations_avoided"
    case abandonmentsAvoided = "abandonments_avoided"
    /// Recruiting costs and onboarding wages of replacements not needed (lower attrition).
    case replacementsAvoided = "replacements_avoided"
    /// Contract penalties for missed service levels avoided.
    case penaltiesAvoided = "sla_penalties_avoided"
    /// Equal service: labour cost of the staffing needed to hold the SLA, saved.
    case labourSaved = "labour_saved"

    public var isCost: Bool { self == .directCost || self == .offPhoneWages }

    public var label: String {
        switch self {
        case .directCost: "program cost (direct)"
        case .offPhoneWages: "off-phone hours (wages)"
        case .repeatsAvoided: "repeat contacts avoided"
        case .escalationsAvoided: "escalations avoided"
        case .abandonmentsAvoided: "abandonments avoided"
        case .replacementsAvoided: "replacements avoided"
        case .penaltiesAvoided: "SLA penalties avoided"
        case .labourSaved: "labour saved (equal service)"
        }
    }
}
