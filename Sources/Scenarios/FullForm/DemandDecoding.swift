import Foundation
import ResultsSchema

/// `channels.<name>.demand`: a constant `rate`, a daily volume (`per_day`) shaped by an
/// intraday `profile`, `day_of_week` factors and opening hours, or a dated `forecast` file; plus
/// `batches` of extra volume and dated `special_days` (with `calendar.closed`).
extension CenterDecoder {
    static let demandKeys = ["rate", "per_day", "forecast", "profile", "day_of_week", "open", "close", "busyness_cv", "batches", "special_days"]
    static let dailyOnlyKeys = ["profile", "day_of_week", "open", "close", "busyness_cv"]
    static let forecastExcludedKeys = ["profile", "day_of_week", "open", "close"]
    static let specialDayKeys = ["date", "open", "close", "closed", "factor"]
    static let batchKeys = ["day", "from", "to", "volume"]

    func decodeDemand(_ field: YAMLField) -> DemandSpec? {
        guard let m = field.mapping(allowed: Self.demandKeys) else { return nil }
        let batchesField = m.optional("batches")
        let batches = batchesField.flatMap(decodeBatches)

        let specialField = m.optional("special_days")
        let special = specialField.flatMap(decodeSpecialDays)
        let rateField = m.optional("rate"), perDayField = m.optional("per_day"), forecastField = m.optional("forecast")
        let pattern: DemandSpec.Pattern?
        if let forecastField {
            if let other = m.entries.first(where: { ["rate", "per_day"].contains($0.key) }) {
                field.log.add(joinPath(field.path, other.key), at: other.keyMark,
                              "give either forecast (a dated file) or \(other.key), not both")
                return nil
            }
            var ok = true
            for key in Self.forecastExcludedKeys {
                guard let entry = m.entries.first(where: { $0.key == key }) else { continue }
                ok = false
                field.log.add(joinPath(field.path, key), at: entry.keyMark,
                              "'\(key)' shapes a per_day volume; a forecast gives every interval's volume (use special_days for a day's hours)")
            }
            let cvField = m.optional("busyness_cv")
            let cv = cvField?.number(atMost: DomainLimits.maxCV, what: "coefficient of variation")
            let forecast = decodeForecast(forecastField)
            guard ok, cvField == nil || cv != nil, var forecast, specialField == nil || special != nil,
                  batchesField == nil || batches != nil else { return nil }
            forecast.busynessCV = cv
            return DemandSpec(pattern: .forecast(forecast), batches: batches ?? [], specialDays: mergedSpecialDays(special ?? [], at: field.path))
        }
        switch (rateField, perDayField) {
        case (_?, _?):
            let entry = m.entries.first { $0.key == "per_day" }
            field.log.add(joinPath(field.path, "per_day"), at: entry?.keyMark,
                          "give either rate (constant around the clock) or per_day (a daily volume with a profile), not both")
            pattern = nil
        case (let rateField?, nil):
            var ok = true
            for key in Self.dailyOnlyKeys {
                guard let entry = m.entries.first(where: { $0.key == key }) else { continue }
                ok = false
                field.log.add(joinPath(field.path, key), at: entry.keyMark,
                              "'\(key)' shapes a daily volume; use per_day instead of rate, or remove it")
            }
            let rate = rateField.rate()
            pattern = ok ? rate.map { .constant(ratePerSecond: $0) } : nil
        case (nil, let perDayField?):
            pattern = decodeDaily(m, perDay: perDayField).map { .daily($0) }
        case (nil, nil):
            if batchesField == nil {
                pattern = field.fail("demand needs 'rate' (constant, e.g. 100/h) or 'per_day' (a daily volume, e.g. 2400)")
            } else {
                pattern = .constant(ratePerSecond: 0)   // only the batches
            }
        }
        guard let pattern, batchesField == nil || batches != nil, specialField == nil || special != nil else { return nil }
        if case .constant = pattern, let entry = m.entries.first(where: { $0.key == "special_days" }) {
            field.log.add(joinPath(field.path, "special_days"), at: entry.keyMark,
                          "special days change a daily volume or a forecast; a constant rate has no opening hours")
            return nil
        }
        let specialDays: [SpecialDay]
        if case .constant = pattern { specialDays = [] } else { specialDays = mergedSpecialDays(special ?? [], at: field.path) }
        return DemandSpec(pattern: pattern, batches: batches ?? [], specialDays: specialDays)
    }

