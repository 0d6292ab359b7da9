import Foundation
import Scenarios
import Stochastics
import Testing

/// `teams.<name>.workforce` and `training`, appended to the full-form base (lines 26 on).
let workforceLines = [
    /* 26 */ "    workforce:",
    /* 27 */ "      initial_tenure: {uniform: {min: 0w, max: 150w}}",
    /* 28 */ "      learning_curve: {new_hire_handle_time: 160%, new_hire_fcr: -15%, time_constant: 6w, proficiency_spread: {lognormal: {mean: 1, cv: 0.1}}, limits: [{until: 4w, max_chats: 2}, {until: 8w, tiers: [tier1, tier2]}]}",
    /* 29 */ "      attrition: {weekly_hazard: [{until: 12w, rate: 1.2%}, {rate: 0.6%}]}",
    /* 30 */ "      hiring: {lead_time: 4w, cohort: 5, cost_per_hire: 8000, onboarding: 2w}",
    /* 31 */ "training:",
    /* 32 */ "  valuation: {repeat_avoided: 8, abandonment_avoided: 5, escalation_avoided: 15}",
    /* 33 */ "  programs:",
    /* 34 */ "    - {name: onboarding, participants: new_hires, off_phone: 42h, spread_weeks: 2, cost_per_agent: 5000, effects: {handle_time: {triangular: {min: -35%, mode: -25%, max: -10%}}, fcr: {relative: {deterministic: 25%}}, half_life: 26w}}",
    /* 35 */ "    - {name: refresh, participants: [frontline], start_week: 4, cohort_size: 5, weekly_coaching: 30m, fixed_cost: 2000}",
]

/// The base with the workforce lines, some of them replaced (1-based line numbers from 26), over
/// 6 weeks (weeks 0–5) so that a program can start in week 4.
func workforceYAML(_ replacements: [Int: String] = [:]) -> String {
    var extra = workforceLines
    for (line, text) in replacements { extra[line - 26] = text }
    let yaml = fullYAML(appending: extra)
    precondition(yaml.contains("run: {horizon: 1d, interval: 30m}"))
    return yaml.replacingOccurrences(of: "run: {horizon: 1d, interval: 30m}", with: "run: {horizon: 6w, interval: 30m}")
}

