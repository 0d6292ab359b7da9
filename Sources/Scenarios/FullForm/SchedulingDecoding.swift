import Yams

/// `scheduling:` at the top of a full-form scenario: the shift templates `ccsim schedule` chooses
/// from, per team, and what missing coverage costs (see `SchedulingSpec`).
///
///     scheduling:
///       under_coverage_penalty: 150          # per missing agent-hour
///       max_occupancy: 85%                   # no team busier than this in any interval
///       teams:
///         frontline:
///           max_agents: 140
///           templates:
///             - starts: {from: "07:00", to: "14:00", every: 30m}
///               length: 8.5h
///               breaks: [{window: [1.5h, 2.5h], length: 15m}]
///               patterns: [five_of_seven, weekdays]
///           contracts:                           # optional: every agent holds one
///             - {name: full_time, weekly_hours: 40, days: 5}
///             - {name: part_time, weekly_hours: 20, max: 30}
///           min_rest: 11h                        # between one shift's end and the next start
///           max_consecutive_days: 5
///           daily_start: same                    # or free: the start may change day to day
struct SchedulingDecoder {
    let log: IssueCollector

    static let keys = ["under_coverage_penalty", "max_occupancy", "teams"]
    static let teamKeys = ["max_agents", "under_coverage_penalty", "max_start_times", "min_agents_per_start", "contracts",
                           "min_rest", "max_consecutive_days", "daily_start", "templates"]
    static let contractKeys = ["name", "weekly_hours", "days", "min", "max", "min_rest", "max_consecutive_days"]
    static let templateKeys = ["starts", "length", "breaks", "patterns"]
    static let rangeKeys = ["from", "to", "every"]
    static let patternKeys = ["days_on", "consecutive", "days"]
    /// Named patterns besides the weekday groups (`every_day`, `weekdays`, `weekend`).
    static let namedPatterns: [String: WorkPattern] = [
        "five_of_seven": .consecutive(daysOn: 5),
        "four_of_seven": .consecutive(daysOn: 4),
        "six_of_seven": .consecutive(daysOn: 6),
    ]
    /// More start times than this in one template is almost surely a wrong `every`.
    static let maxStarts = 288

    /// What `decode` returns for a file without the section.
    static let absent: (spec: SchedulingSpec?, ok: Bool) = (nil, true)

    /// The section of the root mapping `root`; `ok` is false after a problem was reported
    /// (`spec` is nil both then and when the section is absent).
    func decode(_ root: YAMLMapping) -> (spec: SchedulingSpec?, ok: Bool) {
        guard let field = root.optional("scheduling") else { return (nil, true) }
        let teamNames = Self.teamNames(root)
        guard let m = field.mapping(allowed: Self.keys) else { return (nil, false) }
        let penaltyField = m.optional("under_coverage_penalty")
        let penalty = penaltyField?.number()
        let occupancyField = m.optional("max_occupancy")
        let occupancy = occupancyField?.fraction()
        var ok = (penaltyField == nil || penalty != nil) && (occupancyField == nil || occupancy != nil)
        var teams: [TeamScheduling] = []
        if let entries = m.required("teams")?.namedEntries(of: "teams", example: "{frontline: {templates: [{starts: '08:00', length: 8h}]}}") {
            let table = NameTable(what: "team", names: teamNames ?? [])
            for entry in entries {
                guard teamNames != nil else { ok = false; continue }
                guard let index = table.index(of: entry.name) else {
                    log.add(entry.field.path, at: entry.field.keyMark, table.unknown(entry.name))
                    ok = false
                    continue
                }
                if let team = decodeTeam(entry.field, index: index) { teams.append(team) } else { ok = false }
            }
        } else {
            ok = false
        }
        let spec = SchedulingSpec(underCoveragePenalty: penalty, maxOccupancy: occupancy, teams: teams)
        let problems = spec.problems(teamNames: teamNames ?? [])
        log.report(problems)
        return ok && problems.isEmpty ? (spec, true) : (nil, false)
    }

    /// The names under `teams`, read without reporting (the center decoder reports that section).
    /// The names of `teams`; nil when it is missing or no mapping (reported there, so the
    /// scheduling section's team names are not checked against an empty list).
    static func teamNames(_ root: YAMLMapping) -> [String]? {
        guard let node = root.entries.first(where: { $0.key == "teams" })?.value, case .mapping(let mapping) = node else { return nil }
        return mapping.keys.compactMap(\.string)
    }

