import Analytics
import Scenarios
import Stochastics

/// What queueing theory predicts for a scenario, where theory applies.
///
/// A scenario with exponential handle times and no patience is M/M/n (Erlang
/// C); with exponential patience too it is M/M/n+M (Erlang A). Tables print
/// the prediction beside the simulated value, so a user sees at once whether
/// the two agree; for other distributions there is no closed form, which is
/// where simulation earns its keep. Occupancy is the single team's; every
/// other figure is the single channel's.
public struct ErlangReference: Sendable {
    /// The closed form, named as `summary.json` names it (`ResultsSchema.TheoryModel`).
    public typealias Model = TheoryModel

    public let model: Model
    private let values: [Metric: Double]

    /// `nil` when the scenario is not a single queue, or not M/M/n or M/M/n+M.
    public init?(_ scenario: Scenario) {
        guard let queue = scenario.singleQueue else { return nil }
        self.init(queue)
    }

    /// `nil` when the queue is not M/M/n or M/M/n+M.
    public init?(_ queue: SingleQueueView) {
        guard case .exponential(let handleMean) = queue.handleTime else { return nil }
        let agents = queue.agents
        let rate = queue.ratePerSecond
        let threshold = queue.serviceLevel.answerWithin
        var values: [Metric: Double] = [:]
        switch queue.patience {
        case nil:
            let erlang = ErlangC(agents: agents, arrivalRate: rate, meanHandleTime: handleMean)
            guard erlang.isStable else { return nil }
            model = .erlangC
            let sl = erlang.serviceLevel(answerWithin: threshold)
            for metric in [Metric.serviceLevel, .serviceLevelOffered, .serviceLevelExcludingShortAbandons, .serviceLevelAnswered] {
                values[metric] = sl
            }
            values[.probabilityOfWait] = erlang.probabilityOfWait
            values[.averageSpeedOfAnswer] = erlang.averageSpeedOfAnswer
            values[.meanTimeInQueue] = erlang.averageSpeedOfAnswer
            values[.meanQueueLength] = erlang.meanQueueLength
            values[.abandonmentRate] = 0
            values[.occupancy] = erlang.occupancy
        case .exponential(let patienceMean)?:
            let erlang = ErlangA(agents: agents, arrivalRate: rate, meanHandleTime: handleMean, meanPatience: patienceMean)
            model = .erlangA
            let answeredWithin = erlang.probabilityAnsweredWithin(threshold)
            let abandon = erlang.probabilityOfAbandon
            values[.serviceLevelOffered] = answeredWithin
            values[.serviceLevelExcludingShortAbandons] = answeredWithin / (1 - erlang.probabilityAbandonedWithin(threshold))
            values[.serviceLevelAnswered] = answeredWithin / (1 - abandon)
            let convention: Metric = switch queue.serviceLevel.convention {
            case .offered: .serviceLevelOffered
            case .excludingShortAbandons: .serviceLevelExcludingShortAbandons
            case .answered: .serviceLevelAnswered
            }
            values[.serviceLevel] = values[convention]
            values[.probabilityOfWait] = erlang.probabilityOfWait
            values[.abandonmentRate] = abandon
            values[.averageSpeedOfAnswer] = erlang.averageSpeedOfAnswer
            values[.meanTimeInQueue] = erlang.meanWaitAll
            values[.meanQueueLength] = erlang.meanQueueLength
            values[.occupancy] = erlang.occupancy
        default:
            return nil
        }
        self.values = values
    }

    /// The predicted value of `metric`, where the model gives one.
    public subscript(metric: Metric) -> Double? { values[metric] }
}
