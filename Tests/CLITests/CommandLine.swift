import Foundation
import XCTest

/// Runs the built `ccsim` executable from the repository root, as a user would.
enum CCSimCommand {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The directory holding the built products (next to the test bundle).
    static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        fatalError("no .xctest bundle")
        #else
        return Bundle.main.bundleURL
        #endif
    }

    static func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("ccsim")
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

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
