import ArgumentParser
import Experiments
import Scenarios

/// Command-line values written as in scenario files: `5m`, `540/h`, `80%`.
///
/// Options read them with `transform: DurationArgument.parse` (not `init?(argument:)`) so that a
/// bad value says why, with the scenario files' words and `DomainLimits`:
/// `The value '1e19s' is invalid for '--aht <duration>': '1e19s' is longer than 100 years, …`.
/// A value read by `parse`, which says why a bad one is refused; `init?(argument:)` (what
/// ArgumentParser calls without a `transform`) is the same parse with the reason dropped.
protocol QuantityArgument: ExpressibleByArgument {
    static func parse(_ text: String) throws -> Self
}

extension QuantityArgument {
    init?(argument: String) {
        guard let parsed = try? Self.parse(argument) else { return nil }
        self = parsed
    }
}

struct DurationArgument: QuantityArgument, CustomStringConvertible {
    let seconds: Double
    private init(seconds: Double) { self.seconds = seconds }

    /// A positive duration, or the reason it is not one.
    static func parse(_ text: String) throws -> DurationArgument {
        let value = try Quantity.duration(text)
        guard value > 0 else { throw QuantityError("must be longer than 0, got '\(text)'") }
        return DurationArgument(seconds: value)
    }
    static var defaultCompletionKind: CompletionKind { .default }
    /// Shown as a default in help: `30m`, not the struct.
    var defaultValueDescription: String { Formatting.duration(seconds) }
    var description: String { Formatting.duration(seconds) }
}

struct RateArgument: QuantityArgument {
    let perSecond: Double
    private init(perSecond: Double) { self.perSecond = perSecond }

    /// A positive rate, or the reason it is not one.
    static func parse(_ text: String) throws -> RateArgument {
        let value = try Quantity.rate(text)
        guard value > 0 else { throw QuantityError("must be above 0, got '\(text)'") }
        return RateArgument(perSecond: value)
    }
}

struct FractionArgument: QuantityArgument {
    let value: Double
    private init(value: Double) { self.value = value }

    /// A share strictly between 0 and 1 (0% and 100%), or the reason it is not one.
    static func parse(_ text: String) throws -> FractionArgument {
        let value = try Quantity.fraction(text)
        guard value > 0, value < 1 else { throw QuantityError("must be above 0% and below 100%, got '\(text)'") }
        return FractionArgument(value: value)
    }
}

/// A service-level target as planners write it: a share (`80%`, `0.8`), or the share and its
/// threshold at once, `80/20` (80% within 20 seconds: the industry's shorthand, numbers bare),
/// `80%/20s` or `80% in 20s`.
struct ServiceLevelArgument: QuantityArgument {
    let share: Double
    /// The threshold when written with the share, in seconds.
    let within: Double?

    static func parse(_ text: String) throws -> ServiceLevelArgument {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts: [String]
        if let slash = trimmed.firstIndex(of: "/") {
            parts = [String(trimmed[..<slash]), String(trimmed[trimmed.index(after: slash)...])]
        } else if let range = trimmed.range(of: " within ") ?? trimmed.range(of: " in ") {
            parts = [String(trimmed[..<range.lowerBound]), String(trimmed[range.upperBound...])]
        } else {
            return ServiceLevelArgument(share: try FractionArgument.parse(trimmed).value, within: nil)
        }
        let (shareText, withinText) = (parts[0].trimmingCharacters(in: .whitespaces), parts[1].trimmingCharacters(in: .whitespaces))
        // In the shorthand both numbers may be bare: 80/20 is 80% within 20 s.
        let share: Double
        if let bare = Double(shareText), bare > 1 {
            guard bare < 100 else { throw QuantityError("the share must be above 0% and below 100%, got '\(shareText)' in '\(trimmed)'") }
            share = bare / 100
        } else {
            share = try FractionArgument.parse(shareText).value
        }
        let within = try DurationArgument.parse(Double(withinText) == nil ? withinText : withinText + "s").seconds
        return ServiceLevelArgument(share: share, within: within)
    }
}
