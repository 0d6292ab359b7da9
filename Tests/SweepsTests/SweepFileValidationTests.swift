import Sweeps
import XCTest

/// Bad sweep files: every problem found before anything runs, each as FILE:LINE:COL: field.path: problem.
final class SweepFileValidationTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws { directory = try Fixture.temporaryDirectory(self) }

    func testUnknownPathIsNamedWithDidYouMean() throws {
        let problems = try Fixture.problems("""
            base: \(Fixture.mmcBasic)
            parameters:
              - path: team.agnets
                set: [48, 50]
            """, in: directory)
        XCTAssertEqual(problems, ["\(directory)/sweep.yaml:3:11: parameters[0].path: team.agnets: the base scenario has no field 'agnets' under 'team'; did you mean 'team.agents'?"])
    }

    func testEveryProblemIsListedAtOnceInFileOrder() throws {
        let problems = try Fixture.problems("""
            base: \(Fixture.mmcBasic)
            seeding: indepndent
            replicatons: 3
            parameters:
              - path: patience.exponential.mean
                set: [3m]
              - path: handle_time.exponential.mean
                scale: [0.5, x]
              - path: team.name
                scale: [2]
            metrics: [service_levl]
            """, in: directory)
        XCTAssertEqual(problems.count, 6, problems.joined(separator: "\n"))
        let expected = [
            ":2:10: seeding: unknown value 'indepndent'; did you mean 'independent'?",
            ":3:1: replicatons: unknown field 'replicatons'; did you mean 'replications'?",
            ":5:11: parameters[0].path: patience.exponential.mean: the base scenario has no field 'patience' at the top level",
            ":8:18: parameters[1].scale[1]: expected a factor",
            ":9:11: parameters[2].path: scale needs a number at 'team.name'",
            ":11:11: metrics[0]: unknown metric 'service_levl'; did you mean 'service_level'?",
        ]
        for (problem, fragment) in zip(problems, expected) {
            XCTAssertTrue(problem.contains(fragment), "\(problem)\n  should contain \(fragment)")
        }
    }

    func testValuesTheScenarioRejectsPointAtTheValue() throws {
        let problems = try Fixture.problems("""
            base: \(Fixture.mmcBasic)
            parameters:
              - path: team.agents
                set: [0, 48]
              - path: handle_time.exponential.mean
                scale: [1, -1]
              - path: service_level.target
                set: [80%, 120%]
            """, in: directory)
        XCTAssertEqual(problems.count, 3, problems.joined(separator: "\n"))
        XCTAssertTrue(problems[0].hasSuffix(":4:11: parameters[0].set[0]: this value gives an invalid scenario: team.agents: must be at least 1, got 0"), problems[0])
        XCTAssertTrue(problems[1].contains(":6:16: parameters[1].scale[1]: this factor gives an invalid scenario: handle_time.exponential.mean: must be greater than 0"), problems[1])
        XCTAssertTrue(problems[2].contains(":8:16: parameters[2].set[1]: this value gives an invalid scenario: service_level.target"), problems[2])
    }

    func testStructuralProblems() throws {
        let cases: [(String, String)] = [
            ("base: nowhere.yaml\nparameters: [{path: team.agents, set: [1]}]", ":1:7: base: no such file"),
            ("base: \(Fixture.mmcBasic)\nparameters: []", ":2:13: parameters: list at least one parameter"),
            ("base: \(Fixture.mmcBasic)\nparameters: [{path: team.agents}]", ":2:14: parameters[0]: give 'set: [values…]' or 'scale: [factors…]'"),
            ("base: \(Fixture.mmcBasic)\nparameters: [{path: team.agents, set: [1], scale: [2]}]", "give either 'set' (values) or 'scale' (factors), not both"),
            ("base: \(Fixture.mmcBasic)\nparameters: [{path: team.agents, set: {from: 40, to: 50}}]", "parameters[0].set: a range {from, to} is for design latin_hypercube"),
            ("base: \(Fixture.mmcBasic)\nparameters: [{path: run.seed, set: [1]}]", "run.seed is set by the sweep itself"),
            ("base: \(Fixture.mmcBasic)\nparameters: [{path: 'team[0]', set: [1]}]", "'team' is a mapping in the base scenario, not a list"),
            ("base: \(Fixture.mmcBasic)\nparameters: [{path: team.agents, set: [48]}, {path: team, set: [{agents: 3}]}]", "overlaps parameters[0] ('team.agents')"),
            ("base: \(Fixture.mmcBasic)\nparameters: [{path: team.agents, set: [48]}, {path: team.agents, set: [50]}]", "already varied by parameters[0]"),
            ("base: \(Fixture.mmcBasic)\ndesign: latin_hypercube\nparameters: [{path: team.agents, set: [48]}]", "latin_hypercube needs a number of points"),
            ("base: \(Fixture.mmcBasic)\nname: 'a/b'\nparameters: [{path: team.agents, set: [48]}]", "name: must be letters, digits"),
            ("base: \(Fixture.mmcBasic)\nparameters: [{path: arrivals.rate, set: {from: 1/h, to: 2/m}}]", "'from' and 'to' must have the same unit"),
            ("base: \(Fixture.mmcBasic)\nparameters: [{path: team.agents, set: [48]}\n", "YAML syntax error"),
        ]
        for (text, fragment) in cases {
            let problems = try Fixture.problems(text, in: directory)
            XCTAssertTrue(problems.contains { $0.contains(fragment) }, "\(text)\n→ \(problems)\n  should contain \(fragment)")
        }
    }

    func testValidSweepPlansItsPoints() throws {
        let plan = try Fixture.plan("""
            base: \(Fixture.mmcBasic)
            parameters:
              - {path: team.agents, set: [48, 50]}
              - {path: handle_time.exponential.mean, scale: [0.9, 1.1]}
              - {path: arrivals.rate, set: [9/m]}
            """, in: directory, file: "agents.yaml")
        XCTAssertEqual(plan.name, "agents")                      // the file name by default
        XCTAssertEqual(plan.points.count, 4)
        XCTAssertEqual(plan.replications, 10)                    // mmc-basic's run.replications
        XCTAssertEqual(plan.seed, 1)                             // mmc-basic's run.seed
        XCTAssertEqual(plan.points[1].label, "team.agents=48, handle_time.exponential.mean×1.1, arrivals.rate=9/m")
        XCTAssertEqual(plan.points[1].scenario.singleQueue!.agents, 48)
        XCTAssertEqual(plan.points[1].scenario.singleQueue!.handleTime.mean, 330, accuracy: 1e-9)   // 5m × 1.1, written 5.5m
        XCTAssertTrue(plan.points[1].scenarioYAML.contains("5.5m"))
        XCTAssertEqual(plan.points[1].values.map(\.number), [48, 1.1, 540])
    }
}