let malformedWorkforceCases: [Malformed] = [
    Malformed("hazard above 100%", workforceYAML([29: "      attrition: {weekly_hazard: [{until: 12w, rate: 1.2%}, {rate: 120%}]}"]),
              path: "teams.experts.workforce.attrition.weekly_hazard[1].rate", line: 29, says: "must be between 0% and 100%"),
    Malformed("hazard steps out of order", workforceYAML([29: "      attrition: {weekly_hazard: [{until: 12w, rate: 1%}, {until: 6w, rate: 1%}]}"]),
              path: "teams.experts.workforce.attrition.weekly_hazard[1].until", line: 29, says: "must be greater than the previous step's (84d), got 42d"),
    Malformed("open step before the last", workforceYAML([29: "      attrition: {weekly_hazard: [{rate: 1%}, {until: 6w, rate: 1%}]}"]),
              path: "teams.experts.workforce.attrition.weekly_hazard[0].until", line: 29, says: "only the last step may leave out 'until'"),
    Malformed("hazard and annual both", workforceYAML([29: "      attrition: {weekly_hazard: [{rate: 1%}], annual: 40%}"]),
              path: "teams.experts.workforce.attrition", line: 29, says: "give either 'weekly_hazard' or 'annual', not both"),
    Malformed("misspelt workforce key", workforceYAML([29: "      attriton: {annual: 40%}"]),
              path: "teams.experts.workforce.attriton", line: 29, says: "did you mean 'attrition'?"),
    Malformed("zero time constant", workforceYAML([28: "      learning_curve: {new_hire_handle_time: 160%, time_constant: 0s}"]),
              path: "teams.experts.workforce.learning_curve.time_constant", line: 28, says: "must be greater than 0"),
    Malformed("unreadable FCR adjustment", workforceYAML([28: "      learning_curve: {new_hire_fcr: lots, time_constant: 6w}"]),
              path: "teams.experts.workforce.learning_curve.new_hire_fcr", line: 28, says: "expected a number or a percentage such as '-15%'"),
    Malformed("FCR below -100%", workforceYAML([28: "      learning_curve: {new_hire_fcr: -150%, time_constant: 6w}"]),
              path: "teams.experts.workforce.learning_curve.new_hire_fcr", line: 28, says: "must be -100% or more"),
    Malformed("trainee limit of no chats", workforceYAML([28: "      learning_curve: {time_constant: 6w, limits: [{until: 4w, max_chats: 0}]}"]),
              path: "teams.experts.workforce.learning_curve.limits[0].max_chats", line: 28, says: "must be 1 or more, got 0"),
    Malformed("trainee limit that limits nothing", workforceYAML([28: "      learning_curve: {time_constant: 6w, limits: [{until: 4w}]}"]),
              path: "teams.experts.workforce.learning_curve.limits[0]", line: 28, says: "a limit needs max_chats, tiers or both"),
    Malformed("trainee limit to an unknown tier", workforceYAML([28: "      learning_curve: {time_constant: 6w, limits: [{until: 4w, tiers: [tier7]}]}"]),
              path: "teams.experts.workforce.learning_curve.limits[0].tiers[0]", line: 28, says: "unknown tier 'tier7'"),
    Malformed("trainee limit without tenure", workforceYAML([28: "      learning_curve: {time_constant: 6w, limits: [{max_chats: 2}]}"]),
              path: "teams.experts.workforce.learning_curve.limits[0].until", line: 28, says: "required field 'until' is missing"),
    Malformed("cohort of zero", workforceYAML([30: "      hiring: {lead_time: 4w, cohort: 0}"]),
              path: "teams.experts.workforce.hiring.cohort", line: 30, says: "must be 1 or more, got 0"),
    Malformed("hiring without lead time", workforceYAML([30: "      hiring: {cohort: 2}"]),
              path: "teams.experts.workforce.hiring.lead_time", line: 30, says: "required field 'lead_time' is missing"),
    Malformed("negative tenure", workforceYAML([27: "      initial_tenure: {uniform: {min: -2w, max: 150w}}"]),
              path: "teams.experts.workforce.initial_tenure.uniform.min", line: 27, says: ""),
    Malformed("participants: unknown team", workforceYAML([35: "    - {name: refresh, participants: [frontlin]}"]),
              path: "training.programs[1].participants[0]", line: 35, says: "unknown team 'frontlin'; did you mean 'frontline'?"),
    Malformed("participants: misspelt group", workforceYAML([35: "    - {name: refresh, participants: new_hire}"]),
              path: "training.programs[1].participants", line: 35, says: "did you mean 'new_hires'?"),
    Malformed("effect below -100%", workforceYAML([34: "    - {name: onboarding, participants: new_hires, effects: {handle_time: {triangular: {min: -150%, mode: -25%, max: -10%}}}}"]),
              path: "training.programs[0].effects.handle_time.triangular.min", line: 34, says: "a relative change must be finite and -100% or more, got -150%"),
    Malformed("FCR change without a basis", workforceYAML([34: "    - {name: onboarding, participants: new_hires, effects: {fcr: +10%}}"]),
              path: "training.programs[0].effects.fcr", line: 34,
              says: "an FCR change must say its basis: '+10pts' or {points: …} adds percentage points (72% → 82%), {relative: +10%} multiplies (72% → 79.2%); got '+10%'"),
    Malformed("FCR distribution without a basis", workforceYAML([34: "    - {name: onboarding, participants: new_hires, effects: {fcr: {uniform: {min: 0%, max: 6%}}}}"]),
              path: "training.programs[0].effects.fcr", line: 34, says: "wrap the distribution: {points: {uniform: {min: 0pts, max: 5pts}}}"),
    Malformed("unreadable point estimate", workforceYAML([34: "    - {name: onboarding, participants: new_hires, effects: {handle_time: -2O%}}"]),
              path: "training.programs[0].effects.handle_time", line: 34, says: "expected a change such as -20%"),
    Malformed("off-phone time in clock days", workforceYAML([34: "    - {name: onboarding, participants: new_hires, off_phone: 3d}"]),
              path: "training.programs[0].off_phone", line: 34,
              says: "off_phone is working time, taken inside shifts: '3d' would be 72 clock hours; write 3 shifts for that many of the participant's shifts, or the hours (e.g. 24h)"),
    Malformed("off-phone time in clock days, compound", workforceYAML([34: "    - {name: onboarding, participants: new_hires, off_phone: 1d12h}"]),
              path: "training.programs[0].off_phone", line: 34,
              says: "off_phone is working time, taken inside shifts: '1d12h' would be 36 clock hours; write 1.5 shifts for that many of the participant's shifts, or the hours (e.g. 12h)"),
    Malformed("off-phone hours that do not fit the shifts", workforceYAML([35: "    - {name: refresh, participants: [frontline], off_phone: 200h}"]),
              path: "training.programs[1].off_phone", line: 35, says: "200h over spread_weeks: 1 does not fit team frontline's"),
    Malformed("discount rate above 100%", workforceYAML([32: "  valuation: {repeat_avoided: 8, discount_rate: 150%}"]),
              path: "training.valuation.discount_rate", line: 32, says: "expected an annual rate between 0% and 100% such as 8%, got 150.0%"),
    Malformed("unknown effect", workforceYAML([34: "    - {name: onboarding, participants: new_hires, effects: {csat: {deterministic: 15%}}}"]),
              path: "training.programs[0].effects.csat", line: 34, says: "unknown field 'csat'"),
    Malformed("program name twice", workforceYAML([35: "    - {name: onboarding, participants: everyone}"]),
              path: "training.programs[1].name", line: 35, says: "program name 'onboarding' is used twice (programs[0])"),
    Malformed("spread over no weeks", workforceYAML([35: "    - {name: refresh, participants: everyone, spread_weeks: 0}"]),
              path: "training.programs[1].spread_weeks", line: 35, says: "must be 1 or more, got 0"),
    Malformed("negative cost", workforceYAML([35: "    - {name: refresh, participants: everyone, cost_per_agent: -5}"]),
              path: "training.programs[1].cost_per_agent", line: 35, says: "must be 0 or more, got -5"),
    Malformed("half-life of zero", workforceYAML([35: "    - {name: refresh, participants: everyone, effects: {half_life: 0w}}"]),
              path: "training.programs[1].effects.half_life", line: 35, says: "must be greater than 0"),
    Malformed("negative valuation", workforceYAML([32: "  valuation: {repeat_avoided: -8}"]),
              path: "training.valuation.repeat_avoided", line: 32, says: "must be 0 or more, got -8"),
    Malformed("program without participants", workforceYAML([35: "    - {name: refresh}"]),
              path: "training.programs[1].participants", line: 35, says: "required field 'participants' is missing"),
    Malformed("program starting after the run", workforceYAML([35: "    - {name: refresh, participants: [frontline], start_week: 6}"]),
              path: "training.programs[1].start_week", line: 35,
              says: "week 6 is at or past the end of the run, which has weeks 0–5 (from time 0, warm-up included): the program would never start in the run"),
    Malformed("bare number as an effect", workforceYAML([34: "    - {name: onboarding, participants: new_hires, effects: {handle_time: 10}}"]),
              path: "training.programs[0].effects.handle_time", line: 34,
              says: "'10' is a bare number, read as a fraction of 1 (+1000%); did you mean '10%'?"),
    Malformed("bare negative number as an effect", workforceYAML([34: "    - {name: onboarding, participants: new_hires, effects: {attrition: -40}}"]),
              path: "training.programs[0].effects.attrition", line: 34, says: "did you mean '-40%'?"),
    Malformed("bare number in an effect's distribution", workforceYAML([34: "    - {name: onboarding, participants: new_hires, effects: {handle_time: {triangular: {min: -35, mode: -25%, max: -10%}}}}"]),
              path: "training.programs[0].effects.handle_time.triangular.min", line: 34, says: "did you mean '-35%'?"),
    Malformed("bare number of FCR points", workforceYAML([34: "    - {name: onboarding, participants: new_hires, effects: {fcr: {points: 4}}}"]),
              path: "training.programs[0].effects.fcr.points", line: 34, says: "(400 points); did you mean '4pts'?"),
    Malformed("one clock day off the phones", workforceYAML([34: "    - {name: onboarding, participants: new_hires, off_phone: 1d}"]),
              path: "training.programs[0].off_phone", line: 34, says: "write 1 shift for that many of the participant's shifts"),
    Malformed("participants: a team without brackets", workforceYAML([35: "    - {name: refresh, participants: frontline}"]),
              path: "training.programs[1].participants", line: 35,
              says: "'frontline' is a team: teams are written as a list, participants: [frontline]; or new_hires or everyone"),
]

