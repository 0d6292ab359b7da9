import Foundation

/// Progress of long work on stderr: steps done out of the total, rate and time left (ETA).
///
/// One type for every command (`run`, `staff`, `schedule`, `roi`, `sweep`): create it with the
/// total, call `advance()` after each step (from any thread) and `finish()` at the end.
/// On a terminal the line is redrawn in place (at most ten times a second), and only once the
/// work has taken `quietFor` seconds, so quick commands print nothing extra. When stderr is a file
/// or a pipe, `.lines` (the sweep's choice, for CI logs and Slurm output files) writes a plain line
/// at each 5% step, at most one every `lineEvery` seconds (5: a sweep of a second writes none, and
/// its closing summary says it all), and `.terminalOnly` (the default) writes nothing. stdout is
/// never touched.
public final class ProgressLine: @unchecked Sendable {
    public enum Style: Sendable {
        /// Redrawn in place on a terminal.
        case bar
        /// A plain line at each 5% step, at most one every `lineEvery` seconds.
        case lines
        /// Nothing.
        case none
    }

    private let lock = NSLock()
    private let style: Style
    private let total: Int
    private let alreadyDone: Int
    private let unit: String
    private let quietFor: TimeInterval
    /// Least seconds between two plain lines (`.lines`).
    private let lineEvery: TimeInterval
    private var lastLine: Date
    /// Steps per unit shown (100: work counted in hundredths of a replication, shown as "2.4/10").
    private let stepsPerUnit: Int
    private var done = 0
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var lastStep = -1
    private var drawn = false
    private let write: @Sendable (String) -> Void

    /// Whether stderr is a terminal (where a redrawn line makes sense).
    public static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// - Parameters:
    ///   - total: steps of the work in all; `alreadyDone` of them were done before (a resumed sweep).
    ///   - unit: what a step is, in the plural ("runs", "replications", "plans").
    ///   - style: nil = a bar on a terminal, nothing otherwise.
    ///   - quietFor: seconds before a bar is first drawn (0 = at once).
    ///   - lineEvery: least seconds between two plain lines, from the start (`.lines`; 0 = at every 5% step).
    ///   - write: where text goes (stderr by default).
    ///   - stepsPerUnit: steps that make one unit as shown (`total` and `advance` count steps).
    public init(total: Int, alreadyDone: Int = 0, unit: String = "runs", style: Style? = nil, quietFor: TimeInterval = 2,
                lineEvery: TimeInterval = 5, stepsPerUnit: Int = 1,
                write: @escaping @Sendable (String) -> Void = ProgressLine.writeToStandardError) {
        self.stepsPerUnit = max(1, stepsPerUnit)
        self.style = style ?? (Self.stderrIsTerminal ? .bar : .none)
        self.total = total
        self.alreadyDone = alreadyDone
        self.unit = unit
        self.quietFor = quietFor
        self.lineEvery = lineEvery
        self.write = write
        lastStep = total > 0 ? alreadyDone * 20 / total : 20
        lastLine = start
    }

    /// Writes to stderr with `write(2)`; a failure is ignored (there is nowhere left to report it),
    /// unlike `FileHandle.write`, which traps.
    public static let writeToStandardError: @Sendable (String) -> Void = { text in
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Foundation.write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
        bytes.removeAll()
    }

    /// Whether anything is ever written (callers skip finer-grained bookkeeping otherwise).
    public var isShown: Bool { style != .none }

    /// Counts `steps` more finished steps (one by default).
    public func advance(by steps: Int = 1) {
        lock.withLock {
            done += steps
            let now = Date()
            switch style {
            case .none: return
            case .bar:
                guard now.timeIntervalSince(start) >= quietFor else { return }
                guard now.timeIntervalSince(lastDraw) >= 0.1 || alreadyDone + done == total else { return }
                lastDraw = now
                drawn = true
                write("\r" + bar(now: now) + "\u{1B}[K")
            case .lines:
                let step = (alreadyDone + done) * 20 / max(1, total)
                guard step > lastStep, now.timeIntervalSince(lastLine) >= lineEvery else { return }
                lastStep = step
                lastLine = now
                write(line(now: now) + "\n")
            }
        }
    }

    /// Ends a redrawn bar with a newline (nothing if none was drawn).
    public func finish() {
        lock.withLock {
            if style == .bar, drawn { write("\n") }
            drawn = false
        }
    }

    private func figures(now: Date) -> (count: Int, percent: Int, rate: Double, eta: String) {
        let count = alreadyDone + done
        let elapsed = max(1e-9, now.timeIntervalSince(start))
        let rate = Double(done) / elapsed
        let left = total - count
        let eta = left <= 0 ? "0s" : rate > 0 ? Self.duration(Double(left) / rate) : "?"
        return (count, total > 0 ? min(100, count * 100 / total) : 100, rate, eta)
    }

    private func bar(now: Date) -> String {
        let f = figures(now: now)
        let width = 24
        let filled = total > 0 ? min(width, f.count * width / total) : width
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + "\(shown(f.count))/\(shown(total)) \(unit) \(f.percent)%  \(Self.rate(f.rate / Double(stepsPerUnit))) \(unit)/s  ETA \(f.eta)"
    }

    private func line(now: Date) -> String {
        let f = figures(now: now)
        return "\(shown(f.count))/\(shown(total)) \(unit) (\(f.percent)%), \(Self.rate(f.rate / Double(stepsPerUnit))) \(unit)/s, ETA \(f.eta)"
    }

    private func shown(_ steps: Int) -> String {
        stepsPerUnit == 1 ? String(steps) : String(format: "%.1f", Double(steps) / Double(stepsPerUnit))
    }

    static func rate(_ r: Double) -> String { r >= 100 ? String(Int(clamping: UInt64(min(r, 1e15).rounded()))) : String(format: "%.1f", r) }

    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 1e9 else { return "?" }
        if seconds < 0.5 { return "<1s" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
        return "\(s / 3600)h\(String(format: "%02d", s % 3600 / 60))m"
    }
}
