import Foundation
import Yams

/// The form view of a scenario: its most used figures (agents per team or shift, volume, handle
/// time, patience, service-level targets), each found in the YAML with the line and column where
/// its value is written. The page edits a value by replacing those characters in the editor's
/// text, so comments, layout and every other field stay as they are, the editor and the form show
/// the same text, and validation messages keep pointing at their lines.
///
/// Only plain scalars are offered (numbers and quantities such as `5m`, `80%`, `1400`): a quoted
/// or multi-line value would need more than a replacement of its characters.
public struct ScenarioForm: Codable, Sendable, Equatable {
    public struct Field: Codable, Sendable, Equatable {
        /// The field path, as in validation messages (`teams.frontline.shifts[0].agents`).
        public var path: String
        /// The section it is shown under (a team, a channel, a tier) and its label there.
        public var group: String
        public var label: String
        public var value: String
        /// Where the value starts: 1-based line and column (characters).
        public var line: Int
        public var column: Int
    }

    public var fields: [Field]

    /// The group and label of a field, from its path's captures and the mapping it sits in.
    private typealias Describe = @Sendable (_ captures: [String], _ siblings: Node.Mapping?) -> (String, String)

    /// What is offered, by field path: the pattern, the group and label made from its captures.
    nonisolated(unsafe) private static let patterns: [(NSRegularExpression, Describe)] = rules.map {
        (try! NSRegularExpression(pattern: $0.0), $0.1)
    }

    private static let rules: [(String, Describe)] = [
        (#"^teams\.([^.]+)\.shifts\[(\d+)\]\.agents$"#, { c, s in ("Team \(c[0])", "agents on shift \(Int(c[1])! + 1)" + shiftContext(s)) }),
        (#"^teams\.([^.]+)\.agents$"#, { c, _ in ("Team \(c[0])", "agents") }),
        (#"^team\.agents$"#, { _, _ in ("Team", "agents") }),
        (#"^channels\.([^.]+)\.demand\.(per_day|per_week|rate|per_hour)$"#, { c, _ in ("Channel \(c[0])", "volume (\(c[1].replacingOccurrences(of: "_", with: " ")))") }),
        (#"^arrivals\.rate$"#, { _, _ in ("Demand", "arrival rate") }),
        (#"^channels\.([^.]+)\.handle_time\.[a-z_]+\.mean$"#, { c, _ in ("Channel \(c[0])", "handle time (mean)") }),
        (#"^tiers\.([^.]+)\.handle_time\.([^.]+)\.[a-z_]+\.mean$"#, { c, _ in ("Tier \(c[0])", "handle time of \(c[1]) (mean)") }),
        (#"^handle_time\.[a-z_]+\.mean$"#, { _, _ in ("Demand", "handle time (mean)") }),
        (#"^channels\.([^.]+)\.patience\.[a-z_]+\.mean$"#, { c, _ in ("Channel \(c[0])", "patience (mean)") }),
        (#"^patience\.[a-z_]+\.mean$"#, { _, _ in ("Demand", "patience (mean)") }),
        (#"^channels\.([^.]+)\.service_level\.(answer_within|target)$"#, { c, _ in
            ("Channel \(c[0])", c[1] == "target" ? "service-level target" : "answered within") }),
        (#"^service_level\.(answer_within|target)$"#, { c, _ in ("Demand", c[0] == "target" ? "service-level target" : "answered within") }),
        (#"^teams\.([^.]+)\.shrinkage$"#, { c, _ in ("Team \(c[0])", "shrinkage") }),
    ]

    static func shiftContext(_ shift: Node.Mapping?) -> String {
        let start = shift?["start"]?.string, days = shift?["days"]?.string
        let parts = [start.map { "from \($0)" }, days].compactMap { $0 }
        return parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
    }

    /// The form of a scenario text; no fields when it is not YAML.
    public init(yaml: String) {
        fields = []
        guard let root = try? Yams.compose(yaml: yaml) else { return }
        walk(root, path: "", parent: nil)
    }

    private mutating func walk(_ node: Node, path: String, parent: Node.Mapping?) {
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                walk(value, path: path.isEmpty ? name : "\(path).\(name)", parent: mapping)
            }
        case .sequence(let sequence):
            for (i, item) in sequence.enumerated() { walk(item, path: "\(path)[\(i)]", parent: nil) }
        case .scalar(let scalar):
            guard scalar.style == .plain, let mark = scalar.mark, !scalar.string.isEmpty, !scalar.string.contains("\n") else { return }
            let range = NSRange(path.startIndex..., in: path)
            for (pattern, describe) in Self.patterns {
                guard let match = pattern.firstMatch(in: path, range: range) else { continue }
                let captures = (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: path).map { String(path[$0]) } }
                let (group, label) = describe(captures, parent)
                fields.append(Field(path: path, group: group, label: label, value: scalar.string, line: mark.line, column: mark.column))
                break
            }
        default:
            return
        }
    }
}
