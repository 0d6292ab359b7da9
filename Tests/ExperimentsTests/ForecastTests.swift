import ContactCenter
import Experiments
import Foundation
import Scenarios
import XCTest

/// Dated scenarios, forecast files, holidays and interval AHT, checked through whole runs.
final class ForecastTests: XCTestCase {
    static func center(demand: String, horizon: String = "7d", interval: String = "15m", calendar: String = "{start: 2027-01-04}",
                       handle: String = "{lognormal: {mean: 5m, cv: 0.8}}", agents: Int = 40, replications: Int = 3,
                       days: String = "every_day") -> String {
        """
        name: dated
        run: {horizon: \(horizon), interval: \(interval), replications: \(replications), seed: 11}
        calendar: \(calendar)
        channels:
          voice:
            kind: voice
            demand: \(demand)
            patience: {exponential: {mean: 3m}}
        tiers:
          tier1:
            handle_time: \(handle)
        teams:
          agents:
            skills: [{channel: voice, tier: tier1}]
            shifts: [{start: "08:00", length: 12h, agents: \(agents), days: \(days)}]
        """
    }

    /// The issue's first test: a forecast that lists exactly what `per_day` × profile × day factors
    /// put in each interval gives byte-identical results on the same seed (busyness included).
    func testForecastEncodingPerDayAndProfileGivesIdenticalResults() throws {
        // 08:00–20:00 open: 24 intervals of weight 1 then 24 of weight 3 (Σ 96), so 960/day gives
        // 10 and 30 contacts per interval exactly; Monday ×2, Saturday ×0.5, Sunday closed.
        let weights = (0..<96).map { $0 < 32 || $0 >= 80 ? "0" : ($0 < 56 ? "1" : "3") }.joined(separator: ", ")
        let handWritten = try load(Self.center(demand: """
            {per_day: 960, profile: [\(weights)], open: "08:00", close: "20:00", day_of_week: {mon: 2, sat: 0.5, sun: 0}, busyness_cv: 0.2}
            """, days: "[mon, tue, wed, thu, fri, sat]"))
        var csv = "date,interval_start,channel,volume\r\n"   // CRLF, as Windows exports write it
        let factors = [2.0, 1, 1, 1, 1, 0.5, 0]
        for day in 0..<7 where factors[day] > 0 {
            for i in 32..<80 {
                let volume = (i < 56 ? 10.0 : 30.0) * factors[day]
                csv += "2027-01-\(String(format: "%02d", 4 + day)),\(String(format: "%02d:%02d", i / 4, i % 4 * 15)),voice,\(volume)\r\n"
            }
        }
        let fromForecast = try load(Self.center(demand: "{forecast: forecast.csv, busyness_cv: 0.2}", days: "[mon, tue, wed, thu, fri, sat]"), files: ["forecast.csv": "\u{FEFF}" + csv])
        let a = try summary(handWritten), b = try summary(fromForecast)
        XCTAssertGreaterThan(a.channels[0].metrics[.offered]?.mean ?? 0, 5000)
        XCTAssertEqual(SummaryFiles.metricsCSV(a), SummaryFiles.metricsCSV(b))
        XCTAssertEqual(SummaryFiles.intervalsCSV(a), SummaryFiles.intervalsCSV(b))
    }

    /// Interval AHT: handle times are scaled so their mean is the forecast's AHT. Two 3.5-hour
    /// blocks with AHT 200 s and 450 s (tier mean 300 s, lognormal cv 0.8), each followed by 30
    /// minutes without arrivals so that every contact ends in its own 4-hour reporting interval;
    /// agents are plentiful (no contact waits). The measured AHT of a block must lie within 4
    /// standard errors (cv × AHT / √handled) of the forecast AHT.
    func testSimulatedHandleTimeFollowsTheForecastAHT() throws {
        var csv = "date,interval_start,channel,volume,aht\n"
        for day in 0..<5 {
            for i in 32..<64 where i % 16 < 14 {
                csv += "2027-01-\(String(format: "%02d", 4 + day)),\(String(format: "%02d:%02d", i / 4, i % 4 * 15)),voice,30,\(i < 48 ? "200" : "07:30")\n"
            }
        }
        let scenario = try load(Self.center(demand: "{forecast: forecast.csv}", horizon: "5d", interval: "4h", agents: 60, replications: 4),
                                files: ["forecast.csv": csv])
        let s = try summary(scenario)
        let perDay = 6
        for (block, aht) in [(2, 200.0), (3, 450.0)] {
            var handled = 0.0, work = 0.0
            for day in 0..<5 {
                let set = s.tiers[0].intervals[day * perDay + block]
                let n = set[.handled]?.mean ?? 0
                handled += n
                work += n * (set[.averageHandleTime]?.mean ?? 0)
            }
            let mean = work / handled
            let standardError = 0.8 * aht / (handled * Double(scenario.run.replications)).squareRoot()
            XCTAssertGreaterThan(handled, 1000)
            XCTAssertEqual(mean, aht, accuracy: 4 * standardError, "block \(block): mean handle time \(mean) s against forecast AHT \(aht) s")
        }
    }

