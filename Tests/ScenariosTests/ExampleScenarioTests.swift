import Foundation
import Scenarios
import Stochastics
import Testing

@Suite struct ExampleScenarioTests {
    @Test func mmcBasicLoads() throws {
        let path = packageRoot.appendingPathComponent("scenarios/mmc-basic.yaml").path
        let scenario = try ScenarioLoader.load(path: path)
        #expect(scenario.name == "mmc-basic")
        #expect(scenario.description?.contains("45 Erlangs") == true)
        #expect(scenario.run == RunSettings(horizon: 8 * 3600, warmup: 3600, interval: 1800, replications: 10, seed: 1))
        let queue = try #require(scenario.singleQueue)
        #expect(abs(queue.ratePerSecond - 0.15) < 1e-12)
        #expect(queue.teamName == "frontline" && queue.agents == 50)
        #expect(queue.handleTime == .exponential(mean: 300))
        #expect(queue.patience == nil)
        #expect(queue.serviceLevel == ServiceLevelTarget(answerWithin: 20, target: 0.8, convention: .offered))
        #expect(scenario.source == path)
        // Offered load in Erlangs: arrival rate × mean handle time.
        #expect(abs(queue.ratePerSecond * queue.handleTime.mean - 45) < 1e-9)
        // Exactly the scenario the foundation's initializer builds.
        #expect(scenario == Scenario(
            name: "mmc-basic", description: scenario.description,
            run: RunSettings(horizon: 8 * 3600, warmup: 3600, interval: 1800, replications: 10, seed: 1),
            arrivals: ArrivalProcess(ratePerSecond: queue.ratePerSecond), team: TeamSpec(name: "frontline", agents: 50),
            handleTime: .exponential(mean: 300), source: path))
        try scenario.validate()
    }

    @Test func erlangALoads() throws {
        let path = packageRoot.appendingPathComponent("scenarios/erlang-a.yaml").path
        let scenario = try ScenarioLoader.load(path: path)
        #expect(scenario.name == "erlang-a")
        let queue = try #require(scenario.singleQueue)
        #expect(queue.agents == 48)
        #expect(abs(queue.ratePerSecond - 600.0 / 3600) < 1e-12)
        #expect(queue.handleTime == .exponential(mean: 270))
        #expect(queue.patience == .exponential(mean: 180))
        #expect(scenario.run.seed == 42)
        try scenario.validate()
    }

    @Test func defaultsApplyWhenSectionsAreOmitted() throws {
        let scenario = try ScenarioLoader.parse(yaml: yaml(), file: "t.yaml")
        #expect(scenario.run == RunSettings())
        #expect(scenario.run.horizon == 8 * 3600 && scenario.run.warmup == 0 && scenario.run.interval == 1800)
        #expect(scenario.run.replications == 10 && scenario.run.seed == 1 && scenario.run.maxArrivals == nil)
        let queue = try #require(scenario.singleQueue)
        #expect(queue.teamName == "agents")
        #expect(queue.serviceLevel == ServiceLevelTarget(answerWithin: 20, target: 0.8, convention: .offered))
        #expect(queue.patience == nil)
        #expect(scenario.description == nil)
    }

    @Test func nullMeansAbsentForOptionalFields() throws {
        let scenario = try ScenarioLoader.parse(yaml: yaml(appending: ["patience: ~", "run:", "description:"]), file: "t.yaml")
        #expect(scenario.singleQueue?.patience == nil)
        #expect(scenario.run == RunSettings())
        #expect(scenario.description == nil)
    }

    @Test func everyFieldCanBeSet() throws {
        let text = """
            name: full
            description: all fields
            run: {horizon: 4h, warmup: 30m, interval: 15m, replications: 3, seed: 2147483647, max_arrivals: 1e6}
            arrivals: {rate: 9/m}
            team: {name: a, agents: 3}
            handle_time: {gamma: {shape: 2, scale: 150s}}
            patience: {weibull: {mean: 3m, cv: 1.2}}
            service_level: {answer_within: 30s, target: 0.9, convention: excluding_short_abandons}
            """
        let s = try ScenarioLoader.parse(yaml: text, file: "full.yaml")
        #expect(s.run == RunSettings(horizon: 14400, warmup: 1800, interval: 900, replications: 3, seed: 2_147_483_647, maxArrivals: 1_000_000))
        let queue = try #require(s.singleQueue)
        #expect(abs(queue.ratePerSecond - 0.15) < 1e-12)
        #expect(queue.teamName == "a" && queue.agents == 3)
        #expect(queue.handleTime == .gamma(shape: 2, scale: 150))
        #expect(abs((queue.patience?.mean ?? 0) - 180) < 1e-6)
        #expect(queue.serviceLevel == ServiceLevelTarget(answerWithin: 30, target: 0.9, convention: .excludingShortAbandons))
    }
}

@Suite struct YAMLFeatureTests {
    @Test func anchorsAndAliasesWork() throws {
        let text = yaml([7: "  &h {exponential: {mean: 5m}}"], appending: ["patience: *h"])
        let scenario = try ScenarioLoader.parse(yaml: text, file: "t.yaml")
        #expect(scenario.singleQueue?.patience == .exponential(mean: 300))
    }

    @Test func quotedScalarsAreReadLikePlainOnes() throws {
        let scenario = try ScenarioLoader.parse(yaml: yaml([3: "  rate: '540/h'", 5: "  agents: \"50\""]), file: "t.yaml")
        let queue = try #require(scenario.singleQueue)
        #expect(queue.agents == 50)
        #expect(abs(queue.ratePerSecond - 0.15) < 1e-12)
    }
}
