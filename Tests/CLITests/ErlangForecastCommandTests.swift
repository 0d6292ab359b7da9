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
        XCTAssertTrue(csv.contains(",25,2027-12-24,Fri,14:00,channel,voice,,,offered,0,"), "Christmas Eve closes at 14:00")
    }

    /// CSV rows of `path` keyed by header name.
    func table(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    /// One requirement rule: the real-week run's staffing-check.csv (15-minute reporting, as the
    /// forecast) asks, interval by interval and channel, exactly what `ccsim erlang --forecast`
    /// prints for the channel's targets (voice 80/20 with a 3-minute patience; chat 80% in 60 s,
    /// patience 5 minutes, two chats per agent slowed 10 %). And blended agents are not counted
    /// twice: in every interval the channels' net agents add up to the teams' available agents.
    func testStaffingCheckRequirementIsTheErlangForecastTableAndCountsEachAgentOnce() throws {
        let dir = try scratch()
        let root = CCSimCommand.repositoryRoot.appendingPathComponent("scenarios/real-week").path
        var yaml = try String(contentsOfFile: root + "/scenario.yaml", encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "interval: 30m", with: "interval: 15m")
            .replacingOccurrences(of: "forecast.csv", with: root + "/forecast.csv")
            .replacingOccurrences(of: "roster: roster.csv", with: "roster: " + root + "/roster.csv")
        try yaml.write(toFile: dir.path + "/scenario.yaml", atomically: true, encoding: .utf8)
        let out = dir.path + "/out"
        let run = try CCSimCommand.run(["run", dir.path + "/scenario.yaml", "--replications", "1", "--out", out])
        XCTAssertEqual(run.status, 0, run.stderr)
        let check = try table(out + "/staffing-check.csv")
        let targets = ["voice": ["--target", "80%", "--answer-within", "20s", "--patience", "3m"],
                       "chat": ["--target", "80%", "--answer-within", "60s", "--patience", "5m", "--concurrency", "chat=2", "--slowdown", "chat=10%"]]
        for (channel, target) in targets {
            let requirement = dir.path + "/\(channel).csv"
            let erlang = try CCSimCommand.run(["erlang", "--forecast", root + "/forecast.csv", "--out", requirement] + target)
            XCTAssertEqual(erlang.status, 0, erlang.stderr)
            var agents: [String: String] = [:]
            for row in try table(requirement) where row["channel"] == channel { agents["\(row["date"]!) \(row["start"]!)"] = row["agents"] }
            var compared = 0
            for row in check where row["channel"] == channel && Double(row["expected_offered"]!)! > 0 {
                let key = "\(row["date"]!) \(row["clock"]!)"
                XCTAssertEqual(row["erlang_agents"], agents[key], "\(channel) \(key)")
                compared += 1
            }
            XCTAssertGreaterThan(compared, 900, channel)
        }
        // On duty: Σ channels' net agents = Σ teams' available agents, interval by interval.
        var available: [String: Double] = [:]
        for row in try table(out + "/intervals.csv") where row["scope"] == "team" && row["metric"] == "available_agents" {
            available[row["interval"]!, default: 0] += Double(row["mean"]!)!
        }
        var net: [String: Double] = [:]
        for row in check { net[row["interval"]!, default: 0] += Double(row["net_agents"]!)! }
        XCTAssertEqual(Set(net.keys), Set(available.keys))
        XCTAssertGreaterThan(available.values.max() ?? 0, 40)
        for (interval, total) in available { XCTAssertEqual(net[interval] ?? -1, total, accuracy: 1e-9 * max(1, total), "interval \(interval)") }
    }

    /// `--roster`: an agent with skills on voice and chat is shared between them in proportion to
    /// their requirement in the interval, so the two channels' rostered agents add up to the agents
    /// on the phones (3 here), never 2 per blended agent.
    func testBlendedRosterAgentsAreSharedNotDoubleCounted() throws {
        let dir = try scratch()
        try "date,start,channel,volume,aht\n2027-01-04,08:00,voice,30,300\n2027-01-04,08:00,chat,10,300\n2027-01-04,08:15,chat,10,300\n"
            .write(to: dir.appendingPathComponent("f.csv"), atomically: true, encoding: .utf8)
        try """
            agent,date,start,end,skills
            A,2027-01-04,08:00,08:30,voice:1;chat:1
            B,2027-01-04,08:00,08:30,chat:1;voice:0.9
            C,2027-01-04,08:00,08:30,voice:1
            """.write(to: dir.appendingPathComponent("r.csv"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("req.csv").path
        let run = try CCSimCommand.run(["erlang", "--forecast", dir.appendingPathComponent("f.csv").path, "--target", "80%",
                                        "--roster", dir.appendingPathComponent("r.csv").path, "--out", out])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try table(out)
        let voice = rows.first { $0["channel"] == "voice" }!, chat = rows.first { $0["channel"] == "chat" && $0["start"] == "08:00" }!
        let nv = Double(voice["agents"]!)!, nc = Double(chat["agents"]!)!
        XCTAssertEqual(Double(voice["rostered"]!)!, 1 + 2 * nv / (nv + nc), accuracy: 1e-4)
        XCTAssertEqual(Double(chat["rostered"]!)!, 2 * nc / (nv + nc), accuracy: 1e-4)
        XCTAssertEqual(Double(voice["rostered"]!)! + Double(chat["rostered"]!)!, 3, accuracy: 2e-4)
        // 08:15: voice has no volume, so both blended agents are on chat.
        let later = rows.first { $0["channel"] == "chat" && $0["start"] == "08:15" }!
        XCTAssertEqual(Double(later["rostered"]!)!, 2, accuracy: 1e-9)
    }

    /// A bad option value says why, in the scenario files' words (DomainLimits), not only "invalid".
    func testBadOptionValuesSayWhy() throws {
        let cases: [([String], String)] = [
            (["--aht", "1e19s"], "error: The value '1e19s' is invalid for '--aht <duration>': '1e19s' is longer than 100 years, the longest duration ccsim simulates"),
            (["--aht", "5"], "error: The value '5' is invalid for '--aht <duration>': '5' has no unit; add a unit, e.g. '5s' or '5m'"),
            (["--aht", "0s"], "error: The value '0s' is invalid for '--aht <duration>': must be longer than 0, got '0s'"),
            (["--aht", "5m", "--target", "120%"], "error: The value '120%' is invalid for '--target <share>': must be between 0% and 100%, got '120%'"),
        ]
        for (arguments, message) in cases {
            let run = try CCSimCommand.run(["erlang", "--rate", "540/h"] + arguments)
            XCTAssertEqual(run.status, 64, run.stderr)
            XCTAssertTrue(run.stderr.split(separator: "\n").contains { $0 == message }, "expected the line \(message) in \(run.stderr)")
        }
    }
}
