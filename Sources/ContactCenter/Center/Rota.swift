import Scenarios
import SimKernel
import Stochastics

/// The rota on the model's clock: at each midnight the ``Roster``'s transitions of the day (shifts,
/// breaks, aux blocks, absentees), filtered by the weekly workforce update (vacant seats,
/// onboarding, training blocks: ``WorkforceDynamics``), become agent changes in the kernel's feed;
/// each change then reaches the ``AgentPool`` with the agent's paid share.
///
/// Why a room: the rota's streams (workforce, absenteeism, roster aux) and its day buffers are
/// touched once a day and once a week, never per contact; the model only hands the agents it
/// frees or clears to the router.
struct Rota {
    private let roster: Roster
    private let workforceStream: RandomStream
    private let absenteeismStream: RandomStream
    /// Aux blocks of roster teams with a shrinkage; nil (never made) without one.
    private let auxStream: RandomStream?
    /// Rota seats' occupants over the weeks; nil without workforce dynamics and programs.
    private var workforce: WorkforceDynamics?
    /// Share of each rota agent's on-shift time that is paid (unpaid lunches excluded).
    private let paidShares: [Double]
    /// Index of the first rota agent in the pool (permanent agents come first).
    let rosterOffset: Int
    /// Nobody comes on from here (the end of the horizon); those on duty still go off.
    private let closeTime: Double
    /// The day's transitions from the roster (storage kept from day to day).
    private var day = RosterDay()
    /// The day's agent changes, gathered for the kernel's feed (made afresh each day without workforce
    /// dynamics, written in place; appended to storage kept from day to day with them).
    private var changes: [(event: CenterEvent, time: Double, priority: EventPriority)] = []

    init(center: CenterSpec, roster: Roster, rosterOffset: Int, closeTime: Double, streams: StreamPlan, replication: Int) {
        self.roster = roster
        self.rosterOffset = rosterOffset
        self.closeTime = closeTime
        workforceStream = streams.stream(replication: replication, purpose: .workforce)
        absenteeismStream = streams.stream(replication: replication, purpose: .absenteeism)
        auxStream = roster.needsAuxStream ? streams.stream(replication: replication, purpose: .rosterAux) : nil
        paidShares = roster.agents.indices.map { a in
            if a >= roster.published.firstAgent { return roster.published.paidShare(of: a) }
            let seat = roster.agents[a], shift = center.teams[seat.team].shifts[seat.shift]
            return shift.length > 0 ? seat.paidSecondsPerShift / shift.length : 1
        }
        workforce = WorkforceDynamics(center: center, roster: roster, streams: streams, replication: replication)
    }

    /// The workforce's weekly records (none without workforce dynamics).
    var workforceWeeks: [WorkforceWeek] { workforce?.weeks ?? [] }

    /// Schedules the first day's rota (none without rota agents).
    func start(_ scheduler: inout EventScheduler<CenterEvent>) {
        if !roster.agents.isEmpty { scheduler.schedule(.dayStart(day: 0), at: 0, priority: .urgent) }
    }

    /// Midnight of `day`: on a week's first day, the workforce update of the pool's adjustments.
    /// Returns the idle available agents it cleared for more tiers (a trainee idle on a night shift
    /// at midnight may take work now).
    mutating func startWeek(ifFirstDay day: Int, pool: inout AgentPool) -> [Int] {
        guard day % 7 == 0, workforce != nil else { return [] }
        return pool.startWeek(day / 7, &workforce!)
    }

