import Foundation
import HTTPTypes
import Hummingbird
import Workbench
import XCTest

/// Only files inside the workspace are read or written: every way out is refused.
final class WorkspaceTests: XCTestCase {
    func testListsScenarioFilesOnlyAndSkipsHiddenFolders() throws {
        let path = try Fixture.workspace(self)
        try FileManager.default.createDirectory(atPath: path + "/.ccsim", withIntermediateDirectories: true)
        try "x: 1".write(toFile: path + "/.ccsim/secret.yaml", atomically: true, encoding: .utf8)
        XCTAssertEqual(try Workspace(path: path).scenarioFiles(), ["nested/bigger.yml", "queue.yaml"])
    }

    func testRefusesAbsoluteParentHiddenAndNonScenarioPaths() throws {
        let workspace = try Workspace(path: try Fixture.workspace(self))
        for bad in ["/etc/passwd.yaml", "../outside.yaml", "nested/../../outside.yaml", "~/x.yaml", ".ccsim/history.yaml",
                    "notes.txt", "", "a\\b.yaml"] {
            XCTAssertThrowsError(try workspace.scenarioURL(bad), bad) { error in
                guard case Workspace.Problem.refused = error else { return XCTFail("\(bad): \(error)") }
            }
        }
        XCTAssertEqual(try workspace.scenarioURL("nested/bigger.yml").path, workspace.root.path + "/nested/bigger.yml")
    }

    func testRefusesSymbolicLinksThatLeaveTheWorkspace() throws {
        let path = try Fixture.workspace(self)
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: outside) }
        try "name: secret".write(to: outside.appendingPathComponent("secret.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: path + "/link.yaml", withDestinationPath: outside.path + "/secret.yaml")
        try FileManager.default.createSymbolicLink(atPath: path + "/linkdir", withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: path + "/dangling.yaml", withDestinationPath: outside.path + "/none.yaml")
        try FileManager.default.createSymbolicLink(atPath: path + "/inside.yaml", withDestinationPath: path + "/queue.yaml")
        let workspace = try Workspace(path: path)
        for bad in ["link.yaml", "linkdir/secret.yaml", "dangling.yaml"] {
            XCTAssertThrowsError(try workspace.read(bad), bad)
            XCTAssertThrowsError(try workspace.write("name: x", to: bad), bad)
        }
        // The file outside was not touched, and links out are not listed.
        XCTAssertEqual(try String(contentsOf: outside.appendingPathComponent("secret.yaml"), encoding: .utf8), "name: secret")
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside.path + "/none.yaml"))
        XCTAssertEqual(workspace.scenarioFiles(), ["inside.yaml", "nested/bigger.yml", "queue.yaml"])
        // A link that stays inside is followed.
        XCTAssertEqual(try workspace.read("inside.yaml"), Fixture.singleQueue())
    }

    func testWritesAtomicallyInsideAndRefusesMissingFoldersAndLargeFiles() throws {
        let workspace = try Workspace(path: try Fixture.workspace(self))
        try workspace.write("name: new", to: "nested/new.yaml")
        XCTAssertEqual(try workspace.read("nested/new.yaml"), "name: new")
        XCTAssertThrowsError(try workspace.write("name: x", to: "missing/new.yaml"))
        XCTAssertThrowsError(try workspace.write(String(repeating: "#", count: Workspace.maxFileBytes + 1), to: "big.yaml")) {
            guard case Workspace.Problem.tooLarge = $0 else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try workspace.read("absent.yaml")) { XCTAssertEqual($0 as? Workspace.Problem, .notFound("absent.yaml")) }
    }

    func testLoopbackHosts() {
        for host in ["localhost", "localhost:8080", "127.0.0.1", "127.0.0.1:9", "[::1]:8080"] {
            XCTAssertTrue(RequestGuard<BasicRequestContext>.isLoopback(host: host), host)
        }
        for host in ["evil.example", "evil.example:8080", "10.0.0.1:8080", "[::2]:80", "127.evil.example"] {
            XCTAssertFalse(RequestGuard<BasicRequestContext>.isLoopback(host: host), host)
        }
    }
}
