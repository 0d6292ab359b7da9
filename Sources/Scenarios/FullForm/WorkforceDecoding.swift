import Foundation
import Stochastics
import Yams

/// `teams.<name>.workforce` (tenure, learning curve, attrition, hiring) and the top-level
/// `training` section (programs and the valuation of their benefits).
extension CenterDecoder {
    static let workforceKeys = ["initial_tenure", "learning_curve", "attrition", "hiring"]
    static let learningCurveKeys = ["new_hire_handle_time", "new_hire_fcr", "time_constant", "proficiency_spread", "limits"]
    static let limitKeys = ["until", "max_chats", "tiers"]
    static let attritionKeys = ["weekly_hazard", "annual"]
    static let hazardStepKeys = ["until", "rate"]
    static let hiringKeys = ["lead_time", "cohort", "cost_per_hire", "onboarding"]
    static let trainingKeys = ["valuation", "programs"]
    static let valuationKeys = ["repeat_avoided", "abandonment_avoided", "escalation_avoided", "discount_rate"]
    static let programKeys = ["name", "participants", "start_week", "cohort_size", "off_phone", "spread_weeks",
                              "cost_per_agent", "fixed_cost", "weekly_coaching", "effects"]

    func decodeWorkforce(_ field: YAMLField) -> TeamWorkforce? {
        guard let m = field.mapping(allowed: Self.workforceKeys) else { return nil }
        var ok = true
        var workforce = TeamWorkforce()
        if let f = m.optional("initial_tenure") {
            if let d = durationOrDistribution(f) { workforce.initialTenure = d } else { ok = false }
        }
        if let f = m.optional("learning_curve") {
            workforce.learningCurve = decodeLearningCurve(f)
            ok = ok && workforce.learningCurve != nil
        }
        if let f = m.optional("attrition") {
            workforce.attrition = decodeAttrition(f)
            ok = ok && workforce.attrition != nil
        }
        if let f = m.optional("hiring") {
            workforce.hiring = decodeHiring(f)
            ok = ok && workforce.hiring != nil
        }
        return ok ? workforce : nil
    }

    /// A fixed duration (`10w`) or a distribution of durations.
    private func durationOrDistribution(_ field: YAMLField) -> Distribution? {
        if case .scalar = field.node { return field.duration().map { .deterministic($0) } }
        return DistributionDecoder.decode(field, kind: .duration, baseDirectory: baseDirectory)
    }

    private func decodeLearningCurve(_ field: YAMLField) -> LearningCurve? {
        guard let m = field.mapping(allowed: Self.learningCurveKeys) else { return nil }
        let handleField = m.optional("new_hire_handle_time"), fcrField = m.optional("new_hire_fcr")
        let spreadField = m.optional("proficiency_spread")
        let handle = handleField.map { $0.percentOrNumber() }
        let fcr = fcrField.map { $0.percentOrNumber() }
        let tau = m.required("time_constant")?.duration()
        let spread = spreadField.map { DistributionDecoder.decode($0.percentsAsNumbers, kind: .number, baseDirectory: baseDirectory) }
        var limits: [TenureLimit]? = []
        if let f = m.optional("limits") {
            limits = f.list(expected: "a list of limits such as [{until: 4w, tiers: [tier1], max_chats: 2}]").flatMap { items in
                let read: [TenureLimit?] = items.map { item in
                    guard let l = item.mapping(allowed: Self.limitKeys) else { return nil }
                    let until = l.required("until")?.duration()
                    let chatsField = l.optional("max_chats"), tiersField = l.optional("tiers")
                    let chats = chatsField?.integer(), tiers = tiersField.flatMap(tierNames.resolveOneOrMany)
                    if chatsField == nil && tiersField == nil {
                        return item.fail("a limit needs max_chats, tiers or both, such as {until: 4w, tiers: [tier1], max_chats: 2}")
                    }
                    guard let until, chatsField == nil || chats != nil, tiersField == nil || tiers != nil else { return nil }
                    return TenureLimit(until: until, maxChats: chats, tiers: tiers)
                }
                return read.allSatisfy { $0 != nil } ? read.map { $0! } : nil
            }
        }
        guard handle != .some(nil), fcr != .some(nil), spread != .some(nil), let tau, let limits else { return nil }
        return LearningCurve(newHireHandleTime: (handle ?? 1) ?? 1, newHireFCR: (fcr ?? 0) ?? 0,
                             timeConstant: tau, proficiencySpread: spread ?? nil, limits: limits)
    }