    /// The channel's own special days plus `calendar.closed` (a channel's own entry for a closed date wins).
    private func mergedSpecialDays(_ own: [SpecialDay], at path: String) -> [SpecialDay] {
        let ownDays = Set(own.map(\.day))
        return (own + closedDays.filter { !ownDays.contains($0.day) }).sorted { $0.day < $1.day }
    }

    /// `special_days: [{date: 2027-12-24, open: "08:00", close: "14:00", factor: 0.6}, {date: 2027-12-25, closed: true}]`.
    private func decodeSpecialDays(_ field: YAMLField) -> [SpecialDay]? {
        guard let items = field.list(expected: "a list such as [{date: 2027-12-24, open: '08:00', close: '14:00', factor: 0.6}]") else { return nil }
        var days: [SpecialDay] = []
        var seen: [Int: CivilDate] = [:]
        var ok = true
        for item in items {
            guard let m = item.mapping(allowed: Self.specialDayKeys) else { ok = false; continue }
            let dated = m.required("date").flatMap(runDay)
            let openField = m.optional("open"), closeField = m.optional("close")
            let open = openField?.clockTime(), close = closeField?.clockTime(allowMidnightEnd: true)
            let closedField = m.optional("closed")
            var closed = false
            if let closedField {
                if case .scalar(let scalar) = closedField.node, ["true", "false"].contains(scalar.string) {
                    closed = scalar.string == "true"
                } else { ok = false; _ = closedField.fail("expected true or false, got \(closedField.shown)") as Bool? }
            }
            let factorField = m.optional("factor")
            let factor = factorField?.number(atMost: DomainLimits.maxDayFactor, what: "day factor")
            if let factor, factor < 0 { ok = false; _ = factorField?.fail("must be 0 or more, got \(Quantity.describe(number: factor))") as Double? }
            if closed, let entry = m.entries.first(where: { ["open", "close", "factor"].contains($0.key) }) {
                ok = false
                item.log.add(joinPath(item.path, entry.key), at: entry.keyMark, "a closed day has no '\(entry.key)'; remove it or 'closed: true'")
            }
            if (openField == nil) != (closeField == nil) {
                ok = false
                _ = item.fail("give both open and close for the day's hours (or neither for the usual hours)") as Int?
            }
            if let open, let close, close <= open {
                ok = false
                _ = closeField?.fail("must be after open (\(ClockTime.describe(open))), got \(ClockTime.describe(close))") as Double?
            }
            guard let (date, day) = dated, openField == nil || open != nil, closeField == nil || close != nil,
                  factorField == nil || factor != nil else { ok = false; continue }
            if let first = seen[day] {
                ok = false
                _ = item.fail("\(first) is already listed") as Int?
                continue
            }
            seen[day] = date
            let hours: SpecialDay.Hours = closed ? .closed : (open.flatMap { o in close.map { .open(from: o, to: $0) } } ?? .usual)
            days.append(SpecialDay(date: date, day: day, hours: hours, factor: closed ? 0 : factor ?? 1))
        }
        return ok ? days : nil
    }

