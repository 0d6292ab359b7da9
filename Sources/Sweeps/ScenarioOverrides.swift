import Foundation
import Scenarios
import Yams

/// `ccsim run SCENARIO --set PATH=VALUE …`: a scenario with some fields replaced, addressed by
/// the same field paths as a sweep's parameters (`team.agents=48`, `teams.phones.shifts[*].agents=12`,
/// `handle_time={lognormal: {mean: 5m, cv: 1.2}}`).
///
/// Why through the sweep planner: an override is a one-point sweep with one `set` value per
/// path, so paths resolve, values apply and the point's scenario is validated exactly as in a
/// sweep — one implementation of "vary a field", not two that could drift apart.
public enum ScenarioOverrides {
    /// The scenario at `path` with every `PATH=VALUE` assignment applied, validated. Problems name
    /// the scenario file and the assignment (`FILE: --set team.agents=0: …`).
    public static func apply(_ assignments: [String], toScenarioAt path: String) throws(ScenarioError) -> Scenario {
        guard !assignments.isEmpty else { return try ScenarioLoader.load(path: path) }
        var parameters: [Node] = []
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw ScenarioError(file: path, path: "--set \(assignment)",
                                    message: "write PATH=VALUE, e.g. --set team.agents=48 (paths as in sweep files)")
            }
            let field = String(assignment[..<equals]).trimmingCharacters(in: .whitespaces)
            let value = String(assignment[assignment.index(after: equals)...])
            if let flag = ["run.seed": "--seed", "run.replications": "--replications"][field] {
                throw ScenarioError(file: path, path: "--set \(assignment)", message: "use \(flag) for \(field)")
            }
            // The value is YAML, as in a sweep's `set:` list: `5m`, `80%`, or a flow mapping.
            let node: Node
            do {
                node = try Yams.compose(yaml: value) ?? Node("")
            } catch {
                throw ScenarioError(file: path, path: "--set \(assignment)", message: "the value is not valid YAML: \(error)")
            }
            parameters.append(Node.mapping(Node.Mapping([(Node("path"), Node(field)), (Node("set"), Node.sequence(Node.Sequence([node])))])))
        }
        // Run settings belong to the run command (`--seed`, `--replications`), as to sweeps.
        let document = Node.mapping(Node.Mapping([
            (Node("name"), Node("set")), (Node("base"), Node(path)),
            (Node("parameters"), Node.sequence(Node.Sequence(parameters))),
        ]))
        let text: String
        do {
            text = try Yams.serialize(node: document, width: -1)
        } catch {
            throw ScenarioError(file: path, message: "cannot apply --set: \(error)")
        }
        let plan: SweepPlan
        do {
            plan = try SweepPlanner.plan(text: text, file: placeholderFile)
        } catch {
            // Problems of the base scenario itself already name its file; the others are re-said.
            throw ScenarioError(issues: error.issues.map { $0.file == placeholderFile ? relocate($0, assignments: assignments, scenario: path) : $0 })
        }
        guard let point = plan.points.first else { throw ScenarioError(file: path, message: "cannot apply --set") }
        return point.scenario
    }

    /// The stand-in file name of the one-point sweep: its problems are re-said in terms of `--set`.
    private static let placeholderFile = "<--set>"

    /// `<--set>:4:9: parameters[1].set[0]: this value gives …` → `FILE: --set a.b=5: this value gives …`.
    private static func relocate(_ issue: ScenarioIssue, assignments: [String], scenario: String) -> ScenarioIssue {
        let path = issue.path
        if path.hasPrefix("parameters["), let close = path.firstIndex(of: "]"),
           let index = Int(path[path.index(path.startIndex, offsetBy: 11)..<close]), assignments.indices.contains(index) {
            return ScenarioIssue(file: scenario, path: "--set \(assignments[index])", message: issue.message)
        }
        return ScenarioIssue(file: scenario, path: "--set", message: issue.message)
    }
}
