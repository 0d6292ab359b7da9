import CCSimCommandLine
import Foundation
import XCTest

/// README samples that cannot go stale: every `<!-- sample: ccsim … -->` block in README.md must be
/// what the built ccsim prints (scripts/readme-samples.py --check runs each command and compares;
/// `make readme` rewrites them). The tiered-support sample had drifted (90.4% and worst interval
/// #16 printed while a run gave 94.6% and #35).
final class ReadmeSampleTests: XCTestCase {
    func testReadmeSamplesAreWhatCcsimPrints() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/readme-samples.py", "--check", "--ccsim", CCSimCommand.executable.path]
        process.currentDirectoryURL = CCSimCommand.repositoryRoot
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        let readme = try String(contentsOf: CCSimCommand.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertGreaterThanOrEqual(readme.components(separatedBy: "<!-- sample: ccsim run scenarios/").count - 1, 2)
    }
}
