import Yams

/// A file a scenario names inside itself, where it is written.
public struct ScenarioFileReference: Sendable, Hashable {
    /// The field path, as errors name it (`channels.voice.demand.forecast`).
    public var path: String
    /// The file name as written (relative names resolve against the scenario's folder).
    public var name: String
    /// 1-based line and column (in Unicode scalars, as libYAML counts) of the value, at its
    /// opening quote when quoted.
    public var line: Int
    public var column: Int
    public var style: Style

    /// How the value is written: the rewriter replaces plain and quoted one-line values.
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, block
    }

    public var isRelative: Bool { !name.hasPrefix("/") }
}

/// The files a full-form scenario names inside itself, found where the decoders read them with
/// the scenario's base directory: `channels.<c>.demand.forecast` (or its `file`),
/// `teams.<t>.roster`, and `empirical.file` of any distribution. A copy of the scenario written
/// into another folder must rewrite the relative ones, or it names files that are not there.
public enum ScenarioFileReferences {
    /// Every reference in the composed document, in document order; aliases of one value count once.
    public static func find(in root: Node) -> [ScenarioFileReference] {
        var found: [ScenarioFileReference] = []
        var seen = Set<String>()
        func walk(_ node: Node, path: [String]) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    guard let name = key.string else { continue }
                    walk(value, path: path + [name])
                }
            case .sequence(let sequence):
                for (i, item) in sequence.enumerated() {
                    var indexed = path
                    if let last = indexed.popLast() { indexed.append("\(last)[\(i)]") } else { indexed.append("[\(i)]") }
                    walk(item, path: indexed)
                }
            case .scalar(let scalar):
                guard isFileField(path), let mark = scalar.mark, seen.insert("\(mark.line):\(mark.column)").inserted else { return }
                found.append(ScenarioFileReference(path: path.joined(separator: "."), name: scalar.string,
                                                   line: mark.line, column: mark.column, style: style(scalar.style)))
            default:
                return
            }
        }
        walk(root, path: [])
        return found
    }

    static func style(_ style: Node.Scalar.Style) -> ScenarioFileReference.Style {
        switch style {
        case .singleQuoted: return .singleQuoted
        case .doubleQuoted: return .doubleQuoted
        case .literal, .folded: return .block
        default: return .plain
        }
    }

    /// Every reference in a scenario's text; nil when it is not YAML (the loader says why).
    public static func find(yaml: String) -> [ScenarioFileReference]? {
        guard let root = (try? Yams.compose(yaml: yaml)) ?? nil else { return nil }
        return find(in: root)
    }

    /// Whether a scalar at `path` is read as a file name (see the type's comment for the fields).
    static func isFileField(_ path: [String]) -> Bool {
        guard let last = path.last else { return false }
        let parent = path.count >= 2 ? path[path.count - 2] : nil
        switch last {
        case "forecast": return parent == "demand"
        case "file": return parent == "empirical" || (parent == "forecast" && path.count >= 3 && path[path.count - 3] == "demand")
        case "roster": return path.count == 3 && path[0] == "teams"
        default: return false
        }
    }
}
