/// Rules of a channel's demand: rates and volumes, the intraday profile against the reporting
/// interval and the opening hours, day-of-week factors, and batches inside the run.
extension CenterChecks {
    func demandProblems(_ demand: DemandSpec, at d: String) -> [FieldProblem] {
        var found: [FieldProblem] = []
        switch demand.pattern {
        case .constant(let rate):
            if !rate.isFiniteNonNegative {
                found.append(.init(joinPath(d, "rate"), "must be 0 or more, got \(Quantity.describe(rate: rate))"))
            }
        case .daily(let daily):
            found += dailyProblems(daily, at: d)
        case .forecast(let forecast):
            found += forecastProblems(forecast, at: d)
        }
        found += specialDayProblems(demand.specialDays, at: d)

        let runEnd = run.map { $0.warmup + $0.horizon }
        for (i, batch) in demand.batches.enumerated() {
            let b = joinPath(d, "batches[\(i)]")
            if !batch.start.isFiniteNonNegative {
                found.append(.init(joinPath(b, "from"), "must be at or after the start of the run, got \(Quantity.describe(duration: batch.start))"))
            } else if let runEnd, runEnd.isFinite, batch.start >= runEnd {
                found.append(.init(joinPath(b, "day"),
                                   "starts on day \(Int(clampedFrom: batch.start / Self.day)) at \(ClockTime.describe(batch.start.truncatingRemainder(dividingBy: Self.day))), after the run ends (\(Quantity.describe(duration: runEnd)) = warmup + horizon); days count from 0"))
            }
            if !(batch.end.isFinite && batch.end > batch.start) {
                found.append(.init(joinPath(b, "to"), "must be after 'from'"))
            }
            if !batch.volume.isFinitePositive {
                found.append(.init(joinPath(b, "volume"), "must be greater than 0, got \(Quantity.describe(number: batch.volume))"))
            }
        }
        return found
    }

    private func dailyProblems(_ daily: DailyDemand, at d: String) -> [FieldProblem] {
        var found: [FieldProblem] = []
        if !daily.volumePerDay.isFiniteNonNegative {
            found.append(.init(joinPath(d, "per_day"), "must be 0 or more, got \(Quantity.describe(number: daily.volumePerDay))"))
        }
        if daily.dayFactors.count != 7 {
            found.append(.init(joinPath(d, "day_of_week"), "needs 7 factors, Monday first, got \(daily.dayFactors.count)"))
        } else {
            for (i, factor) in daily.dayFactors.enumerated() where !factor.isFiniteNonNegative {
                found.append(.init(joinPath(d, "day_of_week.\(Weekday.allCases[i].shortName)"), "must be 0 or more, got \(Quantity.describe(number: factor))"))
            }
        }
        if let cv = daily.busynessCV, !cv.isFinitePositive {
            found.append(.init(joinPath(d, "busyness_cv"), "must be greater than 0 (leave it out for no day-to-day variation), got \(Quantity.describe(number: cv))"))
        }

        var hoursOK = true
        if !(daily.open.isFinite && daily.open >= 0 && daily.open < Self.day) {
            hoursOK = false
            found.append(.init(joinPath(d, "open"), "must be a time of day from 00:00 to 23:59, got \(ClockTime.describe(daily.open))"))
        }
        if !(daily.close.isFinite && daily.close > 0 && daily.close <= Self.day) {
            hoursOK = false
            found.append(.init(joinPath(d, "close"), "must be a time of day from 00:01 to 24:00, got \(ClockTime.describe(daily.close))"))
        } else if hoursOK, daily.close <= daily.open {
            hoursOK = false
            found.append(.init(joinPath(d, "close"), "must be after open (\(ClockTime.describe(daily.open))), got \(ClockTime.describe(daily.close)); opening hours cannot cross midnight"))
        }

        // The profile has one weight per reporting interval of the day; skipped when the interval
        // is unknown or does not divide the day (reported once, at run.interval).
        guard let interval = dailyInterval else { return found }
        if let weekdayProfiles = daily.weekdayProfiles {
            guard weekdayProfiles.count == 7 else {
                return found + [.init(joinPath(d, "profile"), "needs 7 profiles, Monday first, got \(weekdayProfiles.count)")]
            }
            var seen: [[Double]] = []
            for (i, profile) in weekdayProfiles.enumerated() where !seen.contains(profile) {
                seen.append(profile)
                found += profileProblems(profile, daily, hoursOK: hoursOK, interval: interval,
                                         at: joinPath(d, "profile.\(Weekday.allCases[i].shortName)"), d: d)
            }
            return found
        }
        return found + profileProblems(daily.profile, daily, hoursOK: hoursOK, interval: interval, at: joinPath(d, "profile"), d: d)
    }

