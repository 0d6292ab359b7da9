import Foundation
import Stochastics
import Yams

/// Reads scenario files: YAML text → validated `Scenario`, or a `ScenarioError` listing every
/// problem found (see `ScenarioError` for the format and the collect-all policy).
public enum ScenarioLoader {
    /// Reads and validates the scenario at `path`. Relative `empirical.file` paths are resolved
    /// against the scenario file's directory; messages name the file as `path` is written.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScenarioError(file: path, message: "cannot read scenario: no such file" + NearbyFiles.hint(for: path))
        }
        guard !isDirectory.boolValue else {
            throw ScenarioError(file: path, message: "cannot read scenario: it is a directory" + NearbyFiles.listing(directory: path))
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
           size > DomainLimits.maxFileBytes {
            throw ScenarioError(file: path, message: "cannot read scenario: it is \(size >> 20) MiB, more than the \(DomainLimits.maxFileBytes >> 20) MiB a scenario file may have")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(file: path, message: "cannot read scenario: permission denied or I/O error")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(file: path, message: "cannot read scenario: not UTF-8 text")
        }
        let directory = (path as NSString).deletingLastPathComponent
        return try parse(yaml: text, file: path, baseDirectory: directory.isEmpty ? "." : directory)
    }

    /// Reads and validates scenario YAML held in memory.
    /// - Parameters:
    ///   - file: name used in messages and stored as `Scenario.source`.
    ///   - baseDirectory: where relative `empirical.file` paths are resolved; nil = the current directory.
    public static func parse(yaml: String, file: String, baseDirectory: String? = nil) throws(ScenarioError) -> Scenario {
        let root = try YAMLDocument.compose(yaml: yaml, file: file)
        // A sweep spec given where a scenario belongs would otherwise be told it lacks every scenario field.
        if isSweepSpec(root) { throw ScenarioError(file: file, line: 1, column: 1, message: sweepSpecNote(file)) }
        let log = IssueCollector(file: file)
        let scenario = ScenarioDecoder(log: log, baseDirectory: baseDirectory ?? ".")
            .decode(YAMLField(node: root, path: "", keyMark: nil, log: log), source: file)
        guard log.isEmpty, let scenario else { throw log.error() }
        return scenario
    }

    /// Whether a YAML document is a sweep spec (`ccsim sweep run`: a `base` scenario and
    /// `parameters` to vary) rather than a scenario.
    public static func isSweepSpec(_ root: Node) -> Bool {
        guard let top = root.mapping else { return false }
        return top["base"] != nil && top["parameters"] != nil
    }

    /// What to say when a sweep spec is given as a scenario.
    public static func sweepSpecNote(_ file: String) -> String {
        "\(file) is a sweep spec (a base scenario and parameters to vary), not a scenario: run it with `ccsim sweep run \(file)` (`--dry-run` checks it)"
    }

    /// Reads a single distribution such as `{lognormal: {mean: 4m, cv: 0.7}}` with the scenario
    /// grammar, for tools and for quantities other than durations (`kind: .number`).
    public static func parseDistribution(yaml: String, kind: QuantityKind = .duration,
                                         file: String = "<distribution>",
                                         baseDirectory: String? = nil) throws(ScenarioError) -> Distribution {
        let root = try YAMLDocument.compose(yaml: yaml, file: file)
        let log = IssueCollector(file: file)
        let field = YAMLField(node: root, path: "", keyMark: nil, log: log)
        let distribution = DistributionDecoder.decode(field, kind: kind, baseDirectory: baseDirectory ?? ".")
        if let distribution { log.report(DistributionChecks.problems(distribution, at: "", kind: kind)) }
        guard log.isEmpty, let distribution else { throw log.error() }
        return distribution
    }
}
