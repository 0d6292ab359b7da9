import Sweeps
import XCTest

final class MergeTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws { directory = try Fixture.temporaryDirectory(self) }

    func testShardsMergedEqualALocalRun() throws {
        let plan = try Fixture.plan(Fixture.smallSweep(agents: [46, 48, 50], replications: 4), in: directory)
        let local = try Fixture.run(plan, into: directory + "/local")
        var shardDirectories: [String] = []
        for k in 1...3 {
            let shard = Shard(index: k, count: 3)
            let dir = directory + "/shards/\(k)-of-3"
            let rows = try Fixture.run(plan, into: dir, jobs: 1, shard: shard)
            XCTAssertEqual(rows.count, 4)
            shardDirectories.append(dir)
        }
        let report = try StoreMerge.merge(into: directory + "/merged", from: shardDirectories)
        XCTAssertEqual(report.added, 12)
        XCTAssertEqual(report.duplicates, 0)
        XCTAssertEqual(report.storedRuns, 12)
        XCTAssertEqual(report.plannedRuns, 12)
        XCTAssertEqual(try Fixture.rows(directory + "/merged"), local)

        // Idempotent: merging again (or overlapping stores) adds nothing.
        let again = try StoreMerge.merge(into: directory + "/merged", from: shardDirectories + [directory + "/local"])
        XCTAssertEqual(again.added, 0)
        XCTAssertEqual(again.duplicates, 24)
        XCTAssertEqual(try Fixture.rows(directory + "/merged"), local)

        // The merged store is the whole sweep's: running the sweep on it finds nothing to do.
        let store = try SweepStore.open(for: plan, directory: directory + "/merged", shard: nil, forceNew: false)
        XCTAssertEqual(try store.storedRuns().count, 12)
        let summary = SweepSummary(try store.contents())
        XCTAssertNil(summary.meta.shard)
    }

    func testADifferentSweepIsRefused() throws {
        let a = try Fixture.plan(Fixture.smallSweep(replications: 2), in: directory, file: "a.yaml")
        let b = try Fixture.plan(Fixture.smallSweep(replications: 3), in: directory, file: "b.yaml")
        try Fixture.run(a, into: directory + "/a")
        try Fixture.run(b, into: directory + "/b")
        XCTAssertThrowsError(try StoreMerge.merge(into: directory + "/merged", from: [directory + "/a", directory + "/b"])) { error in
            XCTAssertTrue("\(error)".contains("holds a different sweep"), "\(error)")
        }
        _ = try StoreMerge.merge(into: directory + "/merged", from: [directory + "/a"])
        XCTAssertThrowsError(try StoreMerge.merge(into: directory + "/merged", from: [directory + "/b"])) { error in
            XCTAssertTrue("\(error)".contains("holds a different sweep"), "\(error)")
        }
        XCTAssertThrowsError(try StoreMerge.merge(into: directory + "/m2", from: [directory + "/missing"])) { error in
            XCTAssertTrue("\(error)".contains("no sweep store at"), "\(error)")
        }
    }
}
