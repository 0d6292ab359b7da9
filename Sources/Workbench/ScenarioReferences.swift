import Foundation
import Scenarios
import Yams

/// The files a scenario names inside itself — `demand.forecast` (or `forecast.file`),
/// `teams.<name>.roster`, `empirical.file` — held to the workspace's rule before the loader reads
/// them: relative to the scenario's folder, never absolute, never into a hidden folder (the history
/// lives in `.ccsim/`), and not leading out of the workspace through `..` or a symbolic link. A
/// refused name is reported like any scenario problem, at its line and field path, so the editor
/// shows it where it is written.
extension Workspace {
    /// The problems of the file names in `yaml` (the scenario `file`, relative to the root); none when the text is not YAML
    /// (the loader reports that). The names are those the loader reads (`ScenarioFileReferences`).
    public func referenceProblems(yaml: String, file: String) -> [ScenarioIssue] {
        guard let references = ScenarioFileReferences.find(yaml: yaml) else { return [] }
        return references.compactMap { reference in
            referenceRefusal(reference.name, from: file).map {
                ScenarioIssue(file: file, line: reference.line, column: reference.column, path: reference.path, message: "\(reference.name): refused: \($0)")
            }
        }
    }

    /// Why a file named inside the scenario `file` may not be read, or nil when it may.
    func referenceRefusal(_ name: String, from file: String) -> String? {
        if name.hasPrefix("/") || name.hasPrefix("~") { return "absolute paths are not allowed in the workbench; name the file relative to the scenario" }
        if name.contains("\0") || name.contains("\\") { return "invalid character in path" }
        let base = URL(fileURLWithPath: baseDirectory(of: file), isDirectory: true)
        let resolved = base.appendingPathComponent(name).standardizedFileURL.resolvingSymlinksInPath().path
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        guard resolved.hasPrefix(prefix) else { return "it leads outside the workspace" }
        if resolved.dropFirst(prefix.count).split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            return "hidden files and folders are not read"
        }
        return nil
    }

    /// Loads the text as the scenario `file` would load, after its file names pass the workspace's rule.
    public func load(yaml: String, file: String) -> Result<Scenario, ScenarioError> {
        let refused = referenceProblems(yaml: yaml, file: file)
        guard refused.isEmpty else { return .failure(ScenarioError(issues: refused)) }
        return ScenarioCheck.load(yaml: yaml, file: file, baseDirectory: baseDirectory(of: file))
    }
}

extension Workspace {
    /// Whether a YAML text is a sweep spec (`ccsim sweep run`: a `base` scenario and `parameters`
    /// to vary) rather than a scenario: listed apart and not run as a scenario.
    public static func isSweepSpec(_ yaml: String) -> Bool {
        guard let root = try? Yams.compose(yaml: yaml) else { return false }
        return ScenarioLoader.isSweepSpec(root)
    }

    /// The workspace's YAML files split into scenarios and sweep specs.
    public func listing() -> (scenarios: [String], sweeps: [String]) {
        var scenarios: [String] = [], sweeps: [String] = []
        for file in scenarioFiles() {
            if let text = try? read(file), Self.isSweepSpec(text) { sweeps.append(file) } else { scenarios.append(file) }
        }
        return (scenarios, sweeps)
    }
}
