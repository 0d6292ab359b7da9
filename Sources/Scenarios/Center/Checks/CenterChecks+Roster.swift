/// Rules of a team's published roster that need the rest of the scenario: the file itself was
/// checked row by row when read (`RosterCSV`).
extension CenterChecks {
    func rosterProblems(_ roster: TeamRoster, of team: AgentTeamSpec, teamPath: String) -> [FieldProblem] {
        var found: [FieldProblem] = []
        let path = joinPath(teamPath, "roster")
        if !team.shifts.isEmpty {
            found.append(.init(joinPath(teamPath, "shifts"),
                               "give either 'shifts' (templates) or 'roster' (a published roster file), not both"))
        }
        if teams.contains(where: { $0?.workforce != nil }) {
            found.append(.init(path, "workforce dynamics (tenure, attrition, hiring) apply to template shifts' seats, not yet to a published roster's named agents"))
        }
        if let training = training, !training.programs.isEmpty {
            found.append(.init(path, "training programs take their participants from template shifts' seats, not yet from a published roster"))
        }
        // An agent's own skills make a skill profile of the team (an agent group of its own), made
        // of the team's skills on the agent's channels: so each must be a channel the team serves.
        // (A roster read from a file was checked row by row; this guards rosters built in code.)
        let teamChannels = Set(team.skills.map(\.channel))
        for agent in roster.agents {
            guard let skills = agent.skills else { continue }
            let own = Set(skills.map(\.channel))
            let outside = own.subtracting(teamChannels)
            if own.isEmpty || outside.count == own.count {
                found.append(.init(path, "agent \(agent.id) has no skill on a channel the team serves; it could take no work of this team"))
            } else if !outside.isEmpty {
                found.append(.init(path, "agent \(agent.id) has a skill on \(outside.sorted().map(channelName).joined(separator: ", ")), which team skills do not cover; put the agent in a team with that skill"))
            }
            if own.count != skills.count {
                found.append(.init(path, "agent \(agent.id) names a channel twice in its skills"))
            }
            for skill in skills where !(skill.proficiency.isFinite && skill.proficiency > 0 && skill.proficiency <= 10) {
                found.append(.init(path, "agent \(agent.id)'s proficiency on \(channelName(skill.channel)) must be above 0 and at most 10, got \(Quantity.describe(number: skill.proficiency))"))
            }
        }
        return found
    }
}
