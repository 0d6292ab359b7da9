import Foundation
import Scenarios
import Yams

/// The input scenario with each scheduled team's `shifts` (or published `roster`) replaced by the
/// plan's shifts, everything else (comments, order, the `scheduling` section itself) left as
/// written.
///
/// The edit is made on the text, not by re-serialising the YAML tree, so the planner's comments
/// survive: the lines of `teams.<name>.shifts` or `teams.<name>.roster` (the key line and every
/// line indented deeper, comments included) give way to the new list. A scenario written into
/// another folder also gets its relative file names (`ScenarioFileReferences`) rewritten to
/// name the same files from there, or it could not be run from where it is.
public enum ScheduledScenario {
    /// Where a scheduled scenario is written, for the files it names: relative names written for
    /// `source` (the input's folder) are rewritten to resolve from `target`.
    public struct Relocation: Sendable, Hashable {
        public var source: String
        public var target: String

        public init(source: String, target: String) {
            self.source = source
            self.target = target
        }
    }

    /// - Parameters:
    ///   - text: the scenario file's text; `file` names it in messages.
    ///   - note: an optional first comment line saying where the shifts came from.
    ///   - relocation: where the text will be written, when that is not the input's folder.
    public static func yaml(_ text: String, file: String, replacingShiftsWith plan: SchedulePlan,
                            teamNames: [String], note: String? = nil, relocation: Relocation? = nil) throws(ScheduleError) -> String {
        let document = try Document(text, file: file)
        var lines = document.lines
        var blocks: [StaffingBlock] = []
        for schedule in plan.teams {
            blocks.append(try document.staffingBlock(of: teamNames[schedule.team]))
        }
        // File names first (they keep the line count), outside the blocks that are replaced.
        if let relocation {
            let kept = document.references().filter { ref in !blocks.contains { $0.lines.contains(ref.line - 1) } }
            for ref in kept.sorted(by: { ($0.line, $0.column) > ($1.line, $1.column) }) {
                let name = relocated(ref.name, relocation)
                guard name != ref.name else { continue }
                let range = try document.valueRange(of: ref)
                var scalars = Array(lines[ref.line - 1].unicodeScalars)
                scalars.replaceSubrange(range, with: written(name).unicodeScalars)
                lines[ref.line - 1] = String(String.UnicodeScalarView(scalars))
            }
        }
        for (block, schedule) in zip(blocks, plan.teams).sorted(by: { $0.0.lines.lowerBound > $1.0.lines.lowerBound }) {
            lines.replaceSubrange(block.lines, with: render(schedule.shifts, indent: block.indent, agents: schedule.headcount,
                                                            replacingRoster: block.roster))
        }
        if let note { lines.insert("# " + note, at: 0) }
        return lines.joined(separator: "\n")
    }

    /// What `yaml` would refuse, checked before anything is solved: every team of `teams` has
    /// its `shifts` or `roster` written in block style, and (with a relocation) every relative
    /// file name the written scenario keeps can be rewritten.
    public static func check(_ text: String, file: String, teams: [String], relocation: Relocation? = nil) throws(ScheduleError) {
        let document = try Document(text, file: file)
        var blocks: [StaffingBlock] = []
        for name in teams { blocks.append(try document.staffingBlock(of: name)) }
        guard let relocation else { return }
        for ref in document.references() where !blocks.contains(where: { $0.lines.contains(ref.line - 1) }) {
            if relocated(ref.name, relocation) != ref.name { _ = try document.valueRange(of: ref) }
        }
    }

    /// The file names `text` keeps once `teams` are scheduled (their rosters give way to shifts).
    public static func keptReferences(_ text: String, file: String, scheduling teams: [String]) throws(ScheduleError) -> [ScenarioFileReference] {
        let document = try Document(text, file: file)
        var blocks: [StaffingBlock] = []
        for name in teams { blocks.append(try document.staffingBlock(of: name)) }
        return document.references().filter { ref in !blocks.contains { $0.lines.contains(ref.line - 1) } }
    }

    /// `name`, written in a scenario read from `relocation.source`, as a scenario in
    /// `relocation.target` names the same file: unchanged when absolute or when it already
    /// resolves to that file, else relative to the target (symbolic links of both folders
    /// resolved), or absolute when the two share nothing but the root (`../../../` up to `/` and
    /// down again would break as soon as either folder moved).
    public static func relocated(_ name: String, _ relocation: Relocation) -> String {
        guard !name.hasPrefix("/") else { return name }
        let source = physical(relocation.source), target = physical(relocation.target)
        let file = lexical(source + "/" + name)
        if lexical(target + "/" + name) == file { return name }
        let from = target.split(separator: "/").map(String.init), to = file.split(separator: "/").map(String.init)
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        guard common > 0 else { return file }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }

