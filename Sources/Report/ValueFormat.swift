import Foundation

/// How the report writes numbers: shares as percentages, durations as 1h25m / 4.2s, counts
/// with thousands kept plain — the same conventions as `ccsim run`'s table.
enum ValueFormat {
    static func percent(_ x: Double?, digits: Int = 1) -> String {
        guard let x, x.isFinite else { return "—" }
        return String(format: "%.\(digits)f%%", x * 100)
    }

    /// Tick labels: no decimals unless the step needs them.
    static func percentTick(_ x: Double) -> String {
        let p = x * 100
        return abs(p - p.rounded()) < 1e-9 ? "\(Int(p.rounded()))%" : String(format: "%.1f%%", p)
    }

    static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "—" }
        if abs(x - x.rounded()) < 1e-9 && abs(x) < 1e15 { return String(Int(x.rounded())) }
        if abs(x) >= 1000 { return String(format: "%.0f", x) }
        if abs(x) >= 100 { return String(format: "%.1f", x) }
        if abs(x) >= 1 { return String(format: "%.2f", x) }
        return String(format: "%.3g", x)
    }

    static func money(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "—" }
        return String(format: "%.2f", x)
    }

    /// Money as `Formatting.money` writes it in the terminal: whole units with thousands grouped
    /// from 1,000 on (`70,381`), cents below. (The report does not link Experiments; this goes
    /// when the formatter moves to the shared schema target, issue 13.)
    static func groupedMoney(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "—" }
        guard abs(x) >= 1000 else { return String(format: "%.2f", x) }
        let digits = String(Int(abs(x).rounded()))
        var grouped = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (x < 0 ? "-" : "") + grouped
    }

    static func duration(_ seconds: Double?) -> String {
        guard let s = seconds, s.isFinite else { return "—" }
        if s < 60 {
            if abs(s - s.rounded()) < 1e-9 { return "\(Int(s.rounded()))s" }
            return String(format: s < 10 ? "%.2fs" : "%.1fs", s)
        }
        let total = Int(s.rounded())
        let d = total / 86400, h = (total % 86400) / 3600, m = (total % 3600) / 60, sec = total % 60
        if d > 0 { return h > 0 ? "\(d)d\(h)h" : "\(d)d" }
        if h > 0 { return m > 0 ? "\(h)h\(m)m" : "\(h)h" }
        return sec > 0 ? "\(m)m\(sec)s" : "\(m)m"
    }

    /// Mean with its confidence interval, e.g. "90.6% [88.3%, 92.8%]".
    static func withCI(_ entry: MetricEntry?, _ format: (Double?) -> String) -> String {
        guard let entry, entry.mean != nil else { return "—" }
        guard let lo = entry.ciLower, let hi = entry.ciUpper else { return format(entry.mean) }
        return "\(format(entry.mean)) [\(format(lo)), \(format(hi))]"
    }
}
