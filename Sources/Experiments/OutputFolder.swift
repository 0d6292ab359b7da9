import Foundation
import ResultsSchema

/// A results folder (`--out DIR`) written as a set: complete or absent, never half-written.
///
/// Every file goes into a hidden staging sibling (`.DIR.partial-PID-RANDOM`, unique per
/// process, so two runs into the same folder never share part files). `commit()` renames the
/// staging folder into place: a rename is atomic, so a reader sees either the previous folder
/// or the new one. When `DIR` already holds earlier results they are moved aside first and
/// removed after the swap; a crash between the two renames leaves no `DIR` at all (absent, not
/// mixed) and the earlier results in `.DIR.replaced-…`. A process killed before `commit()`
/// leaves only its hidden staging folder.
///
/// Files in `DIR` that ccsim did not write (a scenario kept beside its results, notes) are
/// carried into the new folder (hard-linked, or copied across file systems) before the swap;
/// a folder holding sub-folders ccsim did not write, the current folder and home are refused,
/// since replacing them as a whole could lose a user's work.
public final class OutputFolder {
    /// Where the results end up.
    public let url: URL
    /// Where they are written until `commit()`.
    public let staging: URL
    private var committed = false

    /// Names ccsim writes into a results folder (run, staff, schedule, roi, report).
    public static let knownFiles: Set<String> = [
        "summary.json", "intervals.csv", "staffing-check.csv", "contacts.csv", "staffing.csv", "schedule.csv", "coverage.csv", "roster.csv",
        "scenario.yaml", "roi.json", "weekly.csv", "replications.csv", "tornado.csv", "report.html",
    ]

    /// Why `--out` cannot be used, or a failed write, as one line.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// The files this folder's writer replaces as a set; any other file already there is kept.
    public let replaces: Set<String>

    /// Checks `path` as a results folder and creates the staging folder beside it. `replacing`:
    /// the names the command owns (by default every file ccsim writes, so a stale `contacts.csv`
    /// does not outlive the run that wrote it; `ccsim fit` owns only its two files).
    public init(_ path: String, option: String = "--out", replacing: Set<String> = OutputFolder.knownFiles) throws {
        replaces = replacing
        url = try Self.validated(path, option: option)
        let parent = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw Problem("cannot write \(path): cannot create \(parent.path) (\(AtomicFile.reason(error)))")
        }
        let tag = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        staging = parent.appendingPathComponent(".\(url.lastPathComponent).partial-\(tag)", isDirectory: true)
        guard mkdir(staging.path, 0o755) == 0 else {
            throw Problem("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(at: staging) }
    }

    /// The URL of `name` inside the staging folder (where writers put it).
    public func file(_ name: String) -> URL { staging.appendingPathComponent(name) }

    /// Writes `data` as `name`, checked (the folder appears only at `commit()`).
    public func write(_ data: Data, named name: String) throws {
        try AtomicFile.write(data, to: file(name).path, shownAs: url.appendingPathComponent(name).path)
    }

    public func write(_ text: String, named name: String) throws {
        try write(Data(text.utf8), named: name)
    }

    /// Moves the staged files into place as one set.
    public func commit() throws {
        guard !committed else { return }
        let fm = FileManager.default
        var replaced: [URL] = []
        // Another ccsim writing the same --out may put its folder in place between our move
        // aside and our rename (rename fails: not empty); then its folder is moved aside in
        // turn, as an earlier one, and the rename tried again: the last to commit wins whole.
        for attempt in 1...8 {
            if fm.fileExists(atPath: url.path) {
                // Re-checked: another process may have put files there since the run started.
                _ = try Self.validated(url.path, option: "--out")
                try carryOver()
                let aside = url.deletingLastPathComponent()
                    .appendingPathComponent(".\(url.lastPathComponent).replaced-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
                if rename(url.path, aside.path) == 0 {
                    replaced.append(aside)
                } else if errno != ENOENT {
                    throw Problem("cannot write \(url.path): cannot move the earlier results aside (\(String(cString: strerror(errno))))")
                }
            }
            if rename(staging.path, url.path) == 0 { break }
            let code = errno
            guard (code == ENOTEMPTY || code == EEXIST), attempt < 8 else {
                if let first = replaced.first { _ = rename(first.path, url.path) }
                throw Problem("cannot write \(url.path): \(String(cString: strerror(code)))")
            }
        }
        committed = true
        for folder in replaced { try? fm.removeItem(at: folder) }
    }

    /// Links the user's own files of the existing folder into the staging folder.
    private func carryOver() throws {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in entries where !replaces.contains(name) {
            let source = url.appendingPathComponent(name), target = staging.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: target.path) { continue }
            if link(source.path, target.path) == 0 { continue }
            do {
                try FileManager.default.copyItem(at: source, to: target)
            } catch {
                throw Problem("cannot write \(url.path): cannot keep \(name) in it (\(AtomicFile.reason(error)))")
            }
        }
    }

    /// The folder `path` names, or a one-line problem: empty, the root, a file, a folder of
    /// someone else's files.
    public static func validated(_ path: String, option: String = "--out") throws -> URL {
        let trimmed = path.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw Problem("\(option) is empty; name a folder for the results, e.g. \(option) results/run") }
        // A symbolic link to a folder stands for that folder: its results are replaced there and
        // the link kept (renaming onto the link itself would replace the link with a folder).
        let url = URL(fileURLWithPath: trimmed, isDirectory: true).standardizedFileURL.resolvingSymlinksInPath()
        let components = url.pathComponents.filter { $0 != "/" }
        guard !components.isEmpty else { throw Problem("\(option) \(path) is the root folder; name a folder for the results, e.g. \(option) results/run") }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true).standardizedFileURL
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL
        if url.path == cwd.path || url.path == home.path || cwd.path.hasPrefix(url.path + "/") {
            throw Problem("\(option) \(path) is the current or home folder (or holds it); results replace their folder as a whole, so name a folder of their own, e.g. \(option) results/run")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Problem("\(option) \(path) is a file, not a folder") }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            let folders = entries.filter { name in
                var isFolder: ObjCBool = false
                return !knownFiles.contains(name)
                    && FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isFolder)
                    && isFolder.boolValue
            }.sorted()
            if !folders.isEmpty {
                let shown = folders.prefix(3).joined(separator: ", ") + (folders.count > 3 ? ", …" : "")
                throw Problem("\(option) \(path) holds folders ccsim did not write (\(shown)); results replace their folder as a whole, so choose a new or empty folder")
            }
        }
        return url
    }

}
