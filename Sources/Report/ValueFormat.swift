import Foundation
import ResultsSchema

/// How the report writes numbers: `ResultsSchema.ValueText`, the same formats as `ccsim run`'s
/// table (shares as percentages, durations as 1h25m / 4.2s, money with thousands grouped).
enum ValueFormat {
    static func percent(_ x: Double?, digits: Int = 1) -> String { ValueText.percent(x, digits: digits) }

    /// Tick labels: no decimals unless the step needs them.
    static func percentTick(_ x: Double) -> String {
        let p = x * 100
        return abs(p - p.rounded()) < 1e-9 ? "\(Int(p.rounded()))%" : String(format: "%.1f%%", p)
    }

    static func number(_ x: Double?) -> String { ValueText.number(x) }

    /// Money as the terminal writes it: `234.50`, `70,381`.
    static func money(_ x: Double?) -> String { ValueText.money(x) }

    static func duration(_ seconds: Double?) -> String { ValueText.duration(seconds) }

    /// Mean with its confidence interval, e.g. "90.6% [88.3%, 92.8%]".
    static func withCI(_ entry: SummaryDocument.Entry?, _ format: (Double?) -> String) -> String {
        guard let entry, entry.mean != nil else { return "—" }
        guard let lo = entry.ciLower, let hi = entry.ciUpper else { return format(entry.mean) }
        return "\(format(entry.mean)) [\(format(lo)), \(format(hi))]"
    }
}