    private func decodeTeam(_ field: YAMLField, index: Int) -> TeamScheduling? {
        guard let m = field.mapping(allowed: Self.teamKeys) else { return nil }
        let capField = m.optional("max_agents"), penaltyField = m.optional("under_coverage_penalty")
        let cap = capField?.integer(), penalty = penaltyField?.number()
        let templates: [ShiftTemplate]? = m.required("templates").flatMap { field in
            guard let items = field.list(expected: "a list of shift templates such as [{starts: '08:00', length: 8h}]") else { return nil }
            let templates = items.map(decodeTemplate)
            return templates.allSatisfy { $0 != nil } ? templates.map { $0! } : nil
        }
        let startsField = m.optional("max_start_times"), leastField = m.optional("min_agents_per_start")
        let starts = startsField?.integer(), least = leastField?.integer()
        let restField = m.optional("min_rest"), runField = m.optional("max_consecutive_days"), dailyField = m.optional("daily_start")
        let rest = restField?.duration(), run = runField?.integer(), daily = dailyField?.choice(DailyStart.self)
        let contractsField = m.optional("contracts")
        let contracts: [WorkContract]? = contractsField == nil ? [] : contractsField.flatMap { field in
            guard let items = field.list(expected: "a list of contracts such as [{name: full_time, weekly_hours: 40, days: 5}]") else { return nil }
            let contracts = items.map(decodeContract)
            return contracts.allSatisfy { $0 != nil } ? contracts.map { $0! } : nil
        }
        guard let templates, let contracts, capField == nil || cap != nil, penaltyField == nil || penalty != nil,
              startsField == nil || starts != nil, leastField == nil || least != nil, restField == nil || rest != nil,
              runField == nil || run != nil, dailyField == nil || daily != nil else { return nil }
        return TeamScheduling(team: index, maxAgents: cap, underCoveragePenalty: penalty, maxStartTimes: starts,
                              minAgentsPerStart: least, contracts: contracts, minRest: rest, maxConsecutiveDays: run,
                              dailyStart: daily ?? .same, templates: templates)
    }

    /// `{name: part_time, weekly_hours: 20, days: 5, max: 30, min_rest: 12h, max_consecutive_days: 5}`.
    private func decodeContract(_ field: YAMLField) -> WorkContract? {
        guard let m = field.mapping(allowed: Self.contractKeys) else { return nil }
        let name = m.required("name")?.string()
        let hoursField = m.required("weekly_hours")
        let hours = hoursField.flatMap(weeklyHours)
        func optional<T>(_ key: String, _ read: (YAMLField) -> T?) -> (value: T?, ok: Bool) {
            guard let f = m.optional(key) else { return (nil, true) }
            let value = read(f)
            return (value, value != nil)
        }
        let days = optional("days") { $0.integer() }, least = optional("min") { $0.integer() }, most = optional("max") { $0.integer() }
        let rest = optional("min_rest") { $0.duration() }, run = optional("max_consecutive_days") { $0.integer() }
        guard let name, let hours, days.ok, least.ok, most.ok, rest.ok, run.ok else { return nil }
        return WorkContract(name: name, weeklyHours: hours, days: days.value, minAgents: least.value, maxAgents: most.value,
                            minRest: rest.value, maxConsecutiveDays: run.value)
    }

    /// Hours as a plain number (`40`) or a duration (`40h`, `37.5h`).
    private func weeklyHours(_ field: YAMLField) -> Double? {
        guard let text = field.scalarText(expected: "paid hours per week, such as 40") else { return nil }
        if let hours = try? Quantity.number(text) { return hours }
        return field.duration().map { $0 / 3600 }
    }

    private func decodeTemplate(_ field: YAMLField) -> ShiftTemplate? {
        guard let m = field.mapping(allowed: Self.templateKeys, misplaced: ["start": "starts", "agents": "nowhere: the scheduler chooses the agents"]) else { return nil }
        let starts = m.required("starts").flatMap(decodeStarts)
        let length = m.required("length")?.duration()
        let breaksField = m.optional("breaks")
        let breaks: [Break]? = breaksField == nil ? [] : breaksField.flatMap { field in
            guard let items = field.list(expected: "a list of breaks such as [{window: [2h, 3h], length: 15m}]") else { return nil }
            let breaks = items.map(BreakDecoding.decode)
            return breaks.allSatisfy { $0 != nil } ? breaks.map { $0! } : nil
        }
        let patternsField = m.optional("patterns")
        let patterns: [WorkPattern]? = patternsField == nil ? [.days(Set(Weekday.allCases))] : patternsField.flatMap(decodePatterns)
        guard let starts, let length, let breaks, let patterns else { return nil }
        return ShiftTemplate(starts: starts, length: length, breaks: breaks, patterns: patterns)
    }

