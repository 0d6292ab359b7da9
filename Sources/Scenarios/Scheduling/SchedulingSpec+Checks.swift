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
        if let rest = minRest, !(rest.isFinitePositive && rest <= CenterChecks.day) {
            found.append(.init(joinPath(path, "min_rest"), "must be greater than 0 and at most 24h, got \(Quantity.describe(duration: rest))"))
        }
        if let most = maxConsecutiveDays, !(1...7).contains(most) {
            found.append(.init(joinPath(path, "max_consecutive_days"), "must be between 1 and 7, got \(most)"))
        }
        found += contractProblems(at: path)
        // Tours are built only from valid templates and rules: check them once the fields are sound.
        guard found.isEmpty else { return found }
        found += tourProblems(at: path)
        return found
    }

    private func contractProblems(at path: String) -> [FieldProblem] {
        var found: [FieldProblem] = []
        var names: Set<String> = []
        let longest = templates.map(\.length).max() ?? 0
        for (i, contract) in contracts.enumerated() {
            let c = joinPath(path, "contracts[\(i)]")
            if contract.name.isEmpty {
                found.append(.init(joinPath(c, "name"), "must not be empty"))
            } else if !names.insert(contract.name).inserted {
                found.append(.init(joinPath(c, "name"), "the contract '\(contract.name)' is defined twice"))
            }
            if let days = contract.days, !(1...7).contains(days) {
                found.append(.init(joinPath(c, "days"), "must be between 1 and 7, got \(days)"))
            }
            let most = Double(contract.days ?? 7) * longest / 3600
            if !(contract.weeklyHours.isFinitePositive && contract.weeklyHours <= 168) {
                found.append(.init(joinPath(c, "weekly_hours"), "must be greater than 0 and at most 168, got \(Quantity.describe(number: contract.weeklyHours))"))
            } else if contract.weeklyHours > most + 1e-9 {
                found.append(.init(joinPath(c, "weekly_hours"), "\(Quantity.describe(number: contract.weeklyHours)) hours do not fit in \(contract.days ?? 7) days of the longest template (\(Quantity.describe(duration: longest))): at most \(Quantity.describe(number: most))"))
            }
            for (key, value) in [("min", contract.minAgents), ("max", contract.maxAgents)] {
                if let value, value < 0 || value > DomainLimits.maxAgents {
                    found.append(.init(joinPath(c, key), "must be between 0 and \(DomainLimits.maxAgents), got \(value)"))
                }
            }
            if let least = contract.minAgents, let most = contract.maxAgents, least > most {
                found.append(.init(joinPath(c, "min"), "is more than max (\(most))"))
            }
            if let rest = contract.minRest, !(rest.isFinitePositive && rest <= CenterChecks.day) {
                found.append(.init(joinPath(c, "min_rest"), "must be greater than 0 and at most 24h, got \(Quantity.describe(duration: rest))"))
            }
            if let most = contract.maxConsecutiveDays, !(1...7).contains(most) {
                found.append(.init(joinPath(c, "max_consecutive_days"), "must be between 1 and 7, got \(most)"))
            }
        }
        let least = contracts.compactMap(\.minAgents).reduce(0, +)
        if let cap = maxAgents, cap >= 0, least > cap {
            found.append(.init(joinPath(path, "contracts"), "the contracts' minimums add up to \(least) agents, more than max_agents (\(cap))"))
        }
        return found
    }

    /// Every contract must have a tour it can use, and every template a contract that uses it:
    /// otherwise part of what the planner wrote would be silently ignored.
    private func tourProblems(at path: String) -> [FieldProblem] {
        var found: [FieldProblem] = []
        let families = tourFamilies
        let sameStart = dailyStart == .same
        func why(_ template: ShiftTemplate, _ k: Int, rules: TourRules, contract: WorkContract?) -> String {
            let paid = template.paidLength / 3600
            let counts = Array(Set(template.daySets.map(\.count))).sorted()
            var text = "templates[\(k)] pays \(Quantity.describe(number: (paid * 100).rounded() / 100))h a shift on \(counts.map(String.init).joined(separator: " or ")) days"
            if let contract {
                text += " (" + counts.map { "\(Quantity.describe(number: (paid * Double($0) * 100).rounded() / 100))h" }.joined(separator: " or ") + " a week)"
                if !template.daySets.contains(where: { contract.fits(template, days: $0.count) }) { return text }
            }
            let kept = template.daySets.filter { contract?.fits(template, days: $0.count) ?? true }
            if let most = rules.maxConsecutiveDays, kept.allSatisfy({ TourRules.longestRun($0) > most }) {
                return text + ", and every such week works more than \(most) days in a row (max_consecutive_days)"
            }
            if let rest = rules.minRest {
                return text + ", and a \(Quantity.describe(duration: template.length)) shift\(sameStart ? " at the same start every day" : "") leaves less than \(Quantity.describe(duration: rest)) rest between working days (min_rest)"
            }
            return text
        }
        if contracts.isEmpty {
            let rules = self.rules(contract: nil)
            for (k, template) in templates.enumerated() where !families.contains(where: { $0.template == k }) {
                found.append(.init(joinPath(path, "templates[\(k)]"), "no week of this template keeps the labour rules: " + why(template, k, rules: rules, contract: nil)))
            }
            return found
        }
        for (i, contract) in contracts.enumerated() where !families.contains(where: { $0.contract == i }) {
            let reasons = templates.indices.map { why(templates[$0], $0, rules: rules(contract: i), contract: contract) }
            found.append(.init(joinPath(path, "contracts[\(i)]"), "no template can make the contract '\(contract.name)' (\(contract.summary) a week): " + reasons.joined(separator: "; ")))
        }
        // A contract nothing fits is the first thing to fix; the templates it leaves idle follow.
        guard found.isEmpty else { return found }
        for (k, template) in templates.enumerated() where !families.contains(where: { $0.template == k }) {
            let paid = template.paidLength / 3600
            found.append(.init(joinPath(path, "templates[\(k)]"), "fits no contract: it pays \(Quantity.describe(number: (paid * 100).rounded() / 100))h a shift, and no week of its patterns makes \(contracts.map { "\($0.name) (\($0.summary))" }.joined(separator: ", ")) within the labour rules"))
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
