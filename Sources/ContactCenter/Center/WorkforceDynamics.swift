import Foundation
import Scenarios
import Stochastics

/// Who sits on each rota seat, week by week: tenure, proficiency, onboarding, attrition,
/// replacements and training. Updated once a week (``startWeek(_:adjust:rosterOffset:)``) and
/// once a day (``admit(_:)`` filters the day's rota), never per contact: the hot path reads only
/// the per-agent ``AgentAdjustment`` this refreshes.
///
/// Week w (from 0) starts at w × 7 days. At its start, in this order:
/// 1. agents drawn to leave during week w − 1 leave; with hiring, each vacated seat gets a
///    requisition ready `lead_time` later (whole weeks, rounded up);
/// 2. ready requisitions join (all of them, or whole cohorts of `cohort`): tenure 0, the seat's
///    proficiency draw of the week, off the phones (whole shifts, paid) for `onboarding`;
/// 3. programs enrol participants (up to `cohort_size` a week, seat order);
/// 4. each agent's multipliers are set from its tenure at mid-week and its programs' effects;
/// 5. the week's record is opened (headcount = agents on the payroll now);
/// 6. attrition: one uniform per seat (vacant or not, seat order, for common random numbers);
///    an agent with u < hazard(tenure) × attrition effects works this week and leaves at its end.
///
/// Training time off the phones is an off-phone block at the start of each worked shift
/// (the week's hours over the shift's working days; a block as long as the shift takes the whole
/// shift). It is paid, inside the team's paid time, and recorded as `trainingSeconds`.
/// Onboarding shifts are paid but not on shift: recorded as `onboardingSeconds` only.
struct WorkforceDynamics {
    static let week = 7 * 86_400.0

    private struct Requisition {
        let seat: Int
        let readyWeek: Int
    }

    let teams: [AgentTeamSpec]
    let programs: [TrainingProgram]
    private let effects: TrainingEffectDraws
    private let seatTeam: [Int]
    /// Days a week each seat's shift runs, and its length and paid seconds.
    private let seatWorkdays: [Int]
    private let seatShiftLength: [Double]
    private let seatPaid: [Double]
    private let attritionStream: RandomStream
    private let proficiencyStream: RandomStream

    private(set) var present: [Bool]
    private var leaving: [Bool]
    private var tenureStart: [Double]
    private var proficiency: [Double]
    private var onboardingUntil: [Double]
    /// Week the occupant joined during the run; nil for the agents there at time 0.
    private var joinedWeek: [Int?]
    /// `programStart[seat × programs + p]`: week the occupant started program p, or -1.
    private var programStart: [Int]
    /// Training seconds still to be taken off the phones this week, and the daily share.
    private var trainingLeft: [Double]
    private var trainingPerDay: [Double]
    /// Seats whose training block lasts their whole shift today (the block ends after the shift).
    private var blockThroughEnd: [Bool]
    /// Seats whose current shift was dropped (onboarding).
    private var shiftDropped: [Bool]
    /// This week's proficiency for a hire joining each seat.
    private var hireProficiency: [Double]
    /// The product of each agent's attrition effects this week.
    private var attritionChange: [Double]
    private var requisitions: [[Requisition]]
    private var currentWeek = -1
    private(set) var weeks: [WorkforceWeek] = []

