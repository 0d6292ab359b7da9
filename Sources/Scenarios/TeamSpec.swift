/// The agents of the single-queue form: one team of identical agents on duty throughout. It
/// becomes an `AgentTeamSpec` with one skill and one shift covering the run; skills, shifts and
/// several teams are `AgentTeamSpec` in the full form.
public struct TeamSpec: Sendable, Hashable {
    /// Label used in reports.
    public var name: String
    /// Number of agents on duty throughout the run (≥ 1).
    public var agents: Int

    public static let defaultName = "agents"

    public init(name: String = TeamSpec.defaultName, agents: Int) {
        self.name = name
        self.agents = agents
    }

    func problems(at path: String) -> [FieldProblem] {
        var found: [FieldProblem] = []
        if name.allSatisfy(\.isWhitespace) {
            found.append(.init(joinPath(path, "name"), "must not be empty"))
        }
        if agents < 1 {
            found.append(.init(joinPath(path, "agents"), "must be at least 1, got \(agents)"))
        }
        return found
    }
}