@Suite struct WorkforceDecodingTests {
    @Test(arguments: malformedWorkforceCases)
    func reportsTheRightPlaceOnOneLine(_ c: Malformed) throws {
        try expectFirstProblem(c)
    }

    @Test func readsEveryField() throws {
        let scenario = try loadValid(workforceYAML())
        let week = 7 * 86_400.0
        #expect(scenario.center.teams[0].workforce == nil)
        let w = try #require(scenario.center.teams[1].workforce)
        #expect(w.initialTenure == .uniform(lower: 0, upper: 150 * week))
        let curve = try #require(w.learningCurve)
        #expect(abs(curve.newHireHandleTime - 1.6) < 1e-12)
        #expect(abs(curve.newHireFCR + 0.15) < 1e-12)
        #expect(curve.timeConstant == 6 * week)
        #expect(curve.proficiencySpread?.mean ?? 0 > 0.99)
        #expect(curve.limits == [TenureLimit(until: 4 * week, maxChats: 2), TenureLimit(until: 8 * week, tiers: [0, 1])])
        #expect(curve.tiers(tenure: 5 * week) == [0, 1])
        #expect(curve.tiers(tenure: 9 * week) == nil)
        #expect(curve.maxChats(tenure: week) == 2)
        #expect(curve.maxChats(tenure: 5 * week) == nil)
        let attrition = try #require(w.attrition)
        #expect(attrition.steps.count == 2)
        #expect(attrition.weeklyRate(tenure: week) == 0.012)
        #expect(attrition.weeklyRate(tenure: 20 * week) == 0.006)
        #expect(w.hiring == Hiring(leadTime: 4 * week, cohort: 5, costPerHire: 8000, onboarding: 2 * week))

        let training = try #require(scenario.center.training)
        #expect(training.valuation == BenefitValuation(perRepeatAvoided: 8, perAbandonmentAvoided: 5, perEscalationAvoided: 15))
        #expect(training.programs.count == 2)
        let onboarding = training.programs[0]
        #expect(onboarding.participants == .newHires)
        #expect(onboarding.offPhoneHours == 42)
        #expect(onboarding.spreadWeeks == 2)
        #expect(onboarding.costPerAgent == 5000)
        #expect(onboarding.effects[.handleTime] == .triangular(lower: -0.35, mode: -0.25, upper: -0.1))
        #expect(onboarding.effects[.fcr] == .deterministic(0.25))
        #expect(onboarding.effects[.attrition] == nil)
        #expect(onboarding.effects.halfLife == 26 * week)
        let refresh = training.programs[1]
        #expect(refresh.participants == .teams([0]))
        #expect(refresh.startWeek == 4)
        #expect(refresh.cohortSize == 5)
        #expect(refresh.weeklyCoachingMinutes == 30)
        #expect(refresh.fixedCost == 2000)
        #expect(refresh.effects.halfLife == nil)
    }

