import Stochastics

/// The foundation's single queue read out of a center (`Scenario.singleQueue`): the handful of
/// numbers an M/M/c(+G) model and the Erlang formulas need.
public struct SingleQueueView: Sendable, Hashable {
    /// Poisson arrival rate, per second.
    public var ratePerSecond: Double
    /// Agents on duty throughout the run.
    public var agents: Int
    public var teamName: String
    /// Handle time per contact, in seconds.
    public var handleTime: Distribution
    /// Patience of a waiting caller, in seconds; nil = never abandons.
    public var patience: Distribution?
    public var serviceLevel: ServiceLevelTarget

    public init(ratePerSecond: Double, agents: Int, teamName: String, handleTime: Distribution,
                patience: Distribution?, serviceLevel: ServiceLevelTarget) {
        self.ratePerSecond = ratePerSecond
        self.agents = agents
        self.teamName = teamName
        self.handleTime = handleTime
        self.patience = patience
        self.serviceLevel = serviceLevel
    }

    /// The foundation's rules, at the foundation's YAML paths (`arrivals.rate`, `team.agents`, …).
    func problems() -> [FieldProblem] {
        var found: [FieldProblem] = []
        found += ArrivalProcess(ratePerSecond: ratePerSecond).problems(at: "arrivals")
        found += TeamSpec(name: teamName, agents: agents).problems(at: "team")
        found += Scenario.handleTimeProblems(handleTime)
        if let patience { found += Scenario.patienceProblems(patience) }
        found += serviceLevel.problems(at: "service_level")
        return found
    }
}
