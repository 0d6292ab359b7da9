import ContactCenter
import Scenarios

/// How many periods (intervals, days, weeks or the whole run) of one channel
/// missed the service-level target in one replication, and what the contract
/// charges for them.
///
/// Periods are counted from the start of the measured window; a period with no
/// offered contacts (a closed channel at night) cannot miss. Without a penalty,
/// periods are the reporting intervals: the count then says how many intervals
/// of the horizon the planner's staffing failed.
package enum ServiceLevelMisses {
    package static func count(_ result: CenterResult, channel c: Int, spec: ChannelSpec) -> Int {
        missedPeriodStarts(result, channel: c, spec: spec).count
    }

    /// The start (seconds into the measured window) of every missed period, in order.
    package static func missedPeriodStarts(_ result: CenterResult, channel c: Int, spec: ChannelSpec) -> [Double] {
        let period = spec.missPenalty?.per ?? .interval
        let convention = spec.serviceLevel.convention
        let groupLength: Double? = switch period {
        case .interval: result.intervalLength
        case .day, .week: period.seconds
        case .run: nil
        }
        var misses: [Double] = []
        var counts = OutcomeCounts()
        var group = 0
        func close() {
            if let level = counts.serviceLevel(convention), level < spec.serviceLevel.target {
                misses.append(groupLength.map { Double(group) * $0 } ?? 0)
            }
            counts = OutcomeCounts()
        }
        for i in 0..<result.intervalCount {
            let start = Double(i) * result.intervalLength
            let g = groupLength.map { Int((start / $0).rounded(.down)) } ?? 0
            if g != group {
                close()
                group = g
            }
            counts.add(result.outcomes(interval: i, channel: c))
        }
        close()
        return misses
    }

    /// The money owed for the misses of every channel with a penalty.
    package static func penalty(_ result: CenterResult, channels: [ChannelSpec]) -> Double {
        channels.enumerated().reduce(0) { total, entry in
            guard let penalty = entry.element.missPenalty else { return total }
            return total + Double(count(result, channel: entry.offset, spec: entry.element)) * penalty.amount
        }
    }
}
