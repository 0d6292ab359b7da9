import ContactCenter
import Experiments
import Foundation
import Scenarios

/// Replications of a scenario for the workbench: `ReplicationRunner` with progress counted in
/// hundredths of a replication and a cancel flag checked before each replication starts and
/// after each hundredth of one (a cancelled replication stops there, its partial result dropped).
///
/// The work runs on Dispatch threads, never on Swift concurrency's cooperative pool, so a long
/// run cannot starve the HTTP server's tasks.
public enum Replications {
    /// A cancellation signal and progress counter shared by a run and whoever watches it.
    public final class Control: @unchecked Sendable {
        private let lock = NSLock()
        private var cancelled = false
        private var done = 0
        private var note: String?
        private var steps: Int

        /// What the steps count, for the page: `stepsPerUnit` steps make one `unit`.
        public let unit: String
        public let stepsPerUnit: Int

        public init(total: Int, unit: String = "replications", stepsPerUnit: Int = 100) {
            steps = total
            self.unit = unit
            self.stepsPerUnit = stepsPerUnit
        }

        /// Steps in all; a job whose size is only known as it goes (a staffing search) may raise it.
        public var total: Int {
            get { lock.withLock { steps } }
            set { lock.withLock { steps = newValue } }
        }
        /// What the job is doing, in words (a staffing search's iteration, an ROI phase).
        public var message: String? {
            get { lock.withLock { note } }
            set { lock.withLock { note = newValue } }
        }

        public func cancel() { lock.withLock { cancelled = true } }
        public var isCancelled: Bool { lock.withLock { cancelled } }
        /// Steps done (hundredths of a replication) out of `total`.
        public var stepsDone: Int { lock.withLock { done } }
        public func advance(_ steps: Int) { lock.withLock { done += steps } }
    }

    public struct Cancelled: Error, CustomStringConvertible {
        public var description: String { "cancelled" }
    }

    /// Runs the scenario's replications (`scenario.run.replications`, seed `scenario.run.seed`).
    public static func run(_ scenario: Scenario, jobs: Int, control: Control) async throws -> [CenterResult] {
        try await onDispatch { try runBlocking(scenario, jobs: jobs, control: control) }
    }

    /// Blocking work moved off Swift concurrency's cooperative pool onto a Dispatch thread.
    static func onDispatch<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try work() }) }
        }
    }

    static func runBlocking(_ scenario: Scenario, jobs: Int, control: Control) throws -> [CenterResult] {
        try ResourceBudget().check(scenario, tracing: false)
        return try ReplicationRunner.run(scenario, replications: scenario.run.replications, jobs: jobs) { scenario, r in
            if control.isCancelled { throw Cancelled() }
            // Checked after every hundredth of the replication too: a cancel stops a long run there.
            return try ContactCenterSimulator.run(scenario, replication: r, progress: {
                if control.isCancelled { throw Cancelled() }
                control.advance($0)
            })
        }
    }
}
