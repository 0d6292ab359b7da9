import Scenarios
import Stochastics

/// The range a trainer's uncertain effect spans: its 5th and 95th percentiles and its mean,
/// the low, high and base points of the sensitivity (tornado) table.
///
/// Percentiles are read off 20,000 draws from a fixed stream, so they hold for any of the
/// distributions a scenario allows (triangular, uniform, empirical, mixtures…) and are the
/// same on every run.
public struct EffectRange: Sendable, Hashable, Codable {
    public var program: String
    public var effect: String
    public var low: Double
    public var base: Double
    public var high: Double

    public static let lowQuantile = 0.05
    public static let highQuantile = 0.95

    public init(program: String, effect: String, low: Double, base: Double, high: Double) {
        self.program = program
        self.effect = effect
        self.low = low
        self.base = base
        self.high = high
    }

    public init(program: String, kind: TrainingEffects.Kind, distribution: Distribution) {
        let stream = (try? StreamPlan(seed: 0))!.stream(replication: 0, purpose: .trainingEffects)
        let draws = (0..<20_000).map { _ in distribution.sample(from: stream) }.sorted()
        func quantile(_ q: Double) -> Double { draws[Int(q * Double(draws.count - 1))] }
        self.init(program: program, effect: kind.rawValue, low: quantile(Self.lowQuantile), base: distribution.mean,
                  high: quantile(Self.highQuantile))
    }

    /// Whether the effect is uncertain at all (a fixed effect has nothing to vary).
    public var varies: Bool { high > low }
}
