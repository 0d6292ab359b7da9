/// One team's workforce over one week of a run: the record that training-ROI
/// and workforce reports are built from (per-contact figures come from the
/// interval cells of ``CenterResult``; these are the people-side figures).
///
/// Weeks count from the start of the run (week 0 starts at time 0, warm-up
/// included). Money is in the scenario's currency.
public struct WorkforceWeek: Sendable, Hashable, Codable {
    public var week: Int
    public var team: Int
    /// Agents on the payroll at the start of the week (vacant seats excluded).
    public var headcount: Int
    /// Agents who left during the week (attrition).
    public var leavers: Int
    /// Agents who joined during the week (replacements and planned hires).
    public var hires: Int
    /// Paid seconds new hires spent in onboarding, off the phones (whole shifts; not part of
    /// the team's paid seconds in ``CenterResult/teamTotals``).
    public var onboardingSeconds: Double
    /// Paid seconds spent in training programs and recurring coaching, off the phones (blocks
    /// inside worked shifts: already part of the team's paid seconds, not of its available seconds).
    public var trainingSeconds: Double
    /// Recruiting and onboarding amounts of this week's hires.
    public var hiringCost: Double
    /// Direct cost of training programs incurred this week (per-agent and fixed parts; a program's
    /// fixed cost is booked to the first team it names, or to team 0 for new hires and everyone).
    public var trainingCost: Double
    /// Mean handle-time multiplier of the team's agents on the payroll at the
    /// start of the week (1 = the scenario's handle times; tenure and training move it).
    public var meanHandleTimeMultiplier: Double

    public init(week: Int, team: Int, headcount: Int = 0, leavers: Int = 0, hires: Int = 0,
                onboardingSeconds: Double = 0, trainingSeconds: Double = 0, hiringCost: Double = 0,
                trainingCost: Double = 0, meanHandleTimeMultiplier: Double = 1) {
        self.week = week
        self.team = team
        self.headcount = headcount
        self.leavers = leavers
        self.hires = hires
        self.onboardingSeconds = onboardingSeconds
        self.trainingSeconds = trainingSeconds
        self.hiringCost = hiringCost
        self.trainingCost = trainingCost
        self.meanHandleTimeMultiplier = meanHandleTimeMultiplier
    }
}
