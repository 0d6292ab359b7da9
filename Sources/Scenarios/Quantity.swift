import Foundation

/// What a number in a scenario measures. Distributions are decoded for a kind, so the same
/// grammar serves handle and patience times (durations) and, later, dimensionless quantities
/// such as batch sizes or retrial counts.
public enum QuantityKind: String, Sendable, Hashable, CaseIterable {
    /// A time span written with a unit (`20s`, `4m`, `1.5h`); stored in seconds.
    case duration
    /// A plain number without unit.
    case number
}

/// Why a quantity could not be read; the message names the text and suggests a fix.
public struct QuantityError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The one place that knows the unit grammar of scenario files.
///
/// Internally every time is in seconds and every rate is per second; units exist only at the
/// edges (reading and messages). Units are required on times and rates because a bare `300`
/// is ambiguous (seconds? minutes?) and silently wrong by a factor of 60 when misread.
/// The single exception is `0`, which means the same in every unit.
///
/// Grammar (spaces between number and unit are allowed):
/// - number: `[+-]digits[.digits][e[+-]digits]` (also `.5`); no `inf`, `nan` or hex.
/// - duration: number followed by `ms`, `s`, `m`, `h`, `d` or `w` (week, 7 days): `250ms`, `20s`, `4m`, `1.5h`, `2d`, `6w`;
///   or several, largest unit first, each once: `1h30m`, `4m05s`, `2d12h`.
/// - rate: number `/` unit with unit `s`, `m`, `h` or `d`: `0.15/s`, `9/m`, `540/h`, `12000/d`.
/// - fraction: `80%` or `0.8`, within 0…1 (0%…100%).
public enum Quantity {
    /// Duration units and their length in seconds, shortest first.
    public static let durationUnits: [(symbol: String, seconds: Double)] = [
        ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400), ("w", 604_800),
    ]
    /// Time units allowed after `/` in a rate.
    public static let rateUnits: [(symbol: String, seconds: Double)] = [
        ("s", 1), ("m", 60), ("h", 3600), ("d", 86400),
    ]

    /// Parses a duration such as `1.5h`, in seconds, or a compound one such as `1h30m` or `4m05s`
    /// (the form every output writes durations in), its units from the largest to the smallest,
    /// each once. Signs are accepted here (on the first number, for the whole) so that range
    /// errors ("must be greater than 0, got -5m") come from the field's own check.
    public static func duration(_ text: String) throws(QuantityError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let (value, rest) = leadingNumber(trimmed) else {
            throw QuantityError("expected a duration such as '20s', '4m' or '1.5h', got '\(text)'")
        }
        let tail = rest.trimmingCharacters(in: .whitespaces)
        if tail.isEmpty {
            if value == 0 { return 0 }
            throw QuantityError("'\(trimmed)' has no unit; add a unit, e.g. '\(trimmed)s' or '\(trimmed)m'")
        }
        var (factor, after) = try durationUnit(tail, number: trimmed.dropLast(rest.count), in: trimmed)
        var seconds = value * factor
        // A compound duration: each further term is an unsigned number and a smaller unit.
        let sign: Double = trimmed.hasPrefix("-") ? -1 : 1
        var remaining = after.trimmingCharacters(in: .whitespaces)
        while !remaining.isEmpty {
            let larger = factor
            guard remaining.first != "+", remaining.first != "-", let (term, rest) = leadingNumber(remaining) else {
                throw QuantityError("unexpected '\(remaining)' in '\(trimmed)'; write a duration such as '90s', '4m30s' or '1h05m'")
            }
            let unitText = rest.trimmingCharacters(in: .whitespaces)
            let number = remaining.dropLast(rest.count)
            if unitText.isEmpty {
                throw QuantityError("'\(trimmed)' has no unit after \(number); add one, e.g. '\(trimmed)s'")
            }
            (factor, after) = try durationUnit(unitText, number: number, in: trimmed)
            guard factor < larger else {
                throw QuantityError("'\(trimmed)': write a compound duration's units from the largest to the smallest, each once, e.g. '1h30m' or '4m05s'")
            }
            seconds += sign * term * factor
            remaining = after.trimmingCharacters(in: .whitespaces)
        }
        // `-0s` is 0 (+ 0 turns −0 into +0, so nothing downstream sees or prints a negative zero).
        return try withinLimits(duration: seconds, written: trimmed) + 0
    }

    /// The duration unit that `text` starts with (the characters up to the next number or space)
    /// and its length in seconds, with what follows it; an error naming the unit otherwise.
    private static func durationUnit(_ text: String, number: Substring, in written: String) throws(QuantityError) -> (seconds: Double, after: String) {
        let end = text.firstIndex { ("0"..."9").contains($0) || $0 == "." || $0 == "+" || $0 == "-" || $0.isWhitespace } ?? text.endIndex
        let unit = String(text[..<end])
        guard !unit.isEmpty else {
            throw QuantityError("expected a duration such as '20s', '4m' or '1.5h', got '\(written)'")
        }
        guard let seconds = durationUnits.first(where: { $0.symbol == unit })?.seconds else {
            // Not a unit: name the whole unknown tail when nothing number-like follows (`5 minutes`).
            let named = end == text.endIndex ? text : unit
            let hint = unitSymbol(spelled: named).map { "did you mean '\(number)\($0)'? " } ?? ""
            throw QuantityError("unknown duration unit '\(named)' in '\(written)'; \(hint)use ms, s, m, h or d")
        }
        return (seconds, String(text[end...]))
    }

    /// The duration if it lies within `DomainLimits` (0, or 1ms … 100 years in magnitude).
    static func withinLimits(duration seconds: Double, written: String) throws(QuantityError) -> Double {
        let size = abs(seconds)
        if size > DomainLimits.longestDuration {
            throw QuantityError("'\(written)' is longer than \(DomainLimits.longestDurationText), the longest duration ccsim simulates")
        }
        if size > 0, size < DomainLimits.shortestDuration {
            throw QuantityError("'\(written)' is shorter than 1ms, the shortest duration ccsim resolves; write 0 for none")
        }
        return seconds
    }

    /// The unit symbol for a spelled-out unit (`min` → `m`, `seconds` → `s`), used only for hints:
    /// accepting several spellings would make files harder to read and grep.
    public static func unitSymbol(spelled word: String) -> String? {
        switch word.lowercased() {
        case "msec", "msecs", "millisecond", "milliseconds": "ms"
        case "sec", "secs", "second", "seconds": "s"
        case "min", "mins", "minute", "minutes": "m"
        case "hr", "hrs", "hour", "hours": "h"
        case "day", "days": "d"
        case "wk", "wks", "week", "weeks": "w"
        default: nil
        }
    }

    /// Parses a rate such as `540/h`, in events per second.
    public static func rate(_ text: String) throws(QuantityError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let (value, rest) = leadingNumber(trimmed) else {
            throw QuantityError("expected a rate such as '540/h' or '9/m', got '\(text)'")
        }
        let tail = rest.trimmingCharacters(in: .whitespaces)
        if tail.isEmpty {
            if value == 0 { return 0 }
            throw QuantityError("'\(trimmed)' has no time unit; add one, e.g. '\(trimmed)/h'")
        }
        guard tail.hasPrefix("/") else {
            throw QuantityError("expected a rate such as '540/h' or '9/m', got '\(text)'")
        }
        let unit = tail.dropFirst().trimmingCharacters(in: .whitespaces)
        guard let seconds = rateUnits.first(where: { $0.symbol == unit })?.seconds else {
            let hint = unitSymbol(spelled: unit).map { "did you mean '\(describe(number: value))/\($0)'? " } ?? ""
            throw QuantityError("unknown rate unit '/\(unit)' in '\(trimmed)'; \(hint)use /s, /m, /h or /d")
        }
        let perSecond = value / seconds + 0  // −0 (`-0/h`) is 0
        if abs(perSecond) > DomainLimits.highestRate {
            throw QuantityError("'\(trimmed)' is above \(DomainLimits.highestRateText), the highest arrival rate ccsim simulates")
        }
        if perSecond != 0, abs(perSecond) < DomainLimits.lowestRate {
            throw QuantityError("'\(trimmed)' is below one per \(DomainLimits.longestDurationText), the lowest non-zero rate; write 0 for none")
        }
        return perSecond
    }

    /// Parses a fraction written as a percentage (`80%`) or a proportion (`0.8`), within 0…1.
    public static func fraction(_ text: String) throws(QuantityError) -> Double {
        let value = try fractionValue(text)
        if value != 0, value < DomainLimits.smallestNumber {
            throw QuantityError("'\(text.trimmingCharacters(in: .whitespaces))' is closer to 0 than 0.0000001% (1e-9), the smallest non-zero share a scenario holds; write 0 for none")
        }
        return value
    }

    private static func fractionValue(_ text: String) throws(QuantityError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let (value, rest) = leadingNumber(trimmed) else {
            throw QuantityError("expected a percentage such as '80%' or a fraction such as '0.8', got '\(text)'")
        }
        let unit = rest.trimmingCharacters(in: .whitespaces)
        switch unit {
        case "%":
            guard (0...100).contains(value) else {
                throw QuantityError("must be between 0% and 100%, got '\(trimmed)'")
            }
            return value / 100
        case "":
            guard (0...1).contains(value) else {
                let hint = (1...100).contains(value) ? "; did you mean '\(trimmed)%'?" : ""
                throw QuantityError("must be between 0 and 1 (or 0% and 100%), got '\(trimmed)'\(hint)")
            }
            return value
        default:
            throw QuantityError("expected a percentage such as '80%' or a fraction such as '0.8', got '\(text)'")
        }
    }

    /// Parses a plain decimal number (no unit).
    public static func number(_ text: String) throws(QuantityError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let (value, rest) = leadingNumber(trimmed), rest.isEmpty else {
            if let (_, rest) = leadingNumber(trimmed),
               durationUnits.contains(where: { $0.symbol == rest.trimmingCharacters(in: .whitespaces) }) {
                throw QuantityError("expected a plain number without unit, got '\(text)'")
            }
            throw QuantityError("expected a number, got '\(text)'")
        }
        if abs(value) > DomainLimits.largestNumber {
            throw QuantityError("'\(trimmed)' is beyond 1e9 in size, the largest number a scenario holds")
        }
        if value != 0, abs(value) < DomainLimits.smallestNumber {
            throw QuantityError("'\(trimmed)' is closer to 0 than 1e-9, the smallest non-zero number a scenario holds; write 0 for none")
        }
        return value
    }

    /// Parses a quantity of the given kind: a duration in seconds or a plain number.
    public static func parse(_ text: String, as kind: QuantityKind) throws(QuantityError) -> Double {
        switch kind {
        case .duration: return try duration(text)
        case .number: return try number(text)
        }
    }

    /// Splits `text` into a leading decimal number (`[+-]digits[.digits][e[+-]digits]`) and the
    /// remaining characters; nil when it does not start with a number.
    public static func leadingNumber(_ text: String) -> (Double, Substring)? {
        let chars = Array(text.unicodeScalars)
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < chars.count && ("0"..."9").contains(chars[k]) }
        if i < chars.count, chars[i] == "+" || chars[i] == "-" { i += 1 }
        var digits = 0
        while isDigit(i) { i += 1; digits += 1 }
        if i < chars.count, chars[i] == ".", digits > 0 || isDigit(i + 1) {
            i += 1
            while isDigit(i) { i += 1; digits += 1 }
        }
        guard digits > 0 else { return nil }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            var j = i + 1
            if j < chars.count, chars[j] == "+" || chars[j] == "-" { j += 1 }
            if isDigit(j) {
                while isDigit(j) { j += 1 }
                i = j
            }
        }
        var numberText = String(String.UnicodeScalarView(chars[0..<i]))
        if numberText.hasPrefix("+") { numberText.removeFirst() }
        guard let value = Double(numberText), value.isFinite else { return nil }
        let rest = String(String.UnicodeScalarView(chars[i...]))
        return (value, Substring(rest))
    }

    // MARK: Formatting for messages

    /// A compact rendering of a number: integers without a fraction, others as Swift prints them.
    public static func describe(number value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// Renders seconds in the largest unit that gives a short number: 28800 → `8h`, 270 → `4.5m`.
    public static func describe(duration seconds: Double) -> String {
        guard seconds.isFinite else { return "\(seconds)s" }
        if seconds == 0 { return "0s" }
        if abs(seconds) < 1 {
            let ms = seconds * 1000
            return describe(number: isShort(ms) ? (ms * 100).rounded() / 100 : ms) + "ms"
        }
        for (symbol, length) in durationUnits.reversed() where length >= 1 && symbol != "w" {
            let scaled = seconds / length
            // Written as the short number it is (18m, not 18.000000000000004m).
            if abs(scaled) >= 1, isShort(scaled) { return describe(number: (scaled * 100).rounded() / 100) + symbol }
        }
        return describe(number: seconds) + "s"
    }

    /// Renders a rate per second in the unit that gives a short number: 0.15 → `540/h`.
    public static func describe(rate perSecond: Double) -> String {
        guard perSecond.isFinite, perSecond != 0 else { return describe(number: perSecond) + "/s" }
        for (symbol, length) in [("h", 3600.0), ("m", 60), ("s", 1), ("d", 86400)] {
            let scaled = perSecond * length
            if isShort(scaled) { return describe(number: (scaled * 100).rounded() / 100) + "/" + symbol }
        }
        return describe(number: perSecond * 3600) + "/h"
    }

    /// Renders a fraction as a percentage: 0.8 → `80%`.
    public static func describe(fraction: Double) -> String {
        describe(number: (fraction * 100 * 1e9).rounded() / 1e9) + "%"
    }

    /// True when `x` has at most two decimals (up to floating-point noise: a relative 1e-9, far
    /// above a few roundings' 1e-15 yet far below a real third decimal, even on 3640.0417 days).
    private static func isShort(_ x: Double) -> Bool {
        let hundredths = x * 100
        return abs(hundredths - hundredths.rounded()) < 1e-9 * max(1, abs(hundredths))
    }
}
