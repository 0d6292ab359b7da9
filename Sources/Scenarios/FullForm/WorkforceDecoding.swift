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
    static let valuationKeys = ["repeat_avoided", "abandonment_avoided", "escalation_avoided"]
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
            valuation = BenefitValuation(perRepeatAvoided: read("repeat_avoided"), perAbandonmentAvoided: read("abandonment_avoided"),
                                         perEscalationAvoided: read("escalation_avoided"))
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
        let offPhone = optional("off_phone") { $0.duration() }
        let spread = optional("spread_weeks") { $0.integer() }
        let costPerAgent = optional("cost_per_agent") { $0.number() }
        let fixed = optional("fixed_cost") { $0.number() }
        let coaching = optional("weekly_coaching") { $0.duration() }
        let effects = optional("effects", decodeEffects)
        guard ok, let name, let participants else { return nil }
        return TrainingProgram(name: name, participants: participants, startWeek: startWeek ?? 0, cohortSize: cohort,
                               offPhoneHours: (offPhone ?? 0) / 3600, spreadWeeks: spread ?? 1,
                               costPerAgent: costPerAgent ?? 0, fixedCost: fixed ?? 0,
                               weeklyCoachingMinutes: (coaching ?? 0) / 60, effects: effects ?? TrainingEffects())
    }

    /// `new_hires`, `everyone`, or a list of team names.
    private func decodeParticipants(_ field: YAMLField) -> TrainingProgram.Participants? {
        if case .sequence = field.node {
            guard let items = field.list() else { return nil }
            let teams = items.map(teamNames.resolve)
            return teams.allSatisfy { $0 != nil } ? .teams(teams.map { $0! }) : nil
        }
        switch field.choice(["new_hires", "everyone"]) {
        case "new_hires": return .newHires
        case "everyone": return .everyone
        default: return nil
        }
    }

    /// `{handle_time: {triangular: {min: -35%, mode: -25%, max: -10%}}, fcr: {deterministic: 25%}, half_life: 26w}`.
    private func decodeEffects(_ field: YAMLField) -> TrainingEffects? {
        let kinds = TrainingEffects.Kind.allCases.map(\.rawValue)
        guard let m = field.mapping(allowed: kinds + ["half_life"]) else { return nil }
        var effects = TrainingEffects()
        var ok = true
        for kind in TrainingEffects.Kind.allCases {
            guard let f = m.optional(kind.rawValue) else { continue }
            if let d = DistributionDecoder.decode(f.percentsAsNumbers, kind: .number, baseDirectory: baseDirectory) {
                effects[kind] = d
            } else {
                ok = false
            }
        }
        if let f = m.optional("half_life") {
            if let h = f.duration() { effects.halfLife = h } else { ok = false }
        }
        return ok ? effects : nil
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
        YAMLField(node: Self.rewritingPercents(node), path: path, keyMark: keyMark, log: log)
    }

    private static func rewritingPercents(_ node: Node) -> Node {
        switch node {
        case .scalar(let scalar):
            let text = scalar.string.trimmingCharacters(in: .whitespaces)
            guard text.hasSuffix("%"), let value = try? Quantity.number(String(text.dropLast())) else { return node }
            var copy = scalar
            copy.string = "\(value / 100)"
            return .scalar(copy)
        case .mapping(var mapping):
            for (key, value) in mapping { mapping[key] = rewritingPercents(value) }
            return .mapping(mapping)
        case .sequence(var sequence):
            for i in sequence.indices { sequence[i] = rewritingPercents(sequence[i]) }
            return .sequence(sequence)
        case .alias:
            return node
        }
    }
}