    /// Midnight of `day`: the day's agent changes go to the kernel's feed (in the roster's order:
    /// the same order of events as scheduling them one by one), and the next day start is scheduled.
    mutating func scheduleDay(_ day: Int, _ scheduler: inout EventScheduler<CenterEvent>) {
        roster.transitions(day: day, workforce: workforceStream, absenteeism: absenteeismStream, aux: auxStream, into: &self.day)
        let now = scheduler.now
        guard workforce != nil else {
            // Without workforce dynamics every transition is kept as it is, written in place (appending
            // a few thousand changes one by one asked the runtime each time whether the array was shared).
            let transitions = self.day.transitions, rosterOffset = self.rosterOffset, closeTime = self.closeTime
            changes = Array(unsafeUninitializedCapacity: transitions.count) { buffer, count in
                for transition in transitions where transition.time < closeTime || !transition.kind.isOn {
                    buffer.initializeElement(at: count, to: (.agentChange(agent: Int32(rosterOffset + transition.agent), change: Self.change(transition.kind)),
                                                             max(transition.time, now), .normal))
                    count += 1
                }
            }
            scheduler.scheduleInOrder(changes)
            scheduleNextDay(after: day, &scheduler)
            return
        }
        changes.removeAll(keepingCapacity: true)
        for transition in self.day.transitions {
            let change = Self.change(transition.kind)
            // Nobody new comes on after closing; those on duty still go off.
            guard transition.time < closeTime || !transition.kind.isOn else { continue }
            let agent = Int32(rosterOffset + transition.agent)
            let at = max(transition.time, now)
            switch workforce!.admit(transition) {
            case .keep:
                changes.append((.agentChange(agent: agent, change: change), at, .normal))
            case .drop:
                continue
            case .trainingBlock(let length):
                // The pause comes first, so the agent never takes a contact before the block.
                changes.append((.agentChange(agent: agent, change: .pauseStart), at, .normal))
                changes.append((.agentChange(agent: agent, change: change), at, .normal))
                if length < roster.shiftLength(of: transition.agent) - 1e-6, transition.time + length < closeTime {
                    changes.append((.agentChange(agent: agent, change: .pauseEnd), transition.time + length, .normal))
                }
            case .endThenResume:
                changes.append((.agentChange(agent: agent, change: change), at, .normal))
                changes.append((.agentChange(agent: agent, change: .pauseEnd), at, .normal))
            }
        }
        // The day's changes wait in the kernel's feed, off the heap.
        scheduler.scheduleInOrder(changes)
        scheduleNextDay(after: day, &scheduler)
    }

    private func scheduleNextDay(after day: Int, _ scheduler: inout EventScheduler<CenterEvent>) {
        let next = Double(day + 1) * 86_400
        if next < closeTime { scheduler.schedule(.dayStart(day: Int32(day + 1)), at: next, priority: .urgent) }
    }

    /// What a roster transition does to the agent's availability (breaks and aux blocks alike pause it).
    @inline(__always)
    private static func change(_ kind: AgentTransition.Kind) -> AgentChange {
        switch kind {
        case .shiftStart: .shiftStart
        case .shiftEnd: .shiftEnd
        case .breakStart, .auxStart: .pauseStart
        case .breakEnd, .auxEnd: .pauseEnd
        }
    }

    /// The share of `agent`'s on-shift time that is paid (1 for permanent agents).
    @inline(__always)
    func paidShare(of agent: Int) -> Double {
        agent >= rosterOffset ? paidShares[agent - rosterOffset] : 1
    }

    /// The rota's seats are the pool's agents after the permanent ones, each with a paid share;
    /// the day's transitions (and so the changes made from them) name only them; the workforce's seats agree (see
    /// ``WorkforceDynamics/checkInvariants()``). (The changes need not be in time order: a
    /// training block's end comes after later transitions, and the kernel's feed sorts them.)
    func checkInvariants(pool: AgentPool) throws {
        if rosterOffset + roster.agents.count != pool.count || paidShares.count != roster.agents.count {
            throw InvariantViolation("\(roster.agents.count) rota seats (\(paidShares.count) paid shares) after \(rosterOffset) permanent agents, but \(pool.count) agents in the pool")
        }
        for a in 0..<pool.count where pool[a].permanent != (a < rosterOffset) {
            throw InvariantViolation("agent \(a) is \(pool[a].permanent ? "permanent" : "on the rota") but the rota starts at \(rosterOffset)")
        }
        if let bad = paidShares.firstIndex(where: { !($0 >= 0 && $0 <= 1 + 1e-9) }) {
            throw InvariantViolation("rota agent \(bad): paid share \(paidShares[bad]) outside [0, 1]")
        }
        for transition in day.transitions where !(rosterOffset..<pool.count).contains(rosterOffset + transition.agent) {
            throw InvariantViolation("a rota transition names agent \(rosterOffset + transition.agent), not a rota agent")
        }
        try workforce?.checkInvariants()
    }
}
