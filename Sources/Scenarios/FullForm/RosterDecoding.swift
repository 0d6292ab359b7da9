import Foundation

/// `teams.<name>.roster: roster.csv` (resolved against the scenario's directory): the team's
/// published roster, read with `RosterCSV` and reported at `teams.<name>.roster`. `skills` (the
/// team's, when they decoded) bound the channels an agent's `skills` cell may name.
extension CenterDecoder {
    func decodeRoster(_ field: YAMLField, team: String, skills: [Skill]?) -> TeamRoster? {
        guard let name = field.scalarText(expected: "a roster file such as roster.csv") else { return nil }
        let path = name.hasPrefix("/") ? name : (baseDirectory as NSString).appendingPathComponent(name)
        let display = name.hasPrefix("/") || baseDirectory == "." ? name : path
        // Weekly rows need no run length; dated rows are checked against it (unknown: `run` was reported).
        var context = RosterCSV.Context(team: team, teamPath: field.path, teams: teamNames.names, channels: channelNames.names,
                                        start: startDate, days: runDays ?? 0)
        context.reportsUnknownTeams = rosterFilesRead.insert(path).inserted
        context.teamChannels = skills.map { Set($0.map(\.channel)) }
        switch RosterCSV.read(path: path, displayName: display, context: context) {
        case .success(let roster):
            return roster
        case .failure(let error):
            if error.issues.count == 1, error.line == nil {
                field.log.add(field.path, at: field.mark, "\(display): \(error.message)")
            } else {
                error.issues.forEach(field.log.add)
            }
            return nil
        }
    }
}