    /// `forecast: forecast.csv` (resolved against the scenario's directory): this channel's rows.
    private func decodeForecast(_ field: YAMLField) -> ForecastDemand? {
        var ignoreOutside = false
        let fileField: YAMLField
        if case .mapping = field.node {
            guard let m = field.mapping(allowed: ["file", "outside_run"], expected: "a forecast file, or {file: forecast.csv, outside_run: ignore}"),
                  let file = m.required("file") else { return nil }
            if let outside = m.optional("outside_run") {
                guard let choice = outside.choice(["error", "ignore"]) else { return nil }
                ignoreOutside = choice == "ignore"
            }
            fileField = file
        } else {
            fileField = field
        }
        guard let name = fileField.scalarText(expected: "a forecast file such as forecast.csv") else { return nil }
        guard let startDate else {
            return field.fail("a forecast is dated: set calendar.start to the run's first date (e.g. calendar: {start: 2027-01-04})")
        }
        guard let days = runDays else { return nil }
        let channel = field.path.split(separator: ".").dropFirst().first.map(String.init) ?? ""
        let path = name.hasPrefix("/") ? name : (baseDirectory as NSString).appendingPathComponent(name)
        let display = name.hasPrefix("/") || baseDirectory == "." ? name : path
        let table: ForecastCSV.Table?
        let key = ignoreOutside ? path + "\u{0}ignore" : path
        if let cached = forecastFiles[key] {
            table = cached
        } else {
            switch ForecastCSV.read(path: path, displayName: display, calendar: (startDate, days), channels: channelNames.names,
                                    tiers: tierNames.names, ignoreOutside: ignoreOutside) {
            case .success(let read): table = read
            case .failure(let error):
                table = nil
                if error.issues.count == 1, error.line == nil {
                    field.log.add(field.path, at: field.mark, "\(display): \(error.message)")
                } else {
                    error.issues.forEach(field.log.add)
                }
            }
            forecastFiles[key] = table
        }
        forecastReaders[path, default: (display, [])].channels.append(channel)
        guard let table else { return nil }
        let rows = table.hasChannelColumn ? table.channels[channel] : table.channels[""]
        guard let rows else {
            return field.fail("\(display) has no rows for channel '\(channel)' (its channel column names \(table.channels.keys.sorted().joined(separator: ", ")))")
        }
        return ForecastDemand(file: display, interval: rows.interval, volumes: rows.volumes, handleTimes: rows.handleTimes, tierShares: rows.tierShares)
    }

    /// A forecast file without a channel column read by several channels, or naming a channel that
    /// does not read it, is almost certainly a mistake.
    func checkForecastChannels() {
        func table(_ path: String) -> ForecastCSV.Table? { (forecastFiles[path] ?? nil) ?? (forecastFiles[path + "\u{0}ignore"] ?? nil) }
        // A channel whose own forecast could not be read (a mistyped path) is not also told that it reads no file.
        let unread = Set(forecastReaders.filter { table($0.key) == nil }.flatMap(\.value.channels))
        for (path, readers) in forecastReaders.sorted(by: { $0.key < $1.key }) {
            guard let table = table(path) else { continue }
            if !table.hasChannelColumn, readers.channels.count > 1 {
                log.add(ScenarioIssue(file: readers.file, line: 1, path: "channel",
                                      message: "read by \(readers.channels.joined(separator: " and ")), but has no channel column to tell their rows apart"))
            }
            if table.hasChannelColumn {
                for name in table.channels.keys.sorted() where !readers.channels.contains(name) && !unread.contains(name) {
                    log.add(ScenarioIssue(file: readers.file, line: table.firstLines[name], path: "channel",
                                          message: "has rows for channel '\(name)', whose demand does not read this file (add demand: {forecast: \(readers.file)} to channels.\(name), or remove the rows)"))
                }
            }
        }
    }

