import CCSimCommandLine
import Foundation
import XCTest

/// The same interval has the same name in the terminal, intervals.csv and the HTML report; and
/// figures at the edges of the number line print and encode (issue 12, crash 3).
final class OneVocabularyTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("vocab-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testTheWorstIntervalHasOneNameInTableCSVAndReport() throws {
        let run = try CCSimCommand.run(["run", "scenarios/tiered-support.yaml", "--replications", "3", "--out", directory.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let worst = try XCTUnwrap(run.stdout.split(separator: "\n").first { $0.contains("Worst interval: #") })
        // `  Worst interval: #35 (Mon 17:30–18:00), service level 46.7%`
        let index = try XCTUnwrap(worst.split(separator: "#").last?.split(separator: " ").first).description
        let label = try XCTUnwrap(worst.split(separator: "(").dropFirst().first?.split(separator: ")").first).description
        let parts = label.split(separator: " ")
        XCTAssertEqual(parts.count, 2, label)
        let weekday = String(parts[0]), clock = String(parts[1].split(separator: "–")[0])
        let csv = try String(contentsOf: directory.appendingPathComponent("intervals.csv"), encoding: .utf8)
        XCTAssertTrue(csv.split(separator: "\n").contains { $0.hasPrefix("\(index),") && $0.contains(",\(weekday),\(clock),channel,voice,") },
                      "intervals.csv names interval \(index) otherwise than \(label)")
        let report = try CCSimCommand.run(["report", directory.path])
        XCTAssertEqual(report.status, 0, report.stderr)
        let html = try String(contentsOf: directory.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("worst interval #\(index) (\(label))"), "the report names interval \(index) otherwise than \(label)")
        XCTAssertFalse(html.contains("day 1 "), "no `day 1 03:30` labels in the first week")
    }

    /// Crash 3: a duration of 1e19 s trapped the table's duration format. Such a duration is now
    /// outside the domain (longer than 100 years) and refused as an argument, with exit status 64;
    /// the formatter itself prints any double (`ValueTextTests`).
    func testHugeDurationsAreRefused() throws {
        let output = try CCSimCommand.run(["erlang", "--agents", "5", "--rate", "100/h", "--aht", "1e19s"])
        XCTAssertEqual(output.status, 64, output.stdout)
        XCTAssertTrue(output.stderr.contains("--aht"), output.stderr)
        let longest = try CCSimCommand.run(["erlang", "--agents", "5", "--rate", "100/h", "--aht", "36000d"])
        XCTAssertEqual(longest.status, 0, longest.stderr)
        XCTAssertTrue(longest.stdout.contains("unstable"), longest.stdout)
    }

    /// Crash 3: an infinite figure (a patience of mean 1e308 s has an infinite cv) stopped the JSON
    /// encoder. Such a patience is refused at load with its place in the file; the encoder writes
    /// any non-finite figure as null (`ValueTextTests`).
    func testInfiniteFiguresAreRefusedAtLoad() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let scenario = directory.appendingPathComponent("patient.yaml")
        try """
        name: patient
        arrivals: {rate: 100/h}
        handle_time: {exponential: {mean: 3m}}
        patience: {exponential: {mean: 1e308s}}
        team: {agents: 6}
        run: {horizon: 4h, replications: 2}
        """.write(to: scenario, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out")
        let run = try CCSimCommand.run(["run", scenario.path, "--format", "json", "--out", out.path])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("patient.yaml:4:") && run.stderr.contains("patience.exponential.mean"), run.stderr)
        XCTAssertEqual(run.stdout, "", "no half document on stdout")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "no output folder")
    }
}