    /// An absolute path with `.` and `..` taken out, on the text alone.
    static func lexical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The absolute path of a folder with symbolic links resolved, also when it does not exist yet
    /// (an `--out` folder appears at the end): its nearest existing ancestor is resolved.
    static func physical(_ path: String) -> String {
        let absolute = lexical(path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
        var missing: [String] = []
        var existing = absolute
        while existing != "/", !FileManager.default.fileExists(atPath: existing) {
            missing.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        let resolved = URL(fileURLWithPath: existing).resolvingSymlinksInPath().path
        return lexical(missing.reduce(resolved) { ($0 as NSString).appendingPathComponent($1) })
    }

    /// A file name as a YAML value: plain when nothing in it means anything to YAML, else double-quoted.
    public static func written(_ name: String) -> String {
        let plain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./+-")
        let safe = !name.isEmpty && name.unicodeScalars.allSatisfy(plain.contains) && !name.hasPrefix("-")
        return safe ? name : YAMLText.doubleQuoted(name)
    }

    /// The lines of one team's `shifts` or `roster` field.
    struct StaffingBlock {
        var lines: ClosedRange<Int>
        var indent: Int
        /// The roster file the block names, when it is a roster.
        var roster: String?
    }

    /// The scenario's text, its lines and its composed YAML.
    struct Document {
        let file: String
        let lines: [String]
        let root: Node
        let teams: Node

        init(_ text: String, file: String) throws(ScheduleError) {
            let root: Node?
            do { root = try Yams.compose(yaml: text) } catch { throw ScheduleError("\(file): cannot read the scenario's YAML: \(error)") }
            guard let root, let teams = ScheduledScenario.value(of: "teams", in: root) else {
                throw ScheduleError("\(file): no 'teams' section to write the shifts into")
            }
            self.file = file
            self.root = root
            self.teams = teams
            lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }

        /// The key line of `teams.<name>.shifts` (or `.roster`) and every line that belongs to it.
        func staffingBlock(of name: String) throws(ScheduleError) -> StaffingBlock {
            guard let team = ScheduledScenario.value(of: name, in: teams), case .mapping(let mapping) = team else {
                throw ScheduleError("\(file): teams.\(name) not found in the file")
            }
            let entry = mapping.first { $0.key.string == "shifts" } ?? mapping.first { $0.key.string == "roster" }
            guard let entry, let field = entry.key.string, let mark = entry.key.mark else {
                throw ScheduleError("\(file): teams.\(name) has neither 'shifts' nor 'roster' to replace with the plan's shifts")
            }
            let first = mark.line - 1
            let indent = mark.column - 1
            guard first < lines.count, lines[first].unicodeScalars.prefix(indent).allSatisfy({ $0 == " " }) else {
                throw ScheduleError("\(file):\(mark.line): teams.\(name).\(field) is written inline; write the team in block style (one field per line) so its \(field) can be replaced")
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
            return StaffingBlock(lines: first...last, indent: indent, roster: field == "roster" ? entry.value.string ?? "" : nil)
        }

        func references() -> [ScenarioFileReference] {
            ScenarioFileReferences.find(in: root)
        }

        /// The Unicode scalars of a reference's value on its line, quotes included.
        func valueRange(of ref: ScenarioFileReference) throws(ScheduleError) -> Range<Int> {
            let refusal = ScheduleError("\(file):\(ref.line):\(ref.column): \(ref.path): '\(ref.name)' is not written on one line; "
                                        + "write the file name on one line (plain or quoted) so the scheduled scenario can name it from its own folder")
            guard ref.line - 1 < lines.count else { throw refusal }
            let scalars = Array(lines[ref.line - 1].unicodeScalars)
            let start = ref.column - 1
            guard start < scalars.count else { throw refusal }
            switch ref.style {
            case .plain:
                let value = Array(ref.name.unicodeScalars)
                guard start + value.count <= scalars.count, Array(scalars[start..<(start + value.count)]) == value else { throw refusal }
                return start..<(start + value.count)
            case .singleQuoted, .doubleQuoted:
                let quote: Unicode.Scalar = ref.style == .singleQuoted ? "'" : "\""
                guard scalars[start] == quote else { throw refusal }
                var i = start + 1
                while i < scalars.count {
                    if ref.style == .doubleQuoted, scalars[i] == "\\" { i += 2; continue }
                    if scalars[i] == quote {
                        if ref.style == .singleQuoted, i + 1 < scalars.count, scalars[i + 1] == "'" { i += 2; continue }
                        return start..<(i + 1)
                    }
                    i += 1
                }
                throw refusal
            case .block:
                throw refusal
            }
        }
    }

    /// The value under `key` in a mapping node.
    static func value(of key: String, in node: Node) -> Node? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.first { $0.key.string == key }?.value
    }

    /// `shifts:` and one flow-style line per shift, at the key's indentation; the comment names
    /// the roster they replace, if they do.
    static func render(_ shifts: [Shift], indent: Int, agents: Int, replacingRoster roster: String? = nil) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let instead = roster.map { " (in place of the roster \($0))" } ?? ""
        guard !shifts.isEmpty else {
            return [pad + "shifts: []                       # chosen by ccsim schedule: no agents" + instead]
        }
        return [pad + "shifts:                          # chosen by ccsim schedule: \(agents) agents" + instead]
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
