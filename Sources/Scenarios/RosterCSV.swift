import Foundation
import ResultsSchema

/// Reads a published roster (`teams.<name>.roster: roster.csv`), the format agreed with
/// `ccsim schedule`'s roster output: one row per agent and working day (RFC 4180, via `CSVReader`).
///
///     agent,team,date,start,end,activities,skills,contract
///     A001,frontline,2027-01-04,08:00,16:30,10:00-10:15 break; 12:30-13:00 lunch unpaid,voice:1.0; chat:0.8,FT40
///
/// Columns (header names case-insensitive, any order; an unknown column is an error):
/// `agent` (required), `team` (rows of other teams are skipped), `date` *or* `day` (`mon` … `sun`,
/// repeated every such run day), `start` and `end` (`HH:MM`; an end at or before the start crosses
/// midnight), `activities` (`HH:MM-HH:MM kind [unpaid]` separated by `;`), `skills`
/// (`channel:proficiency` separated by `;`), `contract` (informational).
/// Every problem is reported in one pass as `FILE:LINE:COL: teams.<name>.roster: column: problem`.
public enum RosterCSV {
    public static let columns = ["agent", "team", "date", "day", "start", "end", "activities", "skills", "contract"]

    /// Other names exports give the columns (after `ForecastCSV.normalized`).
    static let aliases = ["agent_id": "agent", "agent_name": "agent", "employee": "agent", "employee_id": "agent",
                          "shift_date": "date", "weekday": "day", "shift_start": "start", "start_time": "start",
                          "shift_end": "end", "end_time": "end", "activity": "activities", "skill": "skills"]

    /// What the reader needs from the scenario.
    public struct Context: Sendable {
        /// The team whose rows are read (nil: every row, agents told apart by team and id), and
        /// the path problems are reported at.
        public var team: String?
        public var teamPath: String
        /// Every team of the scenario (rows naming another one are skipped; an unknown one is an error).
        public var teams: [String]
        public var channels: [String]
        /// `calendar.start` and the run's days, for dated rows; nil start = an undated scenario.
        public var start: CivilDate?
        public var days: Int
        /// False for the second team reading a shared file: its unknown team names were reported once.
        public var reportsUnknownTeams = true
        /// The channels the team's skills cover (indices into `channels`): an agent's `skills` may
        /// only name these. nil = not checked (the team's skills did not decode, or no team).
        public var teamChannels: Set<Int>?

        public init(team: String?, teamPath: String, teams: [String], channels: [String], start: CivilDate?, days: Int) {
            self.team = team
            self.teamPath = teamPath
            self.teams = teams
            self.channels = channels
            self.start = start
            self.days = days
        }
    }

    /// Largest roster file read (a year of 5,000 agents is far less).
    public static let maxFileBytes = 64 << 20
    /// Most problems listed from one file; the rest are counted in a last line.
    static let maxListed = 200

