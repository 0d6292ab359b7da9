import ContactCenter
import Experiments
import Foundation
import Scenarios
import XCTest

/// Progress slices the simulated window into 100 runs of the kernel; the result must be the
/// one of a run in one go, event for event (so a terminal never changes the figures).
final class SlicedRunTests: XCTestCase {
    func testProgressSlicesGiveTheSameResult() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for file in ["erlang-a.yaml", "tiered-support.yaml"] {
            var scenario = try ScenarioLoader.load(path: root.appendingPathComponent("scenarios/\(file)").path)
            scenario.run.replications = 2
            let whole = try ReplicationRunner.run(scenario, replications: 2, jobs: 1)
            let steps = LockedCount()
            let sliced = try (0..<2).map { r in
                try ContactCenterSimulator.run(scenario, replication: r, progress: { steps.add($0) })
            }
            XCTAssertEqual(steps.value, 200, file)
            XCTAssertEqual(whole.map(\.eventsHandled), sliced.map(\.eventsHandled), file)
            let a = try SummaryFiles.json(CenterSummary(scenario: scenario, replications: whole))
            let b = try SummaryFiles.json(CenterSummary(scenario: scenario, replications: sliced))
            XCTAssertEqual(a, b, file)
        }
    }

    /// The workbench's cancel: an error thrown by the progress callback stops the replication at
    /// that slice (no further slices are simulated) and reaches the caller.
    func testAnErrorFromProgressStopsTheReplicationThere() throws {
        struct Stop: Error {}
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scenario = try ScenarioLoader.load(path: root.appendingPathComponent("scenarios/erlang-a.yaml").path)
        let steps = LockedCount()
        XCTAssertThrowsError(try ContactCenterSimulator.run(scenario, replication: 0, progress: { n in
            steps.add(n)
            if steps.value == 10 { throw Stop() }
        })) { XCTAssertTrue($0 is Stop, "\($0)") }
        XCTAssertEqual(steps.value, 10)
    }
}

private final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add(_ n: Int) { lock.withLock { count += n } }
    var value: Int { lock.withLock { count } }
}
