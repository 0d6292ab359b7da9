import Foundation

/// How every output writes a figure — the terminal tables, the CSV-free text of the reports and
/// the README samples: shares as `84.1%`, durations as `12.3s`, `4m05s`, `1h05m`, `2.5d`, money
/// with thousands grouped (`70,381`, `234.50`), counts as plain whole numbers. A missing or
/// non-finite value (a mean undefined in every replication, an infinite mean patience) is `—`.
///
/// Safe for any Double: nothing converts an out-of-range value to `Int`.
public enum ValueText {
    /// What a missing value looks like.
    public static let missing = "—"

    /// `78.4%`
    public static func percent(_ share: Double?, digits: Int = 1) -> String {
        guard let share, share.isFinite else { return missing }
        return String(format: "%.\(digits)f%%", share * 100)
    }

    /// Seconds as a short duration: `12.3s`, `4m05s`, `1h05m`, `2d`, `1.5d`; beyond a million days
    /// in scientific form (`1.2e+14d`).
    public static func duration(_ seconds: Double?) -> String {
        guard let seconds, !seconds.isNaN else { return missing }
        guard seconds.isFinite else { return seconds > 0 ? "∞" : "-∞" }
        if seconds < 0 { return "-" + duration(-seconds) }
        if seconds < 60 {
            if seconds == seconds.rounded() { return "\(Int(seconds))s" }
            return String(format: seconds < 10 ? "%.2fs" : "%.1fs", seconds)
        }
        if seconds < 3600 {
            let whole = Int(seconds.rounded())
            if whole == 3600 { return "1h" }
            let (m, s) = whole.quotientAndRemainder(dividingBy: 60)
            return s == 0 ? "\(m)m" : "\(m)m\(s < 10 ? "0" : "")\(s)s"
        }
        if seconds < 86400 {
            let minutes = Int((seconds / 60).rounded())
            if minutes == 1440 { return "1d" }
            let (h, m) = minutes.quotientAndRemainder(dividingBy: 60)
            return m == 0 ? "\(h)h" : "\(h)h\(m < 10 ? "0" : "")\(m)m"
        }
        let days = seconds / 86400
        if days >= 1e6 { return String(format: "%.2gd", days) }
        return days == days.rounded() ? "\(Int(days))d" : String(format: "%.1fd", days)
    }

    /// A plain number with sensible precision: `1234`, `12.35`, `0.926`; whole numbers up to 10^15
    /// in full, larger ones in scientific form.
    public static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return missing }
        if abs(x) >= 1e15 { return String(format: "%.3g", x) }
        if x == x.rounded() { return String(Int(x)) }
        if abs(x) >= 100 { return String(format: "%.1f", x) }
        if abs(x) >= 1 { return String(format: "%.2f", x) }
        return String(format: "%.3f", x)
    }

    /// A count (a mean of counts across replications keeps its decimals): `13,647`, `13,346.5`.
    public static func count(_ x: Double?) -> String {
        guard let x, x.isFinite else { return missing }
        if abs(x) >= 1e15 { return String(format: "%.3g", x) }
        if abs(x) < 1000 { return number(x) }
        let tenths = (abs(x) * 10).rounded()
        let (whole, tenth) = (tenths / 10).rounded(.towardZero) == tenths / 10
            ? (tenths / 10, 0) : ((tenths / 10).rounded(.towardZero), Int(tenths.truncatingRemainder(dividingBy: 10)))
        let text = grouped(x < 0 ? -whole : whole)
        return tenth == 0 ? text : text + ".\(tenth)"
    }

    /// A sum of money in the scenario's currency: `234.50` below 1,000, whole units with
    /// thousands grouped from 1,000 on (`70,381`), where cents are noise.
    public static func money(_ amount: Double?) -> String {
        guard let amount, amount.isFinite else { return missing }
        if abs(amount) >= 1e15 { return String(format: "%.3g", amount) }
        guard abs(amount) >= 1000 else { return String(format: "%.2f", amount) }
        return grouped(amount.rounded())
    }

    /// A table column of money in one precision, so it never mixes `144.00` with `1,152`: as
    /// ``money(_:)`` when every amount is below 1,000, otherwise every amount in whole units (`144`).
    public static func moneyColumn(_ amounts: [Double?]) -> [String] {
        let whole = amounts.contains { $0.map { $0.isFinite && abs($0) >= 1000 } ?? false }
        return amounts.map { amount in
            guard whole, let amount, amount.isFinite, abs(amount) < 1e15 else { return money(amount) }
            return grouped(amount.rounded())
        }
    }

    /// Hours: `12h`, `12.5h`.
    public static func hours(_ x: Double?) -> String {
        guard let x, x.isFinite else { return missing }
        if abs(x) >= 1e15 { return String(format: "%.3gh", x) }
        return x == x.rounded() ? "\(Int(x))h" : String(format: "%.1fh", x)
    }

    /// A whole number with a comma every three digits: `1,234,567`.
    static func grouped(_ whole: Double) -> String {
        let digits = String(Int(abs(whole)))
        var text = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return (whole < 0 ? "-" : "") + text
    }

    /// A value in one of the metric units.
    public static func value(_ value: Double?, _ unit: MetricUnit) -> String {
        switch unit {
        case .share: percent(value)
        case .seconds: duration(value)
        case .count: count(value)
        case .contacts, .agents: number(value)
        case .hours: hours(value)
        case .money: money(value)
        }
    }
}