    private func profileProblems(_ profile: [Double], _ daily: DailyDemand, hoursOK hoursKnown: Bool, interval: Double,
                                 at profilePath: String, d: String) -> [FieldProblem] {
        var found: [FieldProblem] = []
        var hoursOK = hoursKnown
        let expected = Int(clampedFrom: Self.day / interval, rounding: .toNearestOrAwayFromZero)
        guard profile.count == expected else {
            found.append(.init(profilePath,
                               "has \(profile.count) weights, but a day has \(expected) intervals of \(Quantity.describe(duration: interval)) (run.interval); give one weight per interval, or use {hourly: [24 weights]} or a named shape"))
            return found
        }
        var weightsOK = true
        for (i, w) in profile.enumerated() where !w.isFiniteNonNegative {
            weightsOK = false
            found.append(.init("\(profilePath)[\(i)]", "weights must be 0 or more, got \(Quantity.describe(number: w))"))
        }
        if hoursOK {
            for (key, time) in [("open", daily.open), ("close", daily.close)] {
                let steps = time / interval
                if abs(steps - steps.rounded()) > 1e-9 {
                    hoursOK = false
                    found.append(.init(joinPath(d, key),
                                       "must fall on a reporting-interval boundary (run.interval is \(Quantity.describe(duration: interval))), got \(ClockTime.describe(time))"))
                }
            }
        }
        guard weightsOK, hoursOK else { return found }
        var openWeight = 0.0
        for (i, w) in profile.enumerated() {
            let a = Double(i) * interval
            let isOpen = a + 1e-9 >= daily.open && a + interval <= daily.close + 1e-9
            if isOpen {
                openWeight += w
            } else if w > 0 {
                found.append(.init("\(profilePath)[\(i)]",
                                   "is \(Quantity.describe(number: w)) for \(ClockTime.describe(a))–\(ClockTime.describe(a + interval)), but the channel is closed then (open \(ClockTime.describe(daily.open))–\(ClockTime.describe(daily.close))); set it to 0 or widen the opening hours"))
            }
        }
        if openWeight <= 0 {
            found.append(.init(profilePath, "has no weight during opening hours (\(ClockTime.describe(daily.open))–\(ClockTime.describe(daily.close))), so per_day cannot be spread over the day"))
        }
        return found
    }

    /// A forecast's intervals tile the day and its volumes and AHTs are finite (the reader has
    /// checked them; this guards scenarios built in code).
    private func forecastProblems(_ forecast: ForecastDemand, at d: String) -> [FieldProblem] {
        var found: [FieldProblem] = []
        let path = joinPath(d, "forecast")
        let perDay = Self.day / forecast.interval
        if !(forecast.interval >= DomainLimits.shortestPeriod && abs(perDay - perDay.rounded()) < 1e-9) {
            found.append(.init(path, "the forecast interval \(Quantity.describe(duration: forecast.interval)) does not tile the day"))
        } else if forecast.volumes.count % Int(perDay.rounded()) != 0 {
            found.append(.init(path, "has \(forecast.volumes.count) volumes, not a whole number of days of \(Int(perDay.rounded())) intervals"))
        }
        if let bad = forecast.volumes.first(where: { !($0.isFinite && $0 >= 0 && $0 / forecast.interval <= DomainLimits.highestRate) }) {
            found.append(.init(path, "volumes must be 0 or more and at most \(DomainLimits.highestRateText), got \(Quantity.describe(number: bad))"))
        }
        if let handleTimes = forecast.handleTimes {
            if handleTimes.count != forecast.volumes.count {
                found.append(.init(path, "has \(handleTimes.count) AHTs for \(forecast.volumes.count) volumes"))
            }
            if let bad = handleTimes.compactMap({ $0 }).first(where: { !($0 >= DomainLimits.shortestDuration && $0 <= DomainLimits.longestDuration) }) {
                found.append(.init(path, "AHTs must lie within 1ms … \(DomainLimits.longestDurationText), got \(Quantity.describe(duration: bad))"))
            }
        }
        if let tierShares = forecast.tierShares {
            if tierShares.count != forecast.volumes.count {
                found.append(.init(path, "has \(tierShares.count) tier mixes for \(forecast.volumes.count) volumes"))
            }
            if let bad = tierShares.compactMap({ $0 }).first(where: { mix in
                mix.count != tiers.count || !mix.allSatisfy(\.isFraction) || abs(mix.reduce(0, +) - 1) > 1e-6
            }) {
                found.append(.init(path, "every tier mix needs one share in [0, 1] per tier (\(tiers.count)) adding up to 1, got \(bad.map { Quantity.describe(number: $0) }.joined(separator: ", "))"))
            }
        }
        if let cv = forecast.busynessCV, !cv.isFinitePositive {
            found.append(.init(joinPath(d, "busyness_cv"), "must be greater than 0 (leave it out for no day-to-day variation), got \(Quantity.describe(number: cv))"))
        }
        return found
    }

    /// Special days lie in the run, at most one per day, with hours inside the day and a factor ≥ 0.
    private func specialDayProblems(_ days: [SpecialDay], at d: String) -> [FieldProblem] {
        var found: [FieldProblem] = []
        let runDays = run.map { Int(clampedFrom: (($0.warmup + $0.horizon) / Self.day).rounded(.up)) }
        var seen: Set<Int> = []
        for (i, day) in days.enumerated() {
            let p = joinPath(d, "special_days[\(i)]")
            if day.day < 0 || (runDays.map { day.day >= $0 } ?? false) {
                found.append(.init(joinPath(p, "date"), "\(day.date) is outside the run"))
            }
            if !seen.insert(day.day).inserted {
                found.append(.init(joinPath(p, "date"), "\(day.date) is listed twice"))
            }
            if !(day.factor.isFiniteNonNegative && day.factor <= DomainLimits.maxDayFactor) {
                found.append(.init(joinPath(p, "factor"), "must be 0 to \(Quantity.describe(number: DomainLimits.maxDayFactor)), got \(Quantity.describe(number: day.factor))"))
            }
            if case let .open(from, to) = day.hours, !(from >= 0 && to <= Self.day && from < to) {
                found.append(.init(joinPath(p, "close"), "opening hours must lie within the day, open before close"))
            }
        }
        return found
    }
}
