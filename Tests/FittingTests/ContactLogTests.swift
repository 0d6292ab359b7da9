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

    /// `tier` and `stage` are optional; the first missing required column is named.
    func testMissingColumnIsReported() {
        XCTAssertThrowsError(try ContactLog.parse("channel,tier\nvoice,tier1\n")) { error in
            XCTAssertEqual(error as? FittingError, .missingColumn("arrival_s"))
        }
    }
}

/// Logs from other systems: columns under other headers, no tier or stage.
final class ContactLogMappingTests: XCTestCase {
    func testMappedHeadersAndMissingOptionalColumns() throws {
        let text = """
            queue,start_secs,hold_secs,talk_secs,result
            sales,10.5,3,240,resolved
            sales,20,61.5,,abandoned
            """
        let columns = ["channel": "queue", "arrival_s": "start_secs", "wait_s": "hold_secs", "handle_s": "talk_secs", "outcome": "result"]
        let log = try ContactLog.parse(text, columns: columns)
        XCTAssertEqual(log.rows.count, 2)
        XCTAssertTrue(log.badRows.isEmpty)
        XCTAssertEqual(log.rows[0].channel, "sales")
        XCTAssertEqual(log.rows[0].tier, "tier1")
        XCTAssertEqual(log.rows[0].stage, "first")
        XCTAssertEqual(log.rows[1].wait, 61.5)
        XCTAssertNil(log.rows[1].handle)
    }

    func testAMissingMappedColumnIsNamed() {
        XCTAssertThrowsError(try ContactLog.parse("queue,start\nx,1\n", columns: ["channel": "queue", "arrival_s": "start"])) { error in
            XCTAssertTrue("\(error)".contains("wait_s"), "\(error)")
        }
    }
}
