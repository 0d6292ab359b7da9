import CCSimCommandLine
import Foundation
import Scenarios
import Sweeps
import XCTest

/// `sweep export --long`, safe parameter column names and the values `scale` parameters give.
final class TidyExportTests: XCTestCase {
    func testParameterColumnsAreSnakeCaseAndUnique() {
        let columns = ParameterColumn.columns(for: [
            ParameterInfo(path: "teams.phones.shifts[*].agents", operation: "scale"),
            ParameterInfo(path: "handle_time.mixture[1].lognormal.cv", operation: "set"),
            ParameterInfo(path: "teams.phones.shifts[*].agents_factor", operation: "set"),
            ParameterInfo(path: "9lives", operation: "set"),
        ])
        XCTAssertEqual(columns.map(\.name), ["teams_phones_shifts_all_agents", "teams_phones_shifts_all_agents_factor",
                                             "handle_time_mixture_1_lognormal_cv", "teams_phones_shifts_all_agents_factor_2", "p_9lives"])
        XCTAssertEqual(columns.map(\.holds), [ParameterColumn.Holds.result, .factor, .value, .value, .value])
        for column in columns {
            XCTAssertTrue(column.name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }, column.name)
        }
    }

    /// A `scale` parameter stores the number it gave beside the factor: over every shift a
    /// wildcard selects, the agents summed (rounded per shift, as the scenario gets them).
    func testScaleStoresTheResultingValueBesideTheFactor() throws {
        let directory = try Fixture.temporaryDirectory(self)
        let tiered = Fixture.repositoryRoot.appendingPathComponent("scenarios/tiered-support.yaml").path
        let plan = try Fixture.plan("""
            name: scaled
            base: \(tiered)
            replications: 1
            parameters:
              - path: teams.frontline.shifts[*].agents
                scale: [0.5, 1]
              - path: run.horizon
                set: [1h]
            metrics: [voice.service_level]
            """, in: directory)
        let root = try XCTUnwrap(try? String(contentsOfFile: tiered, encoding: .utf8))
        let fields = try FieldPath(parsing: "teams.frontline.shifts[*].agents").fields(in: root)
        XCTAssertGreaterThan(fields.count, 1, "the test needs a path selecting several shifts")
        let base = plan.points[1].scenario
        let half = plan.points[0].scenario
        func total(_ scenario: Scenario) -> Double {
            let team: AgentTeamSpec = scenario.center.teams.first { $0.name == "frontline" }!
            let agents: [Int] = team.shifts.map(\.agents)
            return Double(agents.reduce(0, +))
        }
        XCTAssertEqual(plan.points[1].values[0].result, total(base))
        XCTAssertEqual(plan.points[0].values[0].result, total(half))
        XCTAssertLessThan(total(half), total(base))
        XCTAssertNil(plan.points[0].values[1].result, "set parameters have no result")

        try Fixture.run(plan, into: directory + "/out")
        let contents = try SweepStore.openExisting(directory + "/out").contents()
        XCTAssertEqual(contents.points.map { $0.results[0] }, [total(half), total(base)])

        let long = RunsExport.longCSV(contents).split(separator: "\n")
        XCTAssertEqual(long[0], "point,replication,seed,replication_index,status,teams_frontline_shifts_all_agents,teams_frontline_shifts_all_agents_factor,run_horizon,metric,value")
        XCTAssertEqual(long.count, 1 + 2, "one row per run × metric")
        XCTAssertTrue(long[1].hasPrefix("0,0,\(plan.seed),0,ok,\(Int(total(half))),0.5,3600,voice.service_level,"), String(long[1]))
        XCTAssertEqual(RunsExport.parameterColumnsCSV(contents), """
            column,path,operation,holds
            teams_frontline_shifts_all_agents,teams.frontline.shifts[*].agents,scale,result
            teams_frontline_shifts_all_agents_factor,teams.frontline.shifts[*].agents,scale,factor
            run_horizon,run.horizon,set,value

            """)
        XCTAssertTrue(RunsExport.csv(contents).hasPrefix("point,teams.frontline.shifts[*].agents,run.horizon,teams.frontline.shifts[*].agents result,"))
    }

    /// The command writes the long CSV and its mapping beside the store, or beside --out.
    func testExportLongCommand() throws {
        let directory = try Fixture.temporaryDirectory(self)
        let plan = try Fixture.plan(Fixture.smallSweep(agents: [46, 50], replications: 2), in: directory)
        try Fixture.run(plan, into: directory + "/out")
        let output = try CCSimCommand.run(["sweep", "export", directory + "/out", "--long"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let csv = try String(contentsOfFile: directory + "/out/runs-long.csv", encoding: .utf8)
        XCTAssertEqual(csv.split(separator: "\n").count, 1 + 2 * 2 * 4, "2 points × 2 replications × 4 metrics")
        XCTAssertTrue(csv.hasPrefix("point,replication,seed,replication_index,status,team_agents,run_horizon,run_warmup,run_interval,metric,value\n"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory + "/out/runs-long-parameters.csv"))
        let custom = try CCSimCommand.run(["sweep", "export", directory + "/out", "--long", "--out", directory + "/tidy.csv"])
        XCTAssertEqual(custom.status, 0, custom.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory + "/tidy-parameters.csv"))
    }
}

