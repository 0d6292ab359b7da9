import CCSimCommandLine
import XCTest

/// Exact-output regression tests: the documented examples, byte for byte.
///
/// These pin what a seeded run prints, so any change to the model, the random
/// streams or the formatting shows up here. They say nothing about whether the
/// numbers are right: that is ValidationTests' job, against theory.
final class GoldenOutputTests: XCTestCase {
    func testRunTableOnTheBasicScenario() throws {
        let output = try CCSimCommand.run(["run", "scenarios/mmc-basic.yaml", "--replications", "4", "--seed", "1", "--jobs", "2"])
        XCTAssertEqual(output.status, 0, output.stderr)
        try assertMatchesGolden(output.stdout, "run-mmc-basic.txt")
    }

    func testRunTableOnTheErlangAScenario() throws {
        let output = try CCSimCommand.run(["run", "scenarios/erlang-a.yaml", "--replications", "10"])
        XCTAssertEqual(output.status, 0, output.stderr)
        try assertMatchesGolden(output.stdout, "run-erlang-a.txt")
    }

    func testRunCSV() throws {
        let output = try CCSimCommand.run(["run", "scenarios/mmc-basic.yaml", "--replications", "3", "--format", "csv"])
        XCTAssertEqual(output.status, 0, output.stderr)
        try assertMatchesGolden(output.stdout, "run-mmc-basic.csv")
    }

    func testErlangCommand() throws {
        let output = try CCSimCommand.run(["erlang", "--agents", "48", "--rate", "600/h", "--aht", "4.5m", "--patience", "3m", "--answer-within", "20s"])
        XCTAssertEqual(output.status, 0, output.stderr)
        try assertMatchesGolden(output.stdout, "erlang-48.txt")
    }

    func testErlangStaffingSearch() throws {
        let output = try CCSimCommand.run(["erlang", "--rate", "540/h", "--aht", "5m", "--target", "80%"])
        XCTAssertEqual(output.status, 0, output.stderr)
        try assertMatchesGolden(output.stdout, "erlang-staffing.txt")
    }
}
