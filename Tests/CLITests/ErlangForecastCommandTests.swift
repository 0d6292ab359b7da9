import CCSimCommandLine
import Foundation
import XCTest

/// `ccsim erlang --forecast` against the single-interval calculator, the real-week example end to
/// end, and bad forecast files.
final class ErlangForecastCommandTests: XCTestCase {
    static let forecast = "scenarios/real-week/forecast.csv"

    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-erlang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// Every sampled interval's requirement equals what `ccsim erlang --rate … --aht …` gives for
    /// that interval alone, with the same targets (Erlang C, Erlang A with ceilings, chat slots).
    func testEachIntervalMatchesTheSingleIntervalCalculator() throws {
        let out = try scratch().appendingPathComponent("requirement.csv").path
        let targets = [["--target", "80%", "--answer-within", "20s", "--max-occupancy", "85%"],
                       ["--target", "80%", "--answer-within", "20s", "--patience", "3m", "--max-asa", "15s"]]
        for target in targets {
            let run = try CCSimCommand.run(["erlang", "--forecast", Self.forecast, "--shrinkage", "30%", "--out", out] + target)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stdout.contains("Mon 2027-11-29 08:00–08:15"), run.stdout)
            let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            XCTAssertEqual(rows[0].joined(separator: ","), "date,weekday,start,end,channel,volume,aht_s,load_erlangs,agents,scheduled,service_level,asa_s,occupancy")
            XCTAssertGreaterThan(rows.count, 2000)
            for row in stride(from: 1, to: rows.count, by: 331).map({ rows[$0] }) {
                let volume = Double(row[5])!, aht = Double(row[6])!
                // Volume per 15 minutes as a rate per hour; the same AHT in seconds.
                let single = try CCSimCommand.run(["erlang", "--rate", "\(volume * 4)/h", "--aht", "\(aht)s", "--shrinkage", "30%"] + target)
                XCTAssertEqual(single.status, 0, single.stderr)
                let line = single.stdout.split(separator: "\n").first { $0.hasPrefix("Smallest staffing") } ?? ""
                XCTAssertTrue(line.hasSuffix(": \(row[8]) agents"), "\(row): \(line)")
                XCTAssertEqual(Double(row[9])!, Double(row[8])! / 0.7, accuracy: 1e-3)
            }
        }
    }

    /// Chat concurrency k: the agents are ⌈slots / k⌉ where slots is the Erlang answer for the chats.
    func testChatConcurrencyDividesTheSlots() throws {
        let dir = try scratch()
        try "date,start,channel,volume,aht\n2027-01-04,10:00,chat,60,600\n2027-01-04,10:15,chat,60,600\n".write(to: dir.appendingPathComponent("f.csv"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("r.csv").path
        let run = try CCSimCommand.run(["erlang", "--forecast", dir.appendingPathComponent("f.csv").path, "--target", "80%", "--answer-within", "60s",
                                        "--concurrency", "chat=3", "--out", out])
        XCTAssertEqual(run.status, 0, run.stderr)
        let single = try CCSimCommand.run(["erlang", "--rate", "240/h", "--aht", "10m", "--target", "80%", "--answer-within", "60s"])
        let slots = Int(single.stdout.split(separator: "\n").first { $0.hasPrefix("Smallest") }!.split(separator: " ").dropLast().last!)!
        let row = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")[1].split(separator: ",")
        XCTAssertEqual(Int(row[8]), (slots + 2) / 3)
    }

    /// `--roster`: each interval's agents on the phones are the roster's shift time less its
    /// activities, counted on the channels of each agent's skills (every channel without them).
    func testRosterIsSetBesideTheRequirement() throws {
        let dir = try scratch()
        try "date,start,channel,volume,aht\n2027-01-04,08:00,voice,30,300\n2027-01-04,08:15,voice,30,300\n2027-01-04,08:30,voice,30,300\n2027-01-04,08:45,chat,10,300\n"
            .write(to: dir.appendingPathComponent("f.csv"), atomically: true, encoding: .utf8)
        // A: 08:00–09:00 with a break 08:15–08:30 and a meeting 08:35–08:40 (a third of 08:30–08:45);
        // B: voice only, 08:30–10:00; C: chat only; D: a weekly row on the Monday, no skills (both channels).
        try """
            agent,date,start,end,activities,skills
            A,2027-01-04,08:00,09:00,08:15-08:30 break; 08:35-08:40 meeting,voice:1
            B,2027-01-04,08:30,10:00,,voice:1
            C,2027-01-04,08:00,12:00,,chat:1
            D,2027-01-04,08:00,08:30,,
            E,2027-02-01,08:00,16:00,,
            """.write(to: dir.appendingPathComponent("r.csv"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("req.csv").path
        let run = try CCSimCommand.run(["erlang", "--forecast", dir.appendingPathComponent("f.csv").path, "--target", "80%",
                                        "--roster", dir.appendingPathComponent("r.csv").path, "--out", out])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("1 row dated outside the forecast"), run.stderr)
        XCTAssertTrue(run.stdout.contains("Roster against the requirement"), run.stdout)
        let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertTrue(rows[0].joined(separator: ",").hasSuffix(",occupancy,rostered,over_under"))
        let rostered = rows.dropFirst().map { "\($0[2]) \($0[4]) \(Double($0[13])!)" }
        XCTAssertEqual(rostered, ["08:00 voice 2.0", "08:15 voice 1.0", "08:30 voice 1.6667", "08:45 chat 1.0"])
        for row in rows.dropFirst() {
            XCTAssertEqual(Double(row[14])!, Double(row[13])! - Double(row[8])!, accuracy: 1e-3)
        }
        // A bad roster is located and nothing is written.
        try "agent,date,start,end\nA,2027-01-04,8h,09:00\n".write(to: dir.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let bad = try CCSimCommand.run(["erlang", "--forecast", dir.appendingPathComponent("f.csv").path, "--target", "80%",
                                        "--roster", dir.appendingPathComponent("bad.csv").path, "--out", out + ".2"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("bad.csv:2:3: start: "), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + ".2"))
    }

    /// Bad rows: every problem located, exit status 2, no CSV written.
    func testBadForecastIsRejectedWithLocatedErrorsAndNothingWritten() throws {
        let dir = try scratch()
        let bad = dir.appendingPathComponent("bad.csv")
        try "date,interval_start,queue,offered,aht_seconds\n2027-01-04,08:00,voice,lots,300\n2027-01-04,08:15,voice,12,0\n2027-01-04,08:15,voice,12,300\n".write(to: bad, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("r.csv").path
        let run = try CCSimCommand.run(["erlang", "--forecast", bad.path, "--target", "80%", "--out", out])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("bad.csv:2: volume: 'lots' is not a number"), run.stderr)
        XCTAssertTrue(run.stderr.contains("bad.csv:3: aht: must be greater than 0"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    /// The example: loads, validates and names its worst intervals by date.
    func testRealWeekExampleRunsWithDatedLabels() throws {
        let out = try scratch().appendingPathComponent("out").path
        let run = try CCSimCommand.run(["run", "scenarios/real-week/scenario.yaml", "--replications", "2", "--out", out])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("Worst interval: #"), run.stdout)
        XCTAssertTrue(run.stdout.contains(" 2027-1"), run.stdout)
        let csv = try String(contentsOfFile: out + "/intervals.csv", encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("interval,start_s,end_s,day,date,weekday,clock,"))
        XCTAssertTrue(csv.contains(",26,2027-12-24,Fri,14:00,channel,voice,,,offered,0,"), "Christmas Eve closes at 14:00")
    }
}
