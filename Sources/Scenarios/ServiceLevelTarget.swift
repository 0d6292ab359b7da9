/// The service-level objective, e.g. 80% of contacts answered within 20 s ("80/20").
public struct ServiceLevelTarget: Sendable, Hashable {
    /// The answer-time threshold T, in seconds (> 0).
    public var answerWithin: Double
    /// Target fraction answered within T, in 0…1.
    public var target: Double
    /// How abandoned contacts enter the ratio.
    public var convention: ServiceLevelConvention

    public init(answerWithin: Double = 20, target: Double = 0.8, convention: ServiceLevelConvention = .offered) {
        self.answerWithin = answerWithin
        self.target = target
        self.convention = convention
    }

    func problems(at path: String) -> [FieldProblem] {
        var found: [FieldProblem] = []
        if !(answerWithin.isFinite && answerWithin > 0) {
            found.append(.init(joinPath(path, "answer_within"), "must be greater than 0, got \(Quantity.describe(duration: answerWithin))"))
        }
        if !(target.isFinite && (0...1).contains(target)) {
            found.append(.init(joinPath(path, "target"), "must be between 0% and 100%, got \(Quantity.describe(fraction: target))"))
        }
        return found
    }
}
