import Sweeps
import XCTest

final class DesignTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws { directory = try Fixture.temporaryDirectory(self) }

    func testGridIsRowMajorWithTheFirstParameterSlowest() throws {
        let plan = try Fixture.plan("""
            base: \(Fixture.mmcBasic)
            parameters:
              - {path: team.agents, set: [46, 48, 50]}
              - {path: arrivals.rate, set: [500/h, 540/h]}
            """, in: directory)
        XCTAssertEqual(plan.points.map { $0.values.map(\.written) }, [
            ["46", "500/h"], ["46", "540/h"], ["48", "500/h"], ["48", "540/h"], ["50", "500/h"], ["50", "540/h"],
        ])
        XCTAssertEqual(plan.points.map(\.id), Array(0..<6))
    }

    func testUnitCubeSampleIsStratifiedAndReproducible() {
        let n = 50
        let sample = LatinHypercube.sample(points: n, dimensions: 3, seed: 9)
        for j in 0..<3 {
            // Exactly one point in each of the n strata of every dimension.
            XCTAssertEqual(Set(sample.map { Int($0[j] * Double(n)) }), Set(0..<n))
            XCTAssertTrue(sample.allSatisfy { (0..<1).contains($0[j]) })
        }
        XCTAssertEqual(sample, LatinHypercube.sample(points: n, dimensions: 3, seed: 9))
        XCTAssertNotEqual(sample, LatinHypercube.sample(points: n, dimensions: 3, seed: 10))
        // Dimensions are permuted independently, not in lockstep.
        XCTAssertNotEqual(sample.map { Int($0[0] * Double(n)) }, sample.map { Int($0[1] * Double(n)) })
    }

    func testLatinHypercubeOverRangesAndLists() throws {
        let plan = try Fixture.plan("""
            base: \(Fixture.mmcBasic)
            design: {latin_hypercube: {points: 10, seed: 3}}
            parameters:
              - {path: team.agents, set: {from: 45, to: 55}}
              - {path: arrivals.rate, set: {from: 500/h, to: 600/h}}
              - {path: handle_time.exponential.mean, scale: {from: 0.9, to: 1.1}}
              - {path: service_level.convention, set: [offered, answered]}
            """, in: directory)
        XCTAssertEqual(plan.points.count, 10)
        let agents = plan.points.map { $0.scenario.singleQueue!.agents }
        XCTAssertTrue(agents.allSatisfy { (45...55).contains($0) })                // whole: mmc-basic writes 'agents: 50'
        XCTAssertEqual(plan.points.map { $0.values[0].written }, agents.map(String.init))
        let rates = plan.points.map { $0.scenario.singleQueue!.ratePerSecond * 3600 }
        XCTAssertTrue(rates.allSatisfy { (500..<600).contains($0) })
        // One rate per tenth of the range: the hypercube's strata.
        XCTAssertEqual(Set(rates.map { Int(($0 - 500) / 10) }), Set(0..<10))
        XCTAssertTrue(plan.points.allSatisfy { $0.values[1].written.hasSuffix("/h") })
        let means = plan.points.map { $0.scenario.singleQueue!.handleTime.mean }
        XCTAssertTrue(means.allSatisfy { (270..<330).contains($0) })
        XCTAssertEqual(Set(plan.points.map { $0.values[3].written }), ["offered", "answered"])
        // The same file gives the same points.
        let again = try Fixture.plan(String(contentsOfFile: directory + "/sweep.yaml", encoding: .utf8), in: directory)
        XCTAssertEqual(again.points.map(\.label), plan.points.map(\.label))
    }

    func testScalingAWildcardScalesEveryField() throws {
        let base = directory + "/mixture.yaml"
        try """
            name: mixture
            arrivals: {rate: 540/h}
            team: {agents: 50}
            handle_time:
              mixture:
                - {weight: 0.5, exponential: {mean: 4m}}
                - {weight: 0.5, exponential: {mean: 6m}}
            """.write(toFile: base, atomically: true, encoding: .utf8)
        let plan = try Fixture.plan("""
            base: mixture.yaml
            parameters:
              - {path: 'handle_time.mixture[*].exponential.mean', scale: [0.5, 2]}
            """, in: directory)
        XCTAssertEqual(plan.points.map { $0.scenario.singleQueue!.handleTime.mean }, [150, 600])
    }
}