    /// A holiday closes the channel; a special day keeps only its hours, scaled by its factor.
    func testHolidayClosesTheChannelAndASpecialDayShortensIt() throws {
        let scenario = try load(Self.center(
            demand: #"{per_day: 960, profile: flat, open: "08:00", close: "20:00", special_days: [{date: 2027-01-07, open: "08:00", close: "14:00", factor: 0.5}]}"#,
            horizon: "5d", interval: "1h", calendar: "{start: 2027-01-04, closed: [2027-01-06]}"))
        let s = try summary(scenario)
        let label = scenario.center.timeLabel
        var offeredByDate: [String: Double] = [:]
        var afterTwo = 0.0
        for interval in s.intervals {
            let start = scenario.run.warmup + interval.start
            let date = label.date(start)!.description
            let offered = s.channels[0].intervals[interval.index][.offered]?.mean ?? 0
            offeredByDate[date, default: 0] += offered
            if date == "2027-01-07", label.parts(start)!.clock >= "14:00" { afterTwo += offered }
        }
        XCTAssertEqual(offeredByDate["2027-01-06"], 0, "the holiday takes no contacts")
        XCTAssertEqual(afterTwo, 0, "the short day closes at 14:00")
        // 960 a day over 12 hours: 6 hours at half volume expect 240 (Poisson sd √240 / √3 replications).
        XCTAssertEqual(offeredByDate["2027-01-07"] ?? 0, 240, accuracy: 4 * (240.0 / 3).squareRoot())
        XCTAssertEqual(offeredByDate["2027-01-05"] ?? 0, 960, accuracy: 4 * (960.0 / 3).squareRoot())
    }

    /// ccsim keeps 24-hour local days: on the EU spring-forward day (2027-03-28) an export has no
    /// rows for 02:00–03:00, and the day still has 96 quarter-hours, the missing hour without
    /// contacts; a fall-back hour exported twice is refused with a hint.
    func testDaylightSavingDaysKeepTwentyFourHours() throws {
        var csv = "datetime,queue,offered\n"
        for i in 0..<96 where !(8..<12).contains(i) {
            csv += "2027-03-28T\(String(format: "%02d:%02d", i / 4, i % 4 * 15)):00,voice,5\n"
        }
        let scenario = try load(Self.center(demand: "{forecast: forecast.csv}", horizon: "1d", calendar: "{start: 2027-03-28}"),
                                files: ["forecast.csv": csv])
        let s = try summary(scenario)
        XCTAssertEqual(s.intervals.count, 96)
        let label = scenario.center.timeLabel
        XCTAssertEqual(label.moment(2 * 3600), "Sun 2027-03-28 02:00")
        for i in 8..<12 { XCTAssertEqual(s.channels[0].intervals[i][.offered]?.mean, 0) }
        XCTAssertGreaterThan(s.channels[0].intervals[12][.offered]?.mean ?? 0, 0)

        let twice = "date,interval_start,channel,volume\n2027-10-31,02:00,voice,5\n2027-10-31,02:15,voice,5\n2027-10-31,02:00,voice,4\n"
        XCTAssertThrowsError(try load(Self.center(demand: "{forecast: f.csv}", horizon: "1d", calendar: "{start: 2027-10-31}"), files: ["f.csv": twice])) { error in
            let issue = (error as! ScenarioError).issues[0]
            XCTAssertEqual(issue.line, 4)
            XCTAssertEqual(issue.path, "interval_start")
            XCTAssertTrue(issue.message.contains("already on line 2") && issue.message.contains("daylight-saving"), issue.message)
        }
    }

