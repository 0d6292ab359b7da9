/// How contacts arrive. For now a homogeneous Poisson process; later versions add
/// time-varying rates per interval and per channel, which is why this is a type of its own.
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
