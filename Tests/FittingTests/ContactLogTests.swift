import Fitting
import XCTest

final class ContactLogTests: XCTestCase {
    func testBadRowsAreCountedWithLineNumbers() throws {
        let text = """
        replication,issue,contact,channel,tier,stage,arrival_s,queued_s,wait_s,handle_s,outcome,team
        0,1,1,voice,tier1,first,10.000,10.000,3.000,200.000,resolved,frontline
        0,2,1,voice,tier1,first,abc,12.000,3.000,200.000,resolved,frontline
        0,3,1,voice,tier1,first,15.000,15.000,-1.000,200.000,resolved,frontline
        0,4,1,voice,tier1,first,16.000,16.000,30.000,,abandoned,
        0,5,1,voice,tier1,first,17.000,17.000
        0,6,1,voice,tier1,first,18.000,18.000,2.000,100.000,lost,frontline
        0,7,1,voice,tier1,first,19.000,19.000,2.000,,resolved,frontline

        """
        let log = try ContactLog.parse(text)
        XCTAssertEqual(log.rows.count, 2)
        XCTAssertEqual(log.badRows.map(\.line), [3, 4, 6, 7, 8])
        XCTAssertTrue(log.badRows[0].reason.contains("not a number"))
        XCTAssertTrue(log.badRows[1].reason.contains("negative"))
        XCTAssertNil(log.rows[1].handle)
    }

    func testMissingColumnIsReported() {
        XCTAssertThrowsError(try ContactLog.parse("channel,tier\nvoice,tier1\n")) { error in
            XCTAssertEqual(error as? FittingError, .missingColumn("stage"))
        }
    }
}
