import Sweeps
import XCTest

final class WrittenQuantityTests: XCTestCase {
    func scaled(_ text: String, by factor: Double) -> String {
        let q = WrittenQuantity(text)!
        return WrittenQuantity(value: q.value * factor, unit: q.unit).text
    }

    func testScalingKeepsTheUnit() {
        XCTAssertEqual(scaled("5m", by: 1.2), "6m")
        XCTAssertEqual(scaled("4.5m", by: 1.2), "5.4m")          // not 5.3999999999999995m
        XCTAssertEqual(scaled("540/h", by: 1.1), "594/h")
        XCTAssertEqual(scaled("80%", by: 0.5), "40%")
        XCTAssertEqual(scaled("250ms", by: 2), "500ms")
        XCTAssertEqual(scaled("0.7", by: 2), "1.4")
        XCTAssertNil(WrittenQuantity("frontline"))
    }

    func testComparableNumbers() {
        XCTAssertEqual(WrittenQuantity("5m")?.comparable, 300)
        XCTAssertEqual(WrittenQuantity("540/h")?.comparable, 540)
        XCTAssertEqual(WrittenQuantity("9/m")?.comparable, 540)
        XCTAssertEqual(WrittenQuantity("80%")?.comparable, 0.8)
        XCTAssertEqual(WrittenQuantity("48")?.comparable, 48)
        XCTAssertNil(WrittenQuantity("3 parsecs")?.comparable)
    }

    func testWholeNumbersAndDrawnValues() {
        XCTAssertTrue(WrittenQuantity.isWholeNumber("50"))
        XCTAssertFalse(WrittenQuantity.isWholeNumber("50.0"))
        XCTAssertFalse(WrittenQuantity.isWholeNumber("5m"))
        XCTAssertEqual(WrittenQuantity.drawn(617.439721983), 617.44)
        XCTAssertEqual(WrittenQuantity.drawn(1.6276413205), 1.62764)
    }
}
