/// A change in one agent's availability at a time, for the model to schedule.
///
/// An agent is on the phones between `shiftStart` and `shiftEnd` except
/// during breaks and aux (shrinkage) periods. One agent's periods never
/// overlap, but may touch; at equal times one agent's transitions come in
/// `Kind` order (shift start first, then ends, then starts, shift end last),
/// so applying them in list order is always a valid sequence.
/// "Off" transitions mean the agent leaves after finishing current work:
/// the model decides what happens to work in hand.
public struct AgentTransition: Sendable, Hashable {
    public enum Kind: Int, Sendable, Hashable, CaseIterable, Comparable {
        case shiftStart, breakEnd, auxEnd, breakStart, auxStart, shiftEnd

        /// Whether the agent becomes available to take work.
        public var isOn: Bool {
            switch self {
            case .shiftStart, .breakEnd, .auxEnd: true
            case .breakStart, .auxStart, .shiftEnd: false
            }
        }

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    /// Seconds from midnight of day 0.
    public var time: Double
    /// Index into ``Roster/agents``.
    public var agent: Int
    public var kind: Kind

    public init(time: Double, agent: Int, kind: Kind) {
        self.time = time
        self.agent = agent
        self.kind = kind
    }
}
