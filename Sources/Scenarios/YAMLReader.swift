import Foundation
import Yams

/// The path-carrying walker over a composed YAML tree.
///
/// Codable's `DecodingError` knows neither line numbers nor the user's spelling of a field, so
/// scenarios are read by hand: `Yams.compose` gives a `Node` tree with marks, and each step
/// down the tree extends a field path (`team.agents`, `handle_time.mixture[1].lognormal.cv`).
/// Accessors return nil after recording an issue, so reading continues and one pass finds
/// every independent problem.

/// Shared state of one read: the file name, the issues found so far, and where every visited
/// field is, so problems found later by semantic checks can point back into the file.
public final class IssueCollector {
    public let file: String
    private var found: [ScenarioIssue] = []
    private var marks: [String: Mark] = [:]

    public init(file: String) { self.file = file }

    public var isEmpty: Bool { found.isEmpty }

    /// Issues ordered by position in the file (then discovery order); unlocated ones last.
    public var issues: [ScenarioIssue] {
        found.enumerated().sorted { a, b in
            // The scenario's own problems first, then those of the files it reads (forecasts), by name.
            let fa = a.element.file == file ? "" : a.element.file, fb = b.element.file == file ? "" : b.element.file
            if fa != fb { return fa < fb }
            let la = a.element.line ?? .max, lb = b.element.line ?? .max
            if la != lb { return la < lb }
            let ca = a.element.column ?? .max, cb = b.element.column ?? .max
            if ca != cb { return ca < cb }
            return a.offset < b.offset
        }.map(\.element)
    }

    func record(_ path: String, at mark: Mark?) {
        if let mark, marks[path] == nil { marks[path] = mark }
    }

    /// A problem located in another file the scenario reads (a forecast CSV: `FILE:LINE: column: problem`).
    func add(_ issue: ScenarioIssue) { found.append(issue) }

    public func add(_ path: String, at mark: Mark?, _ message: String) {
        found.append(ScenarioIssue(file: file, line: mark?.line, column: mark?.column, path: path, message: message))
    }

    /// Reports a semantic problem at the location of its field, or of the nearest ancestor
    /// that appears in the file (a defaulted `run.interval` points at `run`).
    func report(_ problem: FieldProblem) {
        var path = Substring(problem.path)
        while true {
            if let mark = marks[String(path)] {
                add(problem.path, at: mark, problem.message)
                return
            }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = path[..<cut]
        }
        add(problem.path, at: marks[""], problem.message)
    }

    func report(_ problems: [FieldProblem]) {
        problems.forEach(report)
    }

    public func error() -> ScenarioError { ScenarioError(issues: issues) }
}

/// One node of the tree together with its field path.
public struct YAMLField {
    public let node: Node
    public let path: String
    /// Where the key that names this field is (nil for the root and list items): missing
    /// children are reported at the parent's key line.
    public let keyMark: Mark?
    public let log: IssueCollector

    public init(node: Node, path: String, keyMark: Mark?, log: IssueCollector) {
        self.node = node
        self.path = path
        self.keyMark = keyMark
        self.log = log
        log.record(path, at: node.mark)
    }

    public var mark: Mark? { node.mark ?? keyMark }

    /// Records `message` at this field and returns nil, for `guard ... else { return fail(...) }`.
    public func fail<T>(_ message: String) -> T? {
        log.add(path, at: mark, message)
        return nil
    }

    /// True for `~`, `null` and an empty value (`key:`), which the schema treats as absent.
    public var isNull: Bool { Self.isNull(node) }

    public static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// How the value looks, for "expected X, got Y" messages.
    public var shown: String { Self.shown(node) }

