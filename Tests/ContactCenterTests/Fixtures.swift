import Scenarios
import Stochastics

/// Scenarios built in code for the model's tests.
enum Fixtures {
    static func queue(
        agents: Int,
        ratePerHour: Double,
        handle: Distribution = .exponential(mean: 300),
        patience: Distribution? = nil,
        horizon: Double = 8 * 3600,
        warmup: Double = 0,
        interval: Double = 1800,
        seed: UInt64 = 1,
        maxArrivals: Int? = nil
    ) -> Scenario {
        Scenario(
            name: "fixture",
            run: RunSettings(horizon: horizon, warmup: warmup, interval: interval, replications: 1, seed: seed, maxArrivals: maxArrivals),
            arrivals: ArrivalProcess(ratePerSecond: ratePerHour / 3600),
            team: TeamSpec(name: "agents", agents: agents),
            handleTime: handle,
            patience: patience,
            serviceLevel: ServiceLevelTarget(answerWithin: 20, target: 0.8, convention: .offered)
        )
    }
}
