/// How contacts arrive in the single-queue form: a homogeneous Poisson process. It becomes the
/// constant `DemandSpec` of the one voice channel (`Scenario.init(name:…arrivals:team:…)`);
/// time-varying demand per channel is `DemandSpec` in the full form.
public struct ArrivalProcess: Sendable, Hashable {
    /// Mean arrivals per second (> 0). YAML writes it with a unit, e.g. `540/h`.
    public var ratePerSecond: Double

    public init(ratePerSecond: Double) {
        self.ratePerSecond = ratePerSecond
    }

    func problems(at path: String) -> [FieldProblem] {
        guard ratePerSecond.isFinite, ratePerSecond > 0 else {
            return [.init(joinPath(path, "rate"), "must be greater than 0, got \(Quantity.describe(rate: ratePerSecond))")]
        }
        return []
    }
}
