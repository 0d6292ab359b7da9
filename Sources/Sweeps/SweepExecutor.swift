import Dispatch
import Experiments
import Foundation

/// Runs a sweep's runs on several threads and stores each as soon as it finishes.
///
/// Each run is single-threaded and a pure function of (point scenario, seed, replication
/// index), so what is stored does not depend on the number of jobs or the order runs finish
/// in. Writes are serialised by the store, one transaction per run.
public enum SweepExecutor {
    public struct Report: Sendable {
        public var attempted: Int
        public var stored: Int
        public var failed: Int
        public var wallSeconds: Double
        /// Time spent storing runs (summed over threads) and in runs overall.
        public var storeSeconds: Double
        public var workerSeconds: Double
        public var cancelled: Bool
        /// A store write that failed (disk full, …): the sweep stopped.
        public var storeError: String?

        /// Share of the workers' time spent writing to the store.
        public var storeShare: Double { workerSeconds > 0 ? storeSeconds / workerSeconds : 0 }
    }

    /// Runs `runs` of `plan` on up to `jobs` threads into `store`; stops claiming new runs
    /// once `cancel` is set (in-flight runs finish and are stored).
    public static func execute(_ plan: SweepPlan, runs: [RunKey], store: SweepStore, jobs: Int,
                               progress: ProgressLine?, cancel: CancelFlag = CancelFlag()) -> Report {
        let state = ExecutionState(count: runs.count)
        let workers = max(1, min(jobs, runs.count))
        let start = DispatchTime.now().uptimeNanoseconds
        if !runs.isEmpty {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while !cancel.isSet, let index = state.claimNext() {
                    let key = runs[index]
                    let point = plan.points[key.point]
                    let replicationIndex = plan.replicationIndex(point: key.point, replication: key.replication)
                    let began = DispatchTime.now().uptimeNanoseconds
                    var record = RunRecord(key: key, seed: plan.seed, replicationIndex: replicationIndex,
                                           metrics: [:], error: nil, wallSeconds: 0, finishedAt: Date())
                    do {
                        (record.metrics, record.series) = try RunMetrics.simulate(point.scenario, replicationIndex: replicationIndex,
                                                                                  series: plan.series)
                    } catch {
                        record.error = "\(error)"
                    }
                    let simulated = DispatchTime.now().uptimeNanoseconds
                    record.wallSeconds = Double(simulated - began) / 1e9
                    record.finishedAt = Date()
                    do {
                        try store.insert(record)
                    } catch {
                        state.fail("cannot store run (point \(key.point), replication \(key.replication)) in \(store.path): \(error)")
                        cancel.set()
                    }
                    let ended = DispatchTime.now().uptimeNanoseconds
                    state.finished(failed: record.error != nil, storeNanos: ended - simulated, totalNanos: ended - began)
                    progress?.advance()
                }
            }
        }
        progress?.finish()
        return state.report(wallSeconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cancelled: cancel.isSet)
    }
}

/// A flag set from a signal handler or another thread to stop a sweep gracefully.
public final class CancelFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    public init() {}
    public var isSet: Bool { lock.withLock { value } }
    public func set() { lock.withLock { value = true } }
}

/// Hands out run indices and tallies what happened, across threads.
private final class ExecutionState: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var next = 0
    private var stored = 0
    private var failed = 0
    private var storeNanos: UInt64 = 0
    private var totalNanos: UInt64 = 0
    private var storeError: String?

    init(count: Int) { self.count = count }

    func claimNext() -> Int? {
        lock.withLock {
            guard next < count, storeError == nil else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func finished(failed runFailed: Bool, storeNanos s: UInt64, totalNanos t: UInt64) {
        lock.withLock {
            if storeError == nil { stored += 1 }
            if runFailed { failed += 1 }
            storeNanos += s
            totalNanos += t
        }
    }

    func fail(_ message: String) {
        lock.withLock { if storeError == nil { storeError = message } }
    }

    func report(wallSeconds: Double, cancelled: Bool) -> SweepExecutor.Report {
        lock.withLock {
            SweepExecutor.Report(attempted: next, stored: stored, failed: failed, wallSeconds: wallSeconds,
                                 storeSeconds: Double(storeNanos) / 1e9, workerSeconds: Double(totalNanos) / 1e9,
                                 cancelled: cancelled && storeError == nil, storeError: storeError)
        }
    }
}
