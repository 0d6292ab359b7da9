import Scenarios
import Yams

/// A field path into a scenario's YAML, as written in a sweep file:
/// `team.agents`, `handle_time.mixture[1].lognormal.cv`, `teams.frontline.shifts[*].agents`.
///
/// Paths address the YAML document, not Swift types, so a sweep keeps working while the
/// scenario schema grows: whatever the scenario file can say, a sweep can vary.
///
/// - `name` selects a mapping's key; on a list it selects the item whose `name` (or `id`)
///   is `name`, so lists of named things read like maps.
/// - `[i]` selects the i-th list item (0-based).
/// - `[*]` selects every item of a list (or every value of a mapping).
public struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    public enum Segment: Hashable, Sendable {
        case key(String)
        case index(Int)
        case wildcard
    }

    public let segments: [Segment]
    /// The path as written.
    public let text: String

    public var description: String { text }

    /// Parses `text`; the error message says what is wrong with the syntax.
    public init(parsing text: String) throws(FieldPathError) {
        var segments: [Segment] = []
        var chars = Substring(text)
        var expectName = true
        while !chars.isEmpty {
            if chars.first == "[" {
                guard !segments.isEmpty else { throw FieldPathError("'\(text)': a path starts with a field name") }
                guard let close = chars.firstIndex(of: "]") else {
                    throw FieldPathError("'\(text)': '[' without a closing ']'")
                }
                let inside = chars[chars.index(after: chars.startIndex)..<close]
                if inside == "*" {
                    segments.append(.wildcard)
                } else if let index = Int(inside), index >= 0, inside.allSatisfy(\.isNumber) {
                    segments.append(.index(index))
                } else {
                    throw FieldPathError("'\(text)': '[\(inside)]' is not a list index; write [0], [1], … or [*]")
                }
                chars = chars[chars.index(after: close)...]
                expectName = false
                continue
            }
            if !expectName {
                guard chars.first == "." else {
                    throw FieldPathError("'\(text)': expected '.' or '[' after '\(Self.render(segments))'")
                }
                chars = chars.dropFirst()
            }
            let name = chars.prefix { $0 != "." && $0 != "[" && $0 != "]" }
            guard !name.isEmpty else {
                throw FieldPathError(text.isEmpty ? "the path is empty" : "'\(text)': empty field name")
            }
            guard !name.contains(where: \.isWhitespace) else {
                throw FieldPathError("'\(text)': field names have no spaces")
            }
            segments.append(.key(String(name)))
            chars = chars.dropFirst(name.count)
            expectName = false
        }
        guard !segments.isEmpty else { throw FieldPathError("the path is empty") }
        self.segments = segments
        self.text = text
    }

    /// True when the path can select more than one field.
    public var hasWildcard: Bool { segments.contains(.wildcard) }

    static func render(_ segments: some Collection<Segment>) -> String {
        var out = ""
        for segment in segments {
            switch segment {
            case .key(let name): out += out.isEmpty ? name : "." + name
            case .index(let i): out += "[\(i)]"
            case .wildcard: out += "[*]"
            }
        }
        return out
    }
}

public struct FieldPathError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// One concrete field of a document: a path without wildcards or names of list items,
/// every step a mapping key or a list index.
struct Location: Hashable, CustomStringConvertible {
    enum Step: Hashable {
        case key(String)
        case index(Int)
    }

    var steps: [Step]

