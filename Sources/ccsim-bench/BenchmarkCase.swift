import Scenarios
import Stochastics

/// The reference workloads of the benchmark, built in code so the figures do
/// not depend on any scenario file.
enum BenchmarkCase: String, CaseIterable {
    /// 50 agents, exponential handle time mean 300 s, 45 Erlangs offered, no abandonment.
    case mid
    /// 500 agents, exponential handle time mean 300 s, 480 Erlangs offered, exponential patience mean 180 s.
    case big

    var summary: String {
        switch self {
        case .mid: "50 agents, 45 Erl, exp handle 300s, no abandonment"
        case .big: "500 agents, 480 Erl, exp handle 300s, exp patience 180s"
        }
    }

    /// A single replication that stops after `arrivals` arrivals (no warm-up, one reporting interval).
    func scenario(arrivals: Int) -> Scenario {
        let agents: Int, erlangs: Double, patience: Distribution?
        switch self {
        case .mid: (agents, erlangs, patience) = (50, 45, nil)
        case .big: (agents, erlangs, patience) = (500, 480, .exponential(mean: 180))
        }
        let horizon = 1e15
        return Scenario(
            name: "bench-\(rawValue)",
            run: RunSettings(horizon: horizon, warmup: 0, interval: horizon, replications: 1, seed: 1, maxArrivals: arrivals),
            arrivals: ArrivalProcess(ratePerSecond: erlangs / 300),
            team: TeamSpec(name: "agents", agents: agents),
            handleTime: .exponential(mean: 300),
            patience: patience,
            serviceLevel: ServiceLevelTarget(answerWithin: 20, target: 0.8, convention: .offered)
        )
    }
}
