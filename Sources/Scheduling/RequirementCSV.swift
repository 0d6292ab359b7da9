import Foundation
import ResultsSchema
import Scenarios

/// Reads a requirement file: one row per (day, interval start, team) with the agents required on
/// duty, as `ccsim staff` writes `staffing.csv`.
///
///     day,start,team,required
///     0,08:00,frontline,12.4
///
/// `day` counts from the run's first day (0-based; its weekday comes from `calendar.start`),
/// `start` is the interval's clock time and must fall on a `run.interval` boundary, `required`
/// may be fractional. `scheduled_agents` is read when there is no `required` column; other
/// columns are ignored. Intervals not listed require nobody.
public enum RequirementCSV {
    /// At most this many bad rows are listed; the rest are counted.
    static let maxListed = 20

    public static func read(path: String, scenario: Scenario) throws(RequirementError) -> WeeklyRequirement {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RequirementError(file: path, problems: [.init(line: nil, message: "cannot read the requirement file: no such file or not readable")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RequirementError(file: path, problems: [.init(line: nil, message: "not UTF-8 text")])
        }
        return try parse(text, file: path, scenario: scenario)
    }

    public static func parse(_ text: String, file: String, scenario: Scenario) throws(RequirementError) -> WeeklyRequirement {
        let interval = scenario.run.interval
        guard interval > 0, (86_400 / interval).rounded() == 86_400 / interval else {
            throw RequirementError(file: file, problems: [.init(line: nil, message: "run.interval (\(Quantity.describe(duration: interval))) must divide a day to plan shifts by interval")])
        }
        let teamNames = scenario.center.teams.map(\.name)
        var requirement = WeeklyRequirement(interval: interval, teams: teamNames.count)
        var problems: [RequirementError.Problem] = []
        var header: [String: Int]?
        var seen: [String: Int] = [:]
        var rows = 0

        let records: [CSVReader.Record]
        do { records = try CSVReader.records(text) } catch {
            throw RequirementError(file: file, problems: [.init(line: error.line, message: "a quoted field is never closed (a \" without its closing \")")])
        }
        for record in records {
            let line = record.line
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            if fields.allSatisfy(\.isEmpty) || fields[0].hasPrefix("#") { continue }
            guard let columns = header else {
                var map: [String: Int] = [:]
                for (i, name) in fields.enumerated() { map[name.lowercased()] = i }
                if map["required"] == nil, let alias = map[StaffingColumn.scheduledAgents.rawValue] { map["required"] = alias }
                let missing = [StaffingColumn.day.rawValue, StaffingColumn.start.rawValue, StaffingColumn.team.rawValue, "required"].filter { map[$0] == nil }
                guard missing.isEmpty else {
                    var message = "the header needs the columns day, start, team and required (or scheduled_agents); missing: \(missing.joined(separator: ", "))"
                    // `ccsim erlang --forecast --out` writes agents per channel, not per team.
                    if map["team"] == nil, map["channel"] != nil, map["agents"] != nil {
                        message += ". This looks like a requirement per channel (as `ccsim erlang --forecast --out` writes it); `ccsim schedule` needs agents per team and interval: leave out --requirement (the schedule then finds them by `ccsim staff`'s search), or give the staffing.csv of `ccsim staff SCENARIO --out DIR`"
                    }
                    throw RequirementError(file: file, problems: [.init(line: line, message: message)])
                }
                header = map
                continue
            }
            rows += 1
            func field(_ name: String) -> String? {
                let i = columns[name]!
                return i < fields.count ? fields[i].trimmingCharacters(in: .whitespaces) : nil
            }
            guard let dayText = field("day"), let startText = field("start"), let team = field("team"), let requiredText = field("required") else {
                problems.append(.init(line: line, message: "expected \(columns.count) fields, got \(fields.count)"))
                continue
            }
            var rowProblems: [String] = []
            let day = Int(dayText)
            if day == nil || day! < 0 { rowProblems.append("day '\(dayText)' is not a day number (0, 1, 2, … from the run's start)") }
            var k: Int?
            do {
                let start = try ClockTime.parse(startText)
                let index = start / interval
                if abs(index - index.rounded()) > 1e-9 {
                    rowProblems.append("start \(startText) is not on a \(Quantity.describe(duration: interval)) boundary (run.interval)")
                } else {
                    k = Int(index.rounded())
                }
            } catch {
                rowProblems.append("start: \(error.message)")
            }
            let teamIndex = teamNames.firstIndex(of: team)
            if teamIndex == nil {
                let hint = EditDistance.suggestion(for: team, among: teamNames).map { "; did you mean '\($0)'?" } ?? " (teams: \(teamNames.joined(separator: ", ")))"
                rowProblems.append("unknown team '\(team)'\(hint)")
            }
            let required = Double(requiredText)
            if required == nil || !required!.isFinite || required! < 0 {
                rowProblems.append("required '\(requiredText)' is not a number of agents ≥ 0")
            } else if required! > Double(DomainLimits.maxAgents) {
                rowProblems.append("required \(requiredText) is more than \(DomainLimits.maxAgents), the most agents ccsim models")
            }
            guard rowProblems.isEmpty, let day, let k, let teamIndex, let required else {
                problems.append(.init(line: line, message: rowProblems.joined(separator: "; ")))
                continue
            }
            let key = "\(day) \(k) \(teamIndex)"
            if let first = seen[key] {
                problems.append(.init(line: line, message: "day \(day) \(startText) \(team) is given twice (first on line \(first))"))
                continue
            }
            seen[key] = line
            let weekday = scenario.center.startWeekday.advanced(by: day)
            requirement.require(required, team: teamIndex, slot: requirement.slot(weekday, k))
            requirement.weekdaysGiven.insert(weekday)
        }
        if header == nil {
            problems.append(.init(line: nil, message: "the file is empty; expected a header day,start,team,required and one row per interval"))
        } else if rows == 0 && problems.isEmpty {
            problems.append(.init(line: nil, message: "no rows after the header"))
        }
        guard problems.isEmpty else { throw RequirementError(file: file, problems: problems) }
        return requirement
    }
}

/// A requirement file that cannot be used: every bad row, by line.
public struct RequirementError: Error, CustomStringConvertible, Sendable {
    public struct Problem: Sendable, Hashable {
        public var line: Int?
        public var message: String
    }

    public let file: String
    public let problems: [Problem]

    /// One line per problem, `FILE:LINE: message`, at most `RequirementCSV.maxListed` of them.
    public var description: String {
        var lines = problems.prefix(RequirementCSV.maxListed).map { problem in
            "\(file)\(problem.line.map { ":\($0)" } ?? ""): \(problem.message)"
        }
        if problems.count > RequirementCSV.maxListed {
            lines.append("… and \(problems.count - RequirementCSV.maxListed) more bad rows")
        }
        return lines.joined(separator: "\n")
    }
}
