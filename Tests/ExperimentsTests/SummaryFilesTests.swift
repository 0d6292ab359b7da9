import ContactCenter
import Experiments
import Foundation
import ResultsSchema
import Scenarios
import XCTest

final class SummaryFilesTests: XCTestCase {
    var directory: String!

    override func setUp() {
        directory = NSTemporaryDirectory() + "ccsim-files-\(UUID().uuidString)"
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func singleQueueSummary() throws -> CenterSummary {
        let scenario = Scenario(
            name: "files",
            run: RunSettings(horizon: 3600, warmup: 0, interval: 1800, replications: 3, seed: 5),
            arrivals: ArrivalProcess(ratePerSecond: 60.0 / 3600),
            team: TeamSpec(name: "agents", agents: 6),
            handleTime: .exponential(mean: 300),
            serviceLevel: ServiceLevelTarget(answerWithin: 20, target: 0.8, convention: .offered)
        )
        return CenterSummary(scenario: scenario, replications: try ReplicationRunner.run(scenario, replications: 3, jobs: 1))
    }

    /// Splits CSV text into rows of fields (RFC 4180 quoting).
    func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, previous: Character = " "
        for character in text {
            if quoted {
                if character == "\"" { quoted = false } else { field.append(character) }
            } else if character == "\"" {
                if previous == "\"" { field.append("\"") }
                quoted = true
            } else if character == "," {
                row.append(field); field = ""
            } else if character == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.append(character)
            }
            previous = character
        }
        return rows
    }

    func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    func testWritesSummaryAndTidyIntervals() throws {
        let summary = try singleQueueSummary()
        try SummaryFiles.write(summary, to: directory)
        let document = try json(directory + "/summary.json")
        XCTAssertEqual(document["theory_model"] as? String, "Erlang C")
        XCTAssertEqual((document["run"] as? [String: Any])?["replications"] as? Int, 3)
        let channels = try XCTUnwrap(document["channels"] as? [[String: Any]])
        XCTAssertEqual(channels.count, 1)
        let metrics = try XCTUnwrap(channels[0]["metrics"] as? [String: Any])
        XCTAssertEqual(Set(metrics.keys), Set(ChannelSummary.wholeRun(summary.center.channels[0]).map(\.rawValue)))
        let sl = try XCTUnwrap(metrics["service_level"] as? [String: Any])
        XCTAssertNotNil(sl["ci_lower"] as? Double)
        XCTAssertNotNil(sl["theory"] as? Double)
        let sla = try XCTUnwrap(channels[0]["sla"] as? [String: Any])
        XCTAssertEqual(sla["target"] as? Double, 0.8)
        XCTAssertEqual(sla["convention"] as? String, "offered")
        XCTAssertNotNil(sla["verdict"] as? String)
        XCTAssertEqual((channels[0]["intervals"] as? [Any])?.count, 2)
        let teams = try XCTUnwrap(document["teams"] as? [[String: Any]])
        let occupancy = try XCTUnwrap((teams[0]["metrics"] as? [String: Any])?["occupancy"] as? [String: Any])
        XCTAssertNotNil(occupancy["theory"] as? Double)

        let rows = parseCSV(try String(contentsOfFile: directory + "/intervals.csv", encoding: .utf8))
        XCTAssertEqual(rows.first?.joined(separator: ","), "interval,start_s,end_s,day,weekday,clock,scope,channel,tier,team,metric,mean,sd,ci_lower,ci_upper,replications")
        // Two intervals × (the channel's, the tier's and the team's interval metrics).
        XCTAssertEqual(rows.count, 1 + 2 * (ChannelSummary.perInterval.filter { $0 != .callbacksAccepted }.count + TierSummary.perInterval.count + TeamSummary.perInterval.count))
        XCTAssertTrue(rows.contains { $0.prefix(11) == ["0", "0", "1800", "0", "Mon", "00:00", "tier", "", "tier1", "", "fcr"] })
        XCTAssertTrue(rows.allSatisfy { $0.count == 16 })
        XCTAssertTrue(rows.contains { $0.prefix(11) == ["1", "1800", "3600", "0", "Mon", "00:30", "channel", "voice", "", "", "service_level"] })
        XCTAssertTrue(rows.contains { $0.prefix(11) == ["0", "0", "1800", "0", "Mon", "00:00", "team", "", "", "agents", "occupancy"] })
        for row in rows.dropFirst() where !row[11].isEmpty { XCTAssertNotNil(Double(row[11]), "\(row)") }
        // Nothing but the two outputs is left behind (no temporary files).
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory).sorted(), ["intervals.csv", "summary.json"])
    }

    func testMultiChannelFilesCarryEveryScope() throws {
        let summary = TwoChannelCenter.summary()
        try SummaryFiles.write(summary, to: directory)
        let document = try json(directory + "/summary.json")
        XCTAssertNil(document["theory_model"])
        let channels = try XCTUnwrap(document["channels"] as? [[String: Any]])
        XCTAssertEqual(channels.map { $0["name"] as? String }, ["voice", "email"])
        XCTAssertEqual((channels[0]["sla"] as? [String: Any])?["verdict"] as? String, "missed_on_mean")
        XCTAssertEqual((channels[0]["sla"] as? [String: Any])?["met"] as? Bool, false)
        XCTAssertEqual((channels[0]["abandonment_ceiling"] as? [String: Any])?["verdict"] as? String, "missed")
        XCTAssertEqual((channels[0]["asa_ceiling"] as? [String: Any])?["ceiling"] as? Double, 30)
        XCTAssertEqual((channels[0]["worst_interval"] as? [String: Any])?["index"] as? Int, 0)
        XCTAssertNil(channels[1]["asa_ceiling"])
        let tiers = try XCTUnwrap(document["tiers"] as? [[String: Any]])
        XCTAssertEqual(tiers.map { $0["name"] as? String }, ["tier1", "tier2"])
        let tier2FCR = (tiers[1]["metrics"] as? [String: Any])?["fcr"] as? [String: Any]
        XCTAssertEqual(tier2FCR?["replications"] as? Int, 0)
        XCTAssertTrue(tier2FCR?["mean"] is NSNull, "undefined everywhere: a null mean")
        let teams = try XCTUnwrap(document["teams"] as? [[String: Any]])
        XCTAssertEqual(((teams[1]["metrics"] as? [String: Any])?["labour_cost"] as? [String: Any])?["mean"] as? Double, 80)
        XCTAssertEqual((teams[0]["intervals"] as? [Any])?.count, 2)
        let center = try XCTUnwrap((document["center"] as? [String: Any])?["metrics"] as? [String: Any])
        XCTAssertEqual((center["labour_cost"] as? [String: Any])?["mean"] as? Double, 335)
        let echo = try XCTUnwrap(document["scenario"] as? [String: Any])
        XCTAssertEqual(echo["resolution_target_seconds"] as? Double, 86_400)
        let echoedTiers = try XCTUnwrap(echo["tiers"] as? [[String: Any]])
        XCTAssertTrue((echoedTiers[1]["handle_times"] as? [Any])?.last is NSNull, "tier 2 is not served on email")
        XCTAssertEqual(((echo["channels"] as? [[String: Any]])?[0]["demand"] as? [String: Any])?["rate_per_hour"] as? Double, 300)

        let intervals = parseCSV(try String(contentsOfFile: directory + "/intervals.csv", encoding: .utf8))
        XCTAssertEqual(intervals.count, 1 + 2 * (2 * ChannelSummary.perInterval.filter { $0 != .callbacksAccepted }.count + 2 * TierSummary.perInterval.count
                                                 + 2 * TeamSummary.perInterval.count))
        XCTAssertTrue(intervals.contains { $0.prefix(11) == ["0", "0", "1800", "0", "Mon", "00:00", "channel", "email", "", "", "backlog"] && $0[11] == "3" })
        XCTAssertTrue(intervals.contains { $0.prefix(11) == ["1", "1800", "3600", "0", "Mon", "00:30", "team", "", "", "experts", "occupancy"] && $0[11] == "0.5" })
    }

    /// Issue 13: the writer wrote `met: null` for a channel without demand and the report's own
    /// reader required `met`. Now one type: what `ccsim run` writes reads back field for field.
    func testWhatTheWriterWritesTheReaderReads() throws {
        let scenario = try ScenarioLoader.parse(yaml: """
            name: quiet-chat
            run: {horizon: 2h, warmup: 0s, interval: 30m, replications: 2, seed: 3}
            channels:
              voice:
                kind: voice
                demand: {rate: 60/h}
                patience: {exponential: {mean: 2m}}
                service_level: {answer_within: 20s, target: 80%, max_asa: 30s}
              chat:
                kind: chat
                demand: {rate: 0/h}
                service_level: {answer_within: 60s, target: 90%, max_asa: 1m, max_abandonment: 5%}
            tiers:
              tier1:
                handle_time: {exponential: {mean: 4m}}
                resolution: {resolved: 100%}
            teams:
              agents:
                skills: [{channel: voice, tier: tier1}, {channel: chat, tier: tier1}]
                shifts: [{start: "00:00", length: 24h, agents: 3}]
            """, file: "quiet-chat.yaml")
        let summary = CenterSummary(scenario: scenario, replications: try ReplicationRunner.run(scenario, replications: 2, jobs: 1))
        let data = try SummaryFiles.json(summary)
        let document = try SummaryDocument.decode(data)
        XCTAssertEqual(try document.encoded(), data, "decoding and encoding again changes nothing")
        let chat = try XCTUnwrap(document.channels.first { $0.name == "chat" })
        XCTAssertEqual(chat.sla.verdict, .undefined)
        XCTAssertNil(chat.sla.met)
        XCTAssertNil(chat.asaCeiling?.met)
        XCTAssertEqual(chat.metrics[.offered]?.mean, 0)
        XCTAssertNil(chat.metrics[.serviceLevel]?.mean)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"met\" : null"))
        XCTAssertEqual(document.channels[0].sla.met, document.channels[0].sla.verdict.passed)
    }

    func testMetricsCSVHasOneRowPerScopeAndMetric() throws {
        let summary = TwoChannelCenter.summary()
        let rows = parseCSV(SummaryFiles.metricsCSV(summary))
        XCTAssertEqual(rows.first?.joined(separator: ","), "scope,channel,tier,team,metric,mean,sd,ci_lower,ci_upper,replications,theory")
        let expected = summary.scopes.map { summary.metrics($0).items.count }.reduce(0, +)
        XCTAssertEqual(rows.count, 1 + expected)
        XCTAssertTrue(rows.allSatisfy { $0.count == 11 })
        XCTAssertTrue(rows.contains { $0 == ["tier", "", "tier1", "", "repeat_contacts", "3", "0", "3", "3", "3", ""] })
        XCTAssertTrue(rows.contains { $0.prefix(6) == ["center", "", "", "", "labour_cost", "335"] })
        XCTAssertTrue(rows.contains { $0.prefix(6) == ["team", "", "", "experts", "cost_per_handled", "16"] })

        let single = parseCSV(SummaryFiles.metricsCSV(try singleQueueSummary()))
        let sl = try XCTUnwrap(single.first { $0[0] == "channel" && $0[4] == "service_level" })
        XCTAssertNotNil(Double(sl[10]), "Erlang C theory beside the single queue's service level")
        XCTAssertTrue(single.contains { $0[0] == "team" && $0[4] == "occupancy" && !$0[10].isEmpty })
    }

    func testNamesWithCommasAreQuoted() throws {
        var center = TwoChannelCenter.center
        center.teams[0].name = "front, line \"A\""
        let summary = CenterSummary(scenario: TwoChannelCenter.scenario, center: center, singleQueue: nil,
                                    replications: TwoChannelCenter.results)
        let text = SummaryFiles.metricsCSV(summary)
        XCTAssertTrue(text.contains("team,,,\"front, line \"\"A\"\"\",occupancy,"))
        XCTAssertTrue(parseCSV(text).contains { $0[3] == "front, line \"A\"" })
    }

    func testAtomicWriteReplacesWholeFile() throws {
        let path = directory + "/file.txt"
        try AtomicFile.write(String(repeating: "x", count: 10_000), to: path)
        try AtomicFile.write("short", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "short")
    }

    func testAtomicWriteReportsAnUnwritableDirectory() {
        XCTAssertThrowsError(try AtomicFile.write("x", to: "/proc/ccsim-cannot-write-here/file.txt")) { error in
            XCTAssertTrue("\(error)".contains("/proc/ccsim-cannot-write-here"))
        }
    }
}
