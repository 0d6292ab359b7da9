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

/// Real exports: RFC 4180 quoting, CRLF, a byte-order mark, and files the fit must refuse (issue 12).
final class ContactLogExportTests: XCTestCase {
    private let header = "channel,tier,arrival_s,wait_s,handle_s,outcome"

    func testQuotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let text = "\u{FEFF}\(header)\r\n\"front, line\",tier1,10,3,200,resolved\r\n\"voice\",\"tier \"\"A\"\"\",11,2,100,resolved\r\n\"multi\nline\",tier1,12,1,50,\"abandoned\"\r\n"
        let log = try ContactLog.parse(text)
        XCTAssertEqual(log.badRows, [])
        XCTAssertEqual(log.rows.map(\.channel), ["front, line", "voice", "multi\nline"])
        XCTAssertEqual(log.rows[1].tier, "tier \"A\"")
        XCTAssertEqual(log.rows[2].outcome, "abandoned")
    }

    func testCRLFRowsAreAllUsed() throws {
        let rows = (0..<50).map { "voice,tier1,\($0),2,100,resolved" }
        let log = try ContactLog.parse(([header] + rows).joined(separator: "\r\n") + "\r\n")
        XCTAssertEqual(log.rows.count, 50)
        XCTAssertEqual(log.rows.last?.outcome, "resolved")
    }

    func testBadRowLinesCountEmbeddedLineBreaks() throws {
        let text = "\(header)\n\"a\nb\",tier1,1,2,3,resolved\nvoice,tier1,x,2,3,resolved\n"
        let log = try ContactLog.parse(text)
        XCTAssertEqual(log.badRows.map(\.line), [4])
    }

    func testUnknownOutcomeListsTheAcceptedOnes() throws {
        let log = try ContactLog.parse("\(header)\nvoice,tier1,1,2,3,answered\n")
        XCTAssertTrue(log.badRows[0].reason.contains("accepted: abandoned, escalated, resolved, unresolved"), log.badRows[0].reason)
    }

    func testMostlyRejectedLogIsRefused() throws {
        let good = (0..<17).map { "voice,tier1,\($0),2,100,resolved" }
        let bad = (0..<3).map { "voice,tier1,\($0),2,100,answered" }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString).csv")
        try ([header] + good + bad).joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try ContactLog.read(path: url.path)) { error in
            // Read from a file, the error names it: `PATH: 3 of 20 rows rejected …`.
            XCTAssertTrue("\(error)".hasPrefix("\(url.path): 3 of 20 rows rejected"), "\(error)")
            guard case .tooManyRejected(let rejected, let total, _)? = (error as? FittingError)?.underlying else { return XCTFail("\(error)") }
            XCTAssertEqual(rejected, 3)
            XCTAssertEqual(total, 20)
            XCTAssertTrue("\(error)".contains("more than 10%"))
        }
        // One bad row in twenty (5%) is reported, not fatal.
        try ([header] + good + ["voice,tier1,1,2,100,resolved", "voice,tier1,1,2,100,resolved", bad[0]]).joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ContactLog.read(path: url.path).badRows.count, 1)
    }

    /// An export in milliseconds (a 5-minute call is 300000) or minutes (5) is refused with the
    /// option that reads it; read with that option it gives the same rows as the log in seconds.
    func testALogInMillisecondsOrMinutesIsQuestionedThenRead() throws {
        let handles = (0..<40).map { 120.0 + 10 * Double($0) }   // 2 to 8.5 minutes
        func log(_ scale: Double) -> String {
            ([header] + handles.enumerated().map { i, h in
                "voice,tier1,\(ContactLogExportTests.plain(Double(60 * i) * scale)),\(ContactLogExportTests.plain(15 * scale)),\(ContactLogExportTests.plain(h * scale)),resolved"
            }).joined(separator: "\n")
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try log(1).write(to: url, atomically: true, encoding: .utf8)
        let seconds = try ContactLog.read(path: url.path)
        for (scale, unit, says) in [(1000.0, LogTimeUnit.milliseconds, "is the log in milliseconds? Fit with --time-unit ms"),
                                    (1.0 / 60, LogTimeUnit.minutes, "is the log in minutes? Fit with --time-unit min")] {
            try log(scale).write(to: url, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try ContactLog.read(path: url.path)) { error in
                XCTAssertTrue("\(error)".hasPrefix("\(url.path): time unit: the median handle_s is "), "\(error)")
                XCTAssertTrue("\(error)".contains(says), "\(error)")
            }
            let read = try ContactLog.read(path: url.path, unit: unit)
            XCTAssertEqual(read.rows.count, seconds.rows.count)
            // Within the file's 6 decimals of the unit (6e-5 s in minutes).
            for (a, b) in zip(read.rows, seconds.rows) {
                XCTAssertEqual(a.handle!, b.handle!, accuracy: 1e-3)
                XCTAssertEqual(a.arrival, b.arrival, accuracy: 1e-3)
                XCTAssertEqual(a.wait, b.wait, accuracy: 1e-3)
            }

        }
    }

    /// A unit stated wrongly is questioned too: seconds read as milliseconds name seconds; a
    /// handle time no unit makes plausible names the column instead.
    func testAWrongStatedUnitNamesTheOneThatFits() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try ([header] + (0..<30).map { "voice,tier1,\(60 * $0),5,\(200 + $0),resolved" }).joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        XCTAssertNoThrow(try ContactLog.read(path: url.path))
        XCTAssertThrowsError(try ContactLog.read(path: url.path, unit: .milliseconds)) { error in
            XCTAssertTrue("\(error)".contains("the median handle_s is 215 (read in milliseconds: "), "\(error)")
            XCTAssertTrue("\(error)".contains("is the log in seconds? Fit with --time-unit s"), "\(error)")
        }
        try ([header] + (0..<30).map { "voice,tier1,\(60 * $0),5,\(1_000_000_000 + $0),resolved" }).joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ContactLog.read(path: url.path)) { error in
            XCTAssertTrue("\(error)".contains("in any unit (s, ms, min): check that handle_s is the handle-time column"), "\(error)")
        }
    }

    static func plain(_ x: Double) -> String { String(format: "%.6f", x) }

    func testUnclosedQuoteIsAnError() {
        XCTAssertThrowsError(try ContactLog.parse("\(header)\n\"voice,tier1,1,2,3,resolved\n")) { error in
            XCTAssertEqual(error as? FittingError, .malformed(line: 2, reason: "a quoted field is never closed"))
        }
    }
}