    /// nil when no team has workforce dynamics and there are no programs.
    init?(center: CenterSpec, roster: Roster, streams: StreamPlan, replication: Int) {
        let programs = center.training?.programs ?? []
        guard !roster.agents.isEmpty, programs.count > 0 || center.teams.contains(where: { $0.workforce != nil }) else { return nil }
        teams = center.teams
        self.programs = programs
        effects = TrainingEffectDraws(programs: programs, streams: streams, replication: replication)
        seatTeam = roster.agents.map(\.team)
        seatWorkdays = roster.agents.map { max(1, center.teams[$0.team].shifts[$0.shift].days.count) }
        seatShiftLength = roster.agents.map { center.teams[$0.team].shifts[$0.shift].length }
        seatPaid = roster.agents.map(\.paidSecondsPerShift)
        attritionStream = streams.stream(replication: replication, purpose: .attrition)
        proficiencyStream = streams.stream(replication: replication, purpose: .proficiency)
        let n = roster.agents.count
        present = Array(repeating: true, count: n)
        leaving = Array(repeating: false, count: n)
        tenureStart = Array(repeating: 0, count: n)
        proficiency = Array(repeating: 1, count: n)
        onboardingUntil = Array(repeating: -.infinity, count: n)
        joinedWeek = Array(repeating: nil, count: n)
        programStart = Array(repeating: -1, count: n * programs.count)
        trainingLeft = Array(repeating: 0, count: n)
        trainingPerDay = Array(repeating: 0, count: n)
        blockThroughEnd = Array(repeating: false, count: n)
        shiftDropped = Array(repeating: false, count: n)
        attritionChange = Array(repeating: 1, count: n)
        hireProficiency = Array(repeating: 1, count: n)
        requisitions = Array(repeating: [], count: center.teams.count)
        // Starting tenures, then individual proficiencies, in seat order.
        for seat in 0..<n {
            guard let w = teams[seatTeam[seat]].workforce else { continue }
            tenureStart[seat] = -max(0, w.initialTenure.sample(from: proficiencyStream))
        }
        for seat in 0..<n { proficiency[seat] = drawProficiency(team: seatTeam[seat]) }
    }

    private func drawProficiency(team: Int) -> Double {
        guard let spread = teams[team].workforce?.learningCurve?.proficiencySpread else { return 1 }
        return max(0.01, spread.sample(from: proficiencyStream))
    }

    private func record(_ team: Int) -> Int { currentWeek * teams.count + team }

    // MARK: Week

