import Stochastics

/// Rules of a team's workforce (`teams.<name>.workforce`) and of the training programs (`training`).
extension CenterChecks {
    func workforceProblems(_ w: TeamWorkforce, at r: String) -> [FieldProblem] {
        var found = DistributionChecks.problems(w.initialTenure, at: joinPath(r, "initial_tenure"), kind: .duration)
        if let curve = w.learningCurve {
            let c = joinPath(r, "learning_curve")
            if !curve.newHireHandleTime.isFinitePositive {
                found.append(.init(joinPath(c, "new_hire_handle_time"), "must be greater than 0 (160% = 60% slower at tenure 0), got \(Quantity.describe(fraction: curve.newHireHandleTime))"))
            }
            if !(curve.newHireFCR.isFinite && curve.newHireFCR >= -1) {
                found.append(.init(joinPath(c, "new_hire_fcr"), "must be -100% or more (a relative change of the resolved share), got \(Quantity.describe(fraction: curve.newHireFCR))"))
            }
            if !curve.timeConstant.isFinitePositive {
                found.append(.init(joinPath(c, "time_constant"), "must be greater than 0, got \(Quantity.describe(duration: curve.timeConstant))"))
            }
            if let spread = curve.proficiencySpread {
                let p = joinPath(c, "proficiency_spread")
                let own = DistributionChecks.problems(spread, at: p, kind: .duration)
                found += own
                if own.isEmpty, !spread.mean.isFinitePositive {
                    found.append(.init(p, "mean must be greater than 0 (a handle-time multiplier, about 1)"))
                }
            }
        }
        if let curve = w.learningCurve {
            var previous = 0.0
            for (i, limit) in curve.limits.enumerated() {
                let l = joinPath(r, "learning_curve.limits[\(i)]")
                if !(limit.until.isFinite && limit.until > previous) {
                    found.append(.init(joinPath(l, "until"), "must be greater than the previous limit's (\(Quantity.describe(duration: previous))), got \(Quantity.describe(duration: limit.until))"))
                } else {
                    previous = limit.until
                }
                if let chats = limit.maxChats, chats < 1 {
                    found.append(.init(joinPath(l, "max_chats"), "must be 1 or more, got \(chats)"))
                }
                if let tiers = limit.tiers, tiers.isEmpty {
                    found.append(.init(joinPath(l, "tiers"), "must name at least one tier"))
                }
            }
        }
        if let attrition = w.attrition {
            let a = joinPath(r, "attrition.weekly_hazard")
            if attrition.steps.isEmpty { found.append(.init(a, "needs at least one step, e.g. [{rate: 0.8%}]")) }
            var previous = 0.0
            for (i, step) in attrition.steps.enumerated() {
                let s = "\(a)[\(i)]"
                if !step.weeklyRate.isFraction {
                    found.append(.init(joinPath(s, "rate"), "must be between 0% and 100%, got \(Quantity.describe(fraction: step.weeklyRate))"))
                }
                if let until = step.until {
                    if !(until.isFinite && until > previous) {
                        found.append(.init(joinPath(s, "until"), "must be greater than the previous step's (\(Quantity.describe(duration: previous))), got \(Quantity.describe(duration: until))"))
                    } else {
                        previous = until
                    }
                } else if i < attrition.steps.count - 1 {
                    found.append(.init(joinPath(s, "until"), "only the last step may leave out 'until'"))
                }
            }
        }
        if let hiring = w.hiring {
            let h = joinPath(r, "hiring")
            if !hiring.leadTime.isFiniteNonNegative {
                found.append(.init(joinPath(h, "lead_time"), "must be 0 or more, got \(Quantity.describe(duration: hiring.leadTime))"))
            }
            if let cohort = hiring.cohort, cohort < 1 {
                found.append(.init(joinPath(h, "cohort"), "must be 1 or more, got \(cohort)"))
            }
            if !hiring.costPerHire.isFiniteNonNegative {
                found.append(.init(joinPath(h, "cost_per_hire"), "must be 0 or more, got \(Quantity.describe(number: hiring.costPerHire))"))
            }
            if !hiring.onboarding.isFiniteNonNegative {
                found.append(.init(joinPath(h, "onboarding"), "must be 0 or more, got \(Quantity.describe(duration: hiring.onboarding))"))
            }
        }
        return found
    }

