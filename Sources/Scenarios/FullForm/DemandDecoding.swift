/// `channels.<name>.demand`: a constant `rate`, or a daily volume (`per_day`) shaped by an
/// intraday `profile`, `day_of_week` factors and opening hours; plus `batches` of extra volume.
extension CenterDecoder {
    static let demandKeys = ["rate", "per_day", "profile", "day_of_week", "open", "close", "busyness_cv", "batches"]
    static let dailyOnlyKeys = ["profile", "day_of_week", "open", "close", "busyness_cv"]
    static let batchKeys = ["day", "from", "to", "volume"]

    func decodeDemand(_ field: YAMLField) -> DemandSpec? {
        guard let m = field.mapping(allowed: Self.demandKeys) else { return nil }
        let batchesField = m.optional("batches")
        let batches = batchesField.flatMap(decodeBatches)

        let rateField = m.optional("rate"), perDayField = m.optional("per_day")
        let pattern: DemandSpec.Pattern?
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
        guard let pattern, batchesField == nil || batches != nil else { return nil }
        return DemandSpec(pattern: pattern, batches: batches ?? [])
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
        let profile: [Double]? = profileField.map { decodeProfile($0, open: openSeconds, close: closeSeconds) }
            ?? run.flatMap { run in
                Self.dividesDay(run.interval)
                    ? DayProfile.restrict(DayProfile.expand(hourly: DayProfile.hourly(shape: "flat")!, interval: run.interval),
                                          interval: run.interval, open: openSeconds, close: closeSeconds)
                    : []
            }

        guard let volume, openField == nil || open != nil, closeField == nil || close != nil, factorsOK,
              cvField == nil || cv != nil, let profile else { return nil }
        return DailyDemand(volumePerDay: volume, profile: profile, dayFactors: factors, open: openSeconds,
                           close: closeSeconds, busynessCV: cv)
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
