import Foundation
import Scenarios

/// Number formats of the terminal tables: `ResultsSchema.ValueText` and `TimeLabel` (the same
/// ones the report and the README samples use), plus column padding.
public enum Formatting {
    /// `78.4%`
    public static func percent(_ share: Double, digits: Int = 1) -> String {
        ValueText.percent(share, digits: digits)
    }

    /// Seconds as a short duration: `12.3s`, `4m05s`, `1h05m`, `2d`.
    public static func duration(_ seconds: Double) -> String {
        ValueText.duration(seconds)
    }

    /// A plain number with sensible precision: `1234`, `12.35`, `0.926`.
    public static func number(_ x: Double) -> String {
        ValueText.number(x)
    }

    /// A sum of money: `234.50`, and whole units with thousands grouped from 1,000 on (`70,381`).
    public static func money(_ amount: Double) -> String {
        ValueText.money(amount)
    }

    /// A column of sums in one precision (`ValueText.moneyColumn`): all with cents, or all whole.
    public static func moneyColumn(_ amounts: [Double]) -> [String] {
        ValueText.moneyColumn(amounts)
    }

    /// A value in one of the metric units: `84.1%`, `6.21s`, `1.10`, `12.5h` (hours), `1,234` (money).
    public static func value(_ value: Double, _ unit: Metric.Unit) -> String {
        ValueText.value(value, unit)
    }

    /// A rate per second as contacts per hour: `540/h`.
    public static func ratePerHour(_ perSecond: Double) -> String {
        "\(number(perSecond * 3600))/h"
    }

    /// A stretch of simulated time (seconds from midnight of day 0) as a planner reads it:
    /// `Mon 08:00–08:30`, `day 9 Tue 08:00–08:30` past the first week, `Mon 2027-01-04
    /// 08:00–08:30` in a dated scenario (`TimeLabel`).
    public static func window(from start: Double, to end: Double, center: CenterSpec) -> String {
        center.timeLabel.window(from: start, to: end)
    }

    /// Pads to a column width (never truncates).
    public static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let count = text.count
        if count >= width { return text }
        let padding = String(repeating: " ", count: width - count)
        return right ? padding + text : text + padding
    }
}