    /// Every kind of bad row is reported at its line and column, all in one pass.
    func testBadForecastsAreRejectedWithTheirLineAndColumn() throws {
        let yaml = Self.center(demand: "{forecast: f.csv}", horizon: "2d")
        let rows = """
            date,interval_start,channel,volume,aht
            2027-01-04,08:00,voice,12,300
            2027-01-04,08:00,voice,12,300
            2027-01-04,08:15,voise,12,300
            2027-01-09,08:00,voice,12,300
            2027-01-04,08:30,voice,lots,300
            2027-01-04,08:45,voice,12,0
            2027-01-04,09:00,voice,12,-4m
            2027-01-04,25:00,voice,12,300
            2027-02-30,08:00,voice,12,300
            """
        XCTAssertThrowsError(try load(yaml, files: ["f.csv": rows])) { error in
            let found = (error as! ScenarioError).issues.map { "\($0.line ?? 0) \($0.path)" }
            XCTAssertEqual(found, ["3 interval_start", "4 channel", "5 date", "6 volume", "7 aht", "8 aht", "9 interval_start", "10 date"],
                           (error as! ScenarioError).detailedDescription)
            XCTAssertTrue((error as! ScenarioError).issues.allSatisfy { $0.file.hasSuffix("f.csv") })
            XCTAssertTrue((error as! ScenarioError).issues[1].message.contains("did you mean 'voice'"))
        }
        let cases: [(csv: String, line: Int, path: String, says: String)] = [
            ("date,start,channel\n2027-01-04,08:00,voice\n", 1, "volume", "missing column"),
            ("date,start,end,volume\n2027-01-04,08:00,08:07,3\n", 2, "interval_end", "does not tile the day"),
            ("date,start,volume\n2027-01-04,08:00,\"3\n", 2, "", "never closed"),
            ("date,start,volume\n2027-01-04,08:00,3\n2027-01-04,08:07,3\n2027-01-04,08:30,3\n", 3, "interval_start", "do not tile the day"),
            // A decimal comma makes a row one field longer than the header: refused, not read as 10.
            ("date,start,volume\n2027-01-04,08:00,10,5\n", 2, "row", "has 4 fields, but the header has 3 columns"),
            // Two columns for one field: which one is meant cannot be guessed.
            ("date,start,volume,calls\n2027-01-04,08:00,10,5000\n", 1, "volume", "columns 'volume' and 'calls' both give the volume"),
            ("date,start,volume,volume\n2027-01-04,08:00,10,5000\n", 1, "volume", "columns 'volume' and 'volume' both give the volume"),
            // A European Excel export: one field per line, said once.
            ("date;start;volume\n2027-01-04;08:00;10\n", 1, "", "separated by semicolons, not commas"),
            ("date,start,volume\n2027-01-04,08:00,\"10,5\"\n", 2, "volume", "'10,5' is not a number (decimals take a point: 10.5)"),
            // An AHT column under a name that is not read would leave the tiers' handle times in force.
            ("date,start,volume,AHT in s\n2027-01-04,08:00,10,300\n", 1, "aht", "column 'AHT in s' looks like the AHT but is not read"),
            ("date,start,volume,aht,aht_min\n2027-01-04,08:00,10,300,5\n", 1, "aht", "columns 'aht' and 'aht_min' both give the aht"),
            // Minutes in a seconds column: 4.92 s of work is never meant.
            ("date,start,volume,aht\n2027-01-04,08:00,10,4.92\n2027-01-04,08:15,10,5.5\n", 2, "aht",
             "every AHT in this file is under 30 s (the largest is 5.5): a plain number is read as seconds; if these are minutes, name the column aht_min or write the unit (4.92m)"),
        ]
        for c in cases {
            XCTAssertThrowsError(try load(yaml, files: ["f.csv": c.csv])) { error in
                let issue = (error as! ScenarioError).issues[0]
                XCTAssertEqual(issue.line, c.line, "\(c.csv): \(issue)")
                XCTAssertEqual(issue.path, c.path, "\(c.csv): \(issue)")
                XCTAssertTrue(issue.message.contains(c.says), "\(issue)")
            }
        }
        // A quoted, comma-holding field and extra columns are fine (RFC 4180).
        let quoted = "\"date\",\"start\",\"volume\",\"note\"\n2027-01-04,08:00,\"3\",\"Mon, peak\"\n"
        XCTAssertNoThrow(try load(yaml, files: ["f.csv": quoted]))
    }

