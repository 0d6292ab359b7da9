import CCSimCommandLine
import Foundation
import XCTest

/// Compares output with a stored golden file; CCSIM_UPDATE_GOLDEN=1 rewrites it instead.
func assertMatchesGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let url = CCSimCommand.repositoryRoot.appendingPathComponent("Tests/CLITests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["CCSIM_UPDATE_GOLDEN"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        return XCTFail("missing golden file \(name): run `make golden`", file: file, line: line)
    }
    XCTAssertEqual(actual, expected, "output differs from Tests/CLITests/Golden/\(name) (run `make golden` if the change is intended)", file: file, line: line)
}
