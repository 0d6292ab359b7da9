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
        guard var root = try Yams.compose(yaml: template), let fitted = try Yams.compose(yaml: fragment) else {
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
