import Foundation

/// What a path that names no file most likely meant, for the "no such file" message: a file of
/// the same kind within a few typos in the folder it names (`erlang-a.yml`, `erlanga.yaml`), or
/// the same name in the bundled folders when it was given bare (`erlang-a.yaml` run from the
/// repository root means `scenarios/erlang-a.yaml`). And, for a folder given where a file
/// belongs, the files of that kind in it.
public enum NearbyFiles {
    /// Extensions of scenario and sweep files.
    public static let yaml = ["yaml", "yml"]

    /// "; did you mean PATH?" with the likeliest file, or "" when none is close.
    /// - Parameters:
    ///   - extensions: the kinds of file meant (lower case, no dot).
    ///   - folders: where a bare name is looked for too, relative to the current directory.
    public static func hint(for path: String, extensions: [String] = yaml, folders: [String] = ["scenarios", "scenarios/sweeps"]) -> String {
        guard let meant = likeliest(for: path, extensions: extensions, folders: folders) else { return "" }
        return "; did you mean \(meant)?"
    }

    /// "; did you mean NAME (in the same folder)?" with the likeliest file of the same folder, by name only (a
    /// file a scenario field names, resolved against the scenario's folder: the name is what to
    /// write in the field), or "".
    public static func siblingHint(for path: String, extensions: [String]) -> String {
        let (directory, name) = split(path)
        guard let file = closest(to: name, in: directory, extensions: extensions) else { return "" }
        return "; did you mean \(file) (in the same folder)?"
    }

    static func likeliest(for path: String, extensions: [String], folders: [String]) -> String? {
        let (directory, name) = split(path)
        func written(_ file: String, in folder: String) -> String {
            folder.isEmpty ? file : (folder as NSString).appendingPathComponent(file)
        }
        if let file = closest(to: name, in: directory, extensions: extensions) { return written(file, in: directory) }
        // A bare name (or one under a folder that does not exist) may be a bundled file.
        guard !path.hasPrefix("/") else { return nil }
        for folder in folders where folder != directory {
            if let file = closest(to: name, in: folder, extensions: extensions) { return written(file, in: folder) }
        }
        return nil
    }

    /// The path's folder (empty for a bare name) and file name.
    private static func split(_ path: String) -> (directory: String, name: String) {
        ((path as NSString).deletingLastPathComponent, (path as NSString).lastPathComponent)
    }

    /// The file of `directory` (empty: the current one) with one of `extensions` whose name is
    /// within a few typos of `name`, if any.
    private static func closest(to name: String, in directory: String, extensions: [String]) -> String? {
        guard !name.isEmpty else { return nil }
        return EditDistance.suggestion(for: name, among: files(in: directory.isEmpty ? "." : directory, extensions: extensions))
    }

    /// "; the YAML files in it: a.yaml, b.yaml, … (12 in all)" for a folder given where a file belongs, or "".
    public static func listing(directory: String, extensions: [String] = yaml, what: String = "YAML files") -> String {
        let found = files(in: directory, extensions: extensions)
        guard !found.isEmpty else { return "; it holds no \(what)" }
        let shown = found.prefix(6).map { (directory as NSString).appendingPathComponent($0) }
        return "; the \(what) in it: " + shown.joined(separator: ", ") + (found.count > shown.count ? ", … (\(found.count) in all)" : "")
    }

    /// Names of the regular files in `directory` with one of `extensions`, sorted; none when it cannot be read.
    static func files(in directory: String, extensions: [String]) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { name in
            guard !name.hasPrefix("."), extensions.contains((name as NSString).pathExtension.lowercased()) else { return false }
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }.sorted()
    }
}
