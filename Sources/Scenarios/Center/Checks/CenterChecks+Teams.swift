/// Rules of one team: skills, costs, shrinkage and absenteeism, shifts and breaks.
extension CenterChecks {
    func teamProblems(_ m: Int) -> [FieldProblem] {
        guard let team = teams[m] else { return [] }
        let r = teamPath(m)
        var found: [FieldProblem] = []

        if team.skills.isEmpty {
            found.append(.init(joinPath(r, "skills"), "needs at least one skill, e.g. [{channel: voice, tier: tier1}]"))
        }
        var seen: [Skill.Key: Int] = [:]
        for (s, skill) in team.skills.enumerated() {
            let sp = joinPath(r, "skills[\(s)]")
            if !channels.indices.contains(skill.channel) {
                found.append(.init(joinPath(sp, "channel"), "channel index \(skill.channel) does not exist (there are \(channels.count) channels)"))
            }
            if !tiers.indices.contains(skill.tier) {
                found.append(.init(joinPath(sp, "tier"), "tier index \(skill.tier) does not exist (there are \(tiers.count) tiers)"))
            }
            if !skill.proficiency.isFinitePositive {
                found.append(.init(joinPath(sp, "proficiency"), "must be greater than 0 (1 = handle times as given, 1.2 = 20% slower), got \(Quantity.describe(number: skill.proficiency))"))
            }
            if let overflow = skill.overflowAfter, !overflow.isFiniteNonNegative {
                found.append(.init(joinPath(sp, "overflow_after"), "must be 0 or more, got \(Quantity.describe(duration: overflow))"))
            }
            if !(0...Skill.maxReserve).contains(skill.reserve) {
                found.append(.init(joinPath(sp, "reserve"), "must be between 0 and \(Skill.maxReserve) idle agents, got \(skill.reserve)"))
            }
            if let first = seen[skill.key] {
                found.append(.init(sp, "the skill {channel: \(channelName(skill.channel)), tier: \(tierName(skill.tier))} is already given (skills[\(first)])"))
            } else {
                seen[skill.key] = s
            }
        }

        if !team.hourlyCost.isFiniteNonNegative {
            found.append(.init(joinPath(r, "hourly_cost"), "must be 0 or more, got \(Quantity.describe(number: team.hourlyCost))"))
        }
        if !(team.overtimeMultiplier.isFinite && team.overtimeMultiplier >= 1) {
            found.append(.init(joinPath(r, "overtime_multiplier"), "must be 1 or more, got \(Quantity.describe(number: team.overtimeMultiplier))"))
        }
        for (key, value) in [("shrinkage", team.shrinkage), ("absenteeism", team.absenteeism), ("backlog_share", team.backlogShare)]
        where !(value.isFinite && value >= 0 && value < 1) {
            found.append(.init(joinPath(r, key), "must be at least 0% and below 100%, got \(Quantity.describe(fraction: value))"))
        }

        if team.backlogShare > 0 {
            let servesBacklog = team.skills.contains { channels.indices.contains($0.channel) && channels[$0.channel]?.kind == .email }
            if !servesBacklog {
                found.append(.init(joinPath(r, "backlog_share"), "agents reserved for backlog work need a skill on an email channel"))
            }
        }
        if team.constantAgents < 0 {
            found.append(.init(r, "agents on duty throughout must not be negative, got \(team.constantAgents)"))
        }
        if let roster = team.roster {
            found += rosterProblems(roster, of: team, teamPath: r)
        } else if team.shifts.isEmpty && team.constantAgents == 0 {
            found.append(.init(joinPath(r, "shifts"), "needs at least one shift"))
        }
        for (i, shift) in team.shifts.enumerated() {
            found += shiftProblems(shift, at: joinPath(r, "shifts[\(i)]"))
        }
        if let workforce = team.workforce { found += workforceProblems(workforce, at: joinPath(r, "workforce")) }
        return found
    }

    private func shiftProblems(_ shift: Shift, at h: String) -> [FieldProblem] {
        var found: [FieldProblem] = []
        if !(shift.start.isFinite && shift.start >= 0 && shift.start < Self.day) {
            found.append(.init(joinPath(h, "start"), "must be a time of day from 00:00 to 23:59, got \(ClockTime.describe(shift.start))"))
        }
        let lengthOK = shift.length.isFinitePositive && shift.length <= Self.day
        if !lengthOK {
            found.append(.init(joinPath(h, "length"), "must be greater than 0 and at most 24h, got \(Quantity.describe(duration: shift.length))"))
        }
        if shift.agents < 0 {
            found.append(.init(joinPath(h, "agents"), "must be 0 or more, got \(shift.agents)"))
        }
        if shift.days.isEmpty {
            found.append(.init(joinPath(h, "days"), "needs at least one day"))
        }
        for (j, pause) in shift.breaks.enumerated() {
            let b = joinPath(h, "breaks[\(j)]")
            let windowOK = pause.earliest.isFiniteNonNegative && pause.latest.isFinite && pause.latest >= pause.earliest
            if !windowOK {
                found.append(.init(joinPath(b, "window"),
                                   "must be [earliest, latest] after the shift start with 0 ≤ earliest ≤ latest, got [\(Quantity.describe(duration: pause.earliest)), \(Quantity.describe(duration: pause.latest))]"))
            }
            if !pause.length.isFinitePositive {
                found.append(.init(joinPath(b, "length"), "must be greater than 0, got \(Quantity.describe(duration: pause.length))"))
            } else if windowOK, lengthOK, pause.latest + pause.length > shift.length + 1e-9 {
                found.append(.init(joinPath(b, "window"),
                                   "a break starting at \(Quantity.describe(duration: pause.latest)) ends at \(Quantity.describe(duration: pause.latest + pause.length)), after the shift ends (\(Quantity.describe(duration: shift.length)))"))
            }
        }
        return found
    }
}

extension Skill {
    /// The (channel, tier) pair a skill covers; a team lists each pair once.
    struct Key: Hashable {
        let channel: Int
        let tier: Int
    }

    var key: Key { Key(channel: channel, tier: tier) }
}