    /// `{weekly_hazard: [{until: 12w, rate: 1.2%}, {rate: 0.6%}]}` or `{annual: 40%}`.
    private func decodeAttrition(_ field: YAMLField) -> Attrition? {
        guard let m = field.mapping(allowed: Self.attritionKeys) else { return nil }
        switch (m.optional("weekly_hazard"), m.optional("annual")) {
        case (_?, _?):
            return m.field.fail("give either 'weekly_hazard' or 'annual', not both")
        case (nil, let annual?):
            return annual.fraction().map { Attrition(annual: $0) }
        case (let hazard?, nil):
            guard let items = hazard.list(expected: "a list of steps such as [{until: 12w, rate: 1.2%}, {rate: 0.6%}]") else { return nil }
            let steps: [Attrition.Step?] = items.map { item in
                guard let s = item.mapping(allowed: Self.hazardStepKeys) else { return nil }
                let untilField = s.optional("until")
                let until = untilField?.duration()
                let rate = s.required("rate")?.fraction()
                guard untilField == nil || until != nil, let rate else { return nil }
                return Attrition.Step(until: until, weeklyRate: rate)
            }
            return steps.allSatisfy { $0 != nil } ? Attrition(steps: steps.map { $0! }) : nil
        case (nil, nil):
            return m.field.fail("needs 'weekly_hazard' (by tenure) or 'annual', e.g. {annual: 40%}")
        }
    }

    private func decodeHiring(_ field: YAMLField) -> Hiring? {
        guard let m = field.mapping(allowed: Self.hiringKeys) else { return nil }
        let lead = m.required("lead_time")?.duration()
        let cohortField = m.optional("cohort"), costField = m.optional("cost_per_hire"), onboardingField = m.optional("onboarding")
        let cohort = cohortField?.agentCount(), cost = costField?.number(), onboarding = onboardingField?.duration()
        guard let lead, cohortField == nil || cohort != nil, costField == nil || cost != nil,
              onboardingField == nil || onboarding != nil else { return nil }
        return Hiring(leadTime: lead, cohort: cohort, costPerHire: cost ?? 0, onboarding: onboarding ?? 0)
    }

    // MARK: Training

    func decodeTraining(_ field: YAMLField) -> TrainingSpec? {
        guard let m = field.mapping(allowed: Self.trainingKeys) else { return nil }
        var ok = true
        var valuation = BenefitValuation()
        if let v = m.optional("valuation"), let vm = v.mapping(allowed: Self.valuationKeys) {
            func read(_ key: String) -> Double {
                guard let f = vm.optional(key) else { return 0 }
                guard let x = f.number() else { ok = false; return 0 }
                return x
            }
            var rate = 0.0
            if let f = vm.optional("discount_rate") {
                let limits = BenefitValuation.discountRates
                switch f.percentOrNumber() {
                case let r? where limits.contains(r): rate = r
                case let r?:
                    ok = false
                    _ = f.fail("expected an annual rate between 0% and 100% such as 8%, got \(r * 100)%") as Double?
                case nil: ok = false
                }
            }
            valuation = BenefitValuation(perRepeatAvoided: read("repeat_avoided"), perAbandonmentAvoided: read("abandonment_avoided"),
                                         perEscalationAvoided: read("escalation_avoided"), discountRate: rate)
        } else if m.optional("valuation") != nil {
            ok = false
        }
        var programs: [TrainingProgram] = []
        if let p = m.optional("programs") {
            if let items = p.list(expected: "a list of programs such as [{name: onboarding, participants: new_hires, off_phone: 40h}]") {
                for item in items {
                    if let program = decodeProgram(item) { programs.append(program) } else { ok = false }
                }
            } else {
                ok = false
            }
        }
        return ok ? TrainingSpec(programs: programs, valuation: valuation) : nil
    }

