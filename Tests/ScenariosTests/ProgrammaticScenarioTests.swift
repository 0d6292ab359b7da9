import Scenarios
import Stochastics
import Testing

@Suite struct ProgrammaticScenarioTests {
    let valid = Scenario(
        name: "coded",
        arrivals: ArrivalProcess(ratePerSecond: 0.15),
        team: TeamSpec(agents: 50),
        handleTime: .exponential(mean: 300)
    )

    @Test func validScenarioPasses() throws {
        try valid.validate()
        #expect(valid.run == RunSettings())
        #expect(valid.serviceLevel == ServiceLevelTarget())
        #expect(valid.team.name == "agents")
    }

    @Test func sameChecksAsTheLoader() throws {
        var s = valid
        s.team.agents = 0
        s.run.interval = 7 * 60
        s.run.seed = 1 << 40
        s.serviceLevel.target = 1.2
        s.patience = .uniform(lower: -10, upper: 10)
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
        var s = valid
        s.source = "scenarios/x.yaml"
        s.handleTime = .deterministic(0)
        #expect(throws: ScenarioError(file: "scenarios/x.yaml", path: "handle_time",
                                      message: "mean handle time must be greater than 0, got 0s")) {
            try s.validate()
        }
    }

    @Test func stochasticsParameterErrorsMapToYAMLPaths() throws {
        var s = valid
        s.handleTime = .uniform(lower: 60, upper: 30)   // Stochastics names 'upper'; YAML says 'max'
        let error = try #require(throws: ScenarioError.self) { try s.validate() }
        #expect(error.path.hasPrefix("handle_time.uniform"))
        #expect(!error.path.contains("upper") && !error.path.contains("lower"))
    }

    @Test func mixtureComponentProblemsPointIntoTheComponent() throws {
        var s = valid
        s.handleTime = .mixture([
            MixtureComponent(weight: 0.5, distribution: .exponential(mean: 60)),
            MixtureComponent(weight: -0.5, distribution: .exponential(mean: 60)),
        ])
        var error = try #require(throws: ScenarioError.self) { try s.validate() }
        #expect(error.path == "handle_time.mixture[1].weight")
        s.handleTime = .mixture([
            MixtureComponent(weight: 0.5, distribution: .exponential(mean: 60)),
            MixtureComponent(weight: 0.5, distribution: .lognormal(mu: 4, sigma: -1)),
        ])
        error = try #require(throws: ScenarioError.self) { try s.validate() }
        #expect(error.path == "handle_time.mixture[1].lognormal.sigma")
    }

    @Test func conventionsRoundTripTheirYAMLSpelling() {
        #expect(ServiceLevelConvention.allCases.map(\.rawValue) == ["offered", "excluding_short_abandons", "answered"])
    }
}