    /// One start off the grid every other row keeps is a typo, refused at its line; read as
    /// 5-minute intervals, each half hour's volume would arrive within 5 minutes.
    func testOneStartOffTheGridOfTheOthersIsATypo() throws {
        var rows = (0..<24).map { "2027-01-04,\(String(format: "%02d:%02d", 8 + $0 / 2, 30 * ($0 % 2))),10" }
        rows[3] = "2027-01-04,09:35,10"
        let yaml = Self.center(demand: "{forecast: f.csv}", horizon: "1d")
        XCTAssertThrowsError(try load(yaml, files: ["f.csv": "date,start,volume\n" + rows.joined(separator: "\n")])) { error in
            let issues = (error as! ScenarioError).issues
            XCTAssertEqual(issues.map { "\($0.line ?? 0) \($0.path)" }, ["5 interval_start"], (error as! ScenarioError).detailedDescription)
            XCTAssertTrue(issues[0].message.hasPrefix("09:35 is off the 30-minute grid of the other 23 rows: a typo?"), issues[0].message)
        }
        // Stated 5-minute intervals are read as such; and a file genuinely on a finer grid is not a typo.
        let stated = "date,start,end,volume\n" + (0..<24).map { i in
            let minute = i == 3 ? 9 * 60 + 35 : 8 * 60 + 30 * i
            return String(format: "2027-01-04,%02d:%02d,%02d:%02d,10", minute / 60, minute % 60, (minute + 5) / 60, (minute + 5) % 60)
        }.joined(separator: "\n")
        XCTAssertNoThrow(try load(yaml, files: ["f.csv": stated]))
        let quarters = "date,start,volume\n" + (0..<24).map { "2027-01-04,\(String(format: "%02d:%02d", 8 + $0 / 4, 15 * ($0 % 4))),10" }.joined(separator: "\n")
        XCTAssertNoThrow(try load(yaml, files: ["f.csv": quarters]))
    }

    /// Headers as WFM exports write them (spaces, capitals, units in brackets), and the AHT in minutes.
    func testExportHeadersAndAnAHTInMinutes() throws {
        let yaml = Self.center(demand: "{forecast: f.csv}", horizon: "1d")
        let csv = "Interval Date,Interval Start,Forecast Volume,AHT (sec)\n2027-01-04,08:00,10,300\n2027-01-04,08:15,12,330\n"
        let scenario = try load(yaml, files: ["f.csv": csv])
        guard case .forecast(let forecast) = scenario.center.channels[0].demand.pattern else { return XCTFail("not a forecast") }
        XCTAssertEqual(forecast.volumes[32...33], [10, 12])
        XCTAssertEqual(forecast.handleTimes?[32...33].map { $0 ?? 0 }, [300, 330])
        let minutes = try load(yaml, files: ["f.csv": "date,start,volume,AHT (min)\n2027-01-04,08:00,10,4.5\n2027-01-04,08:15,12,05:30\n"])
        guard case .forecast(let inMinutes) = minutes.center.channels[0].demand.pattern else { return XCTFail("not a forecast") }
        XCTAssertEqual(inMinutes.handleTimes?[32...33].map { $0 ?? 0 }, [270, 330], "a plain number is minutes there; mm:ss stays mm:ss")
    }

    /// A day of voice and chat served by one blended team, each channel with the demand given.
    static func twoChannels(voice: String, chat: String) -> String {
        """
        name: two channels
        run: {horizon: 1d, interval: 15m, replications: 1, seed: 11}
        calendar: {start: 2027-01-04}
        channels:
          voice: {kind: voice, demand: \(voice), patience: {exponential: {mean: 3m}}}
          chat: {kind: chat, demand: \(chat), patience: {exponential: {mean: 3m}}}
        tiers:
          tier1: {handle_time: {exponential: {mean: 5m}}}
        teams:
          agents:
            skills: [{channel: voice, tier: tier1}, {channel: chat, tier: tier1}]
            shifts: [{start: "08:00", length: 12h, agents: 10}]
        """
    }

    /// A mistyped forecast path is one problem, not also "the other channel's rows read no file".
    func testAMistypedForecastPathIsOneProblem() throws {
        let yaml = Self.twoChannels(voice: "{forecast: forecasts/f.csv}", chat: "{forecast: f.csv}")
        let csv = "date,interval_start,channel,volume\n2027-01-04,08:00,voice,4\n2027-01-04,08:00,chat,3\n"
        XCTAssertThrowsError(try load(yaml, files: ["f.csv": csv])) { error in
            let issues = (error as! ScenarioError).issues
            XCTAssertEqual(issues.map(\.path), ["channels.voice.demand.forecast"], (error as! ScenarioError).detailedDescription)
            XCTAssertTrue(issues[0].message.contains("no such file"), issues[0].message)
        }
    }

