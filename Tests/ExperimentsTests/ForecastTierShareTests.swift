import ContactCenter
import Experiments
import Foundation
import Scenarios
import XCTest

/// Per-interval tier shares in a forecast (`share_<tier>` columns): the simulated mix follows
/// them, a forecast without them (or with the channel's own mix) changes nothing, and bad shares
/// are located.
final class ForecastTierShareTests: XCTestCase {
    static func center(forecast: String = "{forecast: forecast.csv}", replications: Int = 3) -> String {
        """
        name: tiered-forecast
        run: {horizon: 2d, interval: 1h, replications: \(replications), seed: 5}
        calendar: {start: 2027-01-04}
        channels:
          voice:
            kind: voice
            demand: \(forecast)
            tiers: {simple: 70%, complex: 30%}
        tiers:
          simple:
            handle_time: {voice: {exponential: {mean: 4m}}}
          complex:
            handle_time: {voice: {lognormal: {mean: 9m, cv: 0.7}}}
        teams:
          agents:
            skills: [{channel: voice, tier: [simple, complex]}]
            shifts: [{start: "08:00", length: 10h, agents: 60, days: every_day}]
        """
    }

    /// 08:00–18:00 every 15 minutes, 40 contacts each, with `shares(i)` the cells of interval i.
    static func forecast(header: String = "", _ shares: (Int) -> String) -> String {
        var csv = "date,interval_start,channel,volume\(header)\n"
        for day in 0..<2 {
            for i in 32..<72 {
                csv += "2027-01-0\(4 + day),\(String(format: "%02d:%02d", i / 4, i % 4 * 15)),voice,40\(shares(i))\n"
            }
        }
        return csv
    }

    /// The mix of each hour (1-hour reporting intervals, four 15-minute forecast rows of the same
    /// mix) is the forecast's: the complex tier's count among n new contacts is binomial(n, p), so
    /// it must lie within 4.5 standard deviations √(n p (1 − p)) of n p in each of the 20 hours.
    /// No escalations, repeats or patience: every new contact is handled, counted in the interval it arrived in.
    func testSimulatedTierMixFollowsTheForecastSharesPerInterval() throws {
        // Hour h (8…17) takes complex share 0.05 + 0.09 × (h − 8): 5 % at 08:00 to 86 % at 17:00.
        func complex(_ i: Int) -> Double { 0.05 + 0.09 * Double(i / 4 - 8) }
        let csv = Self.forecast(header: ",share_simple,share_complex") { i in
            ",\(String(format: "%.2f", 1 - complex(i))),\(String(format: "%.2f", complex(i)))"
        }
        let scenario = try load(Self.center(), files: ["forecast.csv": csv])
        let s = try summary(scenario)
        let reps = Double(scenario.run.replications)
        var checked = 0
        for day in 0..<2 {
            for hour in 8..<18 {
                let i = day * 24 + hour
                let simple = (s.tiers[0].intervals[i][.handled]?.mean ?? 0) * reps
                let hard = (s.tiers[1].intervals[i][.handled]?.mean ?? 0) * reps
                let n = simple + hard, p = complex(hour * 4)
                XCTAssertGreaterThan(n, 400)
                let sd = (n * p * (1 - p)).squareRoot()
                XCTAssertEqual(hard, n * p, accuracy: 4.5 * sd, "day \(day) \(hour):00: \(hard) complex of \(n), forecast share \(p)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, 20)
    }

    /// A forecast without share columns, and one whose every row gives the channel's own mix
    /// (70 % / 30 %, written 0.7 and 30 %), give byte-identical results: the shares reuse the
    /// channel mix's draw, so no stream moves. Rows with empty share cells keep the channel's mix.
    func testSharesEqualToTheChannelMixChangeNothing() throws {
        let plain = try summary(try load(Self.center(), files: ["forecast.csv": Self.forecast { _ in "" }]))
        let same = try summary(try load(Self.center(), files: ["forecast.csv": Self.forecast(header: ",share_simple,complex_share") { i in
            i % 3 == 0 ? ",," : ",0.7,30%"
        }]))
        XCTAssertGreaterThan(plain.channels[0].metrics[.offered]?.mean ?? 0, 3000)
        XCTAssertEqual(SummaryFiles.metricsCSV(plain), SummaryFiles.metricsCSV(same))
        XCTAssertEqual(SummaryFiles.intervalsCSV(plain), SummaryFiles.intervalsCSV(same))
        // A different mix does change the tiers' counts (the test can fail).
        let other = try summary(try load(Self.center(), files: ["forecast.csv": Self.forecast(header: ",share_simple,share_complex") { _ in ",0.2,0.8" }]))
        XCTAssertNotEqual(SummaryFiles.metricsCSV(plain), SummaryFiles.metricsCSV(other))
    }

    /// Every share problem of a file in one pass, as FILE:LINE: column: problem.
    func testBadSharesAreLocatedAllInOnePass() throws {
        let csv = """
            date,interval_start,channel,volume,share_simple,share_complex,share_compelx
            2027-01-04,08:00,voice,40,0.7,0.3,
            2027-01-04,08:15,voice,40,1.2,0.3,
            2027-01-04,08:30,voice,40,0.5,-10%,
            """
        XCTAssertThrowsError(try load(Self.center(), files: ["forecast.csv": csv])) { error in
            let issues = (error as! ScenarioError).issues
            XCTAssertEqual(issues.map { "\($0.line ?? 0) \($0.path)" }, ["1 share_compelx", "3 share_simple", "4 share_complex"],
                           (error as! ScenarioError).detailedDescription)
            XCTAssertTrue(issues[0].message.contains("unknown tier 'compelx'; did you mean 'complex'?"), issues[0].message)
            XCTAssertTrue(issues[1].message.contains("must be between 0 and 1"), issues[1].message)
            XCTAssertTrue(issues.allSatisfy { $0.file.hasSuffix("forecast.csv") })
        }
        // Shares that do not add up to 1 (within 1e-6): one problem on the row, at its first share column.
        let sums = """
            date,interval_start,channel,volume,share_simple,share_complex
            2027-01-04,08:00,voice,40,0.7,0.3000001
            2027-01-04,08:15,voice,40,0.6,0.3
            2027-01-04,08:30,voice,40,,
            2027-01-04,08:45,voice,40,1,
            """
        XCTAssertThrowsError(try load(Self.center(), files: ["forecast.csv": sums])) { error in
            let issues = (error as! ScenarioError).issues
            XCTAssertEqual(issues.map { "\($0.line ?? 0) \($0.path)" }, ["3 share_simple"], (error as! ScenarioError).detailedDescription)
            XCTAssertTrue(issues[0].message.contains("the tier shares add up to 90%, not 100%"), issues[0].message)
        }
    }
}
