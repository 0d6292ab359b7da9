import Yams

/// Changes to a composed YAML tree, by `Location`: the sweep's way of building a point's
/// scenario from the base scenario without knowing the scenario's Swift types.
enum DocumentEdit {
    /// The node at `location` (which must exist).
    static func node(at location: Location, in root: Node) -> Node? {
        var node = root
        for step in location.steps {
            switch (step, node) {
            case (.key(let name), .mapping(let mapping)):
                guard let value = mapping.first(where: { $0.key.scalar?.string == name })?.value else { return nil }
                node = value
            case (.index(let i), .sequence(let sequence)) where i < sequence.count:
                node = sequence[i]
            default:
                return nil
            }
        }
        return node
    }

    /// `root` with the node at `location` replaced by `transform(old)`. A missing final key of
    /// an existing mapping is added (used only for `run.seed`).
    static func replacing(_ location: Location, in root: Node, with transform: (Node?) -> Node) -> Node {
        replace(root, location.steps[...], transform)
    }

    private static func replace(_ node: Node, _ steps: ArraySlice<Location.Step>, _ transform: (Node?) -> Node) -> Node {
        guard let step = steps.first else { return transform(node) }
        let rest = steps.dropFirst()
        switch (step, node) {
        case (.key(let name), .mapping(var mapping)):
            if let index = mapping.firstIndex(where: { $0.key.scalar?.string == name }) {
                let pair = mapping[index]
                mapping[index] = (key: pair.key, value: replace(pair.value, rest, transform))
            } else {
                let empty = Node.mapping(Node.Mapping([]))
                let value = rest.isEmpty ? transform(nil) : replace(empty, rest, transform)
                mapping = Node.Mapping(mapping.map { ($0.key, $0.value) } + [(Node(name), value)], mapping.tag, mapping.style, mapping.mark)
            }
            return .mapping(mapping)
        case (.index(let i), .sequence(var sequence)) where i < sequence.count:
            sequence[i] = replace(sequence[i], rest, transform)
            return .sequence(sequence)
        default:
            return node
        }
    }

    /// A plain scalar holding `text`.
    static func scalar(_ text: String) -> Node { Node(text) }

    /// A one-line rendering of a value for tables and labels: `5m`, `{exponential: {mean: 5m}}`.
    static func flowText(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string
        case .mapping(let mapping):
            return "{" + mapping.map { "\(flowText($0.key)): \(flowText($0.value))" }.joined(separator: ", ") + "}"
        case .sequence(let sequence):
            return "[" + sequence.map(flowText).joined(separator: ", ") + "]"
        case .alias: return "*alias"
        }
    }
}
