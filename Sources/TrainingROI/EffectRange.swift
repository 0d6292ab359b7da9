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
    /// For FCR: "points" or "relative" (nil for other effects, always relative).
    public var basis: String?

    public static let lowQuantile = 0.05
    public static let highQuantile = 0.95

    public init(program: String, effect: String, low: Double, base: Double, high: Double, basis: String? = nil) {
        self.basis = basis
        self.program = program
        self.effect = effect
        self.low = low
        self.base = base
        self.high = high
    }

    public init(program: String, kind: TrainingEffects.Kind, distribution: Distribution, basis: TrainingEffects.FCRBasis = .relative) {
        let stream = (try? StreamPlan(seed: 0))!.stream(replication: 0, purpose: .trainingEffects)
        let draws = (0..<20_000).map { _ in distribution.sample(from: stream) }.sorted()
        func quantile(_ q: Double) -> Double { draws[Int(q * Double(draws.count - 1))] }
        self.init(program: program, effect: kind.rawValue, low: quantile(Self.lowQuantile), base: distribution.mean,
                  high: quantile(Self.highQuantile), basis: kind == .fcr ? basis.rawValue : nil)
    }

    /// The effect in words, for tables and sentences.
    public static func words(_ effect: String) -> String {
        switch TrainingEffects.Kind(rawValue: effect) {
        case .handleTime: "handle time"
        case .fcr: "first-contact resolution"
        case .escalation: "escalations"
        case .repeats: "repeat contacts"
        case .learningTimeConstant: "time to learn"
        case .attrition: "attrition"
        case nil: effect
        }
    }

    /// "-33% … -15%", or "+1.0 pts … +3.8 pts" for FCR in points.
    public func describe(_ x: Double) -> String {
        basis == "points" ? String(format: "%+.1f pts", x * 100) : String(format: "%+.0f%%", x * 100)
    }

    /// Whether the effect is uncertain at all (a fixed effect has nothing to vary).
    public var varies: Bool { high > low }
}
