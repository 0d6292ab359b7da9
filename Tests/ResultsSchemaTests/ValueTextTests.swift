import Foundation
import ResultsSchema
import Testing

/// The value and time formats every output shares; none may trap on any Double (issue 12, crash 3:
/// `Formatting.duration` converted durations ≥ ~9.3e18 s to Int).
@Suite struct ValueTextTests {
    @Test func durationsOfAnySizeFormatWithoutTrapping() {
        #expect(ValueText.duration(9.3e18) == "1.1e+14d")
        #expect(ValueText.duration(1e19) == "1.2e+14d")
        #expect(ValueText.duration(1e308) == "1.2e+303d")
        #expect(ValueText.duration(.infinity) == "∞")
        #expect(ValueText.duration(nil) == "—")
        #expect(ValueText.duration(.nan) == "—")
        #expect(ValueText.duration(245) == "4m05s")
        #expect(ValueText.duration(3599.7) == "1h")
        #expect(ValueText.duration(3900) == "1h05m")
        #expect(ValueText.duration(86_399.9) == "1d")
        #expect(ValueText.duration(2.5 * 86_400) == "2.5d")
        #expect(ValueText.duration(12.34) == "12.3s")
    }

    @Test func moneyIsGroupedAndNeverTraps() {
        #expect(ValueText.money(70_381.22) == "70,381")
        #expect(ValueText.money(146_251.88) == "146,252")
        #expect(ValueText.money(234.5) == "234.50")
        #expect(ValueText.money(-1_234_567) == "-1,234,567")
        #expect(ValueText.money(1e19) == "1e+19")
        #expect(ValueText.money(.infinity) == "—")
    }

    @Test func aMoneyColumnHasOnePrecision() {
        #expect(ValueText.moneyColumn([144, 1_152, nil, -0.4]) == ["144", "1,152", "—", "0"])
        #expect(ValueText.moneyColumn([144, 999.5]) == ["144.00", "999.50"], "below 1,000 the cents stay")
        #expect(ValueText.moneyColumn([]) == [])
    }

    @Test func countsAndNumbers() {
        #expect(ValueText.count(13_647) == "13,647")
        #expect(ValueText.count(13_346.5) == "13,346.5")
        #expect(ValueText.count(203) == "203")
        #expect(ValueText.count(5_565.04) == "5,565")
        #expect(ValueText.count(5_564.96) == "5,565")
        #expect(ValueText.count(5_564.94) == "5,564.9")
        #expect(ValueText.count(-1_234.5) == "-1,234.5")
        #expect(ValueText.number(1e300) == "1e+300")
        #expect(ValueText.number(.nan) == "—")
        #expect(ValueText.percent(nil) == "—")
    }

    @Test func timeLabelsAreWeekdayAndClock() {
        let monday = TimeLabel(startWeekday: 0)
        #expect(monday.moment(8 * 3600) == "Mon 08:00")
        #expect(monday.window(from: 17.5 * 3600, to: 18 * 3600) == "Mon 17:30–18:00")
        #expect(monday.window(from: 23.5 * 3600, to: 24 * 3600) == "Mon 23:30–24:00")
        #expect(monday.moment(8 * 86_400 + 3600) == "day 9 Tue 01:00")
        #expect(TimeLabel(startWeekday: 5).moment(86_400) == "Sun 00:00")
        // Crash 7: a start of 1e300 s is shown as missing, never converted to Int.
        #expect(monday.moment(1e300) == "—")
        #expect(monday.window(from: 1e300, to: 1e300 + 1800) == "—")
        #expect(monday.moment(-5) == "—")
    }

    @Test func datedTimeLabelsCarryTheDate() {
        let start = CivilDate(iso: "2027-01-04")!
        #expect(start.weekdayIndex == 0)   // a Monday
        let label = TimeLabel(startDate: start)
        #expect(label.moment(8 * 3600) == "Mon 2027-01-04 08:00")
        #expect(label.window(from: 8 * 3600, to: 8.5 * 3600) == "Mon 2027-01-04 08:00–08:30")
        #expect(label.moment(27 * 86_400 + 60) == "Sun 2027-01-31 00:01")
        #expect(label.moment(28 * 86_400) == "Mon 2027-02-01 00:00")
        #expect(label.dayTick(0) == "Mon 4 Jan")
        #expect(label.date(ofDay: 1) == start)
        // Leap years and the ends of months.
        #expect(CivilDate(iso: "2028-02-28")!.adding(days: 1)?.description == "2028-02-29")
        #expect(CivilDate(iso: "2027-02-28")!.adding(days: 1)?.description == "2027-03-01")
        #expect(CivilDate(iso: "2000-02-29") != nil && CivilDate(iso: "1900-02-29") == nil && CivilDate(iso: "2027-02-29") == nil)
        #expect(CivilDate(iso: "1970-01-01")!.dayNumber == 0 && CivilDate(dayNumber: 19_723)?.description == "2024-01-01")
        #expect(CivilDate(iso: "2027-12-31")!.days(to: CivilDate(iso: "2028-01-01")!) == 1)
        #expect(CivilDate(iso: "2027-1-4") == nil && CivilDate(iso: "20277-01-04") == nil && CivilDate(iso: "2027-01-04T") == nil)
        // Weekdays of known dates, one of each.
        for (iso, weekday) in [("2024-02-29", 3), ("2000-01-01", 5), ("2027-12-25", 5), ("2026-12-03", 3), ("2027-03-28", 6)] {
            #expect(CivilDate(iso: iso)!.weekdayIndex == weekday, "\(iso)")
        }
    }

    @Test func verdictWordsAndNullMet() throws {
        #expect(Verdict.allCases.map(\.words) == ["MET", "MET on the mean", "MISSED on the mean", "MISSED", "undefined"])
        #expect(Verdict.undefined.passed == nil)
    }

    struct Row: Codable { @NullWhenAbsent var mean: Double? }

    /// Non-finite values are written as null (JSON has no infinity), and null or a missing key reads as nil.
    @Test func nonFiniteNumbersAreWrittenAsNull() throws {
        let data = try JSONEncoder().encode([Row(mean: .infinity), Row(mean: 2), Row(mean: nil)])
        #expect(String(decoding: data, as: UTF8.self) == #"[{"mean":null},{"mean":2},{"mean":null}]"#)
        let back = try JSONDecoder().decode([Row].self, from: Data(#"[{"mean":null},{"mean":2.5},{}]"#.utf8))
        #expect(back.map(\.mean) == [nil, 2.5, nil])
    }
}