    public static func read(path: String, displayName: String, context: Context) -> Result<TeamRoster, ScenarioError> {
        func fail(_ message: String) -> Result<TeamRoster, ScenarioError> {
            .failure(ScenarioError(file: displayName, path: context.teamPath, message: message))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return fail("cannot read the roster: no such file" + NearbyFiles.siblingHint(for: path, extensions: ["csv"])) }
        guard !isDirectory.boolValue else { return fail("cannot read the roster: it is a directory") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxFileBytes {
            return fail("cannot read the roster: it is \(size >> 20) MiB, more than the \(maxFileBytes >> 20) MiB a roster may have")
        }
        guard let data = FileManager.default.contents(atPath: path) else { return fail("cannot read the roster: permission denied or I/O error") }
        guard let text = String(data: data, encoding: .utf8) else { return fail("cannot read the roster: not UTF-8 text") }
        return parse(text, file: displayName, context: context)
    }

    public static func parse(_ text: String, file: String, context: Context) -> Result<TeamRoster, ScenarioError> {
        var issues: [ScenarioIssue] = []
        var index: [String: Int] = [:]
        func problem(_ line: Int?, _ column: String?, _ message: String) {
            let col = column.flatMap { index[$0] }.map { $0 + 1 }
            issues.append(ScenarioIssue(file: file, line: line, column: col, path: context.teamPath,
                                        message: (column.map { "\($0): " } ?? "") + message))
        }
        let records: [CSVReader.Record]
        do { records = try CSVReader.records(text) } catch {
            return .failure(ScenarioError(file: file, line: error.line, path: context.teamPath,
                                          message: "a quoted field is never closed (a \" without its closing \")"))
        }
        guard let header = records.first else {
            return .failure(ScenarioError(file: file, path: context.teamPath, message: "the roster is empty: it needs a header row and one row per agent and day"))
        }
        for (i, raw) in header.fields.enumerated() {
            // As exports write them: `Shift Start`, `Employee ID` (spaces and case as in forecasts, and their usual names).
            let plain = ForecastCSV.normalized(raw)
            let name = columns.contains(plain) ? plain : aliases[plain] ?? plain
            if !columns.contains(name) {
                let hint = EditDistance.suggestion(for: name, among: columns).map { "; did you mean '\($0)'?" } ?? "; the columns are \(columns.joined(separator: ", "))"
                issues.append(ScenarioIssue(file: file, line: header.line, column: i + 1, path: context.teamPath, message: "unknown column '\(raw)'\(hint)"))
            } else if index[name] != nil {
                issues.append(ScenarioIssue(file: file, line: header.line, column: i + 1, path: context.teamPath, message: "column '\(name)' appears twice"))
            } else {
                index[name] = i
            }
        }
        for required in ["agent", "start", "end"] where index[required] == nil {
            problem(header.line, nil, "missing column '\(required)'")
        }
        let dated = index["date"] != nil
        if dated && index["day"] != nil {
            problem(header.line, "day", "give either a date column or a day column, not both")
        } else if !dated && index["day"] == nil {
            problem(header.line, nil, "missing column 'date' (2027-01-04) or 'day' (mon … sun)")
        }
        if dated && context.start == nil {
            problem(header.line, "date", "dated rows need a dated calendar: set calendar.start to the run's first date (e.g. calendar: {start: 2027-01-04}), or write weekly rows with a day column")
        }
        guard issues.isEmpty else { return .failure(ScenarioError(issues: issues)) }

        var agents: [RosteredAgent] = []
        var agentIndex: [String: Int] = [:]
        var agentSkillsLine: [Int: (text: String, line: Int)] = [:]
        var shifts: [RosteredShift] = []
        var outside = 0
        var unknownTeams: Set<String> = []
        for record in records.dropFirst() {
            let line = record.line
            func cell(_ key: String) -> String? {
                guard let i = index[key] else { return nil }
                return i < record.fields.count ? trimmed(record.fields[i]) : ""
            }
            if record.fields.allSatisfy({ $0.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }) { continue }
            if record.fields.count > header.fields.count {
                problem(line, nil, "has \(record.fields.count) fields, but the header has \(header.fields.count) columns (a comma inside a field needs quotes)")
                continue
            }
            if let team = cell("team") {
                if team.isEmpty { problem(line, "team", "is empty"); continue }
                if let own = context.team, team != own {
                    if context.reportsUnknownTeams, !context.teams.contains(team), unknownTeams.insert(team).inserted {
                        let hint = EditDistance.suggestion(for: team, among: context.teams).map { "; did you mean '\($0)'?" } ?? "; the scenario's teams are \(context.teams.joined(separator: ", "))"
                        problem(line, "team", "unknown team '\(team)'\(hint)")
                    }
                    continue
                }
            }
            var ok = true
            let id = cell("agent")!
            if id.isEmpty { problem(line, "agent", "is empty"); ok = false }

            var days: RosteredShift.Days?
            if dated {
                let text = cell("date")!
                if let date = CivilDate(iso: text), let start = context.start {
                    let d = start.days(to: date)
                    if d < 0 || d >= context.days { outside += 1; continue }
                    days = .runDay(d)
                } else {
                    problem(line, "date", text.isEmpty ? "is empty" : "'\(text)' is not a date written YYYY-MM-DD"); ok = false
                }
            } else {
                let text = cell("day")!
                if let weekday = Weekday(name: text.lowercased()) {
                    days = .weekday(weekday)
                } else {
                    problem(line, "day", text.isEmpty ? "is empty" : "'\(text)' is not a weekday (mon … sun)"); ok = false
                }
            }
            func clock(_ key: String) -> Double? {
                let text = cell(key)!
                if let seconds = Self.clock(text, allowMidnightEnd: key == "end") { return seconds }
                do { return try ClockTime.parse(text, allowMidnightEnd: key == "end") } catch {
                    problem(line, key, text.isEmpty ? "is empty" : error.message); return nil
                }
            }
            let start = clock("start"), end = clock("end")
            var length: Double?
            if let start, let end {
                let l = end > start ? end - start : end + 86_400 - start
                if l > 86_400 { problem(line, "end", "the shift is longer than 24 h"); ok = false } else { length = l }
            }
            var activities: [RosterActivity] = []
            if let text = cell("activities"), !text.isEmpty, let start, let length {
                for part in text.split(separator: ";").map({ trimmed(String($0)) }) where !part.isEmpty {
                    switch activity(part, shiftStart: start, shiftLength: length) {
                    case .success(let a): activities.append(a)
                    case .failure(let error): problem(line, "activities", error.message); ok = false
                    }
                }
                activities.sort { $0.offset < $1.offset }
                for (a, b) in zip(activities, activities.dropFirst()) where b.offset < a.offset + a.length - 1e-9 {
                    problem(line, "activities", "\(describe(a, start)) and \(describe(b, start)) overlap"); ok = false
                }
            }
            var skillsText = ""
            if let text = cell("skills"), !text.isEmpty {
                skillsText = text
                switch skills(text, channels: context.channels, teamChannels: context.teamChannels) {
                case .success: break
                case .failure(let errors):
                    for error in errors.errors { problem(line, "skills", error.message) }
                    ok = false
                }
            }
            guard ok, let days, let start, let length else { continue }
            let agent: Int
            let key = context.team == nil ? (cell("team") ?? "") + "\u{0}" + id : id
            // An empty cell keeps the person's profile; the first non-empty one sets it.
            let profile = skillsText.isEmpty ? nil : try? skills(skillsText, channels: context.channels, teamChannels: nil).get()
            if let known = agentIndex[key] {
                agent = known
                if let first = agentSkillsLine[agent], let profile, profile != agents[agent].skills {
                    problem(line, "skills", "agent \(id) has skills '\(skillsText)' here but '\(first.text)' on line \(first.line); one person has one skill profile")
                    continue
                }
                if agentSkillsLine[agent] == nil, let profile {
                    agents[agent].skills = profile
                    agentSkillsLine[agent] = (skillsText, line)
                }
            } else {
                agent = agents.count
                agentIndex[key] = agent
                agents.append(RosteredAgent(id: id, skills: profile, contract: cell("contract").flatMap { $0.isEmpty ? nil : $0 }))
                if profile != nil { agentSkillsLine[agent] = (skillsText, line) }
            }
            shifts.append(RosteredShift(agent: agent, days: days, start: start, length: length, activities: activities, line: line))
        }

        // One person works one shift at a time: consecutive shifts of an agent must not overlap.
        let week = 7 * 86_400.0
        var byAgent: [Int: [RosteredShift]] = [:]
        for shift in shifts { byAgent[shift.agent, default: []].append(shift) }
        func absolute(_ s: RosteredShift) -> Double {
            switch s.days {
            case .runDay(let d): Double(d) * 86_400 + s.start
            case .weekday(let w): Double(w.rawValue) * 86_400 + s.start
            }
        }
        for agent in byAgent.keys.sorted() {
            let list = byAgent[agent]!.sorted { absolute($0) < absolute($1) }
            var pairs = Array(zip(list, list.dropFirst())).map { ($0.0, $0.1, 0.0) }
            if !dated, list.count > 1 { pairs.append((list.last!, list.first!, week)) }  // a weekly rota wraps
            if !dated, list.count == 1, list[0].length > week { pairs.append((list[0], list[0], week)) }
            for (a, b, shiftBy) in pairs where absolute(b) + shiftBy < absolute(a) + a.length - 1e-9 {
                let late = b.line > a.line ? b : a, early = b.line > a.line ? a : b
                problem(late.line, dated ? "date" : "day",
                        "agent \(agents[agent].id)'s shift \(ClockTime.describe(late.start))–\(ClockTime.describe(late.start + late.length)) overlaps the one on line \(early.line) (\(ClockTime.describe(early.start))–\(ClockTime.describe(early.start + early.length)))")
            }
        }
        guard issues.isEmpty else {
            return .failure(ScenarioError(issues: ScenarioIssue.listing(issues, atMost: maxListed, file: file, path: context.teamPath)))
        }
        guard !shifts.isEmpty || outside > 0 else {
            let whose = index["team"] != nil ? context.team.map { " for team \($0)" } ?? "" : ""
            return .failure(ScenarioError(file: file, path: context.teamPath, message: "the roster has no rows\(whose)"))
        }
        return .success(TeamRoster(file: file, agents: agents, shifts: shifts, rowsOutsideRun: outside))
    }

    /// The cell without surrounding blanks; the common case (none) without Foundation's cost,
    /// which dominated the reading of a large roster.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// `H:MM` or `HH:MM` as `ClockTime.parse` reads it, without its Foundation trimming (the
    /// bulk of a large roster's reading time); nil for anything else, which `ClockTime` explains.
    static func clock(_ text: String, allowMidnightEnd: Bool) -> Double? {
        let b = Array(text.utf8)
        guard b.count == 4 || b.count == 5, b[b.count - 3] == UInt8(ascii: ":") else { return nil }
        var digits: [Int] = []
        for (i, c) in b.enumerated() where i != b.count - 3 {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            digits.append(Int(c - 0x30))
        }
        let hours = b.count == 5 ? digits[0] * 10 + digits[1] : digits[0]
        let minutes = digits[digits.count - 2] * 10 + digits[digits.count - 1]
        guard minutes < 60, hours < 24 || (allowMidnightEnd && hours == 24 && minutes == 0) else { return nil }
        return Double(hours * 3600 + minutes * 60)
    }

    /// `10:00-10:15 break`, `12:30-13:00 lunch unpaid`: offsets from the shift start.
    static func activity(_ text: String, shiftStart: Double, shiftLength: Double) -> Result<RosterActivity, QuantityError> {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let kinds = RosterActivity.Kind.allCases.map(\.rawValue)
        guard (2...3).contains(words.count) else {
            return .failure(QuantityError("'\(text)' is not an activity such as '10:00-10:15 break' or '12:30-13:00 lunch unpaid'"))
        }
        let ends = words[0].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard ends.count == 2, let from = clock(ends[0], allowMidnightEnd: false), let to = clock(ends[1], allowMidnightEnd: true) else {
            return .failure(QuantityError("'\(words[0])' is not a time range such as 10:00-10:15"))
        }
        guard let kind = RosterActivity.Kind(rawValue: words[1].lowercased()) else {
            let hint = EditDistance.suggestion(for: words[1].lowercased(), among: kinds).map { "; did you mean '\($0)'?" } ?? ""
            return .failure(QuantityError("unknown activity kind '\(words[1])' (one of \(kinds.joined(separator: ", ")))\(hint)"))
        }
        var paid = true
        if words.count == 3 {
            switch words[2].lowercased() {
            case "unpaid": paid = false
            case "paid": paid = true
            default: return .failure(QuantityError("'\(words[2])' after the kind must be 'unpaid' or 'paid'"))
            }
        }
        let offset = (from - shiftStart + 86_400).truncatingRemainder(dividingBy: 86_400)
        let length = (to - from + 86_400).truncatingRemainder(dividingBy: 86_400)
        guard length > 0 else { return .failure(QuantityError("'\(words[0])' has no length")) }
        guard offset + length <= shiftLength + 1e-9 else {
            return .failure(QuantityError("'\(words[0]) \(kind.rawValue)' is outside the shift \(ClockTime.describe(shiftStart))–\(ClockTime.describe(shiftStart + shiftLength))"))
        }
        return .success(RosterActivity(offset: offset, length: length, kind: kind, paid: paid))
    }

    /// A `skills` cell, `voice:1.0; chat:1.2`, as skills sorted by channel (so two spellings of one
    /// profile compare equal), with every problem of the cell: an unknown channel, a proficiency out
    /// of range, a channel named twice, a channel the team does not serve (`teamChannels`).
    static func skills(_ text: String, channels: [String], teamChannels: Set<Int>?) -> Result<[AgentSkill], SkillProblems> {
        var found: [AgentSkill] = [], errors: [QuantityError] = []
        for part in text.split(separator: ";").map({ trimmed(String($0)) }) where !part.isEmpty {
            switch skill(part, channels: channels) {
            case .success(let s):
                if found.contains(where: { $0.channel == s.channel }) {
                    errors.append(QuantityError("\(channels[s.channel]) is named twice; give each channel once"))
                } else {
                    found.append(s)
                }
            case .failure(let error): errors.append(error)
            }
        }
        if errors.isEmpty, found.isEmpty { errors.append(QuantityError("'\(text)' names no skill; leave the cell empty for the team's skills")) }
        if errors.isEmpty, let teamChannels {
            let outside = found.filter { !teamChannels.contains($0.channel) }.map { channels[$0.channel] }
            let served = teamChannels.sorted().map { channels[$0] }.joined(separator: ", ")
            if outside.count == found.count {
                errors.append(QuantityError("no skill on a channel the team serves (\(served)): the agent could take no work of this team"))
            } else if !outside.isEmpty {
                errors.append(QuantityError("\(outside.joined(separator: ", ")) \(outside.count == 1 ? "is" : "are") not among the team's skills (\(served)); add \(outside.count == 1 ? "it" : "them") to the team's skills or put the agent in a team that serves \(outside.count == 1 ? "it" : "them")"))
            }
        }
        return errors.isEmpty ? .success(found.sorted { $0.channel < $1.channel }) : .failure(SkillProblems(errors: errors))
    }

    struct SkillProblems: Error { let errors: [QuantityError] }

    /// `voice:0.8` (or `voice`, proficiency 1).
    static func skill(_ text: String, channels: [String]) -> Result<AgentSkill, QuantityError> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { trimmed(String($0)) }
        guard (1...2).contains(parts.count), !parts[0].isEmpty else {
            return .failure(QuantityError("'\(text)' is not a skill such as 'voice:1.0'"))
        }
        guard let channel = channels.firstIndex(of: parts[0]) else {
            let hint = EditDistance.suggestion(for: parts[0], among: channels).map { "; did you mean '\($0)'?" } ?? "; the scenario's channels are \(channels.joined(separator: ", "))"
            return .failure(QuantityError("unknown channel '\(parts[0])'\(hint)"))
        }
        var proficiency = 1.0
        if parts.count == 2 {
            guard let p = try? Quantity.number(parts[1]), p.isFinite, p > 0, p <= 10 else {
                return .failure(QuantityError("proficiency '\(parts[1])' of \(parts[0]) must be a number above 0 and at most 10 (1 = the tier's handle time)"))
            }
            proficiency = p
        }
        return .success(AgentSkill(channel: channel, proficiency: proficiency))
    }

    static func describe(_ a: RosterActivity, _ shiftStart: Double) -> String {
        "\(ClockTime.describe((shiftStart + a.offset).truncatingRemainder(dividingBy: 86_400)))-\(ClockTime.describe((shiftStart + a.offset + a.length).truncatingRemainder(dividingBy: 86_400))) \(a.kind.rawValue)"
    }
}
