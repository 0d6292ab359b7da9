import CCSimCommandLine
import Foundation
import XCTest

/// `ccsim fit` on bad input: no crash, errors naming the file, `--out` complete or absent.
final class FitRobustnessCommandTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-fit-robust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A last row with arrival_s = 1e308 trapped converting to Int; now it is a listed bad row.
    func testHugeArrivalIsListedWithItsLineNotACrash() throws {
        var text = "replication,issue,contact,channel,tier,stage,arrival_s,queued_s,wait_s,handle_s,outcome,team\n"
        for i in 0..<11 { text += "0,\(i + 1),1,voice,tier1,first,\(100 + 60 * i).0,\(100 + 60 * i).0,1.0,\(200 + 10 * i).0,resolved,front\n" }
        text += "0,12,1,voice,tier1,first,1e308,1e308,1.0,700.0,resolved,front\n"
        let log = directory.appendingPathComponent("c.csv")
        try text.write(to: log, atomically: true, encoding: .utf8)
        let output = try CCSimCommand.run(["fit", log.path])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stderr.contains("line 13: arrival_s 1e308 is beyond"), output.stderr)
    }

    /// A template that fails validation: nothing is written (not fit.yaml alone), and the error
    /// names the merged scenario, not a scenario.yaml that was never written.
    func testFailingTemplateWritesNothing() throws {
        let out = directory.appendingPathComponent("out")
        let output = try CCSimCommand.run(["fit", "scenarios/history/contacts.csv", "--interval", "1h",
                                           "--template", "scenarios/tiered-support.yaml", "--out", out.path])
        XCTAssertEqual(output.status, 2)
        XCTAssertTrue(output.stderr.contains("error: the merged scenario (scenarios/tiered-support.yaml"), output.stderr)
        XCTAssertFalse(output.stderr.contains("scenario.yaml:"), output.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "a failed fit leaves no --out folder")
    }

    /// Fitting into the folder that holds the log keeps the folder's other files.
    func testOutFolderKeepsItsOtherFiles() throws {
        let source = "\(CCSimCommand.repositoryRoot.path)/scenarios/history/contacts.csv"
        let log = directory.appendingPathComponent("contacts.csv")
        try FileManager.default.copyItem(atPath: source, toPath: log.path)
        try "{}".write(to: directory.appendingPathComponent("summary.json"), atomically: true, encoding: .utf8)
        let output = try CCSimCommand.run(["fit", log.path, "--interval", "1h", "--out", directory.path])
        XCTAssertEqual(output.status, 0, output.stderr)
        for name in ["contacts.csv", "summary.json", "fit.yaml"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path), name)
        }
    }

    func testErrorsNameTheFile() throws {
        let empty = directory.appendingPathComponent("empty.csv")
        try "".write(to: empty, atomically: true, encoding: .utf8)
        let output = try CCSimCommand.run(["fit", empty.path])
        XCTAssertEqual(output.status, 2)
        XCTAssertTrue(output.stderr.hasPrefix("error: \(empty.path): the file is empty"), output.stderr)
        let folder = try CCSimCommand.run(["fit", directory.path])
        XCTAssertEqual(folder.status, 2)
        XCTAssertTrue(folder.stderr.contains("error: cannot read \(directory.path): it is a folder"), folder.stderr)
        XCTAssertFalse(folder.stderr.contains("NSCocoaErrorDomain"), folder.stderr)
    }
}