    /// A forecast that stops days before the run ends is allowed (missing days are closed) but said.
    func testAForecastShorterThanTheRunIsNoted() throws {
        let days = (0..<3).map { "2027-01-0\(4 + $0),09:00,10" }.joined(separator: "\n")
        let short = try load(Self.center(demand: "{forecast: f.csv}", horizon: "7d"), files: ["f.csv": "date,start,volume\n" + days])
        XCTAssertEqual(short.notes.map { $0.replacingOccurrences(of: #"/\S*/f\.csv"#, with: "f.csv", options: .regularExpression) },
                       ["channels.voice.demand.forecast: f.csv has no voice volume after Wed 2027-01-06: the run's last 4 days (Thu 2027-01-07 to Sun 2027-01-10) get no new contacts"])
        let weekdays = (0..<5).map { "2027-01-0\(4 + $0),09:00,10" }.joined(separator: "\n")
        XCTAssertEqual(try load(Self.center(demand: "{forecast: f.csv}", horizon: "7d"), files: ["f.csv": "date,start,volume\n" + weekdays]).notes, [],
                       "a closed weekend is not worth a note")
    }

    /// Rows for a channel whose demand reads another source are a mistake named at that
    /// channel's first row (the file's line, so a planner can find it in a long export).
    func testRowsOfAChannelThatDoesNotReadTheFileNameTheirFirstLine() throws {
        let yaml = Self.twoChannels(voice: "{forecast: f.csv}", chat: "{per_day: 50}")
        let csv = "date,interval_start,channel,volume\n2027-01-04,08:00,voice,4\n2027-01-04,08:15,voice,4\n2027-01-04,08:15,chat,3\n"
        XCTAssertThrowsError(try load(yaml, files: ["f.csv": csv])) { error in
            let issues = (error as! ScenarioError).issues
            XCTAssertEqual(issues.count, 1, (error as! ScenarioError).detailedDescription)
            XCTAssertEqual(issues.first?.line, 4)
            XCTAssertEqual(issues.first?.path, "channel")
            XCTAssertTrue(issues.first?.message.contains("has rows for channel 'chat', whose demand does not read this file") ?? false,
                          (error as! ScenarioError).detailedDescription)
        }
    }

    /// A mistake repeated on every row is listed on its first three rows and counted after them.
    func testARepeatedMistakeIsListedThenCounted() throws {
        var csv = "date,interval_start,queue,offered\n"
        for i in 0..<10 { csv += "2027-01-04,\(String(format: "%02d", 8 + i)):00,Voice EN,5\n" }
        XCTAssertThrowsError(try load(Self.center(demand: "{forecast: f.csv}", horizon: "1d"), files: ["f.csv": csv])) { error in
            let issues = (error as! ScenarioError).issues
            XCTAssertEqual(issues.map { $0.line ?? 0 }, [2, 3, 4, 5])
            XCTAssertEqual(issues.last?.message, "and 7 more rows naming channel 'Voice EN' (lines 5–11)")
        }
    }

    /// A file with more problems than are listed ends with one line for the rest, and the count
    /// names every problem found, not the lines printed (it said "201 problems" for 288).
    func testACutShortListingCountsEveryProblem() throws {
        var csv = "date,interval_start,channel,volume\n"
        for i in 0..<288 { csv += "2027-01-04,\(String(format: "%02d:%02d", i / 12, i % 12 * 5)),voice,lots\n" }
        XCTAssertThrowsError(try load(Self.center(demand: "{forecast: f.csv}", horizon: "1d", interval: "5m"), files: ["f.csv": csv])) { error in
            let error = error as! ScenarioError
            XCTAssertEqual(error.issues.count, 201)
            XCTAssertEqual(error.issues.last?.message, "… and 88 more problems in this file")
            XCTAssertEqual(error.problemCount, 288)
            XCTAssertEqual(error.countLine(in: "s.yaml"), "288 problems in s.yaml")
            XCTAssertTrue(error.detailedDescription.hasSuffix("\n288 problems found"))
        }
    }

    /// Dates in the scenario outside the run, or without a dated calendar, are refused at their place.
    func testDatesOutsideTheRunAreRefusedAtLoad() throws {
        let outside = Self.center(demand: #"{per_day: 100, special_days: [{date: 2027-02-01, closed: true}]}"#, horizon: "7d",
                                  calendar: "{start: 2027-01-04, closed: [2026-12-31]}")
        XCTAssertThrowsError(try load(outside)) { error in
            let issues = (error as! ScenarioError).issues
            XCTAssertEqual(issues.map(\.path), ["calendar.closed[0]", "channels.voice.demand.special_days[0].date"])
            XCTAssertTrue(issues.allSatisfy { $0.line != nil && $0.column != nil })
            XCTAssertTrue(issues[0].message.contains("before the run starts"), issues[0].message)
            XCTAssertTrue(issues[1].message.contains("after the run ends"), issues[1].message)
        }
        // One week of a longer export: rows outside the run are dropped only when asked.
        let month = "date,start,volume\n2027-01-03,08:00,5\n2027-01-04,08:00,5\n2027-01-05,08:00,7\n2027-02-01,08:00,5\n"
        XCTAssertThrowsError(try load(Self.center(demand: "{forecast: f.csv}", horizon: "1d"), files: ["f.csv": month]))
        let week = try load(Self.center(demand: "{forecast: {file: f.csv, outside_run: ignore}}", horizon: "1d"), files: ["f.csv": month])
        guard case .forecast(let forecast) = week.center.channels[0].demand.pattern else { return XCTFail("not a forecast") }
        XCTAssertEqual(forecast.totalVolume, 5)
        XCTAssertThrowsError(try load(Self.center(demand: "{forecast: f.csv}", calendar: "{start: mon}"))) { error in
            XCTAssertTrue((error as! ScenarioError).message.contains("calendar.start"))
        }
        XCTAssertThrowsError(try load(Self.center(demand: "{per_day: 100}", calendar: "{start: 2027-02-29}"))) { error in
            XCTAssertEqual((error as! ScenarioError).path, "calendar.start")
        }
    }

    /// Per-weekday profiles shape each day separately; per_day stays the volume of every day.
    func testPerWeekdayProfiles() throws {
        let scenario = try load(Self.center(demand: #"{per_day: 480, open: "08:00", close: "20:00", profile: {weekdays: flat, sat: {hourly: [0,0,0,0,0,0,0,0,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0]}, sun: flat}}"#,
                                            interval: "1h"))
        guard case .daily(let daily) = scenario.center.channels[0].demand.pattern else { return XCTFail("not daily") }
        let generator = ArrivalGenerator(demand: scenario.center.channels[0].demand, startWeekday: scenario.center.startWeekday, horizonEnd: 7 * 86_400)
        XCTAssertEqual(generator.expectedArrivals(from: 0, to: 86_400), 480, accuracy: 1e-9)
        XCTAssertEqual(generator.expectedArrivals(from: 5 * 86_400 + 8 * 3600, to: 5 * 86_400 + 12 * 3600), 480, accuracy: 1e-9, "Saturday's volume is all in 08:00–12:00")
        XCTAssertEqual(generator.expectedArrivals(from: 8 * 3600, to: 12 * 3600), 160, accuracy: 1e-9)
        XCTAssertEqual(daily.weekdayProfiles?.count, 7)
        XCTAssertThrowsError(try load(Self.center(demand: #"{per_day: 480, profile: {mon: flat}}"#, interval: "1h"))) { error in
            XCTAssertTrue((error as! ScenarioError).message.contains("no profile for tue"), "\(error)")
        }
    }

    /// Dated outputs: the terminal's worst interval and intervals.csv carry the date.
    func testDatedOutputsCarryTheDate() throws {
        let scenario = try load(Self.center(demand: #"{per_day: 200, open: "08:00", close: "20:00"}"#, horizon: "2d", interval: "1h", replications: 2))
        let s = try summary(scenario)
        let csv = SummaryFiles.intervalsCSV(s)
        XCTAssertTrue(csv.hasPrefix("interval,start_s,end_s,day,date,weekday,clock,"))
        XCTAssertTrue(csv.contains("\n9,32400,36000,0,2027-01-04,Mon,09:00,channel,voice,"))
        // `day` counts from 0, as staffing.csv and requirement files do: the second day is 1.
        XCTAssertTrue(csv.contains(",1,2027-01-05,Tue,"))
        XCTAssertTrue(SummaryTable.render(s).contains("Worst interval: #"), SummaryTable.render(s))
        XCTAssertTrue(SummaryTable.render(s).contains(" 2027-01-0"))
    }
}