    func trainingProblems() -> [FieldProblem] {
        guard let training else { return [] }
        var found: [FieldProblem] = []
        let v = training.valuation
        for (key, value) in [("repeat_avoided", v.perRepeatAvoided), ("abandonment_avoided", v.perAbandonmentAvoided),
                             ("escalation_avoided", v.perEscalationAvoided)] where !value.isFiniteNonNegative {
            found.append(.init("training.valuation.\(key)", "must be 0 or more, got \(Quantity.describe(number: value))"))
        }
        var names: [String: Int] = [:]
        for (i, program) in training.programs.enumerated() {
            let p = "training.programs[\(i)]"
            if program.name.isEmpty || !Self.isValidName(program.name) {
                found.append(.init(joinPath(p, "name"), "program name '\(program.name)' may only use letters, digits, '_' and '-', starting with a letter or digit"))
            } else if let first = names[program.name] {
                found.append(.init(joinPath(p, "name"), "program name '\(program.name)' is used twice (programs[\(first)])"))
            } else {
                names[program.name] = i
            }
            if case .teams(let teams) = program.participants {
                if teams.isEmpty { found.append(.init(joinPath(p, "participants"), "needs at least one team")) }
                for (k, t) in teams.enumerated() where !self.teams.indices.contains(t) {
                    found.append(.init(joinPath(p, "participants[\(k)]"), "team index \(t) does not exist (there are \(self.teams.count) teams)"))
                }
            }
            if program.startWeek < 0 {
                found.append(.init(joinPath(p, "start_week"), "must be 0 or more, got \(program.startWeek)"))
            } else if let weeks = runWeeks, program.startWeek >= weeks {
                // Loading it silently would make every ROI of the program a study of nothing.
                let span = weeks == 1 ? "week 0" : "weeks 0–\(weeks - 1)"
                found.append(.init(joinPath(p, "start_week"), "week \(program.startWeek) is at or past the end of the run, which has \(span)"
                    + " (from time 0, warm-up included): the program would never start in the run; start it by week \(weeks - 1) or lengthen run.horizon"))
            }
            if let cohort = program.cohortSize, cohort < 1 {
                found.append(.init(joinPath(p, "cohort_size"), "must be 1 or more, got \(cohort)"))
            }
            if program.spreadWeeks < 1 {
                found.append(.init(joinPath(p, "spread_weeks"), "must be 1 or more, got \(program.spreadWeeks)"))
            }
            if !program.offPhone.amount.isFiniteNonNegative {
                found.append(.init(joinPath(p, "off_phone"), "must be 0 or more, got \(Quantity.describe(number: program.offPhone.amount))"))
            } else if program.spreadWeeks >= 1, let problem = offPhoneFit(program) {
                found.append(.init(joinPath(p, "off_phone"), problem))
            }
            if !program.weeklyCoachingMinutes.isFiniteNonNegative {
                found.append(.init(joinPath(p, "weekly_coaching"), "must be 0 or more, got \(Quantity.describe(duration: program.weeklyCoachingMinutes * 60))"))
            }
            for (key, value) in [("cost_per_agent", program.costPerAgent), ("fixed_cost", program.fixedCost)] where !value.isFiniteNonNegative {
                found.append(.init(joinPath(p, key), "must be 0 or more, got \(Quantity.describe(number: value))"))
            }
            let e = joinPath(p, "effects")
            for kind in TrainingEffects.Kind.allCases {
                guard let d = program.effects[kind] else { continue }
                let path = joinPath(e, kind.rawValue)
                found += Self.relativeChangeProblems(d, at: path)
            }
            if let half = program.effects.halfLife, !half.isFinitePositive {
                found.append(.init(joinPath(e, "half_life"), "must be greater than 0, got \(Quantity.describe(duration: half))"))
            }
        }
        return found
    }

    /// Weeks the run spans from time 0 (warm-up included; a last partial week counts), as the
    /// workforce and ROI count them; nil when the run could not be read.
    var runWeeks: Int? {
        guard let run, (run.warmup + run.horizon).isFinite else { return nil }
        return max(1, Int(((run.warmup + run.horizon) / 604_800).rounded(.up)))
    }

