import Foundation
import ResultsSchema

/// The folder the workbench may read and write, and nothing outside it.
///
/// Every path a request names is relative to the workspace root. A path is refused when it is
/// absolute, climbs out with `..`, names a hidden file (the history lives in `.ccsim/`), or
/// resolves — through a symbolic link anywhere along it — to a place outside the root. The check
/// is done on the real path (symbolic links resolved), so a link inside the workspace that points
/// out of it is caught as well as a written `../`.
public struct Workspace: Sendable {
    /// The root, with symbolic links resolved.
    public let root: URL
    /// Largest scenario file read or written (the scenario loader's own limit is larger; a
    /// scenario typed in a browser is kilobytes).
    public static let maxFileBytes = 1 << 20

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notADirectory(String)
        case refused(String, reason: String)
        case notFound(String)
        case tooLarge(String, bytes: Int)
        case unreadable(String, reason: String)

        public var description: String {
            switch self {
            case .notADirectory(let path): "workspace \(path) is not a directory"
            case .refused(let path, let reason): "\(path): refused: \(reason)"
            case .notFound(let path): "\(path): no such scenario file in the workspace"
            case .tooLarge(let path, let bytes): "\(path): \(bytes) bytes, more than the \(Workspace.maxFileBytes) a scenario file may have here"
            case .unreadable(let path, let reason): "\(path): \(reason)"
            }
        }
    }

    public init(path: String) throws(Problem) {
        let url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notADirectory(path)
        }
        root = url
    }

    /// The private folder for the history database and the run folders.
    public var historyFolder: URL { root.appendingPathComponent(".ccsim", isDirectory: true) }

    /// The absolute URL of a scenario file named relative to the root, after every check.
    /// The file need not exist (saving creates it), but its folder must, inside the workspace.
    public func scenarioURL(_ relative: String) throws(Problem) -> URL {
        guard !relative.isEmpty else { throw .refused(relative, reason: "empty path") }
        guard !relative.hasPrefix("/"), !relative.hasPrefix("~") else {
            throw .refused(relative, reason: "absolute paths are not allowed; name the file relative to the workspace")
        }
        guard !relative.contains("\0"), !relative.contains("\\") else { throw .refused(relative, reason: "invalid character in path") }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.isEmpty else { throw .refused(relative, reason: "empty path") }
        for part in parts {
            if part == ".." { throw .refused(relative, reason: "'..' would leave the workspace") }
            if part.hasPrefix(".") { throw .refused(relative, reason: "hidden files and folders are not served") }
        }
        guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else {
            throw .refused(relative, reason: "only scenario files (.yaml, .yml) are served")
        }
        let candidate = parts.reduce(root) { $0.appendingPathComponent(String($1)) }
        // The real path: every existing symbolic link along the way resolved.
        let real = candidate.resolvingSymlinksInPath()
        guard isInside(real) else { throw .refused(relative, reason: "it leads outside the workspace (symbolic link)") }
        // A dangling link would be followed by a write: refuse it as well.
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: candidate.path)) != nil, !FileManager.default.fileExists(atPath: real.path) {
            throw .refused(relative, reason: "it is a dangling symbolic link")
        }
        // A FIFO or device named like a scenario would block a read (nobody writes it) or be
        // written as a stream: only regular files are scenario files.
        var info = stat()
        if stat(real.path, &info) == 0, info.st_mode & S_IFMT != S_IFREG, info.st_mode & S_IFMT != S_IFDIR {
            throw .refused(relative, reason: "it is not a regular file")
        }
        return real
    }

    private func isInside(_ url: URL) -> Bool {
        let path = url.standardizedFileURL.path
        return path == root.path || path.hasPrefix(root.path.hasSuffix("/") ? root.path : root.path + "/")
    }

    /// The workspace's scenario files (relative paths, sorted), hidden folders skipped,
    /// symbolic links that lead outside left out.
    public func scenarioFiles() -> [String] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles, .skipsPackageDescendants]) else { return [] }
        var files: [String] = []
        for case let url as URL in walker {
            let name = url.lastPathComponent
            guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            guard let checked = try? scenarioURL(relative), FileManager.default.fileExists(atPath: checked.path) else { continue }
            files.append(relative)
        }
        return files.sorted()
    }

    /// The text of a scenario file.
    public func read(_ relative: String) throws(Problem) -> String {
        let url = try scenarioURL(relative)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw .notFound(relative)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int ?? 0
        guard size <= Self.maxFileBytes else { throw .tooLarge(relative, bytes: size) }
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .unreadable(relative, reason: "cannot read") }
        guard let text = String(data: data, encoding: .utf8) else { throw .unreadable(relative, reason: "not UTF-8 text") }
        return text
    }

    /// Replaces (or creates) a scenario file atomically; its folder must exist in the workspace.
    public func write(_ text: String, to relative: String) throws(Problem) {
        let url = try scenarioURL(relative)
        let data = Data(text.utf8)
        guard data.count <= Self.maxFileBytes else { throw .tooLarge(relative, bytes: data.count) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw .refused(relative, reason: "its folder does not exist in the workspace")
        }
        // Written to a temporary file, flushed, then renamed over the old one (as every output of ccsim).
        do { try AtomicFile.write(data, to: url.path, shownAs: relative) } catch {
            throw .unreadable(relative, reason: "cannot write: \(AtomicFile.reason(error))")
        }
    }

    /// The folder relative `empirical.file` and `forecast` paths of a scenario are read from.
    public func baseDirectory(of relative: String) -> String {
        let parts = relative.split(separator: "/").dropLast()
        return parts.reduce(root) { $0.appendingPathComponent(String($1)) }.path
    }
}
