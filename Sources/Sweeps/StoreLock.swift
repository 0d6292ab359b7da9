import Foundation

/// An exclusive lock on a store for the life of the process (`.sweep.sqlite.lock` beside it, flock(2)).
///
/// SQLite alone would let two `ccsim sweep` processes run the same runs into one store and
/// fail on the second insert; the lock refuses the second process up front. The kernel drops
/// it when the process ends, however it ends (SIGKILL included), so it never goes stale.
final class StoreLock: Sendable {
    private let fd: Int32

    init(storePath: String) throws(SweepError) {
        let url = URL(fileURLWithPath: storePath)
        let path = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".lock").path
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw SweepError("cannot create \(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw SweepError("another ccsim process is using \(storePath); wait for it to finish or stop it")
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