    @Test func annualAttritionIsConvertedToAWeeklyHazard() throws {
        let scenario = try loadValid(workforceYAML([29: "      attrition: {annual: 40%}"]))
        let rate = try #require(scenario.center.teams[1].workforce?.attrition?.weeklyRate(tenure: 0))
        #expect(abs(pow(1 - rate, 52) - 0.6) < 1e-12)
    }

    @Test func weeksAreADurationUnit() throws {
        #expect(try Quantity.duration("2w") == 14 * 86_400)
        #expect(Quantity.describe(duration: 14 * 86_400) == "14d")
    }

    @Test func codeBuiltProgramsAreChecked() throws {
        var scenario = try loadValid(fullYAML())
        scenario.center.training = TrainingSpec(programs: [TrainingProgram(name: "x", participants: .teams([7]))])
        #expect(throws: ScenarioError.self) { try scenario.validate() }
    }

    /// Point estimates, FCR in points or relative, off-phone time in shifts, the discount rate.
    @Test func readsPointEstimatesPointsShiftsAndDiscountRate() throws {
        let scenario = try loadValid(workforceYAML([
            32: "  valuation: {repeat_avoided: 8, discount_rate: 8%}",
            34: "    - {name: onboarding, participants: new_hires, off_phone: 3 shifts, spread_weeks: 2, effects: {handle_time: -20%, fcr: +10pts}}",
            35: "    - {name: refresh, participants: [frontline], effects: {fcr: {relative: +10%}, repeats: {uniform: {min: -10%, max: 0%}}}}",
        ]))
        let training = try #require(scenario.center.training)
        #expect(training.valuation.discountRate == 0.08)
        let onboarding = training.programs[0]
        #expect(onboarding.offPhone == .shifts(3))
        #expect(onboarding.offPhone.seconds(shiftLength: 8 * 3600) == 24 * 3600)
        #expect(onboarding.effects[.handleTime] == .deterministic(-0.2))
        #expect(onboarding.effects[.fcr] == .deterministic(0.1))
        #expect(onboarding.effects.fcrBasis == .points)
        let refresh = training.programs[1]
        #expect(refresh.effects[.fcr] == .deterministic(0.1))
        #expect(refresh.effects.fcrBasis == .relative)
        #expect(refresh.effects[.repeats] == .uniform(lower: -0.1, upper: 0))
    }

    /// A bare number up to 1 in size is a fraction as before (-0.2 is −20%, 1 is +100%); only
    /// larger ones are refused as percentages without their sign.
    @Test func readsBareFractionsUpToOne() throws {
        let scenario = try loadValid(workforceYAML([
            34: "    - {name: onboarding, participants: new_hires, effects: {handle_time: -0.2, learning_time_constant: 1, attrition: {uniform: {min: -0.5, max: -1%}}}}",
        ]))
        let onboarding = try #require(scenario.center.training?.programs[0])
        #expect(onboarding.effects[.handleTime] == .deterministic(-0.2))
        #expect(onboarding.effects[.learningTimeConstant] == .deterministic(1))
        #expect(onboarding.effects[.attrition] == .uniform(lower: -0.5, upper: -0.01))
    }
}
