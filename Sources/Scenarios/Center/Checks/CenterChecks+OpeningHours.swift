/// Shifts against the hours and days the team's channels are open.
///
/// A shift must meet the opening hours of at least one live channel the team serves, or
/// the team must serve a channel that can be worked at any time: an email backlog, or a channel
/// with constant (around-the-clock) demand. Likewise every day of a shift must be a day on which
/// one of those channels has demand (a day-of-week factor above 0). Agents paid to sit in a
/// closed center are almost always a typo in a start time or a day list. A shift that starts
/// before opening or ends after closing (log-in, preparation, back-office) is allowed, with a note.
extension CenterChecks {
    func openingHoursProblems() -> [FieldProblem] {
        var notes: [FieldProblem]? = nil
        return openingHours(notes: &notes)
    }

    /// Shifts partly outside the opening hours: allowed, but worth a line when the scenario is run.
    func openingHoursNotes() -> [FieldProblem] {
        var notes: [FieldProblem]? = []
        _ = openingHours(notes: &notes)
        return notes ?? []
    }

    private func openingHours(notes: inout [FieldProblem]?) -> [FieldProblem] {
        var found: [FieldProblem] = []
        for (m, team) in teams.enumerated() {
            guard let team else { continue }
            let served = Array(Set(team.skills.map(\.channel))).sorted()
            guard !served.isEmpty, served.allSatisfy({ channel($0) != nil }) else { continue }
            // Channels with opening hours; if any served channel is always workable, nothing to check.
            var hours: [(name: String, daily: DailyDemand)] = []
            var alwaysWorkable = false
            for c in served {
                let spec = channel(c)!
                if spec.kind == .email { alwaysWorkable = true; continue }
                switch spec.demand.pattern {
                case .constant: alwaysWorkable = true
                case .forecast: alwaysWorkable = true   // hours come from the dated rows
                case .daily(let daily): hours.append((channelName(c), daily))
                }
            }
            guard !alwaysWorkable, !hours.isEmpty else { continue }

            for (i, shift) in team.shifts.enumerated() {
                guard shift.start.isFinite, shift.length.isFinitePositive else { continue }
                let h = joinPath(teamPath(m), "shifts[\(i)]")
                let end = shift.start + shift.length
                let open = hours.map { "\($0.name) \(ClockTime.describe($0.daily.open))–\(ClockTime.describe($0.daily.close))" }
                    .joined(separator: ", ")
                let within = hours.contains { $0.daily.open <= shift.start + 1e-9 && end <= $0.daily.close + 1e-9 }
                // A shift crossing midnight may meet the next day's opening hours too.
                let overlaps = hours.contains { h in
                    [0.0, 86_400].contains { shiftBy in shift.start < h.daily.close + shiftBy - 1e-9 && h.daily.open + shiftBy < end - 1e-9 }
                }
                if !overlaps {
                    found.append(.init(joinPath(h, "start"),
                                       "the shift \(ClockTime.describe(shift.start))–\(ClockTime.describe(end)) is entirely outside the opening hours of every channel the team serves (\(open)); start before closing and end after opening"))
                } else if !within {
                    // Log-in, preparation and back-office time before opening (or after closing) is
                    // ordinary in a real rota: paid, on duty, with no contact to take.
                    notes?.append(.init(h, "the shift \(ClockTime.describe(shift.start))–\(ClockTime.describe(end)) starts before opening or ends after closing (\(open)); its agents are paid and idle outside the opening hours"))
                }
                let closedDays = shift.days.filter { day in
                    hours.allSatisfy { $0.daily.dayFactors.count == 7 && $0.daily.dayFactors[day.rawValue] <= 0 }
                }
                if !closedDays.isEmpty {
                    found.append(.init(joinPath(h, "days"),
                                       "works on \(Weekday.describe(closedDays)), when every channel the team serves is closed (day_of_week factor 0)"))
                }
            }
        }
        return found
    }
}
