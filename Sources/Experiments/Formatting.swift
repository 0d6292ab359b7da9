import Foundation
import Scenarios

/// Number formats shared by tables and reports.
public enum Formatting {
    /// `78.4%`
    public static func percent(_ share: Double, digits: Int = 1) -> String {
        String(format: "%.\(digits)f%%", share * 100)
    }

    /// Seconds as a short duration: `12.3s`, `4m30s`, `1h05m`, `2d`.
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return seconds > 0 ? "∞" : "-∞" }
        if seconds < 60 {
            if seconds == seconds.rounded() { return "\(Int(seconds))s" }
            return String(format: seconds < 10 ? "%.2fs" : "%.1fs", seconds)
        }
        let whole = Int(seconds.rounded())
        if seconds < 3600 {
            let (m, s) = whole.quotientAndRemainder(dividingBy: 60)
            return s == 0 ? "\(m)m" : "\(m)m\(s < 10 ? "0" : "")\(s)s"
        }
        if seconds < 86400 {
            let (h, rest) = whole.quotientAndRemainder(dividingBy: 3600)
            let m = rest / 60
            return m == 0 ? "\(h)h" : "\(h)h\(m < 10 ? "0" : "")\(m)m"
        }
        let days = seconds / 86400
        return days == days.rounded() ? "\(Int(days))d" : String(format: "%.1fd", days)
    }

    /// A plain number with sensible precision: `1234`, `12.35`, `0.926`.
    public static func number(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e9 { return String(Int(x)) }
        if abs(x) >= 100 { return String(format: "%.1f", x) }
        if abs(x) >= 1 { return String(format: "%.2f", x) }
        return String(format: "%.3f", x)
    }

    /// A sum of money, in the scenario's currency: `234.50`, and whole units with
    /// thousands grouped from 1,000 on (`70,381`), where cents are noise.
    public static func money(_ amount: Double) -> String {
        guard abs(amount) >= 1000, amount.isFinite else { return String(format: "%.2f", amount) }
        let digits = String(Int(abs(amount).rounded()))
        var grouped = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (amount < 0 ? "-" : "") + grouped
    }

    /// A value in one of the metric units: `84.1%`, `6.21s`, `1.10`, `12.5h` (hours), `1234.50` (money).
    public static func value(_ value: Double, _ unit: Metric.Unit) -> String {
        switch unit {
        case .share: percent(value)
        case .seconds: duration(value)
        case .count, .contacts, .agents: number(value)
        case .hours: value == value.rounded() && abs(value) < 1e9 ? "\(Int(value))h" : String(format: "%.1fh", value)
        case .money: money(value)
        }
    }

    /// A rate per second as contacts per hour: `540/h`.
    public static func ratePerHour(_ perSecond: Double) -> String {
        "\(number(perSecond * 3600))/h"
    }

    /// A stretch of simulated time (seconds from midnight of day 0) as a planner reads it:
    /// `Mon 08:00–08:30` on multi-day calendars, `day 8 08:00–08:30` past the first week.
    public static func window(from start: Double, to end: Double, startWeekday: Weekday) -> String {
        func clock(_ t: Double) -> String {
            let minutes = Int((t.truncatingRemainder(dividingBy: 86_400) / 60).rounded())
            return String(format: "%02d:%02d", minutes / 60, minutes % 60)
        }
        let day = Int(start / 86_400)
        let name = day < 7 ? startWeekday.advanced(by: day).shortName.capitalized : "day \(day + 1)"
        return "\(name) \(clock(start))–\(clock(end))"
    }

    /// Pads or truncates to a column width.
    public static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let count = text.count
        if count >= width { return text }
        let padding = String(repeating: " ", count: width - count)
        return right ? padding + text : text + padding
    }
}
