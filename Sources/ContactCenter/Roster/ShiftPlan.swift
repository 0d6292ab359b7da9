import Scenarios

/// One shift of one team, with what every agent-day of it needs
/// precomputed once: breaks in time order, on-phone and shrinkage seconds.
struct ShiftPlan: Sendable {
    let team: Int
    let shift: Int
    /// Index of the shift's first seat in ``Roster/agents``.
    let firstAgent: Int
    let agents: Int
    /// Seconds after midnight of the day the shift belongs to.
    let start: Double
    let length: Double
    /// Bit w set: the shift runs on weekday w (Monday = bit 0).
    let weekdays: UInt8
    /// Breaks ordered by window (earliest, then latest), so placing them in
    /// order keeps them from overlapping.
    let breaks: [Break]
    /// Σ lengths of breaks k... (suffix sums): break k must start by
    /// shift end − suffixBreakTime[k] for the breaks after it to fit.
    let suffixBreakTime: [Double]
    /// Aux time per agent-day: shrinkage × (length − all breaks).
    let auxSeconds: Double
    let absenteeism: Double
    let paidSeconds: Double

    init(team: Int, shift: Int, firstAgent: Int, spec: Shift, shrinkage: Double, absenteeism: Double) {
        precondition(spec.length > 0 && spec.length.isFinite, "a shift needs a positive length, got \(spec.length)")
        precondition(spec.start >= 0 && spec.start.isFinite, "a shift starts at or after midnight, got \(spec.start)")
        precondition(spec.agents >= 0, "a shift needs ≥ 0 agents, got \(spec.agents)")
        precondition(shrinkage >= 0 && shrinkage < 1, "shrinkage must be in [0, 1), got \(shrinkage)")
        precondition(absenteeism >= 0 && absenteeism <= 1, "absenteeism must be in [0, 1], got \(absenteeism)")
        self.team = team
        self.shift = shift
        self.firstAgent = firstAgent
        agents = spec.agents
        start = spec.start
        length = spec.length
        weekdays = spec.days.reduce(0) { $0 | UInt8(1) << UInt8($1.rawValue) }
        breaks = spec.breaks.sorted { ($0.earliest, $0.latest) < ($1.earliest, $1.latest) }
        var suffix = [Double](repeating: 0, count: breaks.count + 1)
        for k in stride(from: breaks.count - 1, through: 0, by: -1) {
            precondition(breaks[k].length >= 0, "a break needs a length ≥ 0, got \(breaks[k].length)")
            suffix[k] = suffix[k + 1] + breaks[k].length
        }
        precondition(suffix[0] < spec.length, "breaks (\(suffix[0]) s) must fit inside the shift (\(spec.length) s)")
        suffixBreakTime = suffix
        auxSeconds = shrinkage * (spec.length - suffix[0])
        self.absenteeism = absenteeism
        paidSeconds = spec.length - spec.breaks.filter { !$0.paid }.reduce(0) { $0 + $1.length }
    }

    func runs(on weekday: Weekday) -> Bool { weekdays & (1 << UInt8(weekday.rawValue)) != 0 }
}
