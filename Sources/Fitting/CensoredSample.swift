import Foundation
import Stochastics

/// Durations with right censoring: a patience time is observed exactly when the customer
/// abandons, and only bounded below (patience > wait) when the contact is answered first.
/// Ignoring the censored ones keeps only the impatient customers and under-estimates patience.
public struct CensoredSample: Sendable {
    public var times: [Double]
    /// `true`: the time is the event (abandonment); `false`: right-censored.
    public var events: [Bool]

    public init(times: [Double], events: [Bool]) {
        precondition(times.count == events.count)
        self.times = times
        self.events = events
    }

    public var eventCount: Int { events.lazy.filter { $0 }.count }

    /// Mean of the event times alone: the naive estimate that ignores censoring.
    public var naiveMean: Double {
        var s = 0.0, n = 0.0
        for (t, e) in zip(times, events) where e { s += t; n += 1 }
        return n > 0 ? s / n : .nan
    }

    /// Censored exponential MLE of the mean: total exposure / events.
    public var exponentialMean: Double { times.reduce(0, +) / Double(eventCount) }
}
