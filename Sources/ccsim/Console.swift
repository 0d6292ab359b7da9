import Experiments
import Foundation

/// The command's standard streams, with every write to stdout checked.
///
/// `print` goes through C stdio, whose buffered writes fail silently: `--format json > file` on a
/// full disk used to exit 0 with the JSON cut off. `finishStandardOutput()` flushes stdout at the
/// end of every command and turns a failed write (now or earlier, glibc keeps the unwritten bytes
/// and fails again) into `cannot write standard output: reason` and a non-zero exit.
enum Console {
    /// A failed write to stdout, as `cannot write standard output: reason`.
    struct WriteFailure: Error, CustomStringConvertible {
        let reason: String
        var description: String { "cannot write standard output: \(reason)" }
    }

    /// Writes a note or an error line to stderr (a failure there is ignored: there is nowhere
    /// left to report it, and `FileHandle.write` would trap).
    static func note(_ text: String) {
        ProgressLine.writeToStandardError(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Flushes stdout; throws when any write to it failed.
    static func finishStandardOutput() throws {
        errno = 0
        let flushed = fflush(nil) == 0
        let reason = errno
        if !flushed || (standardOutputFile().map { ferror($0) != 0 } ?? false) {
            throw WriteFailure(reason: reason != 0 ? String(cString: strerror(reason)) : "a write failed")
        }
    }

    /// C's `stdout` stream. Swift 6 refuses a reference to the C global (shared mutable state),
    /// so it is looked up by name; only its error flag is read.
    private static func standardOutputFile() -> UnsafeMutablePointer<FILE>? {
        dlsym(nil, "stdout")?.load(as: UnsafeMutablePointer<FILE>?.self)
    }
}

/// The command's results folder (`--out`), or nil; checked before any work starts.
func outputFolder(_ path: String?) throws -> OutputFolder? {
    guard let path else { return nil }
    do {
        return try OutputFolder(path)
    } catch let problem as OutputFolder.Problem {
        throw ValidationFailure(problem.description)
    }
}

/// A one-line error printed as `error: …` with exit status 1 (not ArgumentParser's usage text).
struct ValidationFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