    private func decodeProgram(_ field: YAMLField) -> TrainingProgram? {
        guard let m = field.mapping(allowed: Self.programKeys) else { return nil }
        let name = m.required("name")?.string()
        let participants = m.required("participants").flatMap(decodeParticipants)
        var ok = true
        func optional<T>(_ key: String, _ read: (YAMLField) -> T?) -> T? {
            guard let f = m.optional(key) else { return nil }
            let value = read(f)
            if value == nil { ok = false }
            return value
        }
        let startWeek = optional("start_week") { $0.integer() }
        let cohort = optional("cohort_size") { $0.agentCount() }
        let offPhone = optional("off_phone", decodeOffPhone)
        let spread = optional("spread_weeks") { $0.integer() }
        let costPerAgent = optional("cost_per_agent") { $0.number() }
        let fixed = optional("fixed_cost") { $0.number() }
        let coaching = optional("weekly_coaching") { $0.duration() }
        let effects = optional("effects", decodeEffects)
        guard ok, let name, let participants else { return nil }
        return TrainingProgram(name: name, participants: participants, startWeek: startWeek ?? 0, cohortSize: cohort,
                               offPhoneHours: offPhone?.hours ?? 0, offPhoneShifts: offPhone?.shifts, spreadWeeks: spread ?? 1,
                               costPerAgent: costPerAgent ?? 0, fixedCost: fixed ?? 0,
                               weeklyCoachingMinutes: (coaching ?? 0) / 60, effects: effects ?? TrainingEffects())
    }

    /// `24h`, `90m` (working hours) or `3 shifts` (of the participant's own shift); `3d` and
    /// `1w` are refused, since they would be clock time (72 h), not working days.
    private func decodeOffPhone(_ field: YAMLField) -> (hours: Double?, shifts: Double?)? {
        guard let text = field.scalarText(expected: "working time such as 24h or 3 shifts")?.trimmingCharacters(in: .whitespaces) else { return nil }
        for suffix in ["shifts", "shift"] where text.hasSuffix(suffix) {
            guard let n = try? Quantity.number(String(text.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)) else { break }
            return (nil, n)
        }
        guard let seconds = field.duration() else { return nil }
        let clock = ["d", "w", "day", "days", "wk", "wks", "week", "weeks"]
        // Every unit written, a compound's too (`1d12h` is clock time as much as `1.5d`).
        let units = text.split { !$0.isLetter }.map(String.init)
        if units.contains(where: clock.contains) {
            let days = seconds / 86_400
            return field.fail("off_phone is working time, taken inside shifts: '\(text)' would be \(Quantity.describe(number: seconds / 3600)) clock hours; "
                + "write \(Quantity.describe(number: days)) \(days == 1 ? "shift" : "shifts") for that many of the participant's shifts, or the hours (e.g. \(Quantity.describe(number: days * 8))h)")
        }
        return (seconds / 3600, nil)
    }

    /// `new_hires`, `everyone`, or a list of team names.
    private func decodeParticipants(_ field: YAMLField) -> TrainingProgram.Participants? {
        if case .sequence = field.node {
            guard let items = field.list() else { return nil }
            let teams = items.map(teamNames.resolve)
            return teams.allSatisfy { $0 != nil } ? .teams(teams.map { $0! }) : nil
        }
        // A team named without brackets reads as one of the groups; say how to name it.
        if case .scalar(let scalar) = field.node, case let team = scalar.string.trimmingCharacters(in: .whitespaces),
           !["new_hires", "everyone"].contains(team), teamNames.index(of: team) != nil {
            return field.fail("'\(team)' is a team: teams are written as a list, participants: [\(team)]; or new_hires or everyone")
        }
        switch field.choice(["new_hires", "everyone"]) {
        case "new_hires": return .newHires
        case "everyone": return .everyone
        default: return nil
        }
    }

