import ContactCenter
import Dispatch
import Foundation
import Scenarios

/// Runs independent replications on several threads.
///
/// Each replication is single-threaded and draws only from its own streams
/// (seed, replication index, purpose), so results are identical whatever the
/// number of jobs; they are returned in replication order.
public enum ReplicationRunner {
    /// Runs `replicate(scenario, r)` for r in `0..<count` on up to `jobs` threads.
    /// The first error thrown (in replication order) is rethrown once all have finished.
    public static func run<R: Sendable>(
        _ scenario: Scenario, replications count: Int,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, progress: ProgressLine? = nil,
        _ replicate: @escaping @Sendable (Scenario, Int) throws -> R
    ) throws -> [R] {
        let results = ResultSlots<R>(count: count)
        let workers = max(1, min(jobs, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = results.claimNext() {
                results.store(Result { try replicate(scenario, index) }, at: index)
                progress?.advance()
            }
        }
        return try results.collected()
    }

    /// Replications of the full model, as `ccsim run` reports them. With `traceTo`, every
    /// finished contact visit is streamed to that CSV file (replication by replication,
    /// each into its own part file first, joined in order at the end, atomically).
    public static func run(
        _ scenario: Scenario, replications count: Int, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        traceTo tracePath: String? = nil, progress: ProgressLine? = nil
    ) throws -> [CenterResult] {
        // Progress in hundredths of a replication (slices of simulated time), only when shown.
        var slices: (@Sendable (Int) -> Void)?
        if let progress, progress.isShown {
            slices = { @Sendable steps in progress.advance(by: steps) }
        }
        let report = slices
        guard let tracePath else {
            return try run(scenario, replications: count, jobs: jobs) {
                try ContactCenterSimulator.run($0, replication: $1, progress: report)
            }
        }
        let target = URL(fileURLWithPath: tracePath)
        let directory = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Part names carry the process id, so two runs into one folder never share them.
        let pid = getpid()
        let part: @Sendable (Int) -> String = { directory.appendingPathComponent(".\(target.lastPathComponent)-\(pid)-r\($0).part").path }
        do {
            let results = try run(scenario, replications: count, jobs: jobs) {
                try ContactCenterSimulator.run($0, replication: $1, tracePath: part($1), progress: report)
            }
            try ContactTrace.combine(parts: (0..<count).map(part), into: tracePath)
            return results
        } catch {
            for r in 0..<count { unlink(part(r)) }
            throw error
        }
    }
}

/// Hands out replication indices and collects their results across threads.
private final class ResultSlots<R: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<R, any Error>?]
    private var next = 0

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func claimNext() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func store(_ result: Result<R, any Error>, at index: Int) {
        lock.withLock { slots[index] = result }
    }

    func collected() throws -> [R] {
        try lock.withLock { try slots.map { try $0!.get() } }
    }
}
