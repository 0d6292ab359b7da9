import Scenarios
import Yams

/// The input scenario with each scheduled team's `shifts` replaced by the plan's, everything else
/// (comments, order, the `scheduling` section itself) left as written.
///
/// The edit is made on the text, not by re-serialising the YAML tree, so the planner's comments
/// survive: the lines of `teams.<name>.shifts` (the key line and every line indented deeper,
/// comments included) give way to the new list.
public enum ScheduledScenario {
    /// - Parameters:
    ///   - text: the scenario file's text; `file` names it in messages.
    ///   - note: an optional first comment line saying where the shifts came from.
    public static func yaml(_ text: String, file: String, replacingShiftsWith plan: SchedulePlan,
                            teamNames: [String], note: String? = nil) throws(ScheduleError) -> String {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw ScheduleError("\(file): cannot read the scenario's YAML: \(error)") }
        guard let root, let teams = value(of: "teams", in: root) else {
            throw ScheduleError("\(file): no 'teams' section to write the shifts into")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var edits: [(first: Int, last: Int, replacement: [String])] = []
        for schedule in plan.teams {
            let name = teamNames[schedule.team]
            guard let team = value(of: name, in: teams), case .mapping(let mapping) = team,
                  let key = mapping.first(where: { $0.key.string == "shifts" })?.key, let mark = key.mark else {
                throw ScheduleError("\(file): teams.\(name).shifts not found in the file")
            }
            let first = mark.line - 1
            let indent = mark.column - 1
            guard first < lines.count, lines[first].unicodeScalars.prefix(indent).allSatisfy({ $0 == " " }) else {
                throw ScheduleError("\(file):\(mark.line): teams.\(name).shifts is written inline; write the team in block style (one field per line) so its shifts can be replaced")
            }
            var last = first
            for i in (first + 1)..<lines.count {
                let line = lines[i]
                let content = line.drop { $0 == " " }
                if content.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                // Deeper lines belong to the list, and so do items written at the key's own
                // indentation (`shifts:` then `- {...}` below it, which YAML allows).
                let depth = line.count - content.count
                guard depth > indent || (depth == indent && content.hasPrefix("-")) else { break }
                last = i
            }
            edits.append((first, last, render(schedule.shifts, indent: indent, agents: schedule.headcount)))
        }
        for edit in edits.sorted(by: { $0.first > $1.first }) {
            lines.replaceSubrange(edit.first...edit.last, with: edit.replacement)
        }
        if let note { lines.insert("# " + note, at: 0) }
        return lines.joined(separator: "\n")
    }

    /// The value under `key` in a mapping node.
    static func value(of key: String, in node: Node) -> Node? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.first { $0.key.string == key }?.value
    }

    /// `shifts:` and one flow-style line per shift, at the key's indentation.
    static func render(_ shifts: [Shift], indent: Int, agents: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        guard !shifts.isEmpty else {
            return [pad + "shifts: []                       # chosen by ccsim schedule: no agents"]
        }
        return [pad + "shifts:                          # chosen by ccsim schedule: \(agents) agents"]
            + shifts.map { pad + "  - " + flow($0) }
    }

    /// `{start: "08:00", length: 8.5h, agents: 21, days: weekdays, breaks: [...]}`.
    public static func flow(_ shift: Shift) -> String {
        var fields = ["start: \"\(ClockTime.describe(shift.start))\"", "length: \(Quantity.describe(duration: shift.length))",
                      "agents: \(shift.agents)", "days: \(days(shift.days))"]
        if !shift.breaks.isEmpty {
            fields.append("breaks: [" + shift.breaks.map(flow).joined(separator: ", ") + "]")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    static func flow(_ pause: Break) -> String {
        let window = pause.earliest == pause.latest ? Quantity.describe(duration: pause.earliest)
            : "[\(Quantity.describe(duration: pause.earliest)), \(Quantity.describe(duration: pause.latest))]"
        return "{window: \(window), length: \(Quantity.describe(duration: pause.length))\(pause.paid ? "" : ", paid: false")}"
    }

    /// `every_day`, `weekdays`, `weekend` or `[mon, wed, fri]`.
    public static func days(_ days: Set<Weekday>) -> String {
        if days.count == 7 { return "every_day" }
        if days == [.monday, .tuesday, .wednesday, .thursday, .friday] { return "weekdays" }
        if days == [.saturday, .sunday] { return "weekend" }
        return "[" + days.sorted().map(\.shortName).joined(separator: ", ") + "]"
    }
}
