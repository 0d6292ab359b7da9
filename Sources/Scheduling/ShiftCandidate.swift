import Scenarios

/// One column of the program: a template's shift at one start on one set of working days.
struct ShiftCandidate {
    var template: Int
    var start: Double
    var length: Double
    var breaks: [Break]
    var days: Set<Weekday>
    /// Paid hours per agent per week.
    var paidHours: Double
    var cost: Double
    /// Agents on duty per agent in each slot of the week the shift touches (slots distinct).
    var coverage: [(slot: Int, duty: Double)]

    func shift(agents: Int) -> Shift {
        Shift(start: start, length: length, agents: agents, days: days, breaks: breaks)
    }

    /// Every (template, start, day set) of a team, templates in order, then starts, then day sets.
    static func all(for entry: TeamScheduling, hourlyCost: Double, requirement: WeeklyRequirement) -> [ShiftCandidate] {
        var out: [ShiftCandidate] = []
        let slots = requirement.slots
        for (k, template) in entry.templates.enumerated() {
            let daySets = template.daySets
            let paidPerShift = template.paidLength / 3600
            for start in template.starts {
                let profile = ShiftCoverage.profile(start: start, length: template.length, breaks: template.breaks,
                                                    interval: requirement.interval)
                let first = Int(clampedFrom: start / requirement.interval, rounding: .down)
                for days in daySets {
                    var duty: [Int: Double] = [:]
                    for day in days {
                        for cell in profile {
                            let slot = (requirement.slot(day, first) + cell.offset) % slots
                            duty[slot, default: 0] += cell.duty
                        }
                    }
                    let paid = paidPerShift * Double(days.count)
                    out.append(ShiftCandidate(template: k, start: start, length: template.length, breaks: template.breaks,
                                              days: days, paidHours: paid, cost: paid * hourlyCost,
                                              coverage: duty.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
                }
            }
        }
        return out
    }
}
