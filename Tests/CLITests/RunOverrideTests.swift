import CCSimCommandLine
import Foundation
import XCTest

/// `ccsim run --set PATH=VALUE`: fields replaced by sweep paths, mistakes named.
final class RunOverrideTests: XCTestCase {
    private func summary(_ arguments: [String]) throws -> [String: Any] {
        let output = try CCSimCommand.run(["run", "scenarios/erlang-a.yaml", "--replications", "2", "--format", "json"] + arguments)
        XCTAssertEqual(output.status, 0, output.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    private func agents(_ summary: [String: Any]) -> Int? {
        ((summary["scenario"] as? [String: Any])?["teams"] as? [[String: Any]])?.first?["constant_agents"] as? Int
    }

    func testSetReplacesFieldsAsSweepsDo() throws {
        XCTAssertEqual(agents(try summary([])), 48)
        let more = try summary(["--set", "team.agents=55", "--set", "handle_time={exponential: {mean: 4m}}"])
        XCTAssertEqual(agents(more), 55)
        let tier = ((more["scenario"] as? [String: Any])?["tiers"] as? [[String: Any]])?.first
        let handle = (tier?["handle_times"] as? [[String: Any]])?.first
        XCTAssertEqual(handle?["mean_seconds"] as? Double, 240)
    }

    func testMistakesAreNamedWithTheAssignment() throws {
        for (arguments, expected) in [
            (["--set", "team.agnets=5"], "error: scenarios/erlang-a.yaml: --set team.agnets=5: team.agnets: the base scenario has no field 'agnets' under 'team'; did you mean 'team.agents'?"),
            (["--set", "team.agents=0"], "error: scenarios/erlang-a.yaml: --set team.agents=0: this value gives an invalid scenario: team.agents: must be at least 1, got 0"),
            (["--set", "team.agents"], "error: scenarios/erlang-a.yaml: --set team.agents: write PATH=VALUE"),
            (["--set", "run.seed=3"], "error: scenarios/erlang-a.yaml: --set run.seed=3: use --seed for run.seed"),
        ] {
            let output = try CCSimCommand.run(["run", "scenarios/erlang-a.yaml"] + arguments)
            XCTAssertEqual(output.status, 2, "\(arguments)")
            XCTAssertTrue(output.stderr.hasPrefix(expected), output.stderr)
        }
    }

    /// A problem an override causes in a file the scenario reads (here the forecast: a shorter run
    /// leaves its later rows outside) names that file and line, as `ccsim validate` would.
    func testMistakesInFilesTheScenarioReadsKeepTheirFileAndLine() throws {
        let output = try CCSimCommand.run(["run", "scenarios/real-week/scenario.yaml", "--replications", "1",
                                           "--set", "run.horizon=1d", "--set", "calendar.closed=[]"])
        XCTAssertEqual(output.status, 2, output.stderr)
        XCTAssertTrue(output.stderr.contains("gives an invalid scenario: scenarios/real-week/forecast.csv:"), output.stderr)
    }
}
