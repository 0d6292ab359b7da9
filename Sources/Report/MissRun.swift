import Foundation

/// A run of consecutive reporting intervals in which one channel missed its service-level target:
/// how a planner reads a week's failures ("Mon 08:00–10:30, voice: SL 61–74 %, short 3–6 agents")
/// rather than 166 separate rows.
package struct MissRun: Equatable {
    package var channel: String
    /// The missed intervals, in order; their indices are consecutive.
    package var rows: [StaffingCheckResults.Row]

    package init(channel: String, rows: [StaffingCheckResults.Row]) {
        self.channel = channel
        self.rows = rows
    }

    var lowestServiceLevel: Double { rows.compactMap(\.serviceLevel).min() ?? .nan }

    /// The runs of every channel, worst first: lowest service level, then the longest, then the earliest.
    static func runs(_ check: StaffingCheckResults) -> [MissRun] {
        var runs: [MissRun] = []
        for channel in check.channels {
            var current: MissRun?
            for row in channel.rows.sorted(by: { $0.interval < $1.interval }) {
                if row.missed, let run = current, run.rows.last!.interval + 1 == row.interval {
                    current!.rows.append(row)
                    continue
                }
                if let run = current { runs.append(run) }
                current = row.missed ? MissRun(channel: channel.name, rows: [row]) : nil
            }
            if let run = current { runs.append(run) }
        }
        return runs.sorted {
            ($0.lowestServiceLevel, -$0.rows.count, $0.rows[0].interval) < ($1.lowestServiceLevel, -$1.rows.count, $1.rows[0].interval)
        }
    }

    /// `SL 61–74%`, or `SL 61%` for one value; a level that whole percents would round up to the
    /// target (79.6% of 80%) gets a decimal, so a miss never reads as the target met.
    package var serviceLevelText: String {
        let levels = rows.compactMap(\.serviceLevel)
        guard let low = levels.min(), let high = levels.max() else { return "—" }
        func shown(_ x: Double) -> String {
            guard let target = rows[0].target, (x * 100).rounded() >= (target * 100).rounded() else { return ValueFormat.percent(x, digits: 0) }
            return ValueFormat.percent(x, digits: 1)
        }
        let a = shown(low), b = shown(high)
        return a == b ? a : (a.hasSuffix("%") ? String(a.dropLast()) : a) + "–" + b
    }

    /// `short 3–6 agents`, `over 1–2 agents` (missed all the same: the queue carried over, or the
    /// split of a blended team), `−2 to +1 agents` when mixed; `—` without a requirement. One
    /// decimal: these are means over replications, read at a glance.
    package var staffingText: String {
        let net = rows.compactMap(\.netStaffing)
        guard let low = net.min(), let high = net.max() else { return "—" }
        func n(_ x: Double) -> String {
            let r = (abs(x) * 10).rounded() / 10
            return r == r.rounded() ? String(Int(r)) : String(format: "%.1f", r)
        }
        func range(_ a: Double, _ b: Double) -> String {
            // Short by less than a tenth of an agent is not "short 0 agents".
            let lowText = n(a) == "0" ? "<0.1" : n(a)
            return n(a) == n(b) ? lowText : "\(lowText)–\(n(b))"
        }
        func agents(_ text: String) -> String { text == "1" ? "1 agent" : "\(text) agents" }
        if high <= 0 && low < 0 { return "short " + agents(range(high, low)) }
        if low >= 0 { return high == 0 ? "on the requirement" : "over " + agents(range(low, high)) }
        return "−\(n(low)) to +\(n(high)) agents"
    }
}
