import Scenarios

/// One integer column of the program: agents working a template's shift at one start, on every
/// day of a tour family (`day == nil`: one start all week) or on one day of it (`daily_start: free`).
struct ShiftCandidate {
    /// Index in the team's `tourFamilies`.
    var family: Int
    var contract: Int?
    var template: Int
    var start: Double
    var length: Double
    var breaks: [Break]
    /// The working days this column covers: the family's days, or the one day it stands for.
    var days: Set<Weekday>
    /// Set when the column is one day of a free-start tour.
    var day: Weekday?
    /// Paid hours per agent per week (of this column's days).
    var paidHours: Double
    var cost: Double
    /// Agents on duty per agent in each slot of the week the shift touches (slots distinct).
    var coverage: [(slot: Int, duty: Double)]

    func shift(agents: Int) -> Shift {
        Shift(start: start, length: length, agents: agents, days: days, breaks: breaks)
    }

    /// The columns of every tour family of a team, families in order, then (days of a free
    /// family, then) starts.
    static func all(for entry: TeamScheduling, families: [TourFamily], hourlyCost: Double,
                    requirement: WeeklyRequirement) -> [ShiftCandidate] {
        var out: [ShiftCandidate] = []
        let slots = requirement.slots
        for (f, family) in families.enumerated() {
            let template = entry.templates[family.template]
            let paidPerShift = template.paidLength / 3600
            let groups: [(days: Set<Weekday>, day: Weekday?)] = entry.dailyStart == .same
                ? [(family.days, nil)] : family.days.sorted().map { ([$0], $0) }
            for group in groups {
                for start in template.starts {
                    let profile = ShiftCoverage.profile(start: start, length: template.length, breaks: template.breaks,
                                                        interval: requirement.interval)
                    let first = Int(clampedFrom: start / requirement.interval, rounding: .down)
                    var duty: [Int: Double] = [:]
                    for day in group.days {
                        for cell in profile {
                            let slot = (requirement.slot(day, first) + cell.offset) % slots
                            duty[slot, default: 0] += cell.duty
                        }
                    }
                    let paid = paidPerShift * Double(group.days.count)
                    out.append(ShiftCandidate(family: f, contract: family.contract, template: family.template, start: start,
                                              length: template.length, breaks: template.breaks, days: group.days, day: group.day,
                                              paidHours: paid, cost: paid * hourlyCost,
                                              coverage: duty.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
                }
            }
        }
        return out
    }
}