    /// `{handle_time: -20%, fcr: +5pts, attrition: {triangular: {min: -50%, mode: -40%, max: -10%}}, half_life: 26w}`.
    ///
    /// Each effect is a point estimate (`-20%`) or a distribution of the trainers' uncertainty.
    /// Every effect but FCR is a relative change. FCR must say its basis, since trainers usually
    /// mean points and `+10%` of a 72% FCR is 79.2%, not 82%: `+10pts` / `{points: …}` or
    /// `{relative: +10%}`; a bare `+10%` or distribution is an error that shows both readings.
    private func decodeEffects(_ field: YAMLField) -> TrainingEffects? {
        let kinds = TrainingEffects.Kind.allCases.map(\.rawValue)
        guard let m = field.mapping(allowed: kinds + ["half_life"]) else { return nil }
        var effects = TrainingEffects()
        var ok = true
        for kind in TrainingEffects.Kind.allCases {
            guard let f = m.optional(kind.rawValue) else { continue }
            let decoded: Distribution?
            if kind == .fcr {
                let fcr = decodeFCRChange(f)
                decoded = fcr?.0
                if let basis = fcr?.1 { effects.fcrBasis = basis }
            } else {
                decoded = decodeEffect(f, example: "-20%")
            }
            if let decoded { effects[kind] = decoded } else { ok = false }
        }
        if let f = m.optional("half_life") {
            if let h = f.duration() { effects.halfLife = h } else { ok = false }
        }
        return ok ? effects : nil
    }

    /// A point estimate (`-20%`, `-0.2`) or a distribution whose values may be percentages.
    private func decodeEffect(_ field: YAMLField, example: String, points: Bool = false) -> Distribution? {
        if case .scalar = field.node, !field.isNull {
            guard let text = field.scalarText(expected: "a change such as \(example) or a distribution") else { return nil }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let unit = points ? "pts" : "%"
            let stripped = trimmed.hasSuffix("%") ? String(trimmed.dropLast())
                : points && trimmed.hasSuffix("pts") ? String(trimmed.dropLast(3)).trimmingCharacters(in: .whitespaces) : nil
            guard let value = try? Quantity.number(stripped ?? trimmed) else {
                return field.fail("expected a change such as \(example) (or a distribution such as {triangular: {min: -3\(unit), mode: -2\(unit), max: 0\(unit)}}), got \(field.shown)")
            }
            if stripped == nil, let message = Self.bareFractionProblem(trimmed, value: value, points: points) { return field.fail(message) }
            return .deterministic(stripped == nil ? value : value / 100)
        }
        guard reportBareFractions(field, points: points) else { return nil }
        let rewritten = YAMLField(node: YAMLField.rewritingSuffixes(field.node, points ? ["%", "pts"] : ["%"]), path: field.path,
                                  keyMark: field.keyMark, log: field.log)
        return DistributionDecoder.decode(rewritten, kind: .number, baseDirectory: baseDirectory)
    }

    /// A bare number is a fraction (`-0.2` is −20%), so `10` would be +1000%: above 1 in size it
    /// is far likelier a percentage without its sign, and is refused with the reading meant.
    static func bareFractionProblem(_ text: String, value: Double, points: Bool) -> String? {
        guard abs(value) > 1 else { return nil }
        let read = points ? "\(Quantity.describe(number: value * 100)) points" : "\(value > 0 ? "+" : "")\(Quantity.describe(number: value * 100))%"
        return "'\(text)' is a bare number, read as a fraction of 1 (\(read)); did you mean '\(text)\(points ? "pts" : "%")'?"
    }

