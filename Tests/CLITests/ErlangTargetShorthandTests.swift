import CCSimCommandLine
import XCTest

/// `--target` as planners write a service level: `80/20` is 80% within 20 s, the same figures
/// as `--target 80% --answer-within 20s`; a threshold written twice must agree.
final class ErlangTargetShorthandTests: XCTestCase {
    let base = ["erlang", "--rate", "540/h", "--aht", "5m"]

    func testShorthandsMeanTheShareAndItsThreshold() throws {
        let spelled = try CCSimCommand.run(base + ["--target", "90%", "--answer-within", "30s"])
        XCTAssertEqual(spelled.status, 0, spelled.stderr)
        XCTAssertTrue(spelled.stdout.contains("Smallest staffing meeting 90% within 30s"), spelled.stdout)
        for shorthand in ["90/30", "90%/30s", "0.9/30", "90% in 30s", "90% within 0.5m"] {
            let run = try CCSimCommand.run(base + ["--target", shorthand])
            XCTAssertEqual(run.status, 0, "\(shorthand): \(run.stderr)")
            XCTAssertEqual(run.stdout, spelled.stdout, shorthand)
        }
        // The threshold alone keeps its default of 20 s.
        let plain = try CCSimCommand.run(base + ["--target", "80%"])
        XCTAssertEqual(plain.stdout, try CCSimCommand.run(base + ["--target", "80/20"]).stdout)
        XCTAssertTrue(plain.stdout.contains("80% within 20s"), plain.stdout)
    }

    func testAThresholdWrittenTwiceMustAgree() throws {
        let same = try CCSimCommand.run(base + ["--target", "80/20", "--answer-within", "20s"])
        XCTAssertEqual(same.status, 0, same.stderr)
        let clash = try CCSimCommand.run(base + ["--target", "80/20", "--answer-within", "30s"])
        XCTAssertNotEqual(clash.status, 0)
        XCTAssertTrue(clash.stderr.contains("--target says within 20s but --answer-within says 30s"), clash.stderr)
    }

    func testBadShorthandsSayWhy() throws {
        for (value, reason) in [("80/0", "must be longer than 0"), ("80/20x", "unknown duration unit"), ("100/20", "below 100%"),
                                ("80%/", "expected a duration")] {
            let run = try CCSimCommand.run(base + ["--target", value])
            XCTAssertNotEqual(run.status, 0, value)
            XCTAssertTrue(run.stderr.contains(reason), "\(value): \(run.stderr)")
        }
    }
}
