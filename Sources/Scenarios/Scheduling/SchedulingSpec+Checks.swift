/// Rules of a `scheduling` section, by field path (`scheduling.teams.frontline.templates[0].length`),
/// shared by the loader and `Scenario.validate()`.
extension SchedulingSpec {
    /// - Parameter teamNames: the center's team names, aligned with `CenterSpec.teams`.
    func problems(teamNames: [String]) -> [FieldProblem] {
        var found: [FieldProblem] = []
        if let penalty = underCoveragePenalty, !penalty.isFiniteNonNegative {
            found.append(.init("scheduling.under_coverage_penalty", "must be 0 or more, got \(Quantity.describe(number: penalty))"))
        }
        if let ceiling = maxOccupancy, !DomainLimits.occupancyCeiling.contains(ceiling) {
            found.append(.init("scheduling.max_occupancy", "must be between 50% and 100%, got \(Quantity.describe(fraction: ceiling))"))
        }
        var seen: Set<Int> = []
        for entry in teams {
            guard teamNames.indices.contains(entry.team) else {
                found.append(.init("scheduling.teams", "team index \(entry.team) does not exist (there are \(teamNames.count) teams)"))
                continue
            }
            let path = CenterChecks.path("scheduling.teams", teamNames, entry.team)
            if !seen.insert(entry.team).inserted {
                found.append(.init(path, "the team '\(teamNames[entry.team])' is scheduled twice"))
            }
            found += entry.problems(at: path)
        }
        return found
    }
}

extension TeamScheduling {
    func problems(at path: String) -> [FieldProblem] {
        var found: [FieldProblem] = []
        if let cap = maxAgents, cap < 0 {
            found.append(.init(joinPath(path, "max_agents"), "must be 0 or more, got \(cap)"))
        }
        if let penalty = underCoveragePenalty, !penalty.isFiniteNonNegative {
            found.append(.init(joinPath(path, "under_coverage_penalty"), "must be 0 or more, got \(Quantity.describe(number: penalty))"))
        }
        if let starts = maxStartTimes, starts < 1 || starts > 1440 {
            found.append(.init(joinPath(path, "max_start_times"), "must be between 1 and 1440, got \(starts)"))
        }
        if let least = minAgentsPerStart, least < 1 || least > DomainLimits.maxAgents {
            found.append(.init(joinPath(path, "min_agents_per_start"), "must be between 1 and \(DomainLimits.maxAgents), got \(least)"))
        }
        if let least = minAgentsPerStart, let cap = maxAgents, least > cap {
            found.append(.init(joinPath(path, "min_agents_per_start"), "is more than max_agents (\(cap)): no start could be chosen"))
        }
        if templates.isEmpty {
            found.append(.init(joinPath(path, "templates"), "needs at least one shift template, such as {starts: '08:00', length: 8h}"))
        }
        for (i, template) in templates.enumerated() {
            found += template.problems(at: joinPath(path, "templates[\(i)]"))
        }
        return found
    }
}

extension ShiftTemplate {
    func problems(at path: String) -> [FieldProblem] {
        var found: [FieldProblem] = []
        if starts.isEmpty {
            found.append(.init(joinPath(path, "starts"), "needs at least one start time"))
        }
        for start in starts where !(start.isFinite && start >= 0 && start < CenterChecks.day) {
            found.append(.init(joinPath(path, "starts"), "must be times of day from 00:00 to 23:59, got \(ClockTime.describe(start))"))
            break
        }
        if starts.contains(where: { $0.isFinite && ($0 / 60).rounded() != $0 / 60 }) {
            found.append(.init(joinPath(path, "starts"), "start times must fall on whole minutes (a shift is written back as HH:MM)"))
        }
        let lengthOK = length.isFinitePositive && length <= CenterChecks.day
        if !lengthOK {
            found.append(.init(joinPath(path, "length"), "must be greater than 0 and at most 24h, got \(Quantity.describe(duration: length))"))
        }
        var breakTime = 0.0
        for (j, pause) in breaks.enumerated() {
            let b = joinPath(path, "breaks[\(j)]")
            let windowOK = pause.earliest.isFiniteNonNegative && pause.latest.isFinite && pause.latest >= pause.earliest
            if !windowOK {
                found.append(.init(joinPath(b, "window"),
                                   "must be [earliest, latest] after the shift start with 0 ≤ earliest ≤ latest, got [\(Quantity.describe(duration: pause.earliest)), \(Quantity.describe(duration: pause.latest))]"))
            }
            if !pause.length.isFinitePositive {
                found.append(.init(joinPath(b, "length"), "must be greater than 0, got \(Quantity.describe(duration: pause.length))"))
            } else {
                breakTime += pause.length
                if windowOK, lengthOK, pause.latest + pause.length > length + 1e-9 {
                    found.append(.init(joinPath(b, "window"),
                                       "a break starting at \(Quantity.describe(duration: pause.latest)) ends at \(Quantity.describe(duration: pause.latest + pause.length)), after the shift ends (\(Quantity.describe(duration: length)))"))
                }
            }
        }
        if lengthOK, breakTime >= length {
            found.append(.init(joinPath(path, "breaks"), "breaks take \(Quantity.describe(duration: breakTime)), the whole shift (\(Quantity.describe(duration: length)))"))
        }
        if patterns.isEmpty {
            found.append(.init(joinPath(path, "patterns"), "needs at least one work pattern, such as five_of_seven or weekdays"))
        }
        for (k, pattern) in patterns.enumerated() {
            let p = joinPath(path, "patterns[\(k)]")
            switch pattern {
            case .days(let days) where days.isEmpty:
                found.append(.init(p, "needs at least one day"))
            case .consecutive(let n), .anyDays(let n):
                if !(1...7).contains(n) {
                    found.append(.init(joinPath(p, "days_on"), "must be between 1 and 7, got \(n)"))
                }
            default:
                break
            }
        }
        return found
    }
}
