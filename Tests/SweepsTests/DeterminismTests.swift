import Sweeps
import XCTest

final class DeterminismTests: XCTestCase {
    func testResultsDoNotDependOnJobs() throws {
        let directory = try Fixture.temporaryDirectory(self)
        let plan = try Fixture.plan(Fixture.smallSweep(agents: [46, 48, 50, 52], replications: 5, seeding: "independent"), in: directory)
        let one = try Fixture.run(plan, into: directory + "/jobs1", jobs: 1)
        let two = try Fixture.run(plan, into: directory + "/jobs2", jobs: 2)
        let four = try Fixture.run(plan, into: directory + "/jobs4", jobs: 4)
        XCTAssertEqual(one.count, 20)
        XCTAssertEqual(one, two)
        XCTAssertEqual(one, four)
    }
}
