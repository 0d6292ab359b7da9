import Experiments
import Foundation
import ResultsSchema
import XCTest

/// Output paths that are not plain files or folders: a file is written by renaming a temporary
/// file over the target, which would replace a device, a FIFO or a symbolic link (as root,
/// `--out /dev/null` replaced the system's node). They are written through, or refused.
final class OutputTargetTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-targets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func type(_ path: String) -> mode_t {
        var info = stat()
        XCTAssertEqual(lstat(path, &info), 0, path)
        return info.st_mode & S_IFMT
    }

    func testALinkToAFileKeepsTheLinkAndReplacesTheFile() throws {
        try "old".write(toFile: path("real.csv"), atomically: false, encoding: .utf8)
        XCTAssertEqual(symlink("real.csv", path("link.csv")), 0)
        try AtomicFile.write("new", to: path("link.csv"))
        XCTAssertEqual(type(path("link.csv")), S_IFLNK)
        XCTAssertEqual(try String(contentsOfFile: path("real.csv"), encoding: .utf8), "new")
    }

    func testAFIFOIsWrittenAsAStreamAndKept() throws {
        XCTAssertEqual(mkfifo(path("fifo"), 0o644), 0)
        // A reader first (non-blocking, so the open returns), then the write streams into the pipe.
        let reader = open(path("fifo"), O_RDONLY | O_NONBLOCK)
        XCTAssertGreaterThanOrEqual(reader, 0)
        defer { close(reader) }
        try AtomicFile.write("through the pipe\n", to: path("fifo"))
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &buffer, buffer.count)
        XCTAssertEqual(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self), "through the pipe\n")
        XCTAssertEqual(type(path("fifo")), S_IFIFO)
    }

    func testAFIFOWithoutReaderIsAnErrorNotAWait() throws {
        XCTAssertEqual(mkfifo(path("fifo"), 0o644), 0)
        XCTAssertThrowsError(try AtomicFile.write("x", to: path("fifo"))) { error in
            XCTAssertEqual("\(error)", "cannot write \(path("fifo")): it is a FIFO that no process reads")
        }
        XCTAssertEqual(type(path("fifo")), S_IFIFO)
    }

    func testAFolderOrADanglingLinkIsRefused() throws {
        try FileManager.default.createDirectory(atPath: path("folder"), withIntermediateDirectories: false)
        XCTAssertThrowsError(try AtomicFile.write("x", to: path("folder"))) { error in
            XCTAssertEqual("\(error)", "cannot write \(path("folder")): it is a folder; name a file")
        }
        XCTAssertEqual(symlink("nowhere", path("dangling")), 0)
        XCTAssertThrowsError(try AtomicFile.write("x", to: path("dangling"))) { error in
            XCTAssertEqual("\(error)", "cannot write \(path("dangling")): it is a symbolic link to a missing file")
        }
        XCTAssertEqual(type(path("dangling")), S_IFLNK)
    }

    /// `--out LINK` to a results folder: the results replace the folder the link names, with the
    /// user's own files carried over, and the link stays a link.
    func testAnOutputFolderGivenAsALinkIsTheFolderItNames() throws {
        try FileManager.default.createDirectory(atPath: path("results"), withIntermediateDirectories: false)
        try "mine".write(toFile: path("results/notes.txt"), atomically: false, encoding: .utf8)
        XCTAssertEqual(symlink("results", path("latest")), 0)
        let folder = try OutputFolder(path("latest"))
        try folder.write("{}", named: "summary.json")
        try folder.commit()
        XCTAssertEqual(type(path("latest")), S_IFLNK)
        XCTAssertEqual(try String(contentsOfFile: path("results/summary.json"), encoding: .utf8), "{}")
        XCTAssertEqual(try String(contentsOfFile: path("results/notes.txt"), encoding: .utf8), "mine")
    }
}
