/// One problem found in a scenario, located as precisely as the source allows.
///
/// Its `description` is always a single line, `FILE:LINE:COL: FIELD.PATH: problem`, so that
/// editors and terminals can jump to it; the location parts that are unknown are left out
/// (a missing file has no line, a YAML syntax error has no field path, a scenario built in
/// code has neither).
public struct ScenarioIssue: Sendable, Hashable, CustomStringConvertible {
    /// The scenario file as the user named it (or a stand-in such as `<scenario>`).
    public var file: String
    /// 1-based line in `file`, when known.
    public var line: Int?
    /// 1-based column (in Unicode scalars, as libyaml counts), when known.
    public var column: Int?
    /// Field path in YAML spelling, e.g. `team.agents`, `handle_time.mixture[1].lognormal.cv`;
    /// empty when the problem concerns the file as a whole.
    public var path: String
    /// What is wrong, and where possible how to fix it.
    public var message: String
    /// How many problems this line stands for: 1, or more for the closing `… and N more problems`
    /// line of a file whose list was cut short (so counts add up to every problem found).
    public var problems: Int

    public init(file: String, line: Int? = nil, column: Int? = nil, path: String = "", message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        problems = 1
    }

    /// The first `limit` of `issues`, then one line standing for the rest (`… and N more
    /// problems in this file`) when there are more: a file with thousands of bad rows is not
    /// printed whole, but its count stays true.
    public static func listing(_ issues: [ScenarioIssue], atMost limit: Int, file: String, path: String = "") -> [ScenarioIssue] {
        guard issues.count > limit else { return issues }
        let more = issues.count - limit
        var rest = ScenarioIssue(file: file, path: path, message: "… and \(more) more problem\(more == 1 ? "" : "s") in this file")
        rest.problems = more
        return Array(issues.prefix(limit)) + [rest]
    }

    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        text += ": "
        if !path.isEmpty { text += path + ": " }
        text += message
        // Keep the promise of one line even if a message (e.g. from libyaml) carries newlines.
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// The error thrown by everything in this module: a scenario that cannot be read or is invalid.
///
/// Loading collects every problem it can find in one pass (see `issues`, ordered by position in
/// the file) instead of stopping at the first, so a user fixes a file in one round trip. Only
/// problems that make further reading meaningless stop early: a missing, unreadable or empty
/// file, or a YAML syntax error. The stored `file`/`line`/`column`/`path`/`message` repeat the
/// first issue, and `description` is that issue's one-line form.
public struct ScenarioError: Error, CustomStringConvertible, Sendable, Hashable {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let path: String
    public let message: String
    /// Every problem found, first one first; never empty.
    public let issues: [ScenarioIssue]

    /// Builds an error from the problems found; `issues` must not be empty.
    public init(issues: [ScenarioIssue]) {
        precondition(!issues.isEmpty, "a ScenarioError needs at least one issue")
        let first = issues[0]
        self.file = first.file
        self.line = first.line
        self.column = first.column
        self.path = first.path
        self.message = first.message
        self.issues = issues
    }

    /// Builds an error with a single issue.
    public init(file: String, line: Int? = nil, column: Int? = nil, path: String = "", message: String) {
        self.init(issues: [ScenarioIssue(file: file, line: line, column: column, path: path, message: message)])
    }

    /// The first problem, on one line: `FILE:LINE:COL: FIELD.PATH: problem`.
    public var description: String { issues[0].description }

    /// Every problem found, listed or stood for by a `… and N more` line.
    public var problemCount: Int { issues.reduce(0) { $0 + $1.problems } }

    /// `288 problems in FILE`, for the end of a listing; nil for a single problem.
    public func countLine(in place: String) -> String? {
        problemCount > 1 ? "\(problemCount) problems in \(place)" : nil
    }

    /// Every problem, one per line, followed by a count when there is more than one.
    public var detailedDescription: String {
        var lines = issues.map(\.description)
        if problemCount > 1 { lines.append("\(problemCount) problems found") }
        return lines.joined(separator: "\n")
    }
}