    /// Scenario-style spelling, as the loader reports it: `shifts[2].agents`.
    var description: String {
        var out = ""
        for step in steps {
            switch step {
            case .key(let name): out += out.isEmpty ? name : "." + name
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }
}

extension FieldPath {
    /// The concrete fields the path selects in the YAML document `yaml`, spelt as the scenario
    /// loader reports them (`teams[0].shifts[1].agents`).
    public func fields(in yaml: String) throws(FieldPathError) -> [String] {
        guard let root = try? Yams.compose(yaml: yaml) else { throw FieldPathError("not a YAML document") }
        return try locations(in: root).get().map(\.description)
    }

    /// Every field of `root` the path selects, in document order; or a message saying which
    /// part of the path does not exist, with a did-you-mean where one is close.
    func locations(in root: Node) -> Result<[Location], FieldPathError> {
        var current: [(Location, Node)] = [(Location(steps: []), root)]
        for (depth, segment) in segments.enumerated() {
            var next: [(Location, Node)] = []
            for (location, node) in current {
                let here = location.description
                switch (segment, node) {
                case (.key(let name), .mapping(let mapping)):
                    if let value = mapping.first(where: { $0.key.scalar?.string == name })?.value {
                        next.append((Location(steps: location.steps + [.key(name)]), value))
                    } else {
                        let keys = mapping.compactMap { $0.key.scalar?.string }
                        return .failure(missingKey(name, under: here, keys: keys, depth: depth, root: root))
                    }
                case (.key(let name), .sequence(let sequence)):
                    let index = sequence.firstIndex { item in
                        guard case .mapping(let m) = item else { return false }
                        return m.contains { ($0.key.scalar?.string == "name" || $0.key.scalar?.string == "id") && $0.value.scalar?.string == name }
                    }
                    guard let index else {
                        let names = sequence.compactMap { item -> String? in
                            guard case .mapping(let m) = item else { return nil }
                            return m.first { $0.key.scalar?.string == "name" || $0.key.scalar?.string == "id" }?.value.scalar?.string
                        }
                        let hint = EditDistance.suggestion(for: name, among: names).map { "; did you mean '\($0)'?" }
                            ?? (names.isEmpty ? "; select items by index, e.g. [0], or [*] for all" : " (items: \(names.joined(separator: ", ")))")
                        return .failure(FieldPathError("\(text): no item named '\(name)' in the list '\(here)' of the base scenario\(hint)"))
                    }
                    next.append((Location(steps: location.steps + [.index(index)]), sequence[index]))
                case (.index(let i), .sequence(let sequence)):
                    guard i < sequence.count else {
                        return .failure(FieldPathError("\(text): '\(here)' has \(sequence.count) item\(sequence.count == 1 ? "" : "s") in the base scenario, so [\(i)] does not exist (indices start at 0)"))
                    }
                    next.append((Location(steps: location.steps + [.index(i)]), sequence[i]))
                case (.wildcard, .sequence(let sequence)):
                    for (i, item) in sequence.enumerated() {
                        next.append((Location(steps: location.steps + [.index(i)]), item))
                    }
                case (.wildcard, .mapping(let mapping)):
                    for (key, value) in mapping {
                        guard let name = key.scalar?.string else { continue }
                        next.append((Location(steps: location.steps + [.key(name)]), value))
                    }
                case (.index, .mapping), (.index, .scalar), (.wildcard, .scalar):
                    return .failure(FieldPathError("\(text): '\(here)' is \(YAMLField.shown(node)) in the base scenario, not a list"))
                case (.key(let name), .scalar):
                    return .failure(FieldPathError("\(text): '\(here)' is a value (\(YAMLField.shown(node))) in the base scenario; it has no field '\(name)'"))
                case (_, .alias):
                    return .failure(FieldPathError("\(text): '\(here)' is a YAML alias; write the value out in the base scenario"))
                }
            }
            current = next
        }
        guard !current.isEmpty else {
            return .failure(FieldPathError("\(text): selects no field of the base scenario (the list or mapping under [*] is empty)"))
        }
        return .success(current.map(\.0))
    }

    private func missingKey(_ name: String, under here: String, keys: [String], depth: Int, root: Node) -> FieldPathError {
        let parent = here.isEmpty ? "at the top level" : "under '\(here)'"
        var message = "\(text): the base scenario has no field '\(name)' \(parent)"
        // Suggest a spelling only when the corrected path exists as a whole.
        if let guess = EditDistance.suggestion(for: name, among: keys),
           case .success = FieldPath(segments: { var s = segments; s[depth] = .key(guess); return s }()).locations(in: root) {
            var fixed = segments
            fixed[depth] = .key(guess)
            return FieldPathError(message + "; did you mean '\(Self.render(fixed))'?")
        }
        if !keys.isEmpty { message += " (fields there: \(keys.joined(separator: ", ")))" }
        return FieldPathError(message + "; a sweep can vary only fields the base scenario writes out")
    }

    private init(segments: [Segment]) {
        self.segments = segments
        text = Self.render(segments)
    }
}
