import CCSimCommandLine
import Foundation
import Sweeps
import XCTest

/// `ccsim sweep analyze`: the parameter that drives a metric is named, one that does not is not.
final class AnalysisTests: XCTestCase {
    /// Erlang A with 45 Erlangs offered: agents 44 → 52 move the service level by tens of points;
    /// the horizon's replicated noise is a point or two. A parameter that changes no simulated
    /// figure (the service-level target) has a main effect of exactly 0 (common random numbers)
    /// and an interval around 0.
    func testGridMainEffectsRankStaffingFirst() throws {
        let directory = try Fixture.temporaryDirectory(self)
        let plan = try Fixture.plan("""
            name: effects
            base: \(Fixture.erlangA)
            replications: 4
            parameters:
              - path: team.agents
                set: [44, 48, 52]
              - path: service_level.target
                set: [80%, 90%]
              - path: run.horizon
                set: [2h]
            metrics: [service_level, asa]
            """, in: directory)
        try Fixture.run(plan, into: directory + "/out")
        let contents = try SweepStore.openExisting(directory + "/out").contents()
        let analysis = try XCTUnwrap(SweepAnalysis.analyze(contents, metric: "service_level", grid: true))
        XCTAssertEqual(analysis.terms.first?.name, "team.agents")
        XCTAssertGreaterThan(analysis.terms[0].estimate, 0.2)
        XCTAssertTrue(analysis.terms[0].matters)
        let same = try XCTUnwrap(analysis.terms.first { $0.name == "service_level.target" })
        XCTAssertEqual(same.estimate, 0, accuracy: 1e-12, "the target changes no run: common random numbers give equal runs")
        XCTAssertFalse(same.matters)
        XCTAssertLessThan(same.lower, 0)
        XCTAssertGreaterThan(same.upper, 0)
        XCTAssertEqual(analysis.terms.filter { $0.kind == .interaction }.map(\.name), ["team.agents × service_level.target"])

        let output = try CCSimCommand.run(["sweep", "analyze", directory + "/out", "--metric", "service_level"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("grid: main effects and two-way interactions"), output.stdout)
        let first = output.stdout.split(separator: "\n").first { $0.hasPrefix("team.agents ") }
        XCTAssertTrue(first?.hasSuffix("yes") ?? false, output.stdout)
        let unknown = try CCSimCommand.run(["sweep", "analyze", directory + "/out", "--metric", "servce_level"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("the store has no metric 'servce_level'"), unknown.stderr)
    }

    /// The bundled Latin hypercube over agents, arrival rate and patience: more agents raise the
    /// service level (PRCC near +1), more arrivals lower it (near −1).
    func testHypercubePRCCSignsFollowTheQueue() throws {
        let directory = try Fixture.temporaryDirectory(self)
        let sweep = Fixture.repositoryRoot.appendingPathComponent("scenarios/sweeps/erlang-a-lhs.yaml").path
        try Fixture.run(try SweepPlanner.load(path: sweep), into: directory)
        let contents = try SweepStore.openExisting(directory).contents()
        let analysis = try XCTUnwrap(SweepAnalysis.analyze(contents, metric: "service_level", grid: false))
        XCTAssertFalse(analysis.isGrid)
        let agents = try XCTUnwrap(analysis.terms.first { $0.name == "team.agents" })
        let rate = try XCTUnwrap(analysis.terms.first { $0.name == "arrivals.rate" })
        XCTAssertGreaterThan(agents.estimate, 0.5)
        XCTAssertLessThan(rate.estimate, -0.5)
        XCTAssertTrue(agents.matters && rate.matters)
        for term in analysis.terms {
            XCTAssertTrue((-1...1).contains(term.estimate))
            XCTAssertLessThanOrEqual(term.lower, term.upper)
        }
        // The response surface agrees: a positive linear agents term, a negative arrival-rate
        // term, each with an interval that excludes 0; most of the variation explained.
        let surface = try XCTUnwrap(analysis.surface)
        let linear = Dictionary(uniqueKeysWithValues: surface.coefficients.map { ($0.name, $0) })
        XCTAssertGreaterThan(try XCTUnwrap(linear["team.agents"]).lower, 0)
        XCTAssertLessThan(try XCTUnwrap(linear["arrivals.rate"]).upper, 0)
        XCTAssertGreaterThan(surface.rSquared, 0.5)
        XCTAssertLessThanOrEqual(surface.rSquared, 1)
        let csv = SweepAnalysis.csv([analysis])
        XCTAssertTrue(csv.contains("service_level,surface,team.agents,"), csv)
        XCTAssertTrue(csv.contains("service_level,surface_fit,r_squared,"), csv)
    }
}
