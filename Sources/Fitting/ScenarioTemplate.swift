import Scenarios
import Yams

/// Puts fitted inputs into a scenario the planner already has (`ccsim fit --template`).
///
/// Works on the YAML documents, not on Swift types, so the template keeps its own
/// teams, routing, run settings and comments' layout of everything not fitted: for
/// each channel of the fragment, its `demand`, `tiers` and `patience` replace the
/// template's; for each tier, the fitted channels' `handle_time` entries, `resolution`
/// and `escalation` replace the template's. The result is then loaded (and so
/// validated) like any scenario file.
public enum ScenarioTemplate {
    public struct MergeError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The template with the fragment's fitted values in it, as YAML text.
    public static func merge(template: String, templateFile: String, fragment: String) throws -> String {
        guard var root = try Yams.compose(yaml: template).map({ restoringFlowStyle($0, lines: lines(template)) }),
              let fitted = try Yams.compose(yaml: fragment).map({ restoringFlowStyle($0, lines: lines(fragment)) }) else {
            throw MergeError(description: "\(templateFile): empty document")
        }
        guard root.mapping?["channels"] != nil, root.mapping?["tiers"] != nil else {
            throw MergeError(description: "\(templateFile): a template needs the full form (channels, tiers, teams)")
        }
        for (name, channel) in entries(fitted, "channels") {
            guard root.mapping?["channels"]?.mapping?[name] != nil else {
                throw MergeError(description: "\(templateFile): channels.\(name): the log has this channel but the template does not")
            }
            for (key, value) in entries(channel) where ["demand", "tiers", "patience"].contains(key) {
                root = setting(root, ["channels", name, key], to: value)
            }
        }
        for (name, tier) in entries(fitted, "tiers") {
            guard root.mapping?["tiers"]?.mapping?[name] != nil else {
                throw MergeError(description: "\(templateFile): tiers.\(name): the log has this tier but the template does not")
            }
            for (channel, distribution) in entries(tier, "handle_time") {
                root = setting(root, ["tiers", name, "handle_time", channel], to: distribution)
            }
            for (key, value) in entries(tier) where ["resolution", "escalation"].contains(key) {
                root = setting(root, ["tiers", name, key], to: value)
            }
        }
        return try Yams.serialize(node: root)
    }

    /// `node` with every mapping and list in the style its text was written in: `{…}` and `[…]`
    /// stay on one line. Yams' composer does not keep the style (it reads it off the closing
    /// event), so without this a 24-value profile would come out one value per line and a
    /// 43-line template as 190 lines. A collection's mark points at its `{` or `[` when it is
    /// written in flow style, at its first entry otherwise.
    static func restoringFlowStyle(_ node: Node, lines: [Substring]) -> Node {
        func isFlow(_ mark: Mark?) -> Bool {
            guard let mark, mark.line >= 1, mark.line <= lines.count, mark.column >= 1 else { return false }
            let scalars = lines[mark.line - 1].unicodeScalars
            guard mark.column <= scalars.count else { return false }
            let character = scalars[scalars.index(scalars.startIndex, offsetBy: mark.column - 1)]
            return character == "{" || character == "["
        }
        switch node {
        case .mapping(let mapping):
            let pairs = mapping.map { (restoringFlowStyle($0.key, lines: lines), restoringFlowStyle($0.value, lines: lines)) }
            return .mapping(Node.Mapping(pairs, mapping.tag, isFlow(mapping.mark) ? .flow : .block, mapping.mark))
        case .sequence(let sequence):
            let items = sequence.map { restoringFlowStyle($0, lines: lines) }
            return .sequence(Node.Sequence(items, sequence.tag, isFlow(sequence.mark) ? .flow : .block, sequence.mark))
        case .scalar, .alias:
            return node
        }
    }

    private static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The (key, value) pairs of the mapping at `path` below `node`, in order.
    private static func entries(_ node: Node, _ path: String...) -> [(String, Node)] {
        var current: Node? = node
        for key in path { current = current?.mapping?[key] }
        return current?.mapping?.compactMap { pair in pair.key.string.map { ($0, pair.value) } } ?? []
    }

    /// `node` with the value at `path` replaced (a missing last key, or a missing
    /// `handle_time` mapping, is added).
    private static func setting(_ node: Node, _ path: ArraySlice<String>, to value: Node) -> Node {
        guard let key = path.first else { return value }
        guard case .mapping(var mapping) = node else { return node }
        if let index = mapping.firstIndex(where: { $0.key.string == key }) {
            let pair = mapping[index]
            mapping[index] = (key: pair.key, value: setting(pair.value, path.dropFirst(), to: value))
        } else {
            let inner = setting(.mapping(Node.Mapping([])), path.dropFirst(), to: value)
            mapping = Node.Mapping(mapping.map { ($0.key, $0.value) } + [(Node(key), inner)], mapping.tag, mapping.style, mapping.mark)
        }
        return .mapping(mapping)
    }

    private static func setting(_ node: Node, _ path: [String], to value: Node) -> Node {
        setting(node, path[...], to: value)
    }
}
