/// `teams.<name>`: skills, costs, shrinkage, absenteeism, and shifts with their breaks.
extension CenterDecoder {
    static let teamKeys = ["skills", "hourly_cost", "overtime_multiplier", "shrinkage", "absenteeism", "backlog_share", "shifts", "roster", "workforce"]
    static let skillKeys = ["channel", "tier", "proficiency", "overflow_after", "reserve"]
    static let shiftKeys = ["start", "length", "end", "agents", "days", "breaks"]

    func decodeTeam(_ entry: NamedEntry) -> AgentTeamSpec? {
        guard let m = entry.field.mapping(allowed: Self.teamKeys, misplaced: Self.teamMisplaced) else { return nil }
        let path = entry.field.path

        let skills = m.required("skills").flatMap { decodeSkills($0, teamPath: path) }
        func optionalNumber(_ key: String, _ read: (YAMLField) -> Double?) -> (value: Double?, ok: Bool) {
            guard let field = m.optional(key) else { return (nil, true) }
            let value = read(field)
            return (value, value != nil)
        }
        let cost = optionalNumber("hourly_cost") { $0.number() }
        let overtime = optionalNumber("overtime_multiplier") { $0.number() }
        let shrinkage = optionalNumber("shrinkage") { $0.fraction() }
        let absenteeism = optionalNumber("absenteeism") { $0.fraction() }
        let backlogShare = optionalNumber("backlog_share") { $0.fraction() }

        let rosterField = m.optional("roster")
        let shiftsField = rosterField == nil ? m.required("shifts") : m.optional("shifts")
        if rosterField != nil, let shiftsField {
            let entry = m.entries.first { $0.key == "shifts" }
            shiftsField.log.add(joinPath(path, "shifts"), at: entry?.keyMark, "give either 'shifts' (templates) or 'roster' (a published roster file), not both")
        }
        let roster = rosterField.flatMap { decodeRoster($0, team: entry.name, skills: skills) }
        let shifts: [Shift]? = rosterField != nil ? (shiftsField == nil ? [] : nil) : shiftsField.flatMap { field in
            guard let items = field.list(expected: "a list of shifts such as [{start: '08:00', length: 8h, agents: 20}]") else { return nil }
            let shifts = items.map(decodeShift)
            return shifts.allSatisfy { $0 != nil } ? shifts.map { $0! } : nil
        }

        let workforceField = m.optional("workforce")
        let workforce = workforceField.flatMap(decodeWorkforce)

        guard let shifts, rosterField == nil || roster != nil, workforceField == nil || workforce != nil, cost.ok, overtime.ok, shrinkage.ok, absenteeism.ok, backlogShare.ok else { return nil }
        let team = AgentTeamSpec(name: entry.name, skills: skills ?? [], hourlyCost: cost.value ?? 0,
                                 overtimeMultiplier: overtime.value ?? 1.5, shifts: shifts,
                                 shrinkage: shrinkage.value ?? 0, absenteeism: absenteeism.value ?? 0,
                                 backlogShare: backlogShare.value ?? 0, workforce: workforce, roster: roster)
        guard skills != nil else {
            partialTeams[entry.index] = team
            return nil
        }
        return team
    }

    static let teamMisplaced: [String: String] = {
        var homes: [String: String] = [:]
        for key in shiftKeys { homes[key] = "shifts[i]" }
        homes["agents"] = "shifts[i] (agents are counted per shift)"
        for key in skillKeys { homes[key] = "skills[i]" }
        return homes
    }()

    /// `[{channel: voice, tier: tier1}, {channel: [voice, chat], tier: [tier1, tier2], proficiency: 1.2}]`:
    /// an entry naming several channels or tiers gives one skill per combination.
    private func decodeSkills(_ field: YAMLField, teamPath: String) -> [Skill]? {
        guard let items = field.list(expected: "a list of skills such as [{channel: voice, tier: tier1}]") else { return nil }
        var skills: [Skill] = []
        var ok = true
        for (i, item) in items.enumerated() {
            guard let m = item.mapping(allowed: Self.skillKeys) else { ok = false; continue }
            let channels = m.required("channel").flatMap(channelNames.resolveOneOrMany)
            let tiers = m.required("tier").flatMap(tierNames.resolveOneOrMany)
            let proficiencyField = m.optional("proficiency"), overflowField = m.optional("overflow_after")
            let proficiency = proficiencyField?.number(), overflow = overflowField?.duration()
            let reserveField = m.optional("reserve"), reserve = reserveField?.integer(in: 0...Skill.maxReserve)
            guard let channels, let tiers, proficiencyField == nil || proficiency != nil,
                  overflowField == nil || overflow != nil, reserveField == nil || reserve != nil else { ok = false; continue }
            for c in channels {
                for t in tiers {
                    alias(joinPath(teamPath, "skills[\(skills.count)]"), as: joinPath(teamPath, "skills[\(i)]"))
                    skills.append(Skill(channel: c, tier: t, proficiency: proficiency ?? 1, overflowAfter: overflow, reserve: reserve ?? 0))
                }
            }
        }
        return ok ? skills : nil
    }

    /// `{start: '08:00', length: 8.5h, agents: 20, days: weekdays, breaks: [...]}`; `end: '16:30'`
    /// may replace `length` (an end at or before the start runs past midnight).
    private func decodeShift(_ field: YAMLField) -> Shift? {
        guard let m = field.mapping(allowed: Self.shiftKeys, misplaced: ["window": "breaks[j]", "paid": "breaks[j]"]) else { return nil }
        let start = m.required("start")?.clockTime()
        var length: Double?
        let lengthField = m.optional("length"), endField = m.optional("end")
        switch (lengthField, endField) {
        case (_?, _?):
            let entry = m.entries.first { $0.key == "end" }
            field.log.add(joinPath(field.path, "end"), at: entry?.keyMark, "give either 'length' or 'end', not both")
        case (let lengthField?, nil):
            length = lengthField.duration()
        case (nil, let endField?):
            alias(joinPath(field.path, "length"), as: joinPath(field.path, "end"))
            if let end = endField.clockTime(allowMidnightEnd: true), let start {
                length = end > start ? end - start : end + 86_400 - start
            }
        case (nil, nil):
            _ = m.required("length")
        }
        let agents = m.required("agents")?.agentCount()
        let daysField = m.optional("days")
        let days = daysField == nil ? Set(Weekday.allCases) : daysField?.weekdays()
        let breaksField = m.optional("breaks")
        let breaks: [Break]? = breaksField == nil ? [] : breaksField.flatMap { field in
            guard let items = field.list(expected: "a list of breaks such as [{window: [2h, 3h], length: 15m}]") else { return nil }
            let breaks = items.map(BreakDecoding.decode)
            return breaks.allSatisfy { $0 != nil } ? breaks.map { $0! } : nil
        }
        guard let start, let length, let agents, let days, let breaks else { return nil }
        return Shift(start: start, length: length, agents: agents, days: days, breaks: breaks)
    }

}
