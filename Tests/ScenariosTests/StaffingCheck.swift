import Scenarios
import Stochastics

/// A planner's back-of-the-envelope check of an example scenario: in every interval of the week,
/// the offered live workload (Erlangs) against the productive agents scheduled, and over the week
/// all work (email included) against all productive agent-hours.
///
/// Deliberately rough: new contacts plus one level of escalation, chat workload divided by the
/// concurrency (with its slowdown), breaks and shrinkage taken as an even reduction, and agents of
/// every team pooled. It catches an example staffed at a half or twice what its demand needs.
struct StaffingCheck {
    struct Interval {
        let day: Int
        let index: Int
        let liveLoad: Double
        let productiveAgents: Double
    }

    let intervals: [Interval]
    let weeklyWorkHours: Double
    let weeklyProductiveHours: Double

    init(_ scenario: Scenario) {
        let center = scenario.center
        let interval = scenario.run.interval
        let perDay = Int((86_400 / interval).rounded())

        /// Expected new contacts of channel c in interval i of day d.
        func arrivals(_ c: Int, day d: Int, interval i: Int) -> Double {
            let weekday = center.startWeekday.advanced(by: d)
            switch center.channels[c].demand.pattern {
            case .constant(let rate): return rate * interval
            case .daily(let daily):
                let total = daily.profile.reduce(0, +)
                return daily.volumePerDay * daily.dayFactors[weekday.rawValue] * daily.profile[i] / total
            case .forecast(let forecast):
                return forecast.volumes.indices.contains(d * perDay + i) ? forecast.volumes[d * perDay + i] : 0
            }
        }
        /// Agent-seconds per contact of tier t on channel c, escalation to the next tier included.
        func work(_ c: Int, _ t: Int) -> Double {
            let channel = center.channels[c], tier = center.tiers[t]
            var seconds = tier.handleTimes[c]?.mean ?? 0
            if let escalation = tier.escalation, tier.escalated > 0, escalation.mode == .warmTransfer {
                seconds += tier.escalated * (center.tiers[escalation.toTier].handleTimes[c]?.mean ?? 0)
            }
            if let chat = channel.chat {
                seconds *= (1 + chat.slowdown * Double(chat.concurrency - 1)) / Double(chat.concurrency)
            }
            return seconds
        }
        func productive(day d: Int, interval i: Int) -> Double {
            let t = Double(d) * 86_400 + (Double(i) + 0.5) * interval
            var total = 0.0
            for team in center.teams {
                let factor = (1 - team.shrinkage) * (1 - team.absenteeism)
                for shift in team.shifts {
                    let breaks = shift.breaks.reduce(0) { $0 + $1.length } / shift.length
                    for start in -1...6 where shift.days.contains(center.startWeekday.advanced(by: start)) {
                        let begin = Double(start) * 86_400 + shift.start
                        if begin <= t, t < begin + shift.length { total += Double(shift.agents) * factor * (1 - breaks) }
                    }
                }
            }
            return total
        }

        var intervals: [Interval] = []
        var workHours = 0.0, supply = 0.0
        for d in 0..<7 {
            for i in 0..<perDay {
                var live = 0.0
                for (c, channel) in center.channels.enumerated() {
                    for (t, share) in channel.tierShares.enumerated() where share > 0 {
                        let seconds = arrivals(c, day: d, interval: i) * share * work(c, t)
                        workHours += seconds / 3600
                        if channel.kind.isLive { live += seconds / interval }
                    }
                }
                let agents = productive(day: d, interval: i)
                supply += agents * interval / 3600
                intervals.append(Interval(day: d, index: i, liveLoad: live, productiveAgents: agents))
            }
        }
        self.intervals = intervals
        weeklyWorkHours = workHours
        weeklyProductiveHours = supply
    }
}