    /// How any node looks in a message.
    public static func shown(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if isNull(node) { return "nothing (null)" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(37)) + "..." : scalar.string
            return "'\(text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// The text of a scalar, or nil after reporting "expected `what`, got …".
    public func scalarText(expected what: String) -> String? {
        guard case .scalar(let scalar) = node, !isNull else { return fail("expected \(what), got \(shown)") }
        return scalar.string
    }

    public func string() -> String? { scalarText(expected: "a string") }

    public func number() -> Double? { quantity(expected: "a number", Quantity.number) }
    public func duration() -> Double? { quantity(expected: "a duration such as '5m'", Quantity.duration) }
    public func rate() -> Double? { quantity(expected: "a rate such as '540/h'", Quantity.rate) }
    public func fraction() -> Double? { quantity(expected: "a percentage such as '80%'", Quantity.fraction) }

    public func quantity(_ kind: QuantityKind) -> Double? {
        switch kind {
        case .duration: duration()
        case .number: number()
        }
    }

    private func quantity(expected what: String, _ parse: (String) throws(QuantityError) -> Double) -> Double? {
        guard let text = scalarText(expected: what) else { return nil }
        do {
            return try parse(text)
        } catch {
            return fail(error.message)
        }
    }

    /// A whole number; `1e6` is accepted, `2.5` and out-of-range values are not.
    public func integer() -> Int? {
        guard let text = scalarText(expected: "a whole number") else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let value = Int(trimmed) {
            guard abs(value) <= DomainLimits.largestInteger else {
                return fail("\(trimmed) is beyond \(DomainLimits.largestInteger), the largest whole number a scenario holds")
            }
            return value
        }
        let digits = trimmed.drop(while: { $0 == "-" || $0 == "+" })
        if !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) }) {
            return fail("\(trimmed) is too large")
        }
        guard let value = try? Quantity.number(trimmed) else { return fail("expected a whole number, got \(shown)") }
        guard value == value.rounded() else { return fail("expected a whole number, got \(shown)") }
        guard let exact = Int(exactly: value) else { return fail("\(trimmed) is too large") }
        guard abs(exact) <= DomainLimits.largestInteger else {
            return fail("\(trimmed) is beyond \(DomainLimits.largestInteger), the largest whole number a scenario holds")
        }
        return exact
    }

    /// A head count (agents in a team, a shift or a cohort): a whole number up to
    /// `DomainLimits.maxAgents`; negative values are left to the field's own check.
    public func agentCount() -> Int? {
        guard let value = integer() else { return nil }
        guard value <= DomainLimits.maxAgents else {
            return fail("\(value) agents is more than \(DomainLimits.maxAgents), the most ccsim simulates in one team, shift or cohort")
        }
        return value
    }

    /// A plain number with `limit` as its largest magnitude, naming what the limit is for.
    public func number(atMost limit: Double, what: String) -> Double? {
        guard let value = number() else { return nil }
        guard abs(value) <= limit else {
            return fail("\(Quantity.describe(number: value)) is above \(Quantity.describe(number: limit)), the largest \(what)")
        }
        return value
    }

    /// A whole number within `range`.
    public func integer(in range: ClosedRange<Int>) -> Int? {
        guard let value = integer() else { return nil }
        guard range.contains(value) else {
            return fail("must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
        }
        return value
    }

    /// One of the raw values of `type`, with a spelling suggestion when close.
    public func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> T? where T.RawValue == String {
        choice(T.allCases.map(\.rawValue)).flatMap(T.init(rawValue:))
    }

    /// One of `options`, with a spelling suggestion when close.
    public func choice(_ options: [String]) -> String? {
        guard let text = scalarText(expected: "one of: " + options.joined(separator: ", ")) else { return nil }
        if options.contains(text) { return text }
        if let guess = EditDistance.suggestion(for: text, among: options) {
            return fail("unknown value '\(text)'; did you mean '\(guess)'? (one of: \(options.joined(separator: ", ")))")
        }
        return fail("unknown value '\(text)'; expected one of: \(options.joined(separator: ", "))")
    }

    /// The entries of a mapping. Keys outside `allowed` are reported (with a suggestion, or
    /// with the section they belong to when listed in `misplaced`) and then ignored.
    public func mapping(allowed: [String], misplaced: [String: String] = [:], expected: String = "a mapping") -> YAMLMapping? {
        guard case .mapping(let mapping) = node else { return fail("expected \(expected), got \(shown)") }
        var entries: [YAMLMapping.Entry] = []
        var suggested: Set<String> = []
        for (key, value) in mapping {
            guard case .scalar(let keyScalar) = key else {
                log.add(path, at: key.mark, "keys must be plain names, got \(key.mapping != nil ? "a mapping" : "a list")")
                continue
            }
            let name = keyScalar.string
            guard allowed.contains(name) else {
                let childPath = joinPath(path, name)
                if name == "<<" {
                    log.add(childPath, at: key.mark, "YAML merge keys ('<<') are not supported; write the fields out")
                } else if let home = misplaced[name] {
                    log.add(childPath, at: key.mark, "unknown field '\(name)' here; it belongs under '\(home)'")
                } else if let guess = EditDistance.suggestion(for: name, among: allowed) {
                    suggested.insert(guess)
                    log.add(childPath, at: key.mark, "unknown field '\(name)'; did you mean '\(guess)'?")
                } else {
                    log.add(childPath, at: key.mark, "unknown field '\(name)'; expected one of: \(allowed.joined(separator: ", "))")
                }
                continue
            }
            entries.append(.init(key: name, keyMark: key.mark, value: value))
        }
        return YAMLMapping(field: self, entries: entries, suggested: suggested)
    }

    /// The items of a list, each with path `path[i]` (0-based).
    public func list(expected: String = "a list") -> [YAMLField]? {
        guard case .sequence(let sequence) = node else { return fail("expected \(expected), got \(shown)") }
        return sequence.enumerated().map { index, item in
            YAMLField(node: item, path: path + "[\(index)]", keyMark: nil, log: log)
        }
    }
}

/// The known entries of a mapping, in file order.
public struct YAMLMapping {
    public struct Entry {
        public let key: String
        public let keyMark: Mark?
        public let value: Node
    }

