import Stochastics

/// A complete, validated description of one contact-center experiment: how to run it (`run`)
/// and the center being simulated (`center`: channels, tiers, teams, routing).
///
/// Scenarios are normally read with `ScenarioLoader`, which validates them. A scenario built or
/// modified in code should be checked with `validate()`, which applies exactly the same rules.
/// The foundation's single queue is one shape of center: build it with
/// `init(name:description:run:arrivals:team:handleTime:patience:serviceLevel:source:)` and read
/// it back with `singleQueue`.
public struct Scenario: Sendable, Hashable {
    /// Short identifier used in reports and result file names.
    public var name: String
    /// Free text for humans.
    public var description: String?
    public var run: RunSettings
    public var center: CenterSpec
    /// Shift templates for `ccsim schedule` (the `scheduling` section); nil when absent.
    public var scheduling: SchedulingSpec? = nil
    /// The file the scenario was read from, if any (used in messages and result metadata).
    public var source: String?

    public init(name: String, description: String? = nil, run: RunSettings = RunSettings(),
                center: CenterSpec, source: String? = nil) {
        self.name = name
        self.description = description
        self.run = run
        self.center = center
        self.source = source
    }

    /// Applies the loader's checks to a scenario built in code. Issues carry field paths
    /// (`teams.frontline.shifts[0].agents`, or `team.agents` for a single queue) but no line
    /// numbers; the file is `source` or `<scenario>`.
    public func validate() throws(ScenarioError) {
        let found = problems()
        guard found.isEmpty else {
            let file = source ?? "<scenario>"
            throw ScenarioError(issues: found.map { ScenarioIssue(file: file, path: $0.path, message: $0.message) })
        }
    }

    /// Every rule a scenario must satisfy, by field path. A single queue is checked with the
    /// foundation's paths (`team.agents`), the way such a scenario is written in YAML, and then
    /// with the full form's center checks at those paths (`SingleQueueChecks`).
    func problems() -> [FieldProblem] {
        var found = Self.nameProblems(name)
        found += run.problems(at: "run")
        if let view = singleQueue {
            let own = view.problems()
            found += own + SingleQueueChecks.problems(center, run: run, besides: own)
        } else {
            found += CenterChecks(center: center, run: run).problems()
        }
        found += scheduling?.problems(teamNames: center.teams.map(\.name)) ?? []
        return found
    }

    static func nameProblems(_ name: String) -> [FieldProblem] {
        name.allSatisfy(\.isWhitespace) ? [FieldProblem("name", "must not be empty")] : []
    }

    /// Valid parameters, never negative, and a positive mean: a zero handle time would let one
    /// agent serve infinitely many contacts.
    static func handleTimeProblems(_ distribution: Distribution, at path: String = "handle_time") -> [FieldProblem] {
        let found = DistributionChecks.problems(distribution, at: path, kind: .duration)
        guard found.isEmpty else { return found }
        let mean = distribution.mean
        guard mean.isFinite, mean > 0 else {
            return [FieldProblem(path, "mean handle time must be greater than 0, got \(Quantity.describe(duration: mean))")]
        }
        return []
    }

    /// Valid parameters and never negative; zero patience (everyone abandons at once) is allowed.
    static func patienceProblems(_ distribution: Distribution, at path: String = "patience") -> [FieldProblem] {
        DistributionChecks.problems(distribution, at: path, kind: .duration)
    }
}

extension Scenario {
    /// What is allowed but worth telling whoever runs the scenario, one line each
    /// (`teams.frontline.shifts[0]: the shift 07:30–16:00 starts before opening …`): shifts partly
    /// outside the opening hours, roster rows dated outside the run.
    public var notes: [String] {
        guard singleQueue == nil else { return [] }
        var found = CenterChecks(center: center, run: run).openingHoursNotes()
        for team in center.teams {
            guard let roster = team.roster, roster.rowsOutsideRun > 0 else { continue }
            found.append(FieldProblem("teams.\(team.name).roster",
                                      "\(roster.file): \(roster.rowsOutsideRun) row\(roster.rowsOutsideRun == 1 ? "" : "s") dated outside the run ignored"))
        }
        return found.map { "\($0.path): \($0.message)" }
    }
}
