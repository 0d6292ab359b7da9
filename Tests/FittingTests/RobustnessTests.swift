import Fitting
import Foundation
import Scenarios
import Stochastics
import XCTest

/// Bad input never crashes, hangs or passes silently: rows beyond the limits are refused with
/// their line and column, fitted values stay inside the scenario's limits, errors name the file.
final class FitRobustnessTests: XCTestCase {
    /// Eleven plain rows (lines 2–12) and a last row (line 13) with `arrival_s` = `last`.
    func log(lastArrival last: String, lastQueued: String? = nil, lastHandle: String = "200.0") -> String {
        var text = "replication,issue,contact,channel,tier,stage,arrival_s,queued_s,wait_s,handle_s,outcome,team\n"
        for i in 0..<11 {
            text += "0,\(i + 1),1,voice,tier1,first,\(100 + 60 * i).0,\(100 + 60 * i).0,1.0,\(200 + 10 * i).0,resolved,front\n"
        }
        text += "0,12,1,voice,tier1,first,\(last),\(lastQueued ?? last),1.0,\(lastHandle),resolved,front\n"
        return text
    }

    /// 1e308 used to trap converting to Int, 1e15 to allocate 700 GB, 1e14 to take 9 GB.
    func testHugeArrivalIsABadRowNamingLineAndColumnNotACrash() throws {
        for huge in ["1e308", "1e16", "1e15", "1e14", "999999999999"] {
            let parsed = try ContactLog.parse(log(lastArrival: huge), interval: 1800)
            XCTAssertEqual(parsed.rows.count, 11, huge)
            let bad = try XCTUnwrap(parsed.badRows.first, huge)
            XCTAssertEqual(bad.line, 13)
            XCTAssertEqual(bad.column, "arrival_s")
            XCTAssertTrue(bad.reason.hasPrefix("arrival_s \(huge) is beyond"), bad.reason)
            XCTAssertEqual(bad.located(in: "contacts.csv"), "contacts.csv:13: \(bad.reason)")
            // The rest fits in a moment.
            let fit = LogFit(parsed, interval: 1800)
            let arrivals = try XCTUnwrap(fit.arrivals["voice"]).get()
            XCTAssertEqual(arrivals.dailyTotals, [11])
        }
        // Without an interval the limit is 100 years, the longest time ccsim simulates.
        let unbounded = try ContactLog.parse(log(lastArrival: "1e308"))
        XCTAssertTrue(try XCTUnwrap(unbounded.badRows.first).reason.contains("100 years"))
    }

    /// The interval bounds the span: 100000 intervals of 30m (~5.7 years) from the log's start.
    func testArrivalBeyondTheIntervalsOfTheProfileIsABadRow() throws {
        let latest = ContactLog.latestArrival(interval: 1800)
        XCTAssertEqual(latest, 1800 * Double(RunSettings.maxIntervals))
        XCTAssertEqual(try ContactLog.parse(log(lastArrival: "\(latest)"), interval: 1800).badRows, [])
        let beyond = try ContactLog.parse(log(lastArrival: "\(latest + 1)"), interval: 1800)
        XCTAssertEqual(beyond.badRows.map(\.line), [13])
        XCTAssertTrue(beyond.badRows[0].reason.contains("--interval"), beyond.badRows[0].reason)
    }

    /// The arrival fit itself checks what it converts and allocates: errors, never a trap.
    func testArrivalFitRefusesTimesAndIntervalsBeyondItsLimits() {
        XCTAssertThrowsError(try ArrivalFit(arrivals: [(0, 1), (0, 1e308)], interval: 1800)) { error in
            guard case .outOfRange? = error as? FittingError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try ArrivalFit(arrivals: [(0, 1), (0, .nan)], interval: 1800))
        XCTAssertThrowsError(try ArrivalFit(arrivals: [(0, 1), (0, -5)], interval: 1800))
        XCTAssertThrowsError(try ArrivalFit(arrivals: [(0, 1), (0, 2)], interval: 0.001)) { error in
            XCTAssertTrue("\(error)".contains("interval"), "\(error)")
        }
        // Many replications × many days: refused, not gigabytes.
        let spread = (0..<5_000).map { (replication: $0, time: Double($0 % 2) * 3.5e8) }
        XCTAssertThrowsError(try ArrivalFit(arrivals: spread, interval: 3600)) { error in
            XCTAssertTrue("\(error)".contains("day totals"), "\(error)")
        }
    }

    func testQueuedBeforeArrivalAndHugeOrOddValuesAreRefused() throws {
        let queued = try ContactLog.parse(log(lastArrival: "800.0", lastQueued: "700.0"))
        XCTAssertEqual(queued.badRows.map(\.line), [13])
        XCTAssertEqual(queued.badRows[0].column, "queued_s")
        XCTAssertTrue(queued.badRows[0].reason.contains("queued_s 700.0 is before arrival_s 800.0"), queued.badRows[0].reason)

        let handle = try ContactLog.parse(log(lastArrival: "800.0", lastHandle: "1e308"))
        XCTAssertEqual(handle.badRows.map(\.column), ["handle_s"])
        XCTAssertTrue(handle.badRows[0].reason.contains("handle_s 1e308 is beyond 100 years"), handle.badRows[0].reason)
        for value in ["inf", "nan", "-1"] {
            XCTAssertEqual(try ContactLog.parse(log(lastArrival: "800.0", lastHandle: value)).badRows.map(\.column), ["handle_s"], value)
        }

        // A replication number that is not one is a bad row, not replication 0.
        let text = log(lastArrival: "800.0").replacingOccurrences(of: "\n0,12,", with: "\nx,12,")
        let replication = try ContactLog.parse(text)
        XCTAssertEqual(replication.badRows.map(\.column), ["replication"])
    }

