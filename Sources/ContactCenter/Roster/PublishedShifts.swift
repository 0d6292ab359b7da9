import Scenarios
import Stochastics

/// The shifts of the teams that work a published roster (`teams.<name>.roster`), ready to be
/// turned into the day's ``AgentTransition``s like the template shifts' seats.
///
/// Every shift, break and activity is where the roster puts it. Each rostered shift takes exactly
/// one absenteeism uniform, in agent order, the way a template seat does, so a roster that lists a
/// template's placement gives the same run on the same seed. A team's `shrinkage` (unplanned aux
/// time) adds aux blocks in the gaps between the listed activities, drawn from a stream of their
/// own (``StreamPurpose/rosterAux``) for every rostered shift, present or absent, so raising the
/// absenteeism moves nobody's aux blocks and a shrinkage of 0 draws nothing.
/// Weekly rows (`day: mon`) are kept by weekday and dated rows by run day, so a day's lookup
/// costs only its own shifts and memory stays in the size of the file.
struct PublishedShifts: Sendable {
    struct Entry: Sendable {
        /// Index into ``Roster/agents``.
        let agent: Int
        let team: Int
        let start: Double
        let length: Double
        let activities: [RosterActivity]
        let paidSeconds: Double
        let absenteeism: Double
        /// Unplanned aux time of the shift: the team's shrinkage × its time outside the activities.
        let auxSeconds: Double
    }

    private(set) var byWeekday: [[Entry]] = Array(repeating: [], count: 7)
    private(set) var byDay: [Int: [Entry]] = [:]
    /// Per agent of ``Roster/agents`` from `firstAgent` on: worked and paid seconds over all its rows.
    private(set) var worked: [Double] = []
    private(set) var paid: [Double] = []
    private(set) var shifts: [Int] = []
    /// Agents of each rostered team, by team index.
    private(set) var teamSize: [Int: Int] = [:]
    /// Whether some rostered shift has aux time (only then is the aux stream made).
    private(set) var hasAux = false
    let firstAgent: Int

    /// Appends the rostered agents to `agents` (one per named person), team by team.
    init(teams: [AgentTeamSpec], agents: inout [RosterAgent]) {
        firstAgent = agents.count
        for (t, team) in teams.enumerated() {
            guard let roster = team.roster else { continue }
            let base = agents.count
            teamSize[t] = roster.agents.count
            var workedSeconds = [Double](repeating: 0, count: roster.agents.count)
            var paidSeconds = [Double](repeating: 0, count: roster.agents.count)
            var shiftCount = [Int](repeating: 0, count: roster.agents.count)
            for shift in roster.shifts {
                precondition(shift.length > 0 && shift.length <= 86_400 && shift.start >= 0, "a rostered shift needs a length in (0, 24 h]")
                precondition(team.shrinkage >= 0 && team.shrinkage < 1, "shrinkage must be in [0, 1), got \(team.shrinkage)")
                let onPhones = shift.length - shift.activities.reduce(0) { $0 + $1.length }
                let entry = Entry(agent: base + shift.agent, team: t, start: shift.start, length: shift.length,
                                  activities: shift.activities, paidSeconds: shift.paidSeconds, absenteeism: team.absenteeism,
                                  auxSeconds: team.shrinkage * max(0, onPhones))
                if entry.auxSeconds > 0 { hasAux = true }
                switch shift.days {
                case .weekday(let w): byWeekday[w.rawValue].append(entry)
                case .runDay(let d): byDay[d, default: []].append(entry)
                }
                workedSeconds[shift.agent] += shift.length
                paidSeconds[shift.agent] += shift.paidSeconds
                shiftCount[shift.agent] += 1
            }
            for i in roster.agents.indices {
                agents.append(RosterAgent(team: t, shift: 0, seat: i, paidSecondsPerShift: paidSeconds[i] / Double(max(1, shiftCount[i]))))
            }
            worked += workedSeconds
            paid += paidSeconds
            shifts += shiftCount
        }
        // Agent order within a day, so absenteeism uniforms are drawn as for template seats.
        for w in 0..<7 { byWeekday[w].sort { ($0.agent, $0.start) < ($1.agent, $1.start) } }
        for d in byDay.keys { byDay[d]!.sort { ($0.agent, $0.start) < ($1.agent, $1.start) } }
    }

    var isEmpty: Bool { worked.isEmpty }

    /// The rostered shifts that start on `day`, in agent order.
    func shifts(day: Int, weekday: Weekday) -> [Entry] {
        let weekly = byWeekday[weekday.rawValue]
        guard let dated = byDay[day], !dated.isEmpty else { return weekly }
        if weekly.isEmpty { return dated }
        return (weekly + dated).sorted { ($0.agent, $0.start) < ($1.agent, $1.start) }
    }

    /// Appends the day's transitions of present rostered agents (unsorted). `aux` draws the aux
    /// blocks of shifts that have some (required when ``hasAux``).
    func appendTransitions(day: Int, weekday: Weekday, absenteeism: RandomStream, aux: RandomStream?, to out: inout [AgentTransition]) {
        let midnight = Double(day) * 86_400
        var placer = AgentDayPlacer()
        for entry in shifts(day: day, weekday: weekday) {
            let absent = absenteeism.uniform() < entry.absenteeism
            if entry.auxSeconds > 0, let aux {
                placer.placeAux(shiftStart: midnight + entry.start, length: entry.length, activities: entry.activities,
                                total: entry.auxSeconds, stream: aux)
                if !absent {
                    for block in placer.auxBlocks {
                        out.append(AgentTransition(time: block.start, agent: entry.agent, kind: .auxStart))
                        out.append(AgentTransition(time: block.end, agent: entry.agent, kind: .auxEnd))
                    }
                }
            }
            if absent { continue }
            let start = midnight + entry.start
            out.append(AgentTransition(time: start, agent: entry.agent, kind: .shiftStart))
            let end = start + entry.length
            for activity in entry.activities {
                let rest = activity.kind.isRest
                // An activity that opens (or closes) the shift is entered an instant before the
                // shift starts (left an instant after it ends): at equal times the shift start
                // comes first, and the agent would take a contact on its way into the meeting.
                var from = start + activity.offset, to = from + activity.length
                if from <= start { from = start.nextDown }
                if to >= end { to = end.nextUp }
                out.append(AgentTransition(time: from, agent: entry.agent, kind: rest ? .breakStart : .auxStart))
                out.append(AgentTransition(time: to, agent: entry.agent, kind: rest ? .breakEnd : .auxEnd))
            }
            out.append(AgentTransition(time: end, agent: entry.agent, kind: .shiftEnd))
        }
    }

    /// Share of a rostered agent's on-shift time that is paid (unpaid activities excluded).
    func paidShare(of agent: Int) -> Double {
        let i = agent - firstAgent
        return worked[i] > 0 ? paid[i] / worked[i] : 1
    }

    /// Mean shift length of a rostered agent.
    func meanShiftLength(of agent: Int) -> Double {
        let i = agent - firstAgent
        return worked[i] / Double(max(1, shifts[i]))
    }

    func scheduledPaidSeconds(team: Int, day: Int, weekday: Weekday) -> Double {
        shifts(day: day, weekday: weekday).reduce(0) { $1.team == team ? $0 + $1.paidSeconds : $0 }
    }
}
