import Scenarios

extension AgentPool {
    /// The run's agents, built from the teams: first each team's agents on duty throughout
    /// (`constant_agents`, permanent), then the roster's seats in roster order (template shifts'
    /// seats, then published rosters' named agents), each with its skill profile.
    ///
    /// The first `backlog_share` of each shift's seats (and of the permanent agents, and of a
    /// published roster's named agents) work backlog only.
    package init(center: CenterSpec, plan: CenterPlan, roster: Roster) {
        func reserved(_ seat: Int, of count: Int, _ team: AgentTeamSpec) -> Bool {
            seat < Int((team.backlogShare * Double(count)).rounded())
        }
        var agents: [AgentRecord] = []
        for (t, team) in center.teams.enumerated() {
            for seat in 0..<team.constantAgents {
                agents.append(AgentRecord(team: t, profile: plan.profiles.base[t], permanent: true,
                                          backlogOnly: reserved(seat, of: team.constantAgents, team)))
            }
        }
        for (a, seat) in roster.agents.enumerated() {
            let team = center.teams[seat.team]
            let published = a >= roster.published.firstAgent
            let seats = published ? roster.published.teamSize[seat.team] ?? 0 : team.shifts[seat.shift].agents
            let profile = published ? plan.profiles.rostered[seat.team][seat.seat] : plan.profiles.base[seat.team]
            agents.append(AgentRecord(team: seat.team, profile: profile, permanent: false, backlogOnly: reserved(seat.seat, of: seats, team)))
        }
        self.init(agents: agents, teams: center.teams.count, chatCapacity: plan.profileChatCapacity,
                  rosterOffset: agents.count - roster.agents.count)
    }
}