    /// Values a scenario refuses (busyness_cv above 100, a lognormal with a mean of eons) are
    /// reported with their field, not written.
    func testFittedValuesOutsideTheScenarioLimitsAreReported() throws {
        var fit = LogFit(try ContactLog.parse(log(lastArrival: "800.0")), interval: 1800)
        XCTAssertEqual(ScenarioFragment.problems(fit), [])
        var arrivals = try XCTUnwrap(fit.arrivals["voice"]).get()
        arrivals.busynessCV = 1282.95
        arrivals.dayOfWeek[0] = 150
        fit.arrivals["voice"] = .success(arrivals)
        let key = LogFit.Key(channel: "voice", tier: "tier1")
        var handle = try XCTUnwrap(fit.handleTimes[key]).get()
        handle.candidates[0] = CandidateFitTestSupport.replaced(handle.candidates[0], with: .lognormal(mu: 63.96, sigma: 194.5))
        fit.handleTimes[key] = .success(handle)
        let problems = ScenarioFragment.problems(fit)
        XCTAssertTrue(problems.contains { $0.hasPrefix("channels.voice.demand.busyness_cv: the fit gives 1282.95, beyond 100") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.hasPrefix("channels.voice.demand.day_of_week.mon: the fit gives 150, beyond 100") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.hasPrefix("tiers.tier1.handle_time.voice.lognormal") }, "\(problems)")
    }

    /// A name from the log cannot change the fragment's structure; an empty one is a bad row.
    func testChannelNamesAreQuotedInTheFragmentAndEmptyOnesRefused() throws {
        let odd = log(lastArrival: "800.0").replacingOccurrences(of: ",voice,", with: ",\"Voice: in #1\",")
        let fit = LogFit(try ContactLog.parse(odd), interval: 1800)
        let yaml = ScenarioFragment.yaml(fit, source: "contacts.csv", interval: 1800)
        XCTAssertTrue(yaml.contains("\n  \"Voice: in #1\":\n"), yaml)
        XCTAssertTrue(yaml.contains("      \"Voice: in #1\": {"), yaml)
        let empty = try ContactLog.parse(log(lastArrival: "800.0").replacingOccurrences(of: "\n0,12,1,voice,", with: "\n0,12,1,,"))
        XCTAssertEqual(empty.badRows.map(\.column), ["channel"])
    }

    /// The sample log's fit is inside every limit, and stays so when read with the interval.
    func testSampleLogFitIsInsideTheLimits() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let log = try ContactLog.read(path: root.appendingPathComponent("scenarios/history/contacts.csv").path, interval: 3600)
        XCTAssertEqual(log.badRows, [])
        XCTAssertEqual(ScenarioFragment.problems(LogFit(log, interval: 3600)), [])
    }

    func testEveryErrorNamesTheFile() throws {
        let directory = NSTemporaryDirectory() + "ccsim-fit-errors-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        func message(_ name: String, _ text: String?) -> String {
            let path = directory + "/" + name
            if let text { try! text.write(toFile: path, atomically: true, encoding: .utf8) }
            do {
                _ = try ContactLog.read(path: path)
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        let empty = message("empty.csv", "")
        XCTAssertTrue(empty.hasPrefix("\(directory)/empty.csv: the file is empty"), empty)
        let noChannel = message("nochannel.csv", "arrival_s,wait_s\n1,2\n")
        XCTAssertTrue(noChannel.hasPrefix("\(directory)/nochannel.csv:1: the header has no 'channel' column"), noChannel)
        let quote = message("quote.csv", "channel,arrival_s,wait_s,handle_s,outcome\nvoice,\"5,1,2,resolved\n")
        XCTAssertEqual(quote, "\(directory)/quote.csv:2: a quoted field is never closed")
        let rejected = message("rejected.csv", log(lastArrival: "800.0").replacingOccurrences(of: ",resolved,", with: ",done,"))
        XCTAssertTrue(rejected.hasPrefix("\(directory)/rejected.csv: 12 of 12 rows rejected"), rejected)

        try FileManager.default.createDirectory(atPath: directory + "/adir", withIntermediateDirectories: false)
        XCTAssertEqual(message("adir", nil), "cannot read \(directory)/adir: it is a folder; name a file")
        try FileManager.default.createSymbolicLink(atPath: directory + "/loop1", withDestinationPath: directory + "/loop2")
        try FileManager.default.createSymbolicLink(atPath: directory + "/loop2", withDestinationPath: directory + "/loop1")
        XCTAssertEqual(message("loop1", nil), "cannot read \(directory)/loop1: \(String(cString: strerror(ELOOP)))")
        XCTAssertEqual(message("missing.csv", nil), "cannot read \(directory)/missing.csv: \(String(cString: strerror(ENOENT)))")
        XCTAssertFalse(message("adir", nil).contains("NSCocoaErrorDomain"))
        // A device is refused at once: /dev/zero would be read until memory ran out.
        do {
            _ = try ContactLog.read(path: "/dev/zero")
            XCTFail("/dev/zero was read")
        } catch {
            XCTAssertEqual("\(error)", "cannot read /dev/zero: it is a device, not a file")
        }
    }
}

/// Builds a candidate with another distribution (the stored properties are public vars).
enum CandidateFitTestSupport {
    static func replaced(_ candidate: CandidateFit, with distribution: Distribution) -> CandidateFit {
        var copy = candidate
        copy.distribution = distribution
        copy.family = .lognormal
        return copy
    }
}
