import ContactCenter
import Experiments
import Foundation
import Scenarios

/// Replications of a scenario for the workbench: `ReplicationRunner` with progress counted in
/// hundredths of a replication and a cancel flag checked before each replication starts.
///
/// The work runs on Dispatch threads, never on Swift concurrency's cooperative pool, so a long
/// run cannot starve the HTTP server's tasks.
public enum Replications {
    /// A cancellation signal and progress counter shared by a run and whoever watches it.
    public final class Control: @unchecked Sendable {
        private let lock = NSLock()
        private var cancelled = false
        private var done = 0
        public let total: Int

        public init(total: Int) { self.total = total }

        public func cancel() { lock.withLock { cancelled = true } }
        public var isCancelled: Bool { lock.withLock { cancelled } }
        /// Steps done (hundredths of a replication) out of `total`.
        public var stepsDone: Int { lock.withLock { done } }
        func advance(_ steps: Int) { lock.withLock { done += steps } }
    }

    public struct Cancelled: Error, CustomStringConvertible {
        public var description: String { "cancelled" }
    }

    /// Runs the scenario's replications (`scenario.run.replications`, seed `scenario.run.seed`).
    public static func run(_ scenario: Scenario, jobs: Int, control: Control) async throws -> [CenterResult] {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try runBlocking(scenario, jobs: jobs, control: control) })
            }
        }
    }

    static func runBlocking(_ scenario: Scenario, jobs: Int, control: Control) throws -> [CenterResult] {
        try ResourceBudget().check(scenario, tracing: false)
        return try ReplicationRunner.run(scenario, replications: scenario.run.replications, jobs: jobs) { scenario, r in
            if control.isCancelled { throw Cancelled() }
            return try ContactCenterSimulator.run(scenario, replication: r, progress: { control.advance($0) })
        }
    }
}
