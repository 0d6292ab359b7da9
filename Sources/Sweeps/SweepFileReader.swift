import Foundation
import Scenarios
import Yams

/// A path-carrying walker over a sweep file's YAML tree.
///
/// Sweep files are read by hand, like scenarios, so that every problem is reported as
/// `FILE:LINE:COL: field.path: problem` (the `ScenarioIssue` format) and one pass finds every
/// independent problem. The scenario loader's own walker is internal to Scenarios; this one
/// is the small subset a sweep file needs.
final class SweepIssues {
    let file: String
    private(set) var issues: [ScenarioIssue] = []

    init(file: String) { self.file = file }

    var isEmpty: Bool { issues.isEmpty }

    func add(_ path: String, at mark: Mark?, _ message: String) {
        issues.append(ScenarioIssue(file: file, line: mark?.line, column: mark?.column, path: path, message: message))
    }

    /// Issues in file order (then discovery order), unlocated ones last.
    func error() -> ScenarioError {
        let sorted = issues.enumerated().sorted { a, b in
            let la = a.element.line ?? .max, lb = b.element.line ?? .max
            if la != lb { return la < lb }
            let ca = a.element.column ?? .max, cb = b.element.column ?? .max
            if ca != cb { return ca < cb }
            return a.offset < b.offset
        }.map(\.element)
        return ScenarioError(issues: sorted)
    }
}

/// One node of a sweep file together with its field path.
struct SweepField {
    let node: Node
    let path: String
    let keyMark: Mark?
    let issues: SweepIssues

    var mark: Mark? { node.mark ?? keyMark }

    /// Records `message` at this field and returns nil.
    func fail<T>(_ message: String) -> T? {
        issues.add(path, at: mark, message)
        return nil
    }

    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    var shown: String { Self.shown(node) }

    static func shown(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(37)) + "..." : scalar.string
            return "'\(text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    func scalarText(expected what: String) -> String? {
        guard case .scalar(let scalar) = node, !isNull else { return fail("expected \(what), got \(shown)") }
        return scalar.string
    }

    func string() -> String? { scalarText(expected: "a string") }

    func integer(in range: ClosedRange<Int>) -> Int? {
        guard let text = scalarText(expected: "a whole number") else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            return fail("expected a whole number, got \(shown)")
        }
        guard range.contains(value) else {
            return fail("must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
        }
        return value
    }

    func choice(_ options: [String]) -> String? {
        guard let text = scalarText(expected: "one of: " + options.joined(separator: ", ")) else { return nil }
        if options.contains(text) { return text }
        if let guess = EditDistance.suggestion(for: text, among: options) {
            return fail("unknown value '\(text)'; did you mean '\(guess)'? (one of: \(options.joined(separator: ", ")))")
        }
        return fail("unknown value '\(text)'; expected one of: \(options.joined(separator: ", "))")
    }

    /// The entries of a mapping; keys outside `allowed` are reported (with a suggestion) and skipped.
    func mapping(allowed: [String], expected: String = "a mapping") -> SweepMapping? {
        guard case .mapping(let mapping) = node else { return fail("expected \(expected), got \(shown)") }
        var entries: [SweepMapping.Entry] = []
        for (key, value) in mapping {
            guard case .scalar(let keyScalar) = key else {
                issues.add(path, at: key.mark, "keys must be plain names")
                continue
            }
            let name = keyScalar.string
            let childPath = path.isEmpty ? name : path + "." + name
            guard allowed.contains(name) else {
                if let guess = EditDistance.suggestion(for: name, among: allowed) {
                    issues.add(childPath, at: key.mark, "unknown field '\(name)'; did you mean '\(guess)'?")
                } else {
                    issues.add(childPath, at: key.mark, "unknown field '\(name)'; expected one of: \(allowed.joined(separator: ", "))")
                }
                continue
            }
            entries.append(.init(key: name, keyMark: key.mark, value: value))
        }
        return SweepMapping(field: self, entries: entries)
    }

    /// The items of a list, each with path `path[i]`.
    func list(expected: String = "a list") -> [SweepField]? {
        guard case .sequence(let sequence) = node else { return fail("expected \(expected), got \(shown)") }
        return sequence.enumerated().map { index, item in
            SweepField(node: item, path: path + "[\(index)]", keyMark: nil, issues: issues)
        }
    }
}

/// The known entries of a mapping, in file order.
struct SweepMapping {
    struct Entry {
        let key: String
        let keyMark: Mark?
        let value: Node
    }

    let field: SweepField
    let entries: [Entry]

    func contains(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// The field under `key` if present and not null.
    func optional(_ key: String) -> SweepField? {
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        let child = SweepField(node: entry.value, path: field.path.isEmpty ? key : field.path + "." + key,
                               keyMark: entry.keyMark, issues: field.issues)
        return child.isNull ? nil : child
    }

    /// The field under `key`; when absent or null, reports it.
    func required(_ key: String) -> SweepField? {
        if let child = optional(key) { return child }
        let childPath = field.path.isEmpty ? key : field.path + "." + key
        if let entry = entries.first(where: { $0.key == key }) {
            field.issues.add(childPath, at: entry.value.mark ?? entry.keyMark, "required field has no value")
        } else {
            let parent = field.path.isEmpty ? "" : " from '\(field.path)'"
            field.issues.add(childPath, at: field.keyMark ?? field.mark, "required field '\(key)' is missing\(parent)")
        }
        return nil
    }
}
