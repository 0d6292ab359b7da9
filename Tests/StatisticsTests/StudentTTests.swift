import Statistics
import XCTest

final class StudentTTests: XCTestCase {
    /// Table values: NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.2
    /// "Critical values of the Student's t distribution" (3 decimals:
    /// 12.706, 2.262, 1.812, 2.750, 1.960); the 6-decimal figures are the same
    /// quantiles as printed by R's qt() (e.g. qt(0.975, 9) = 2.262157).
    func testQuantilesAgainstTables() {
        XCTAssertEqual(StudentT.quantile(0.975, degreesOfFreedom: 1), 12.706205, accuracy: 5e-7)
        XCTAssertEqual(StudentT.quantile(0.975, degreesOfFreedom: 9), 2.262157, accuracy: 5e-7)
        XCTAssertEqual(StudentT.quantile(0.95, degreesOfFreedom: 10), 1.812461, accuracy: 5e-7)
        XCTAssertEqual(StudentT.quantile(0.995, degreesOfFreedom: 30), 2.749996, accuracy: 5e-7)
        XCTAssertEqual(StudentT.quantile(0.975, degreesOfFreedom: 1e9), 1.959964, accuracy: 5e-6)
    }

    func testSymmetryAndEdges() {
        XCTAssertEqual(StudentT.quantile(0.5, degreesOfFreedom: 3), 0)
        XCTAssertEqual(StudentT.quantile(0.025, degreesOfFreedom: 9), -2.262157, accuracy: 5e-7)
        XCTAssertEqual(StudentT.quantile(0, degreesOfFreedom: 5), -.infinity)
        XCTAssertEqual(StudentT.quantile(1, degreesOfFreedom: 5), .infinity)
    }
}
