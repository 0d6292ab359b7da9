import Foundation

/// Writes files so that a reader never sees half of one.
///
/// The bytes go to a temporary file in the same directory, are flushed to
/// disk, and the temporary file is renamed over the target: rename is atomic
/// on POSIX file systems, so an interrupted run leaves either the old file or
/// the new one, never a truncated mix. A target that is no regular file is not replaced: a
/// symbolic link to a file has that file replaced, a device or FIFO (`/dev/stdout`) is written
/// as a stream, a folder is an error.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `data` to `path` atomically; `shownAs` is the path named in an error (the final
    /// place of a file written into a staging folder).
    public static func write(_ data: Data, to path: String, shownAs shown: String? = nil) throws {
        let named = shown ?? path
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            // Renaming over anything but a regular file would replace it: a device (`--out
            // /dev/null`, as root the system's own node), a FIFO, a symbolic link.
            guard stat(path, &info) == 0 else { throw WriteError(path: named, reason: "it is a symbolic link to a missing file") }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                // A link to a file: the file is replaced, the link kept.
                guard let resolved = realpath(path, nil) else { throw WriteError(path: named, reason: String(cString: strerror(errno))) }
                defer { free(resolved) }
                return try write(data, to: String(cString: resolved), shownAs: named)
            case S_IFDIR:
                throw WriteError(path: named, reason: "it is a folder; name a file")
            default:
                return try stream(data, to: path, named: named)
            }
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: named, reason: "cannot create folder \(directory.path) (\(reason(error)))")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: named, reason: String(cString: strerror(errno))) }
        var failure = writeAll(data, to: fd)
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw WriteError(path: named, reason: failure)
        }
    }

    /// Writes to a device, FIFO or socket as a stream (as `> PATH` would), since it is no file
    /// to replace. A FIFO nobody reads is an error, not a wait.
    private static func stream(_ data: Data, to path: String, named: String) throws {
        let fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw WriteError(path: named, reason: errno == ENXIO ? "it is a FIFO that no process reads" : String(cString: strerror(errno)))
        }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        let failure = writeAll(data, to: fd)
        if let failure { throw WriteError(path: named, reason: failure) }
    }

    /// Writes every byte of `data` to `fd`; the reason when it could not.
    private static func writeAll(_ data: Data, to fd: Int32) -> String? {
        data.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                if written <= 0 { return written < 0 ? String(cString: strerror(errno)) : "no bytes written" }
                offset += written
            }
            return nil
        }
    }

    public static func write(_ text: String, to path: String, shownAs shown: String? = nil) throws {
        try write(Data(text.utf8), to: path, shownAs: shown)
    }

    /// A write error's reason, or a Foundation error as the system's one-line reason ("Permission denied"), not its dump.
    package static func reason(_ error: any Error) -> String {
        if let error = error as? WriteError { return error.reason }
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        return (error as NSError).localizedDescription
    }
}