    private func decodeDaily(_ m: YAMLMapping, perDay perDayField: YAMLField) -> DailyDemand? {
        let path = m.field.path
        let volume = perDayField.number(atMost: DomainLimits.maxDailyVolume, what: "daily volume (the highest rate, \(DomainLimits.highestRateText), around the clock)")

        let openField = m.optional("open"), closeField = m.optional("close")
        let open = openField?.clockTime(), close = closeField?.clockTime(allowMidnightEnd: true)

        var factors = [Double](repeating: 1, count: 7)
        var factorsOK = true
        if let dayField = m.optional("day_of_week"), let days = dayField.mapping(allowed: Weekday.spellings) {
            var seen: [Weekday: String] = [:]
            for entry in days.entries {
                let day = Weekday(name: entry.key)!
                guard let value = days.optional(entry.key)?.number(atMost: DomainLimits.maxDayFactor, what: "day-of-week factor") else { factorsOK = false; continue }
                if let first = seen[day] {
                    dayField.log.add(joinPath(dayField.path, entry.key), at: entry.keyMark, "\(day.fullName) is already given as '\(first)'")
                    factorsOK = false
                    continue
                }
                seen[day] = entry.key
                factors[day.rawValue] = value
                alias(joinPath(path, "day_of_week.\(day.shortName)"), as: joinPath(path, "day_of_week.\(entry.key)"))
            }
        } else if m.optional("day_of_week") != nil {
            factorsOK = false
        }

        let cvField = m.optional("busyness_cv")
        let cv = cvField?.number(atMost: DomainLimits.maxCV, what: "coefficient of variation")

        // Generated profiles are restricted to opening hours, so that per_day all falls inside them.
        let openSeconds = open ?? 0, closeSeconds = close ?? 86_400
        let profileField = m.optional("profile")
        var weekdayProfiles: [[Double]]?
        var weekdayOK = true
        let isWeekdayForm = profileField.map(Self.isWeekdayProfile) ?? false
        if let profileField, isWeekdayForm {
            weekdayProfiles = decodeWeekdayProfiles(profileField, open: openSeconds, close: closeSeconds)
            weekdayOK = weekdayProfiles != nil
        }
        let profile: [Double]? = isWeekdayForm ? weekdayProfiles?.first : profileField.map { decodeProfile($0, open: openSeconds, close: closeSeconds) }
            ?? run.flatMap { run in
                Self.dividesDay(run.interval)
                    ? DayProfile.restrict(DayProfile.expand(hourly: DayProfile.hourly(shape: "flat")!, interval: run.interval),
                                          interval: run.interval, open: openSeconds, close: closeSeconds)
                    : []
            }

        guard let volume, openField == nil || open != nil, closeField == nil || close != nil, factorsOK,
              cvField == nil || cv != nil, weekdayOK, let profile else { return nil }
        var daily = DailyDemand(volumePerDay: volume, profile: profile, dayFactors: factors, open: openSeconds,
                                close: closeSeconds, busynessCV: cv)
        daily.weekdayProfiles = weekdayProfiles
        return daily
    }

    /// `profile: {mon: …, sat: …}`: keyed by weekdays, groups (`weekdays`, `weekend`) or `default`.
    static func isWeekdayProfile(_ field: YAMLField) -> Bool {
        guard case .mapping(let mapping) = field.node else { return false }
        let keys = mapping.compactMap { $0.key.string }
        let groups = Weekday.groups.map(\.name)
        return keys.contains { key in Weekday(name: key) != nil || groups.contains(key) || key == "default" }
    }

    /// One profile per weekday (each in any `profile` form); days not listed take `default`.
    private func decodeWeekdayProfiles(_ field: YAMLField, open: Double, close: Double) -> [[Double]]? {
        let allowed = Weekday.spellings + Weekday.groups.map(\.name) + ["default"]
        guard let m = field.mapping(allowed: allowed, expected: "profiles by weekday such as {weekdays: business_day, sat: flat, sun: flat}") else { return nil }
        var byDay = [[Double]?](repeating: nil, count: 7)
        var fallback: [Double]?
        var ok = true
        for entry in m.entries {
            guard let child = m.optional(entry.key) else { continue }
            guard let profile = decodeProfile(child, open: open, close: close) else { ok = false; continue }
            if entry.key == "default" { fallback = profile; continue }
            let days: Set<Weekday> = Weekday(name: entry.key).map { [$0] } ?? Weekday.groups.first { $0.name == entry.key }!.days
            for day in days.sorted() {
                if byDay[day.rawValue] != nil {
                    ok = false
                    field.log.add(child.path, at: entry.keyMark, "\(day.fullName) already has a profile")
                }
                byDay[day.rawValue] = profile
            }
        }
        guard ok else { return nil }
        let missing = Weekday.allCases.filter { byDay[$0.rawValue] == nil && fallback == nil }
        guard missing.isEmpty else {
            return field.fail("has no profile for \(Weekday.describe(Set(missing))); add them or a 'default' profile")
        }
        return byDay.map { $0 ?? fallback! }
    }