/// Worst-interval service level and SLA misses: staffing research on intervals, not only means.
final class IntervalMetricTests: XCTestCase {
    func testWorstIntervalIsTheLowestIntervalServiceLevelOfTheRun() throws {
        let directory = try Fixture.temporaryDirectory(self)
        let plan = try Fixture.plan("""
            name: worst
            base: \(Fixture.erlangA)
            replications: 2
            parameters:
              - path: team.agents
                set: [46, 52]
              - path: run.horizon
                set: [3h]
              - path: run.interval
                set: [30m]
            metrics: [voice.service_level.worst_interval, service_level.worst_interval, voice.sla_misses, service_level]
            """, in: directory)
        try Fixture.run(plan, into: directory + "/out")
        let contents = try SweepStore.openExisting(directory + "/out").contents()
        for run in contents.runs {
            let worst = try XCTUnwrap(run.metrics[0])
            XCTAssertEqual(run.metrics[1], worst, "unqualified = first channel")
            let whole = try XCTUnwrap(run.metrics[3])
            XCTAssertLessThanOrEqual(worst, whole + 1e-12, "the worst interval is at most the whole-run level")
            XCTAssertGreaterThanOrEqual(worst, 0)
            let misses = try XCTUnwrap(run.metrics[2])
            XCTAssertTrue((0...6).contains(misses), "6 intervals of 30m")
            // The worst interval is below the 80% target exactly when some interval missed.
            XCTAssertEqual(worst < 0.8, misses > 0)
        }
        // The same run by `ccsim run` (replication 0 of the same seed): its summary's worst interval.
        let output = try CCSimCommand.run(["run", Fixture.erlangA, "--replications", "1", "--format", "json", "--set", "team.agents=46",
                                           "--set", "run.horizon=3h", "--set", "run.interval=30m"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let channel = try XCTUnwrap((json["channels"] as? [[String: Any]])?.first)
        let levels = try XCTUnwrap(channel["intervals"] as? [[String: Any]]).compactMap {
            (($0["metrics"] as? [String: Any])?["service_level"] as? [String: Any])?["mean"] as? Double
        }
        XCTAssertEqual(levels.count, 6)
        XCTAssertEqual(try XCTUnwrap(contents.runs[0].metrics[0]), try XCTUnwrap(levels.min()), accuracy: 1e-12)
    }

    func testAnUnknownWorstIntervalNameIsRefusedWithASuggestion() throws {
        let directory = try Fixture.temporaryDirectory(self)
        let problems = try Fixture.problems(Fixture.smallSweep().replacingOccurrences(
            of: "metrics: [service_level, asa, occupancy, offered]", with: "metrics: [voice.service_level.worst_intervall]"), in: directory)
        XCTAssertTrue(problems.first?.contains("did you mean 'voice.service_level.worst_interval'?") ?? false, "\(problems)")
    }
}
