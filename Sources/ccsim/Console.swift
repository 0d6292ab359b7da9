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

    /// Writes `text` to stdout with `write(2)`, so a failure carries its reason (stdio may drop
    /// the reason of a failed large write). Buffered `print` output is flushed first, in order.
    static func write(_ text: String) throws {
        errno = 0
        if fflush(nil) != 0 { throw WriteFailure(reason: String(cString: strerror(errno))) }
        if let reason = writeAll(STDOUT_FILENO, Array(text.utf8)) { throw WriteFailure(reason: reason) }
    }

    /// Writes every byte; nil, or the reason of the failure.
    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            if written < 0 { return String(cString: strerror(errno)) }
            if written == 0 { return "no bytes written" }
            offset += written
        }
        return nil
    }

    /// Flushes stdout; throws when any write to it failed.
    static func finishStandardOutput() throws {
        errno = 0
        let flushed = fflush(nil) == 0
        let reason = errno
        if !flushed || (standardOutputFile().map { ferror($0) != 0 } ?? false) {
            throw WriteFailure(reason: reason != 0 ? String(cString: strerror(reason)) : "an earlier write failed (disk full or output closed)")
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