    /// `'08:00'`, `['08:00', '09:30']`, or `{from: '07:00', to: '14:00', every: 30m}` (both ends included).
    private func decodeStarts(_ field: YAMLField) -> [Double]? {
        switch field.node {
        case .sequence:
            guard let items = field.list() else { return nil }
            guard !items.isEmpty else { return field.fail("needs at least one start time") }
            let times = items.map { $0.clockTime() }
            guard times.allSatisfy({ $0 != nil }) else { return nil }
            return Array(Set(times.map { $0! })).sorted()
        case .mapping:
            guard let m = field.mapping(allowed: Self.rangeKeys) else { return nil }
            let from = m.required("from")?.clockTime(), to = m.required("to")?.clockTime()
            let everyField = m.required("every")
            let every = everyField?.duration()
            guard let from, let to, let every, let everyField else { return nil }
            guard every > 0 else { return everyField.fail("must be greater than 0, got \(Quantity.describe(duration: every))") }
            guard to >= from else {
                return field.fail("'to' (\(ClockTime.describe(to))) is before 'from' (\(ClockTime.describe(from))); starts run within one day")
            }
            let count = Int(clampedFrom: ((to - from) / every).rounded(.down) + 1e-9) &+ 1
            guard count <= Self.maxStarts else {
                return everyField.fail("gives \(count) start times; at most \(Self.maxStarts) per template")
            }
            return (0..<count).map { from + Double($0) * every }
        default:
            return field.clockTime().map { [$0] }
        }
    }


    /// A list of patterns, or one pattern alone.
    private func decodePatterns(_ field: YAMLField) -> [WorkPattern]? {
        guard case .sequence = field.node else { return decodePattern(field).map { [$0] } }
        guard let items = field.list() else { return nil }
        guard !items.isEmpty else { return field.fail("needs at least one work pattern, such as five_of_seven or weekdays") }
        let patterns = items.map(decodePattern)
        return patterns.allSatisfy { $0 != nil } ? patterns.map { $0! } : nil
    }

    /// `five_of_seven`, `weekdays`, `[mon, wed, fri]`, `{days_on: 4}` or `{days_on: 5, consecutive: false}`.
    private func decodePattern(_ field: YAMLField) -> WorkPattern? {
        switch field.node {
        case .sequence:
            return field.weekdays().map(WorkPattern.days)
        case .mapping:
            guard let m = field.mapping(allowed: Self.patternKeys) else { return nil }
            if let daysField = m.optional("days") {
                if m.contains("days_on") || m.contains("consecutive") {
                    return field.fail("give either 'days' or 'days_on', not both")
                }
                return daysField.weekdays().map(WorkPattern.days)
            }
            let n = m.required("days_on")?.integer()
            let consecutiveField = m.optional("consecutive")
            let consecutive = consecutiveField?.boolean()
            guard let n, consecutiveField == nil || consecutive != nil else { return nil }
            return consecutive == false ? .anyDays(daysOn: n) : .consecutive(daysOn: n)
        default:
            let options = Array(Self.namedPatterns.keys).sorted() + Weekday.groups.map(\.name)
            guard let text = field.scalarText(expected: "a work pattern (\(options.joined(separator: ", ")), a list of days or {days_on: N})") else { return nil }
            if let named = Self.namedPatterns[text] { return named }
            if let group = Weekday.groups.first(where: { $0.name == text }) { return .days(group.days) }
            if Weekday(name: text) != nil {
                return field.fail("'\(text)' alone is a one-day week; write a list of days inside the list, such as [[mon, tue, wed, thu, fri]], or {days: [\(text)]}")
            }
            if let guess = EditDistance.suggestion(for: text, among: options) {
                return field.fail("unknown work pattern '\(text)'; did you mean '\(guess)'?")
            }
            return field.fail("unknown work pattern '\(text)'; expected one of \(options.joined(separator: ", ")), a list of days such as [mon, tue, wed] or {days_on: 4}")
        }
    }
}
