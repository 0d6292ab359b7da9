/// A semantic problem found by a value type's own checks, addressed by its YAML field path.
///
/// The checks live with the types (`RunSettings.problems(at:)` …) so that a scenario read from
/// YAML and one built in code are held to exactly the same rules; the loader turns a path back
/// into a line and column, `Scenario.validate()` reports it without one.
struct FieldProblem: Sendable, Hashable {
    var path: String
    var message: String

    init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }
}

/// Joins field-path components: `join("team", "agents") == "team.agents"`, `join("", "name") == "name"`.
func joinPath(_ parent: String, _ child: String) -> String {
    if parent.isEmpty { return child }
    if child.isEmpty { return parent }
    return child.hasPrefix("[") ? parent + child : parent + "." + child
}
