import Foundation
import Sweeps
import XCTest

/// The bundled example sweeps stay valid as the scenario schema evolves.
final class ExampleSweepTests: XCTestCase {
    func testBundledSweepFilesAreValid() throws {
        let folder = Fixture.repositoryRoot.appendingPathComponent("scenarios/sweeps")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertEqual(files, ["bench-200.yaml", "bench-tiered-200.yaml", "erlang-a-lhs.yaml", "mmc-staffing.yaml", "routing-policies.yaml",
                               "tiered-grid3.yaml", "tiered-lhs6.yaml"])
        for file in files {
            let plan = try SweepPlanner.load(path: folder.appendingPathComponent(file).path)
            XCTAssertEqual(plan.name + ".yaml", file)
            XCTAssertFalse(plan.points.isEmpty)
        }
        let lhs = try SweepPlanner.load(path: folder.appendingPathComponent("erlang-a-lhs.yaml").path)
        XCTAssertEqual(lhs.points.count, 24)
        XCTAssertEqual(lhs.design, .latinHypercube(points: 24, seed: 7))
        XCTAssertEqual(try SweepPlanner.load(path: folder.appendingPathComponent("bench-200.yaml").path).runCount, 200)
        XCTAssertEqual(try SweepPlanner.load(path: folder.appendingPathComponent("bench-tiered-200.yaml").path).runCount, 200)
        // 4 × 3 × 3 grid for the report's small multiples; a six-input hypercube.
        XCTAssertEqual(try SweepPlanner.load(path: folder.appendingPathComponent("tiered-grid3.yaml").path).points.count, 36)
        XCTAssertEqual(try SweepPlanner.load(path: folder.appendingPathComponent("tiered-lhs6.yaml").path).points.count, 40)
        // Six routing policies × two reservations of bilinguals.
        XCTAssertEqual(try SweepPlanner.load(path: folder.appendingPathComponent("routing-policies.yaml").path).points.count, 12)
    }
}
