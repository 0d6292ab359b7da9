import Sweeps
import XCTest

final class SeedingAndShardTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws { directory = try Fixture.temporaryDirectory(self) }

    func testCommonRandomNumbersReuseReplicationIndicesAcrossPoints() throws {
        let plan = try Fixture.plan(Fixture.smallSweep(replications: 3), in: directory)
        XCTAssertEqual(plan.seeding, .common)
        for point in plan.points.indices {
            XCTAssertEqual((0..<3).map { plan.replicationIndex(point: point, replication: $0) }, [0, 1, 2])
        }
    }

    func testIndependentSeedingGivesDisjointReplicationIndices() throws {
        let plan = try Fixture.plan(Fixture.smallSweep(replications: 3, seeding: "independent"), in: directory)
        var seen: Set<Int> = []
        for point in plan.points.indices {
            for r in 0..<3 {
                XCTAssertEqual(plan.replicationIndex(point: point, replication: r), point * 3 + r)
                XCTAssertTrue(seen.insert(plan.replicationIndex(point: point, replication: r)).inserted)
            }
        }
    }

    func testCommonRandomNumbersGiveTheSameArrivalsAtEveryStaffing() throws {
        // Staffing does not change who arrives: with common random numbers, 'offered' is
        // identical across points replication by replication; with independent seeding it is not.
        for (seeding, same) in [("common", true), ("independent", false)] {
            let sub = directory + "/" + seeding
            try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
            let plan = try Fixture.plan(Fixture.smallSweep(replications: 2, seeding: seeding), in: sub)
            let rows = try Fixture.run(plan, into: sub + "/out")
            let offered = rows.map { row -> String in
                let m = try! JSONSerialization.jsonObject(with: Data(row.metrics.utf8)) as! [String: Double]
                return "\(row.replication):\(m["offered"]!)"
            }
            let byPoint = Dictionary(grouping: offered.enumerated(), by: { rows[$0.offset].point }).mapValues { $0.map(\.element) }
            XCTAssertEqual(Set(byPoint.values).count == 1, same, "\(seeding): \(byPoint)")
        }
    }

    func testShardsPartitionTheRuns() throws {
        let plan = try Fixture.plan(Fixture.smallSweep(agents: [46, 47, 48, 49, 50], replications: 3), in: directory)
        let all = plan.runs()
        XCTAssertEqual(all.count, 15)
        for n in [1, 2, 4, 15, 20] {
            let slices = (1...n).map { plan.runs(shard: Shard(index: $0, count: n)) }
            XCTAssertEqual(slices.flatMap { $0 }.sorted(), all, "N = \(n)")
            XCTAssertEqual(Set(slices.flatMap { $0 }).count, all.count)
            XCTAssertLessThanOrEqual((slices.map(\.count).max() ?? 0) - (slices.map(\.count).min() ?? 0), 1)
        }
        XCTAssertNil(Shard("0/3"))
        XCTAssertNil(Shard("4/3"))
        XCTAssertNil(Shard("1-3"))
        XCTAssertEqual(Shard("2/3"), Shard(index: 2, count: 3))
    }
}
