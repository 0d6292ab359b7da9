import Foundation
import Scenarios

/// A number as written in a scenario, with its unit kept as text: `5m`, `540/h`, `80%`, `50`.
///
/// Sweeps change values on the YAML document, so a scaled or interpolated value is written back
/// in the user's own unit (`5m` × 1.2 → `6m`, not `360s`) and then read by the scenario loader
/// with its usual grammar and checks: the sweep never needs to know which field takes which
/// kind of quantity.
public struct WrittenQuantity: Hashable, Sendable {
    public var value: Double
    /// Everything after the number, as written (`m`, `/h`, `%`, ` m`, or empty).
    public var unit: String

    /// Splits `text` into a leading decimal number (`[+-]digits[.digits][e[+-]digits]`, the
    /// scenario grammar) and the rest; nil when it does not start with a number.
    public init?(_ text: String) {
        guard let (value, rest) = Quantity.leadingNumber(text.trimmingCharacters(in: .whitespaces)) else { return nil }
        self.value = value
        unit = String(rest)
    }

    public init(value: Double, unit: String) {
        self.value = value
        self.unit = unit
    }

    /// True for a bare whole number such as `50` (no unit, no decimal point): a count, which
    /// stays whole when scaled or interpolated.
    public static func isWholeNumber(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.drop { $0 == "-" || $0 == "+" }
        return !digits.isEmpty && digits.allSatisfy { ("0"..."9").contains($0) }
    }

    /// The text to write back: at most 12 significant digits (so 4.5 × 1.2 is `5.4`, not
    /// `5.3999999999999995`), then the unit as it was.
    public var text: String { Self.format(value) + unit }

    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.12g", value)
    }

    /// A value drawn from a range, rounded to 6 significant digits: `617.44/h`, not
    /// `617.439721983/h` — far below any effect a sweep can resolve, and readable in tables.
    public static func drawn(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        return Double(String(format: "%.6g", value)) ?? value
    }

    /// The number for tables and plots: durations in seconds, rates per hour, percentages as a
    /// share (80% → 0.8), plain numbers as they are; nil for any other unit.
    public var comparable: Double? {
        let unit = unit.trimmingCharacters(in: .whitespaces)
        switch unit {
        case "": return value
        case "%": return value / 100
        case "ms": return value / 1000
        case "s": return value
        case "m": return value * 60
        case "h": return value * 3600
        case "d": return value * 86400
        case "/s": return value * 3600
        case "/m": return value * 60
        case "/h": return value
        case "/d": return value / 24
        default: return nil
        }
    }
}
