import Scenarios

/// What the editor shows as the user types: the loader's problems, each at its line, or an outline
/// of the valid scenario (channels and teams, for the what-if levers).
public struct ScenarioCheck: Codable, Sendable {
    public var valid: Bool
    public var issues: [Issue]
    public var outline: Outline?

    /// One problem, located; `text` is the loader's one-line `file:line:col: path: problem`.
    public struct Issue: Codable, Sendable, Equatable {
        public var line: Int?
        public var column: Int?
        public var path: String
        public var message: String
        public var text: String
    }

    public struct Outline: Codable, Sendable {
        public var name: String
        public var seed: UInt64
        public var replications: Int
        public var channels: [String]
        public var teams: [Team]
        /// Whether any channel's customers abandon (the patience lever does something).
        public var hasPatience: Bool

        public struct Team: Codable, Sendable {
            public var name: String
            /// Agents on its largest shift, or on duty throughout.
            public var agents: Int
            public var shrinkage: Double
        }
    }

    /// Loads the text as the scenario file `file` (relative to the workspace) would load.
    public static func load(yaml: String, file: String, baseDirectory: String) -> Result<Scenario, ScenarioError> {
        Result { () throws(ScenarioError) in try ScenarioLoader.parse(yaml: yaml, file: file, baseDirectory: baseDirectory) }
    }

    public init(_ result: Result<Scenario, ScenarioError>) {
        switch result {
        case .success(let scenario):
            valid = true
            issues = []
            outline = Outline(
                name: scenario.name, seed: scenario.run.seed, replications: scenario.run.replications,
                channels: scenario.center.channels.map(\.name),
                teams: scenario.center.teams.map {
                    Outline.Team(name: $0.name, agents: max($0.constantAgents, $0.shifts.map(\.agents).max() ?? 0), shrinkage: $0.shrinkage)
                },
                hasPatience: scenario.center.channels.contains { $0.patience != nil })
        case .failure(let error):
            valid = false
            outline = nil
            issues = error.issues.map {
                Issue(line: $0.line, column: $0.column, path: $0.path, message: $0.message, text: $0.description)
            }
        }
    }
}
