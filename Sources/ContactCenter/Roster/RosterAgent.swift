/// One seat of one shift of one team: the roster's unit of work.
///
/// A shift with `agents: 12` gives 12 roster agents, one per seat; the same
/// agent works that shift on every weekday it runs.
public struct RosterAgent: Sendable, Hashable {
    /// Index into the teams the roster was built from.
    public var team: Int
    /// Index into that team's shifts.
    public var shift: Int
    /// 0 ..< the shift's `agents`.
    public var seat: Int
    /// Paid seconds of one worked shift: its length minus its unpaid breaks.
    public var paidSecondsPerShift: Double

    public init(team: Int, shift: Int, seat: Int, paidSecondsPerShift: Double) {
        self.team = team
        self.shift = shift
        self.seat = seat
        self.paidSecondsPerShift = paidSecondsPerShift
    }
}
