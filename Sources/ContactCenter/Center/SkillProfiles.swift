import Scenarios

/// The teams split into homogeneous agent groups, one per (team, skill profile): the router's
/// unit. A published roster may give an agent skills of its own (`skills: voice:1.0; chat:1.2`)
/// that differ from the team's; such agents form a group of their team with its own skill list,
/// so routing never tests an agent's skills one by one: a queue lists the groups that serve it,
/// and a group lists the queues it works, exactly as teams did.
///
/// Everything a team owns stays the team's: statistics, costs, reservations and reports are
/// counted per team, whatever the group. A team without per-agent skills is one group whose
/// index is the team's own, so such scenarios route (and draw) exactly as before.
struct SkillProfiles: Sendable {
    struct Profile: Sendable, Hashable {
        let team: Int
        /// The team's skills the group's agents have, in the team's order, at their proficiency.
        let skills: [Skill]
    }

    /// Every group, team by team: a team's own profile first (when someone works it), then the
    /// other profiles of its rostered agents in order of first appearance.
    let profiles: [Profile]
    /// Per team: the group of its template seats, agents on duty throughout and rostered agents
    /// without skills of their own.
    let base: [Int]
    /// Per team: the group of each agent of its roster (`TeamRoster.agents` order); empty without a roster.
    let rostered: [[Int]]

    init(_ center: CenterSpec) {
        var profiles: [Profile] = []
        var base: [Int] = []
        var rostered: [[Int]] = []
        for (t, team) in center.teams.enumerated() {
            let own = Self.agentSkills(team)
            // The team's own profile exists unless every agent of the team has another one.
            let usesBase = own.isEmpty || own.contains { $0 == nil } || !team.shifts.isEmpty || team.constantAgents > 0
            let first = profiles.count
            var known: [[Skill]: Int] = [:]
            if usesBase {
                profiles.append(Profile(team: t, skills: team.skills))
                known[team.skills] = first
            }
            base.append(usesBase ? first : profiles.count)
            rostered.append(own.map { skills in
                let skills = skills ?? team.skills
                if let g = known[skills] { return g }
                known[skills] = profiles.count
                profiles.append(Profile(team: t, skills: skills))
                return profiles.count - 1
            })
        }
        self.profiles = profiles
        self.base = base
        self.rostered = rostered
    }

    var count: Int { profiles.count }

    /// Each rostered agent's skills as team skills (nil: the team's own). An agent with a skill on
    /// a channel keeps every (channel, tier) the team has on it, with its overflow and reserve, at
    /// the agent's proficiency; the team's skills on channels the agent lacks are dropped.
    private static func agentSkills(_ team: AgentTeamSpec) -> [[Skill]?] {
        guard let roster = team.roster else { return [] }
        return roster.agents.map { agent in
            guard let own = agent.skills else { return nil }
            var proficiency: [Int: Double] = [:]
            for skill in own { proficiency[skill.channel] = skill.proficiency }
            let skills = team.skills.compactMap { skill -> Skill? in
                guard let p = proficiency[skill.channel] else { return nil }
                var kept = skill
                kept.proficiency = p
                return kept
            }
            return skills == team.skills ? nil : skills
        }
    }
}