    mutating func startWeek(_ w: Int, adjust: inout [AgentAdjustment], rosterOffset: Int) {
        currentWeek = w
        let t0 = Double(w) * Self.week
        let teamCount = teams.count
        for t in 0..<teamCount { weeks.append(WorkforceWeek(week: w, team: t)) }
        let n = present.count

        // 1. Leavers of last week go; their seats are requisitioned.
        for seat in 0..<n where leaving[seat] {
            leaving[seat] = false
            present[seat] = false
            let team = seatTeam[seat]
            if let hiring = teams[team].workforce?.hiring {
                let lead = Int((hiring.leadTime / Self.week - 1e-9).rounded(.up))
                requisitions[team].append(Requisition(seat: seat, readyWeek: w + max(0, lead)))
            }
        }
        // 2. Ready requisitions join, whole cohorts at a time. Every seat of a team with a
        //    proficiency spread draws a would-be hire's proficiency each week, hired or not, so
        //    hires keep their draws when a program changes who leaves (common random numbers).
        for seat in 0..<n { hireProficiency[seat] = drawProficiency(team: seatTeam[seat]) }
        for team in 0..<teamCount where !requisitions[team].isEmpty {
            guard let hiring = teams[team].workforce?.hiring else { continue }
            let ready = requisitions[team].filter { $0.readyWeek <= w }
            let joining = hiring.cohort.map { ready.count / $0 * $0 } ?? ready.count
            guard joining > 0 else { continue }
            let seats = Set(ready.prefix(joining).map(\.seat))
            requisitions[team].removeAll { seats.contains($0.seat) }
            for seat in seats.sorted() {
                present[seat] = true
                tenureStart[seat] = t0
                proficiency[seat] = hireProficiency[seat]
                onboardingUntil[seat] = t0 + hiring.onboarding
                joinedWeek[seat] = w
                for p in programs.indices { programStart[seat * programs.count + p] = -1 }
            }
            weeks[record(team)].hires += joining
            weeks[record(team)].hiringCost += Double(joining) * hiring.costPerHire
        }
        // 3. Programs enrol participants.
        for (p, program) in programs.enumerated() where w >= program.startWeek {
            if w == program.startWeek, program.fixedCost > 0 {
                // Booked to the first team named, or to the first team for new hires and everyone.
                let team = if case .teams(let list) = program.participants, let first = list.first { first } else { 0 }
                weeks[record(team)].trainingCost += program.fixedCost
            }
            var enrolled = 0
            for seat in 0..<n where present[seat] && programStart[seat * programs.count + p] < 0 && t0 >= onboardingUntil[seat] {
                if let cohort = program.cohortSize, enrolled >= cohort { break }
                let eligible: Bool = switch program.participants {
                case .everyone: true
                case .teams(let list): list.contains(seatTeam[seat])
                case .newHires: (joinedWeek[seat] ?? -1) >= program.startWeek
                }
                guard eligible else { continue }
                programStart[seat * programs.count + p] = w
                enrolled += 1
                weeks[record(seatTeam[seat])].trainingCost += program.costPerAgent
            }
        }
        // 4.–5. Multipliers, training time and the week's record.
        let mid = t0 + Self.week / 2
        var multiplierSum = Array(repeating: 0.0, count: teamCount)
        for seat in 0..<n {
            let team = seatTeam[seat]
            trainingLeft[seat] = 0
            trainingPerDay[seat] = 0
            guard present[seat] else {
                adjust[rosterOffset + seat] = AgentAdjustment()
                continue
            }
            // Indexed like TrainingEffects.Kind.allCases: handle time, fcr, escalation, repeats, learning time constant, attrition.
            var change = Array(repeating: 1.0, count: TrainingEffects.Kind.allCases.count)
            var fcrPoints = 0.0
            var training = 0.0
            for (p, program) in programs.enumerated() {
                let s = programStart[seat * programs.count + p]
                guard s >= 0, s <= w else { continue }
                if w < s + program.spreadWeeks {
                    training += program.offPhone.seconds(shiftLength: seatShiftLength[seat]) / Double(program.spreadWeeks)
                }
                training += program.weeklyCoachingMinutes * 60
                let completed = Double(s + program.spreadWeeks) * Self.week
                guard mid >= completed else { continue }
                let fade = program.effects.halfLife.map { pow(0.5, (mid - completed) / $0) } ?? 1
                for (k, draw) in effects.draws[p].enumerated() {
                    guard let draw else { continue }
                    if k == 1 && program.effects.fcrBasis == .points { fcrPoints += draw * fade } else { change[k] *= max(0, 1 + draw * fade) }
                }
            }
            if mid >= onboardingUntil[seat] {
                trainingLeft[seat] = training
                trainingPerDay[seat] = training / Double(seatWorkdays[seat])
            }
            var a = AgentAdjustment()
            var novelty = 0.0
            if let curve = teams[team].workforce?.learningCurve {
                let tau = curve.timeConstant * change[4]
                novelty = LearningCurve.novelty(tenure: mid - tenureStart[seat], timeConstant: tau)
                a.handleTime = proficiency[seat] * (1 + (curve.newHireHandleTime - 1) * novelty)
                a.resolved = max(0, 1 + curve.newHireFCR * novelty)
                a.maxChats = curve.maxChats(tenure: mid - tenureStart[seat]) ?? .max
                if let tiers = curve.tiers(tenure: mid - tenureStart[seat]) {
                    a.tierMask = tiers.reduce(0) { $1 < 64 ? $0 | (1 << UInt64($1)) : $0 }
                }
            }
            a.handleTime *= change[0]
            a.resolved *= change[1]
            a.resolvedPoints = fcrPoints
            a.escalated = change[2]
            a.repeats = change[3]
            adjust[rosterOffset + seat] = a
            weeks[record(team)].headcount += 1
            multiplierSum[team] += a.handleTime
            attritionChange[seat] = change[5]
        }
        for team in 0..<teamCount where weeks[record(team)].headcount > 0 {
            weeks[record(team)].meanHandleTimeMultiplier = multiplierSum[team] / Double(weeks[record(team)].headcount)
        }
        // 6. Attrition: one uniform per seat, always.
        for seat in 0..<n {
            let u = attritionStream.uniform()
            guard present[seat], let attrition = teams[seatTeam[seat]].workforce?.attrition else { continue }
            let hazard = min(1, attrition.weeklyRate(tenure: t0 - tenureStart[seat]) * attritionChange[seat])
            if u < hazard {
                leaving[seat] = true
                weeks[record(seatTeam[seat])].leavers += 1
            }
        }
    }

