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

    /// Crash 3: a duration of 1e19 s trapped the table's duration format.
    func testHugeDurationsPrint() throws {
        let output = try CCSimCommand.run(["erlang", "--agents", "5", "--rate", "100/h", "--aht", "1e19s"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("e+14d"), output.stdout)
    }

    /// Crash 3: an infinite figure (a patience of mean 1e308 s has an infinite cv) stopped the JSON
    /// encoder; it is written as null, and the report reads the folder.
    func testInfiniteFiguresAreWrittenAsNull() throws {
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
        let json = try CCSimCommand.run(["run", scenario.path, "--format", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let patience = ((document?["scenario"] as? [String: Any])?["channels"] as? [[String: Any]])?.first?["patience"] as? [String: Any]
        XCTAssertTrue(patience?["cv"] is NSNull, "\(String(describing: patience))")
        let out = directory.appendingPathComponent("out")
        let run = try CCSimCommand.run(["run", scenario.path, "--out", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try CCSimCommand.run(["report", out.path]).status, 0)
    }
}
