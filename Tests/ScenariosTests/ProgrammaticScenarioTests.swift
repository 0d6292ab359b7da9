import Scenarios
import Stochastics
import Testing

@Suite struct ProgrammaticScenarioTests {
    /// A single queue built in code with the foundation's initializer.
    func coded(run: RunSettings = RunSettings(), agents: Int = 50, handleTime: Distribution = .exponential(mean: 300),
               patience: Distribution? = nil, serviceLevel: ServiceLevelTarget = ServiceLevelTarget(),
               source: String? = nil) -> Scenario {
        Scenario(name: "coded", run: run, arrivals: ArrivalProcess(ratePerSecond: 0.15), team: TeamSpec(agents: agents),
                 handleTime: handleTime, patience: patience, serviceLevel: serviceLevel, source: source)
    }

    @Test func validScenarioPasses() throws {
        let valid = coded()
        try valid.validate()
        #expect(valid.run == RunSettings())
        let queue = try #require(valid.singleQueue)
        #expect(queue.serviceLevel == ServiceLevelTarget())
        #expect(queue.teamName == "agents")
    }

    @Test func sameChecksAsTheLoader() throws {
        var run = RunSettings()
        run.interval = 7 * 60
        run.seed = 1 << 40
        let s = coded(run: run, agents: 0, patience: .uniform(lower: -10, upper: 10),
                      serviceLevel: ServiceLevelTarget(answerWithin: 20, target: 1.2))
        do {
            try s.validate()
            Issue.record("expected an error")
        } catch {
            #expect(error.issues.map(\.path) == [
                "run.interval", "run.seed", "team.agents", "patience.uniform.min", "service_level.target",
            ])
            #expect(error.description == "<scenario>: run.interval: must divide horizon (8h) into whole intervals, got 7m (horizon / interval = 68.571)")
            #expect(error.issues[2].description == "<scenario>: team.agents: must be at least 1, got 0")
            #expect(error.line == nil && error.column == nil)
        }
    }

    @Test func usesSourceAsFileName() throws {
        let s = coded(handleTime: .deterministic(0), source: "scenarios/x.yaml")
        #expect(throws: ScenarioError(file: "scenarios/x.yaml", path: "handle_time",
                                      message: "mean handle time must be greater than 0, got 0s")) {
            try s.validate()
        }
    }

    @Test func stochasticsParameterErrorsMapToYAMLPaths() throws {
        let s = coded(handleTime: .uniform(lower: 60, upper: 30))   // Stochastics names 'upper'; YAML says 'max'
        let error = try #require(throws: ScenarioError.self) { try s.validate() }
        #expect(error.path.hasPrefix("handle_time.uniform"))
        #expect(!error.path.contains("upper") && !error.path.contains("lower"))
    }

    @Test func mixtureComponentProblemsPointIntoTheComponent() throws {
        var s = coded(handleTime: .mixture([
            MixtureComponent(weight: 0.5, distribution: .exponential(mean: 60)),
            MixtureComponent(weight: -0.5, distribution: .exponential(mean: 60)),
        ]))
        var error = try #require(throws: ScenarioError.self) { try s.validate() }
        #expect(error.path == "handle_time.mixture[1].weight")
        s = coded(handleTime: .mixture([
            MixtureComponent(weight: 0.5, distribution: .exponential(mean: 60)),
            MixtureComponent(weight: 0.5, distribution: .lognormal(mu: 4, sigma: -1)),
        ]))
        error = try #require(throws: ScenarioError.self) { try s.validate() }
        #expect(error.path == "handle_time.mixture[1].lognormal.sigma")
    }

    @Test func conventionsRoundTripTheirYAMLSpelling() {
        #expect(ServiceLevelConvention.allCases.map(\.rawValue) == ["offered", "excluding_short_abandons", "answered"])
    }
}
