import Foundation
import ResultsSchema
import Scenarios
import Testing

@Suite struct QuantityTests {
    @Test(arguments: [
        ("20s", 20.0), ("4m", 240), ("1.5h", 5400), ("2d", 172_800), ("250ms", 0.25),
        ("0", 0), ("0s", 0), (".5m", 30), ("1e3s", 1000), ("5 m", 300), ("-5m", -300), ("+2s", 2),
    ])
    func durations(_ text: String, _ seconds: Double) throws {
        #expect(try Quantity.duration(text) == seconds)
    }

    /// Compound durations, as the outputs write them (`4m05s`, `1h05m`): largest unit first.
    @Test(arguments: [
        ("1h30m", 5400.0), ("4m05s", 245), ("4m30s", 270), ("2d12h", 216_000), ("1h 30m", 5400), ("4 m 30 s", 270),
        ("1m30.5s", 90.5), ("2w3d", 1_468_800), ("1s500ms", 1.5), ("-1m30s", -90), ("+1h05m", 3900), ("0h0m", 0),
    ])
    func compoundDurations(_ text: String, _ seconds: Double) throws {
        #expect(try Quantity.duration(text) == seconds)
    }

    /// Whatever an output writes as a duration reads back as that duration, to the precision written.
    @Test func everyDurationAnOutputWritesReadsBack() throws {
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Log-uniform over 1 ms … 100 days.
            let seconds = 0.001 * pow(1e10, Double(x >> 11) / Double(1 << 53))
            let written = ValueText.duration(seconds)
            let read = try Quantity.duration(written)
            let precision = seconds < 10 ? 0.005 : seconds < 60 ? 0.05 : seconds < 3600 ? 0.5 : seconds < 86400 ? 30 : 4320
            #expect(abs(read - seconds) <= precision * (1 + 1e-9), "\(seconds) s written '\(written)' read \(read) s")
        }
    }

    @Test(arguments: [
        ("300", "'300' has no unit; add a unit, e.g. '300s' or '300m'"),
        ("5 minutes", "unknown duration unit 'minutes' in '5 minutes'; did you mean '5m'? use ms, s, m, h or d"),
        ("abc", "expected a duration such as '20s', '4m' or '1.5h', got 'abc'"),
        ("inf", "expected a duration such as '20s', '4m' or '1.5h', got 'inf'"),
        ("", "expected a duration such as '20s', '4m' or '1.5h', got ''"),
        ("90sec", "unknown duration unit 'sec' in '90sec'; did you mean '90s'? use ms, s, m, h or d"),
        ("30s4m", "'30s4m': write a compound duration's units from the largest to the smallest, each once, e.g. '1h30m' or '4m05s'"),
        ("4m4m", "'4m4m': write a compound duration's units from the largest to the smallest, each once, e.g. '1h30m' or '4m05s'"),
        ("4m30", "'4m30' has no unit after 30; add one, e.g. '4m30s'"),
        ("4m-30s", "unexpected '-30s' in '4m-30s'; write a duration such as '90s', '4m30s' or '1h05m'"),
        ("4m30sec", "unknown duration unit 'sec' in '4m30sec'; did you mean '30s'? use ms, s, m, h or d"),
        ("4min30s", "unknown duration unit 'min' in '4min30s'; did you mean '4m'? use ms, s, m, h or d"),
        ("4m!", "unknown duration unit 'm!' in '4m!'; use ms, s, m, h or d"),
        ("1.5.5h", "expected a duration such as '20s', '4m' or '1.5h', got '1.5.5h'"),
        ("1h30m1e400s", "unexpected '1e400s' in '1h30m1e400s'; write a duration such as '90s', '4m30s' or '1h05m'"),
        ("1e308d1h", "'1e308d1h' is longer than 100 years, the longest duration ccsim simulates"),
    ])
    func badDurations(_ text: String, _ message: String) {
        #expect(throws: QuantityError(message)) { try Quantity.duration(text) }
    }

    @Test(arguments: [
        ("540/h", 0.15), ("9/m", 0.15), ("0.15/s", 0.15), ("12000/d", 12000.0 / 86400), ("540 / h", 0.15),
    ])
    func rates(_ text: String, _ perSecond: Double) throws {
        #expect(abs(try Quantity.rate(text) - perSecond) < 1e-15)
    }

    @Test(arguments: [
        ("540", "'540' has no time unit; add one, e.g. '540/h'"),
        ("540/hr", "unknown rate unit '/hr' in '540/hr'; did you mean '540/h'? use /s, /m, /h or /d"),
        ("540/fortnight", "unknown rate unit '/fortnight' in '540/fortnight'; use /s, /m, /h or /d"),
        ("540h", "expected a rate such as '540/h' or '9/m', got '540h'"),
        ("fast", "expected a rate such as '540/h' or '9/m', got 'fast'"),
    ])
    func badRates(_ text: String, _ message: String) {
        #expect(throws: QuantityError(message)) { try Quantity.rate(text) }
    }

    @Test(arguments: [("80%", 0.8), ("0.8", 0.8), ("100%", 1), ("0%", 0), ("1", 1), ("12.5%", 0.125)])
    func fractions(_ text: String, _ value: Double) throws {
        #expect(try Quantity.fraction(text) == value)
    }

    @Test(arguments: [
        ("120%", "must be between 0% and 100%, got '120%'"),
        ("-5%", "must be between 0% and 100%, got '-5%'"),
        ("80", "must be between 0 and 1 (or 0% and 100%), got '80'; did you mean '80%'?"),
        ("1.5", "must be between 0 and 1 (or 0% and 100%), got '1.5'; did you mean '1.5%'?"),
        ("300", "must be between 0 and 1 (or 0% and 100%), got '300'"),
        ("high", "expected a percentage such as '80%' or a fraction such as '0.8', got 'high'"),
    ])
    func badFractions(_ text: String, _ message: String) {
        #expect(throws: QuantityError(message)) { try Quantity.fraction(text) }
    }

    /// A signed zero is zero: `-0s` and `-0/h` read as +0, so no output shows a negative zero.
    @Test func negativeZeroIsZero() throws {
        #expect(try Quantity.duration("-0s").sign == .plus)
        #expect(try Quantity.duration("-0").sign == .plus)
        #expect(try Quantity.rate("-0/h").sign == .plus)
    }

    @Test func numbers() throws {
        #expect(try Quantity.number("2.5") == 2.5)
        #expect(try Quantity.number("-1e-3") == -0.001)
        #expect(throws: QuantityError("expected a plain number without unit, got '5m'")) { try Quantity.number("5m") }
        #expect(throws: QuantityError("expected a number, got 'nan'")) { try Quantity.number("nan") }
        #expect(throws: QuantityError("expected a number, got '0x10'")) { try Quantity.number("0x10") }
    }

    @Test(arguments: [
        (28800.0, "8h"), (1800, "30m"), (270, "4.5m"), (100, "100s"), (0.25, "250ms"), (0, "0s"), (-60, "-1m"), (86400, "1d"),
        // 520 weeks and an hour: 3640.0417 days is not a short number of days, 87361 hours is.
        (314_499_600, "87361h"), (0.30000000000000004, "300ms"), (1080.0000000000002, "18m"),
    ] as [(Double, String)])
    func describingDurations(_ seconds: Double, _ text: String) {
        #expect(Quantity.describe(duration: seconds) == text)
    }

    @Test func describingRatesAndFractions() {
        #expect(Quantity.describe(rate: 0.15) == "540/h")
        #expect(Quantity.describe(rate: -0.15) == "-540/h")
        #expect(Quantity.describe(rate: 0.1 + 0.2) == "1080/h")  // 1080.0000000000002 per hour, written short
        #expect(Quantity.describe(fraction: 0.8) == "80%")
        #expect(Quantity.describe(fraction: 0.125) == "12.5%")
    }
}
