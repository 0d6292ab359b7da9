import Scenarios
import Stochastics

/// When each agent works: one agent per (team, shift, seat), and for each
/// day the times at which agents come on and go off the phones.
///
/// Pure and lazy: ``transitions(day:workforce:absenteeism:)`` answers for one
/// day at a time (the model asks at each day start and schedules events from
/// the answer), so memory is flat in the horizon. A shift belongs to the day
/// it starts on, even when it runs past midnight.
///
/// Random numbers, for common random numbers across scenarios: every
/// scheduled agent-day takes exactly one absenteeism uniform and its
/// workforce draws (breaks, then aux blocks), absent or not, in agent order.
/// Raising a team's absenteeism therefore only adds absentees; everyone's
/// breaks stay put. Days must be asked for in increasing order for the
/// draws to be reproducible.
public struct Roster: Sendable {
    /// Length of one aux (shrinkage) block at most: 15 minutes, a typical
    /// granularity of schedule adherence. A day's aux time is cut into equal
    /// blocks no longer than this.
    public static let auxBlockLength = 900.0

    public let agents: [RosterAgent]
    public let startWeekday: Weekday
    private let plans: [ShiftPlan]
    private let teamCount: Int
    /// Agents of published rosters, after every template seat.
    let published: PublishedShifts

    /// - Parameters:
    ///   - teams: the teams; each should be valid (shift length > 0, breaks
    ///     fitting in their shift, shrinkage in [0, 1), absenteeism in [0, 1]).
    ///   - startWeekday: weekday of day 0 (time 0 is midnight of day 0).
    public init(teams: [AgentTeamSpec], startWeekday: Weekday = .monday) {
        var agents: [RosterAgent] = []
        var plans: [ShiftPlan] = []
        for (t, team) in teams.enumerated() {
            for (s, shift) in team.shifts.enumerated() {
                let plan = ShiftPlan(team: t, shift: s, firstAgent: agents.count, spec: shift,
                                     shrinkage: team.shrinkage, absenteeism: team.absenteeism)
                plans.append(plan)
                for seat in 0..<shift.agents {
                    agents.append(RosterAgent(team: t, shift: s, seat: seat, paidSecondsPerShift: plan.paidSeconds))
                }
            }
        }
        published = PublishedShifts(teams: teams, agents: &agents)
        self.agents = agents
        self.plans = plans
        self.startWeekday = startWeekday
        teamCount = teams.count
    }

    /// One day's transitions of every agent scheduled that day and present,
    /// sorted by time, then agent, then ``AgentTransition/Kind`` order.
    ///
    /// An agent is absent for the whole day with the team's absenteeism
    /// probability (a uniform from `absenteeism`) and then has no transitions.
    /// Present agents get: shift start, each break (start, end), each aux
    /// block (start, end), shift end; times are seconds from midnight of day 0.
    /// - Precondition: `day ≥ 0`.
    ///
    /// Published rosters' agents are placed as listed; `aux` (the ``StreamPurpose/rosterAux``
    /// stream) draws the aux blocks of roster teams with a shrinkage, and is needed only when
    /// ``needsAuxStream``.
    public func transitions(day: Int, workforce: RandomStream, absenteeism: RandomStream, aux: RandomStream? = nil) -> [AgentTransition] {
        var buffer = RosterDay()
        transitions(day: day, workforce: workforce, absenteeism: absenteeism, aux: aux, into: &buffer)
        return buffer.transitions
    }

    /// The same transitions written into `buffer.transitions`, whose storage (and the sort's) is kept
    /// from day to day: a day's rota allocates nothing once the buffers have grown. (Fresh arrays of a
    /// few thousand transitions a day went to the kernel and back, page faults included: ~3% of a
    /// 26-week tiered run.)
    package func transitions(day: Int, workforce: RandomStream, absenteeism: RandomStream, aux: RandomStream? = nil, into buffer: inout RosterDay) {
        precondition(day >= 0, "days count from 0, got \(day)")
        let weekday = startWeekday.advanced(by: day)
        let midnight = Double(day) * 86_400
        var out = buffer.take()
        var placer = buffer.placer
        for plan in plans where plan.agents > 0 && plan.runs(on: weekday) {
            let shiftStart = midnight + plan.start
            for seat in 0..<plan.agents {
                let agent = plan.firstAgent + seat
                let absent = absenteeism.uniform() < plan.absenteeism
                placer.place(plan, shiftStart: shiftStart, stream: workforce)
                if absent { continue }
                out.append(AgentTransition(time: shiftStart, agent: agent, kind: .shiftStart))
                for (k, start) in placer.breakStarts.enumerated() where plan.breaks[k].length > 0 {
                    out.append(AgentTransition(time: start, agent: agent, kind: .breakStart))
                    out.append(AgentTransition(time: start + plan.breaks[k].length, agent: agent, kind: .breakEnd))
                }
                for block in placer.auxBlocks {
                    out.append(AgentTransition(time: block.start, agent: agent, kind: .auxStart))
                    out.append(AgentTransition(time: block.end, agent: agent, kind: .auxEnd))
                }
                out.append(AgentTransition(time: shiftStart + plan.length, agent: agent, kind: .shiftEnd))
            }
        }
        precondition(aux != nil || !published.hasAux, "a roster team with shrinkage needs the roster aux stream")
        published.appendTransitions(day: day, weekday: weekday, absenteeism: absenteeism, aux: aux, to: &out)
        buffer.placer = placer
        buffer.sort(out)
    }

    /// Whether a roster team has a shrinkage: then ``transitions(day:workforce:absenteeism:aux:)`` needs its aux stream.
    public var needsAuxStream: Bool { published.hasAux }

    /// Length of the shift worked by rota agent `agent`.
    func shiftLength(of agent: Int) -> Double {
        if agent >= published.firstAgent { return published.meanShiftLength(of: agent) }
        let seat = agents[agent]
        return plans.first { $0.team == seat.team && $0.shift == seat.shift }?.length ?? 0
    }

    /// Paid seconds the team is scheduled for on `day` (shifts starting that
    /// day; unpaid breaks excluded), absentees included. For present agents
    /// only, sum ``RosterAgent/paidSecondsPerShift`` over the agents with a
    /// shift start that day. Overtime is the model's to measure.
    public func scheduledPaidSeconds(team: Int, day: Int) -> Double {
        precondition(team >= 0 && team < teamCount, "no team \(team)")
        let weekday = startWeekday.advanced(by: day)
        var total = 0.0
        for plan in plans where plan.team == team && plan.runs(on: weekday) {
            total += Double(plan.agents) * plan.paidSeconds
        }
        return total + published.scheduledPaidSeconds(team: team, day: day, weekday: weekday)
    }
}
