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
        // A roster lists its activities; random aux blocks and rota-seat dynamics belong to templates.
        if team.shrinkage > 0 {
            found.append(.init(path, "a roster lists each agent's off-phone activities; remove the team's shrinkage (it places random aux blocks in template shifts) or add the activities to the roster"))
        }
        if teams.contains(where: { $0?.workforce != nil }) {
            found.append(.init(path, "workforce dynamics (tenure, attrition, hiring) apply to template shifts' seats, not yet to a published roster's named agents"))
        }
        if let training = training, !training.programs.isEmpty {
            found.append(.init(path, "training programs take their participants from template shifts' seats, not yet from a published roster"))
        }
        // Per-agent skills are simulated through teams: an agent whose profile differs from the
        // team's belongs in a team of its own (the `team` column lets one file feed every team).
        let teamChannels = Set(team.skills.map(\.channel))
        for agent in roster.agents {
            guard let skills = agent.skills else { continue }
            let own = Set(skills.map(\.channel))
            let unknown = own.subtracting(teamChannels)
            if !unknown.isEmpty {
                found.append(.init(path, "agent \(agent.id) has a skill on \(unknown.sorted().map(channelName).joined(separator: ", ")), which team skills do not cover; put the agent in a team with that skill"))
                continue
            }
            let differs = own != teamChannels || skills.contains { s in
                team.skills.contains { $0.channel == s.channel && abs($0.proficiency - s.proficiency) > 1e-9 }
            }
            if differs {
                found.append(.init(path, "agent \(agent.id)'s skills (\(skills.map { "\(channelName($0.channel)):\($0.proficiency)" }.joined(separator: "; "))) differ from the team's; agents with another skill profile go in a team of their own (the roster's team column can feed several teams from one file)"))
            }
        }
        return found
    }
}
