import Foundation

/// Writes files so that a reader never sees half of one.
///
/// The bytes go to a temporary file in the same directory, are flushed to
/// disk, and the temporary file is renamed over the target: rename is atomic
/// on POSIX file systems, so an interrupted run leaves either the old file or
/// the new one, never a truncated mix.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `data` to `path` atomically; `shownAs` is the path named in an error (the final
    /// place of a file written into a staging folder).
    public static func write(_ data: Data, to path: String, shownAs shown: String? = nil) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let named = shown ?? path
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: named, reason: "cannot create folder \(directory.path) (\(OutputFolder.reason(error)))")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: named, reason: String(cString: strerror(errno))) }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                if written <= 0 { failure = written < 0 ? String(cString: strerror(errno)) : "no bytes written"; return }
                offset += written
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw WriteError(path: named, reason: failure)
        }
    }

    public static func write(_ text: String, to path: String, shownAs shown: String? = nil) throws {
        try write(Data(text.utf8), to: path, shownAs: shown)
    }
}
