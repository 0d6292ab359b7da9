import Stochastics

/// A complete, validated description of one contact-center experiment: a single queue served by
/// a single team (the foundation; channels, tiers and scheduled teams will extend it).
///
/// Scenarios are normally read with `ScenarioLoader`, which validates them. A scenario built or
/// modified in code should be checked with `validate()`, which applies exactly the same rules.
public struct Scenario: Sendable, Hashable {
    /// Short identifier used in reports and result file names.
    public var name: String
    /// Free text for humans.
    public var description: String?
    public var run: RunSettings
    public var arrivals: ArrivalProcess
    public var team: TeamSpec
    /// Handle (service) time per contact, in seconds; its mean must be positive.
    public var handleTime: Distribution
    /// Time a waiting caller is willing to wait before abandoning, in seconds; nil = never abandons.
    public var patience: Distribution?
    public var serviceLevel: ServiceLevelTarget
    /// The file the scenario was read from, if any (used in messages and result metadata).
    public var source: String?

    public init(
        name: String,
        description: String? = nil,
        run: RunSettings = RunSettings(),
        arrivals: ArrivalProcess,
        team: TeamSpec,
        handleTime: Distribution,
        patience: Distribution? = nil,
        serviceLevel: ServiceLevelTarget = ServiceLevelTarget(),
        source: String? = nil
    ) {
        self.name = name
        self.description = description
        self.run = run
        self.arrivals = arrivals
        self.team = team
        self.handleTime = handleTime
        self.patience = patience
        self.serviceLevel = serviceLevel
        self.source = source
    }

    /// Applies the loader's checks to a scenario built in code. Issues carry field paths
    /// (`team.agents`) but no line numbers; the file is `source` or `<scenario>`.
    public func validate() throws(ScenarioError) {
        let found = problems()
        guard found.isEmpty else {
            let file = source ?? "<scenario>"
            throw ScenarioError(issues: found.map { ScenarioIssue(file: file, path: $0.path, message: $0.message) })
        }
    }

    /// Every rule a scenario must satisfy, by field path.
    func problems() -> [FieldProblem] {
        var found: [FieldProblem] = []
        found += Self.nameProblems(name)
        found += run.problems(at: "run")
        found += arrivals.problems(at: "arrivals")
        found += team.problems(at: "team")
        found += Self.handleTimeProblems(handleTime)
        if let patience { found += Self.patienceProblems(patience) }
        found += serviceLevel.problems(at: "service_level")
        return found
    }

    static func nameProblems(_ name: String) -> [FieldProblem] {
        name.allSatisfy(\.isWhitespace) ? [FieldProblem("name", "must not be empty")] : []
    }

    /// Valid parameters, never negative, and a positive mean: a zero handle time would let one
    /// agent serve infinitely many contacts.
    static func handleTimeProblems(_ distribution: Distribution) -> [FieldProblem] {
        let found = DistributionChecks.problems(distribution, at: "handle_time", kind: .duration)
        guard found.isEmpty else { return found }
        let mean = distribution.mean
        guard mean.isFinite, mean > 0 else {
            return [FieldProblem("handle_time", "mean handle time must be greater than 0, got \(Quantity.describe(duration: mean))")]
        }
        return []
    }

    /// Valid parameters and never negative; zero patience (everyone abandons at once) is allowed.
    static func patienceProblems(_ distribution: Distribution) -> [FieldProblem] {
        DistributionChecks.problems(distribution, at: "patience", kind: .duration)
    }
}