    static func dividesDay(_ interval: Double) -> Bool {
        guard interval.isFinite, interval > 0 else { return false }
        let count = 86_400 / interval
        return abs(count - count.rounded()) < 1e-9 && count >= 1
    }

    /// `profile`: a list of weights per interval, a shape name (`business_day` or
    /// `{shape: business_day}`), or `{hourly: [24 weights]}`; nil after reporting.
    /// Shapes and hourly weights are expanded to the reporting interval and restricted to opening hours.
    private func decodeProfile(_ field: YAMLField, open: Double, close: Double) -> [Double]? {
        let shapes = DayProfile.shapeNames.joined(separator: ", ")
        func weights(_ list: YAMLField, expected count: Int?) -> [Double]? {
            guard let items = list.list(expected: "a list of weights") else { return nil }
            if let count, items.count != count {
                return list.fail("needs \(count) weights, one per hour from 00:00, got \(items.count)")
            }
            var values: [Double] = []
            var ok = true
            for item in items {
                guard let w = item.number() else { ok = false; continue }
                if !(w >= 0) { item.log.add(item.path, at: item.mark, "weights must be 0 or more, got \(Quantity.describe(number: w))"); ok = false }
                values.append(w)
            }
            return ok ? values : nil
        }
        func generated(_ hourly: [Double]) -> [Double]? {
            guard let run else { return nil }
            guard Self.dividesDay(run.interval) else { return [] }   // reported at run.interval
            return DayProfile.restrict(DayProfile.expand(hourly: hourly, interval: run.interval),
                                       interval: run.interval, open: open, close: close)
        }
        func shape(_ nameField: YAMLField) -> [Double]? {
            guard let name = nameField.scalarText(expected: "a profile shape (\(shapes))") else { return nil }
            guard let hourly = DayProfile.hourly(shape: name) else {
                if let guess = EditDistance.suggestion(for: name, among: DayProfile.shapeNames) {
                    return nameField.fail("unknown profile shape '\(name)'; did you mean '\(guess)'? (shapes: \(shapes))")
                }
                return nameField.fail("unknown profile shape '\(name)'; the shapes are: \(shapes)")
            }
            return generated(hourly)
        }

        switch field.node {
        case .sequence:
            return weights(field, expected: nil)
        case .scalar:
            return shape(field)
        default:
            guard let m = field.mapping(allowed: ["shape", "hourly"],
                                        expected: "a list of weights per interval, a shape (\(shapes)) or {hourly: [24 weights]}") else { return nil }
            if m.contains("shape"), m.contains("hourly") {
                return field.fail("give either 'shape' or 'hourly', not both")
            }
            if let hourly = m.optional("hourly") { return weights(hourly, expected: 24).flatMap(generated) }
            return m.required("shape").flatMap(shape)
        }
    }

    /// `batches: [{day: 2, from: "10:00", to: "12:00", volume: 300}]`; day 0 is the first day of the run.
    private func decodeBatches(_ field: YAMLField) -> [ArrivalBatch]? {
        guard let items = field.list(expected: "a list of batches such as [{day: 2, from: '10:00', to: '12:00', volume: 300}]") else { return nil }
        let batches = items.map { item -> ArrivalBatch? in
            guard let m = item.mapping(allowed: Self.batchKeys) else { return nil }
            let dayField = m.required("day")
            var day = dayField?.integer()
            if let d = day, d < 0 { day = nil; _ = dayField?.fail("must be 0 or more (day 0 is the first day of the run), got \(d)") as Int? }
            let from = m.required("from")?.clockTime()
            let to = m.required("to")?.clockTime(allowMidnightEnd: true)
            let volume = m.required("volume")?.number()
            guard let day, let from, let to, let volume else { return nil }
            let base = Double(day) * 86_400
            return ArrivalBatch(start: base + from, end: base + to, volume: volume)
        }
        guard batches.allSatisfy({ $0 != nil }) else { return nil }
        return batches.map { $0! }
    }
}