    // MARK: Day

    /// What to do with one of the day's rota transitions of `seat`.
    enum Admission {
        /// Schedule it as usual.
        case keep
        /// Drop it: vacant seat, or a shift spent in onboarding.
        case drop
        /// A shift start with a training block of this length first (pause, then the shift).
        case trainingBlock(Double)
        /// A shift end, then the end of a training block that lasted the whole shift.
        case endThenResume
    }

    /// Filters the day's rota: vacant and onboarding seats do not come on; a shift start of an
    /// agent with training left this week begins with an off-phone block.
    mutating func admit(_ transition: AgentTransition) -> Admission {
        let seat = transition.agent
        guard present[seat] else { return .drop }
        guard transition.kind == .shiftStart else {
            if shiftDropped[seat] { return .drop }
            return transition.kind == .shiftEnd && blockThroughEnd[seat] ? .endThenResume : .keep
        }
        blockThroughEnd[seat] = false
        shiftDropped[seat] = transition.time < onboardingUntil[seat]
        if shiftDropped[seat] {
            weeks[record(seatTeam[seat])].onboardingSeconds += seatPaid[seat]
            return .drop
        }
        guard trainingLeft[seat] > 0 else { return .keep }
        let block = min(trainingLeft[seat], trainingPerDay[seat], seatShiftLength[seat])
        trainingLeft[seat] -= block
        weeks[record(seatTeam[seat])].trainingSeconds += block
        if block >= seatShiftLength[seat] - 1e-6 { blockThroughEnd[seat] = true }
        return .trainingBlock(block)
    }

    // MARK: Invariants

    /// The seats' states agree: a leaver is still present, a requisitioned seat is vacant and
    /// requisitioned once by its own team, training left is never negative, and the current week's
    /// records count the seats present. O(seats): tests run it after every event.
    func checkInvariants() throws {
        let n = present.count
        for seat in 0..<n {
            if leaving[seat] && !present[seat] { throw InvariantViolation("seat \(seat) is leaving but vacant") }
            if trainingLeft[seat] < 0 { throw InvariantViolation("seat \(seat): \(trainingLeft[seat]) s of training left") }
        }
        var requisitioned = Array(repeating: false, count: n)
        for (team, list) in requisitions.enumerated() {
            for requisition in list {
                let seat = requisition.seat
                guard !requisitioned[seat], !present[seat], seatTeam[seat] == team else {
                    throw InvariantViolation("seat \(seat) requisitioned by team \(team): twice, while occupied, or of team \(seatTeam[seat])")
                }
                requisitioned[seat] = true
            }
        }
        guard currentWeek >= 0 else { return }
        if weeks.count != (currentWeek + 1) * teams.count {
            throw InvariantViolation("\(weeks.count) weekly records in week \(currentWeek) of \(teams.count) teams")
        }
        var headcount = Array(repeating: 0, count: teams.count)
        for seat in 0..<n where present[seat] { headcount[seatTeam[seat]] += 1 }
        for team in teams.indices where weeks[record(team)].headcount != headcount[team] {
            throw InvariantViolation("team \(team): headcount \(weeks[record(team)].headcount) in week \(currentWeek), \(headcount[team]) seats present")
        }
    }
}
