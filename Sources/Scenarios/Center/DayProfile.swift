/// Intraday demand shapes: the named ones planners start from, and the conversion of hourly
/// weights to the reporting interval a `DailyDemand.profile` is written in.
public enum DayProfile {
    /// Named shapes, as 24 hourly weights (relative; only their ratios matter).
    ///
    /// - `flat`: the same volume every hour the channel is open.
    /// - `business_day`: quiet before 08:00, a morning peak at 10:00–11:00 (around 10:30), a
    ///   lunchtime dip, a second, slightly lower peak at 14:00–15:00 (around 14:30), then a
    ///   decline into the evening — the classic double-humped B2C/B2B call curve.
    /// - `evening_peak`: low in the morning, rising through the afternoon to a peak at
    ///   20:00–21:00, still busy around midnight — consumer apps, gaming, betting.
    public static let shapes: [(name: String, hourly: [Double])] = [
        ("flat", Array(repeating: 1, count: 24)),
        ("business_day", [
            0.10, 0.05, 0.05, 0.05, 0.05, 0.10, 0.30, 0.80, 2.00, 3.60, 4.60, 4.40,
            3.40, 3.60, 4.40, 4.20, 3.40, 2.60, 1.80, 1.20, 0.80, 0.50, 0.30, 0.20,
        ]),
        ("evening_peak", [
            0.90, 0.60, 0.40, 0.30, 0.25, 0.25, 0.30, 0.50, 0.80, 1.10, 1.30, 1.50,
            1.70, 1.80, 1.80, 1.90, 2.10, 2.40, 2.80, 3.20, 3.40, 3.20, 2.60, 1.60,
        ]),
    ]

    public static var shapeNames: [String] { shapes.map(\.name) }

    /// The 24 hourly weights of a named shape.
    public static func hourly(shape name: String) -> [Double]? {
        shapes.first { $0.name == name }?.hourly
    }

    /// Spreads 24 hourly weights over intervals of `interval` seconds (which must divide 24 h):
    /// each interval gets the weight of every hour it overlaps, in proportion to the overlap,
    /// so relative rates are kept whatever the interval (15 m, 30 m, 1 h, 2 h …).
    public static func expand(hourly: [Double], interval: Double) -> [Double] {
        let count = Int((86_400 / interval).rounded())
        return (0..<count).map { i in
            let a = Double(i) * interval, b = a + interval
            var weight = 0.0
            for hour in 0..<min(24, hourly.count) {
                let h0 = Double(hour) * 3600, h1 = h0 + 3600
                let overlap = min(b, h1) - max(a, h0)
                if overlap > 0 { weight += hourly[hour] * overlap / 3600 }
            }
            return weight
        }
    }

    /// Zeroes the weights of intervals outside [open, close), so a generated shape puts the whole
    /// day's volume into opening hours (open and close lie on interval boundaries).
    public static func restrict(_ profile: [Double], interval: Double, open: Double, close: Double) -> [Double] {
        profile.enumerated().map { i, w in
            let a = Double(i) * interval
            return a + 1e-9 >= open && a + interval <= close + 1e-9 ? w : 0
        }
    }
}
