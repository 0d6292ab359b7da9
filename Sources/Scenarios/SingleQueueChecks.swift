/// The single-queue form held to the full form's rules: its center goes through the same
/// `CenterChecks`, and what they find is said at the single-queue form's paths (`team.name`,
/// not `teams[0]`). The form's own checks run first, in its own words; a center check on a
/// field they already faulted is left out, so one mistake is reported once.
enum SingleQueueChecks {
    /// Problems of the single-queue `center` that its own checks (`already`) did not report.
    static func problems(_ center: CenterSpec, run: RunSettings?, besides already: [FieldProblem]) -> [FieldProblem] {
        let checks = CenterChecks(center: center, run: run)
        let mapped = checks.problems().map { FieldProblem(path($0.path, in: checks), $0.message) }
        return mapped.filter { problem in !already.contains { overlaps($0.path, problem.path) } }
    }

    /// A full-form path of the one-channel center at the single-queue form's place for it.
    static func path(_ path: String, in checks: CenterChecks) -> String {
        let team = checks.teamPath(0)
        let homes: [(full: String, single: String)] = [
            (joinPath(checks.channelPath(0), "demand"), "arrivals"),
            (joinPath(checks.channelPath(0), "patience"), "patience"),
            (joinPath(checks.channelPath(0), "service_level"), "service_level"),
            // Who takes the channel's work (reachability): in this form, the team's agents.
            (joinPath(checks.channelPath(0), "tiers"), "team.agents"),
            (checks.channelPath(0), "arrivals"),
            (joinPath(joinPath(checks.tierPath(0), "handle_time"), checks.channelName(0)), "handle_time"),
            (checks.tierPath(0), "handle_time"),
            // A name that cannot be a path segment is reported at `teams[0]`: the team's name;
            // at `teams.<name>` the checks speak of its agents on duty throughout.
            (team, team.hasSuffix("]") ? "team.name" : "team.agents"),
            ("teams", "team"),
        ]
        for home in homes {
            if path == home.full { return home.single }
            if path.hasPrefix(home.full + ".") || path.hasPrefix(home.full + "[") {
                let rest = path.dropFirst(home.full.count)
                // Shifts and skills are the full form's; in the single-queue form they are `team.agents`.
                if home.full == team || home.single == "team.agents" { return "team.agents" }
                return home.single + rest
            }
        }
        return path
    }

    /// Whether one path is the other or inside it (`team` and `team.agents`).
    static func overlaps(_ a: String, _ b: String) -> Bool {
        func inside(_ x: String, _ y: String) -> Bool { x == y || x.hasPrefix(y + ".") || x.hasPrefix(y + "[") }
        return inside(a, b) || inside(b, a)
    }
}
