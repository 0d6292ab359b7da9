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
    /// Runs replications `0..<count` of `scenario` on up to `jobs` threads.
    public static func run(_ scenario: Scenario, replications count: Int, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> [ReplicationResult] {
        let results = ResultSlots(count: count)
        let workers = max(1, min(jobs, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = results.claimNext() {
                results.store(Result { try ContactCenterSimulator.run(scenario, replication: index) }, at: index)
            }
        }
        return try results.collected()
    }
}

/// Hands out replication indices and collects their results across threads.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<ReplicationResult, any Error>?]
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

    func store(_ result: Result<ReplicationResult, any Error>, at index: Int) {
        lock.withLock { slots[index] = result }
    }

    func collected() throws -> [ReplicationResult] {
        try lock.withLock { try slots.map { try $0!.get() } }
    }
}