    /// The same check for the bare numbers inside a distribution's values (`min`, `mode`, `max`,
    /// `mean`, `deterministic`, `empirical` values, in mixtures too); false after reporting.
    private func reportBareFractions(_ field: YAMLField, points: Bool) -> Bool {
        let valueKeys: Set<String> = ["min", "mode", "max", "mean", "deterministic"]
        var ok = true
        func check(_ node: Node, path: String, keyMark: Mark?) {
            guard case .scalar(let scalar) = node else { return }
            let text = scalar.string.trimmingCharacters(in: .whitespaces)
            guard let value = try? Quantity.number(text), let message = Self.bareFractionProblem(text, value: value, points: points) else { return }
            ok = false
            _ = YAMLField(node: node, path: path, keyMark: keyMark, log: field.log).fail(message) as Double?
        }
        func walk(_ node: Node, path: String, key: String?, keyMark: Mark?) {
            switch node {
            case .scalar:
                if let key, valueKeys.contains(key) { check(node, path: path, keyMark: keyMark) }
            case .mapping(let mapping):
                for (k, v) in mapping {
                    guard let name = k.string else { continue }
                    walk(v, path: joinPath(path, name), key: name, keyMark: k.mark)
                }
            case .sequence(let items):
                for (i, item) in items.enumerated() {
                    if key == "values" || key == "empirical", case .scalar = item {
                        check(item, path: path + "[\(i)]", keyMark: keyMark)
                    } else {
                        walk(item, path: path + "[\(i)]", key: nil, keyMark: keyMark)
                    }
                }
            case .alias:
                return
            }
        }
        walk(field.node, path: field.path, key: nil, keyMark: field.keyMark)
        return ok
    }

    /// `+10pts`, `{points: …}` or `{relative: …}`; anything else names both readings.
    private func decodeFCRChange(_ field: YAMLField) -> (Distribution, TrainingEffects.FCRBasis)? {
        let ambiguity = "an FCR change must say its basis: '+10pts' or {points: …} adds percentage points (72% → 82%), "
            + "{relative: +10%} multiplies (72% → 79.2%)"
        if case .scalar = field.node, !field.isNull {
            let text = field.scalarText(expected: "a change such as +10pts")?.trimmingCharacters(in: .whitespaces) ?? ""
            guard text.hasSuffix("pts") else { return field.fail("\(ambiguity); got \(field.shown)") }
            return decodeEffect(field, example: "+10pts", points: true).map { ($0, .points) }
        }
        if case .mapping(let raw) = field.node, raw.count == 1, let key = raw.first?.key.string, key == "points" || key == "relative" {
            guard let m = field.mapping(allowed: ["points", "relative"]), let inner = m.required(key) else { return nil }
            return key == "points"
                ? decodeEffect(inner, example: "+10pts", points: true).map { ($0, .points) }
                : decodeEffect(inner, example: "+10%").map { ($0, .relative) }
        }
        return field.fail("\(ambiguity); wrap the distribution: {points: {uniform: {min: 0pts, max: 5pts}}}")
    }
}

extension YAMLField {
    /// A signed number, written as a percentage (`-15%` → −0.15) or plainly (`1.6`).
    func percentOrNumber() -> Double? {
        guard let text = scalarText(expected: "a number or a percentage such as '-15%'") else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        do {
            if trimmed.hasSuffix("%") { return try Quantity.number(String(trimmed.dropLast())) / 100 }
            return try Quantity.number(trimmed)
        } catch {
            return fail("expected a number or a percentage such as '-15%', got \(shown)")
        }
    }

    /// The same field with every `x%` scalar below it rewritten as the number x/100 (marks kept),
    /// so relative effects can be given as percentages inside any distribution.
    var percentsAsNumbers: YAMLField {
        YAMLField(node: Self.rewritingSuffixes(node, ["%"]), path: path, keyMark: keyMark, log: log)
    }

    /// Every scalar `x<suffix>` below `node` (`%`, `pts`) rewritten as the number x/100.
    static func rewritingSuffixes(_ node: Node, _ suffixes: [String]) -> Node {
        switch node {
        case .scalar(let scalar):
            let text = scalar.string.trimmingCharacters(in: .whitespaces)
            guard let suffix = suffixes.first(where: { text.hasSuffix($0) }),
                  let value = try? Quantity.number(String(text.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)) else { return node }
            var copy = scalar
            copy.string = "\(value / 100)"
            return .scalar(copy)
        case .mapping(var mapping):
            for (key, value) in mapping { mapping[key] = rewritingSuffixes(value, suffixes) }
            return .mapping(mapping)
        case .sequence(var sequence):
            for i in sequence.indices { sequence[i] = rewritingSuffixes(sequence[i], suffixes) }
            return .sequence(sequence)
        case .alias:
            return node
        }
    }
}