    public let field: YAMLField
    public let entries: [Entry]
    /// Keys proposed in a "did you mean" for a misspelt key: their absence is not reported again.
    let suggested: Set<String>

    public var keys: [String] { entries.map(\.key) }

    /// Present with any value, including null.
    public func contains(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// The field under `key` if present and not null; absent and null both mean "use the default".
    public func optional(_ key: String) -> YAMLField? {
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        let child = YAMLField(node: entry.value, path: joinPath(field.path, key), keyMark: entry.keyMark, log: field.log)
        return child.isNull ? nil : child
    }

    /// The field under `key`; when absent or null, reports it at the parent's key line.
    public func required(_ key: String) -> YAMLField? {
        if let child = optional(key) { return child }
        let childPath = joinPath(field.path, key)
        if let entry = entries.first(where: { $0.key == key }) {
            field.log.add(childPath, at: entry.value.mark ?? entry.keyMark, "required field has no value")
        } else if !suggested.contains(key) {
            let parent = field.path.isEmpty ? "" : " from '\(field.path)'"
            field.log.add(childPath, at: field.keyMark ?? field.mark, "required field '\(key)' is missing\(parent)")
        }
        return nil
    }
}

/// Parses YAML text into its single root node, mapping Yams' errors to one-line issues.
public enum YAMLDocument {
    /// Composed with Yams' basic resolver: every plain scalar stays a string, as the readers
    /// interpret each value by its field (a duration, a share, a name) and never ask Yams for
    /// a type. The default resolver matched each key against its regular expressions (bool,
    /// int, float, null, timestamp…) when Yams hashed the keys to find duplicates: a third of
    /// the time it took to load the tiered-support scenario.
    public static func compose(yaml: String, file: String) throws(ScenarioError) -> Node {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            throw syntaxError(error, yaml: yaml, file: file)
        } catch {
            throw ScenarioError(file: file, message: "YAML syntax error: \(error)")
        }
        guard let root, !YAMLField.isNull(root) else {
            throw ScenarioError(file: file, message: "file is empty; a scenario needs at least 'name', 'arrivals', 'team' and 'handle_time'")
        }
        try checkSize(root, file: file)
        return root
    }

    /// Refuses trees that are too large or too deep once aliases are expanded.
    ///
    /// Yams resolves `*name` to a copy of the anchored node, so a few kilobytes of nested
    /// aliases ("billion laughs": six levels of ten `*alias` references) expand to millions of
    /// nodes that every later pass would walk. The walk stops at the first node over the limit,
    /// so the check itself costs at most `DomainLimits.maxYAMLNodes` steps.
    static func checkSize(_ root: Node, file: String) throws(ScenarioError) {
        var count = 0
        var stack: [(node: Node, depth: Int)] = [(root, 1)]
        while let (node, depth) = stack.popLast() {
            count += 1
            if count > DomainLimits.maxYAMLNodes {
                throw ScenarioError(file: file, line: node.mark?.line, column: node.mark?.column,
                                    message: "the file expands to more than \(DomainLimits.maxYAMLNodes) YAML values (each '*alias' repeats its anchor's whole content); write the content out or nest fewer aliases")
            }
            if depth > DomainLimits.maxYAMLDepth {
                throw ScenarioError(file: file, line: node.mark?.line, column: node.mark?.column,
                                    message: "values are nested more than \(DomainLimits.maxYAMLDepth) levels deep here; a scenario never needs that many")
            }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping { stack.append((key, depth + 1)); stack.append((value, depth + 1)) }
            case .sequence(let sequence):
                for item in sequence { stack.append((item, depth + 1)) }
            case .scalar, .alias:
                break
            }
        }
    }

    private static func syntaxError(_ error: YamlError, yaml: String, file: String) -> ScenarioError {
        func issue(_ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> ScenarioError {
            var message = "YAML syntax error: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return ScenarioError(file: file, line: mark.line, column: mark.column, message: message)
        }
        switch error {
        case let .composer(_, problem, mark, _) where problem == "but found another document":
            return ScenarioError(file: file, line: mark.line, column: mark.column,
                                 message: "a scenario file holds one YAML document, but a second one starts here")
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return issue(context, problem, mark)
        case let .reader(problem, offset, _, _):
            let (line, column) = offset.map { lineAndColumn(ofCharacter: $0, in: yaml) } ?? (nil, nil)
            return ScenarioError(file: file, line: line, column: column, message: "cannot read text: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ScenarioError(file: file, line: context.mark.line, column: context.mark.column,
                                 message: "duplicate key \(names) in the same mapping; each field may appear once")
        default:
            return ScenarioError(file: file, message: "YAML syntax error: \(error)")
        }
    }

    private static func lineAndColumn(ofCharacter offset: Int, in text: String) -> (Int?, Int?) {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character.isNewline { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
