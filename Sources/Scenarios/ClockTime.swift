/// Times of day written `HH:MM` (`08:00`, `8:30`, `24:00`), stored as seconds after midnight.
///
/// Opening hours, shift starts and batch windows are clock times rather than durations, so a
/// planner writes what the rota says; `8h` where a clock time belongs is rejected with a hint.
public enum ClockTime {
    /// Parses `H:MM` or `HH:MM`, 00:00 … 24:00 (24:00 only when `allowMidnightEnd`).
    public static func parse(_ text: String, allowMidnightEnd: Bool = false) throws(QuantityError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
        func digits(_ s: Substring) -> Bool { !s.isEmpty && s.allSatisfy { ("0"..."9").contains($0) } }
        guard parts.count == 2, digits(parts[0]), parts[0].count <= 2, digits(parts[1]), parts[1].count == 2,
              let hours = Int(parts[0]), let minutes = Int(parts[1]) else {
            if let seconds = try? Quantity.duration(trimmed) {
                // `8h30m` for half past eight: name the clock time it would be, when there is one.
                let meant = seconds >= 0 && seconds < 86_400 && seconds.truncatingRemainder(dividingBy: 60) == 0
                    ? " ('\(describe(seconds))' for \(trimmed) after midnight)" : ""
                throw QuantityError("expected a clock time such as '08:00', got '\(trimmed)'; clock times are written HH:MM\(meant)")
            }
            throw QuantityError("expected a clock time such as '08:00' or '17:30', got '\(trimmed)'")
        }
        guard minutes < 60, hours < 24 || (hours == 24 && minutes == 0) else {
            throw QuantityError("'\(trimmed)' is not a time of day (00:00 to \(allowMidnightEnd ? "24:00" : "23:59"))")
        }
        if hours == 24 && !allowMidnightEnd {
            throw QuantityError("'\(trimmed)' is the end of the day; a start must be 00:00 to 23:59")
        }
        return Double(hours * 3600 + minutes * 60)
    }

    /// `HH:MM` for seconds after midnight; times past midnight are shown on the next day's clock
    /// (`+1d 02:00`), seconds are rounded to the minute.
    public static func describe(_ seconds: Double) -> String {
        // Beyond 10^6 days a clock time means nothing: shown as a duration (and never trapping).
        guard seconds.isFinite, abs(seconds) < 1e6 * 86_400,
              let minutesTotal = Int(checked: seconds / 60, rounding: .toNearestOrAwayFromZero) else {
            return Quantity.describe(duration: seconds)
        }
        if minutesTotal == 24 * 60 { return "24:00" }
        let days = minutesTotal >= 0 ? minutesTotal / (24 * 60) : (minutesTotal - 24 * 60 + 1) / (24 * 60)
        let inDay = minutesTotal - days * 24 * 60
        let clock = (inDay / 60 < 10 ? "0" : "") + "\(inDay / 60):" + (inDay % 60 < 10 ? "0" : "") + "\(inDay % 60)"
        return days == 0 ? clock : "+\(days)d \(clock)"
    }
}
