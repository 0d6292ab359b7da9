import Experiments
import Foundation
import Scenarios
import XCTest

final class SummaryFilesTests: XCTestCase {
    var directory: String!

    override func setUp() {
        directory = NSTemporaryDirectory() + "ccsim-files-\(UUID().uuidString)"
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func summary() throws -> RunSummary {
        let scenario = Scenario(
            name: "files",
            run: RunSettings(horizon: 3600, warmup: 0, interval: 1800, replications: 3, seed: 5),
            arrivals: ArrivalProcess(ratePerSecond: 60.0 / 3600),
            team: TeamSpec(name: "agents", agents: 6),
            handleTime: .exponential(mean: 300),
            serviceLevel: ServiceLevelTarget(answerWithin: 20, target: 0.8, convention: .offered)
        )
        return RunSummary(scenario: scenario, replications: try ReplicationRunner.run(scenario, replications: 3, jobs: 1))
    }

    func testWritesSummaryAndTidyIntervals() throws {
        try SummaryFiles.write(try summary(), to: directory)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/summary.json"))) as! [String: Any]
        XCTAssertEqual(json["theory_model"] as? String, "Erlang C")
        let metrics = json["metrics"] as! [String: Any]
        XCTAssertEqual(Set(metrics.keys), Set(RunSummary.wholeRun.map(\.rawValue)))
        let sl = metrics["service_level"] as! [String: Any]
        XCTAssertNotNil(sl["ci_lower"] as? Double)
        XCTAssertNotNil(sl["theory"] as? Double)

        let csv = try String(contentsOfFile: directory + "/intervals.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n")
        XCTAssertEqual(lines.first, "interval,start_s,end_s,metric,mean,sd,ci_lower,ci_upper,replications")
        // Two intervals × one row per interval metric.
        XCTAssertEqual(lines.count, 1 + 2 * RunSummary.perInterval.count)
        XCTAssertTrue(lines.contains { $0.hasPrefix("1,1800,3600,service_level,") })
        // Nothing but the two outputs is left behind (no temporary files).
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory).sorted(), ["intervals.csv", "summary.json"])
    }

    func testAtomicWriteReplacesWholeFile() throws {
        let path = directory + "/file.txt"
        try AtomicFile.write(String(repeating: "x", count: 10_000), to: path)
        try AtomicFile.write("short", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "short")
    }

    func testAtomicWriteReportsAnUnwritableDirectory() {
        XCTAssertThrowsError(try AtomicFile.write("x", to: "/proc/ccsim-cannot-write-here/file.txt")) { error in
            XCTAssertTrue("\(error)".contains("/proc/ccsim-cannot-write-here"))
        }
    }
}
