import CCSimCommandLine
import Foundation
import XCTest

/// `ccsim serve` as started from a terminal: what it says before the first request.
final class ServeCommandTests: XCTestCase {
    /// Starts `ccsim serve` on a free port of `workspace`, returns its standard error once it
    /// names its address (or after 30 s), then stops it.
    func startupMessages(workspace: String, asArgument: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = CCSimCommand.executable
        process.arguments = ["serve"] + (asArgument ? [workspace] : ["--workspace", workspace]) + ["--port", "0"]
        process.currentDirectoryURL = CCSimCommand.repositoryRoot
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        let text = LockedText()
        err.fileHandleForReading.readabilityHandler = { handle in text.append(handle.availableData) }
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while !text.value.contains("workbench at http://"), process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        process.waitUntilExit()
        err.fileHandleForReading.readabilityHandler = nil
        return text.value
    }

    func testAnEmptyWorkspaceIsNotedAtStart() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let said = try startupMessages(workspace: empty.path)
        XCTAssertTrue(said.contains("workbench at http://127.0.0.1:"), said)
        XCTAssertTrue(said.contains("has no scenario files (.yaml) yet: copy one in"), said)

        try "name: x\n".write(to: empty.appendingPathComponent("center.yaml"), atomically: true, encoding: .utf8)
        let again = try startupMessages(workspace: empty.path)
        XCTAssertTrue(again.contains("workbench at http://127.0.0.1:"), again)
        XCTAssertFalse(again.contains("no scenario files"), again)
    }

    /// `ccsim serve FOLDER`, as one naturally types it, serves that folder (as --workspace does);
    /// two different folders are refused.
    func testTheWorkspaceMayBeGivenAsAnArgument() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let said = try startupMessages(workspace: folder.path, asArgument: true)
        XCTAssertTrue(said.contains("workbench at http://127.0.0.1:"), said)
        XCTAssertTrue(said.contains("(workspace \(folder.resolvingSymlinksInPath().path))") || said.contains("(workspace \(folder.path))"), said)
        let both = try CCSimCommand.run(["serve", "scenarios", "--workspace", "results"])
        XCTAssertNotEqual(both.status, 0)
        XCTAssertTrue(both.stderr.contains("two workspaces given, scenarios and --workspace results; give one folder"), both.stderr)
    }
}

/// Text appended from a pipe's handler thread and read from the test's.
private final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ more: Data) { lock.lock(); data.append(more); lock.unlock() }
    var value: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
}