    /// Off-phone time is taken inside the participants' shifts: each week's share (plus weekly
    /// coaching) must fit in every participating shift's week, or it would be silently cut.
    /// Returns the problem for the tightest shift, saying how much fits.
    func offPhoneFit(_ program: TrainingProgram) -> String? {
        let teamIndices: [Int] = switch program.participants {
        case .teams(let list): list.filter(teams.indices.contains)
        case .everyone: Array(teams.indices)
        case .newHires: teams.indices.filter { teams[$0]?.workforce?.hiring != nil }
        }
        let spread = Double(program.spreadWeeks)
        let coaching = program.weeklyCoachingMinutes * 60
        for t in teamIndices {
            guard let team = teams[t] else { continue }
            for shift in team.shifts where !shift.days.isEmpty && shift.agents > 0 {
                let days = Double(shift.days.count)
                let week = days * shift.length
                let need = program.offPhone.seconds(shiftLength: shift.length) / spread + coaching
                guard need > week + 1e-6 else { continue }
                func hours(_ seconds: Double) -> String { Quantity.describe(number: (seconds / 36).rounded() / 100) + "h" }
                let where_ = "team \(team.name)'s \(hours(shift.length)) shift on \(Quantity.describe(number: days)) days a week"
                    + " (\(hours(week)) a week)"
                let fitting = max(0, week - coaching) * spread
                let weeksNeeded = Int((program.offPhone.seconds(shiftLength: shift.length) / max(1, week - coaching)).rounded(.up))
                switch program.offPhone {
                case .hours:
                    return "\(hours(program.offPhone.seconds(shiftLength: shift.length))) over spread_weeks: \(program.spreadWeeks)"
                        + " does not fit \(where_): at most \(hours(fitting)) fit"
                        + (coaching > 0 ? " beside the weekly coaching" : "") + "; raise spread_weeks to \(weeksNeeded) or shorten the training"
                case .shifts(let n):
                    return "\(Quantity.describe(number: n)) shifts over spread_weeks: \(program.spreadWeeks) do not fit \(where_):"
                        + " at most \(Quantity.describe(number: (fitting / shift.length * 100).rounded(.down) / 100)) shifts fit; raise spread_weeks to \(weeksNeeded)"
                }
            }
        }
        return nil
    }

    /// A relative change may be negative but not below -100% (a rate or a time would turn
    /// negative); families that are never negative follow Stochastics' own rules.
    static func relativeChangeProblems(_ d: Distribution, at path: String) -> [FieldProblem] {
        let f = joinPath(path, d.family)
        func below(_ x: Double, _ name: String) -> [FieldProblem] {
            x.isFinite && x >= -1 ? [] : [FieldProblem(joinPath(f, name), "a relative change must be finite and -100% or more, got \(Quantity.describe(fraction: x))")]
        }
        switch d {
        case .deterministic(let x):
            return x.isFinite && x >= -1 ? [] : [FieldProblem(path, "a relative change must be finite and -100% or more, got \(Quantity.describe(fraction: x))")]
        case .uniform(let lower, let upper):
            let found = below(lower, "min") + below(upper, "max")
            return found.isEmpty && !(upper > lower) ? [FieldProblem(joinPath(f, "max"), "must be greater than min (\(Quantity.describe(fraction: lower))), got \(Quantity.describe(fraction: upper))")] : found
        case .triangular(let lower, let mode, let upper):
            var found = below(lower, "min") + below(mode, "mode") + below(upper, "max")
            if found.isEmpty && !(upper > lower) {
                found.append(FieldProblem(joinPath(f, "max"), "must be greater than min (\(Quantity.describe(fraction: lower))), got \(Quantity.describe(fraction: upper))"))
            } else if found.isEmpty && !(mode >= lower && mode <= upper) {
                found.append(FieldProblem(joinPath(f, "mode"), "must be between min and max, got \(Quantity.describe(fraction: mode))"))
            }
            return found
        case .empirical(let values):
            if values.isEmpty { return [FieldProblem(f, "must list at least one value")] }
            return values.enumerated().flatMap { i, x in
                x.isFinite && x >= -1 ? [] : [FieldProblem(f + "[\(i)]", "a relative change must be finite and -100% or more, got \(Quantity.describe(fraction: x))")]
            }
        case .mixture(let components):
            return components.enumerated().flatMap { i, c in relativeChangeProblems(c.distribution, at: f + "[\(i)]") }
        default:
            return DistributionChecks.problems(d, at: path, kind: .number)
        }
    }
}
