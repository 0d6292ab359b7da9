import CCSimCommandLine
import XCTest

/// `--quiet` is one shared option: every command that shows progress takes it with the same
/// words, and it silences the progress (a staffing search's steps), not the results or errors.
final class QuietOptionTests: XCTestCase {
    func testEveryProgressCommandTakesTheSameQuiet() throws {
        for command in [["run"], ["staff"], ["schedule"], ["roi"], ["sweep", "run"]] {
            let help = try CCSimCommand.run(command + ["--help"])
            XCTAssertEqual(help.status, 0, "\(command)")
            XCTAssertTrue(help.stdout.contains("--quiet                 No progress on standard error (errors and warnings"), "\(command): \(help.stdout)")
        }
    }

    func testQuietSilencesProgressNotResults() throws {
        let arguments = ["staff", "scenarios/mmc-basic.yaml", "--replications", "4", "--max-iterations", "2"]
        let loud = try CCSimCommand.run(arguments)
        let quiet = try CCSimCommand.run(arguments + ["--quiet"])
        XCTAssertTrue(loud.stderr.contains("staff: iteration 1"), loud.stderr)
        XCTAssertFalse(quiet.stderr.contains("staff: "), quiet.stderr)
        XCTAssertEqual(quiet.status, loud.status)
        XCTAssertEqual(quiet.stdout, loud.stdout, "the same results, quiet or not")
        let run = try CCSimCommand.run(["run", "scenarios/mmc-basic.yaml", "--replications", "2", "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("service level"), run.stdout)
    }
}
