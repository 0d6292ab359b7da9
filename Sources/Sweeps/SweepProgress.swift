import Foundation

/// Progress of a sweep on stderr: runs done out of the total, rate and time left.
///
/// On a terminal the line is redrawn in place (at most ten times a second); when stderr is a
/// file or a pipe (CI logs, Slurm output files) a plain line is written at every 5% instead,
/// so logs stay short and readable.
public final class SweepProgress: @unchecked Sendable {
    public enum Style: Sendable { case bar, lines, none }

    private let lock = NSLock()
    private let style: Style
    private let total: Int
    private let alreadyDone: Int
    private var done = 0
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var lastStep = -1
    private let write: @Sendable (String) -> Void

    /// - Parameters:
    ///   - total: runs of this sweep (or shard) in all; `alreadyDone` of them were stored before.
    ///   - write: where text goes (stderr by default).
    public init(style: Style? = nil, total: Int, alreadyDone: Int,
                write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.style = style ?? (isatty(STDERR_FILENO) != 0 ? .bar : .lines)
        self.total = total
        self.alreadyDone = alreadyDone
        self.write = write
        lastStep = total > 0 ? alreadyDone * 20 / total : 20
    }

    /// Counts one more finished run.
    public func advance() {
        lock.withLock {
            done += 1
            let now = Date()
            switch style {
            case .none: return
            case .bar:
                guard now.timeIntervalSince(lastDraw) >= 0.1 || alreadyDone + done == total else { return }
                lastDraw = now
                write("\r" + bar(now: now) + "\u{1B}[K")
            case .lines:
                let step = (alreadyDone + done) * 20 / max(1, total)
                guard step > lastStep else { return }
                lastStep = step
                write(line(now: now) + "\n")
            }
        }
    }

    /// Ends a redrawn bar with a newline.
    public func finish() {
        lock.withLock {
            if style == .bar, done > 0 { write("\n") }
        }
    }

    private func figures(now: Date) -> (count: Int, percent: Int, rate: Double, eta: String) {
        let count = alreadyDone + done
        let elapsed = max(1e-9, now.timeIntervalSince(start))
        let rate = Double(done) / elapsed
        let left = total - count
        let eta = left == 0 ? "0s" : rate > 0 ? Self.duration(Double(left) / rate) : "?"
        return (count, total > 0 ? count * 100 / total : 100, rate, eta)
    }

    private func bar(now: Date) -> String {
        let f = figures(now: now)
        let width = 24
        let filled = total > 0 ? f.count * width / total : width
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + "\(f.count)/\(total) runs \(f.percent)%  \(Self.rate(f.rate)) runs/s  ETA \(f.eta)"
    }

    private func line(now: Date) -> String {
        let f = figures(now: now)
        return "\(f.count)/\(total) runs (\(f.percent)%), \(Self.rate(f.rate)) runs/s, ETA \(f.eta)"
    }

    static func rate(_ r: Double) -> String { r >= 100 ? String(Int(r.rounded())) : String(format: "%.1f", r) }

    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        if seconds < 0.5 { return "<1s" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
        return "\(s / 3600)h\(String(format: "%02d", s % 3600 / 60))m"
    }
}
