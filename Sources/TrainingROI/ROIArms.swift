import Scenarios

/// The two scenarios an ROI compares: the center with the program(s) and without.
///
/// Both arms must describe the same center (channels, tiers, teams by name) over the same
/// run, so that the same seed gives them the same customers: common random numbers.
public struct ROIArms: Sendable {
    public var with: Scenario
    public var without: Scenario
    /// The programs the "with" arm runs that the other does not (or runs differently):
    /// the ones whose uncertain effects the sensitivity table varies.
    public var programs: [String]
    /// The program the other arm runs instead, when two programs are compared (`--versus`).
    public var versus: String?

    public init(with: Scenario, without: Scenario, programs: [String], versus: String? = nil) {
        self.with = with
        self.without = without
        self.programs = programs
        self.versus = versus
    }

    /// `--program A --versus B`: one arm runs A alone, the other B alone. The file's other
    /// programs run in neither arm, so the difference is A against B and nothing else.
    public static func program(_ name: String, versus other: String, in scenario: Scenario) throws(ROIError) -> ROIArms {
        guard name != other else { throw ROIError("--versus must name another program than --program ('\(name)')") }
        let with = try alone(name, in: scenario)
        let without = try alone(other, in: scenario)
        return ROIArms(with: with, without: without, programs: [name], versus: other)
    }

    /// `--program NAME`: the scenario with that program alone against the same scenario with no
    /// training at all. The file's other programs run in neither arm: kept in both, they would
    /// change what "no training" means (a second onboarding course in both arms would take the
    /// credit for the new hires' learning), and the table says "vs no training".
    public static func program(_ name: String, in scenario: Scenario) throws(ROIError) -> ROIArms {
        let with = try alone(name, in: scenario)
        return ROIArms(with: with, without: noTraining(scenario), programs: [name])
    }

    /// The scenario running only program `name` (an error naming the programs when there is none such).
    public static func alone(_ name: String, in scenario: Scenario) throws(ROIError) -> Scenario {
        let names = scenario.center.training?.programs.map(\.name) ?? []
        guard names.contains(name) else {
            if names.isEmpty {
                throw ROIError("\(scenario.source ?? scenario.name) has no training programs (add a top-level 'training:' section)")
            }
            let hint = EditDistance.suggestion(for: name, among: names).map { "did you mean '\($0)'? " } ?? ""
            throw ROIError("no training program '\(name)' in \(scenario.source ?? scenario.name); \(hint)(programs: \(names.joined(separator: ", ")))")
        }
        var with = scenario
        with.center.training?.programs.removeAll { $0.name != name }
        return with
    }

    /// The scenario with every program removed (the valuation kept).
    public static func noTraining(_ scenario: Scenario) -> Scenario {
        var none = scenario
        none.center.training?.programs.removeAll()
        return none
    }

    /// `--with A.yaml --without B.yaml`: two scenario files of the same center.
    public static func scenarios(with: Scenario, without: Scenario) throws(ROIError) -> ROIArms {
        let a = with.center, b = without.center
        func names(_ c: CenterSpec) -> [[String]] { [c.channels.map(\.name), c.tiers.map(\.name), c.teams.map(\.name)] }
        guard names(a) == names(b) else {
            throw ROIError("--with and --without must describe the same center (channels, tiers and teams by name, in order) for their customers to be the same")
        }
        let (r, s) = (with.run, without.run)
        guard r.horizon == s.horizon, r.warmup == s.warmup, r.interval == s.interval else {
            throw ROIError("--with and --without must have the same run horizon, warm-up and interval")
        }
        let theirs = Set(b.training?.programs ?? [])
        let programs = (a.training?.programs ?? []).filter { !theirs.contains($0) }.map(\.name)
        var without = without
        without.run.seed = with.run.seed
        without.run.replications = with.run.replications
        return ROIArms(with: with, without: without, programs: programs)
    }
}
