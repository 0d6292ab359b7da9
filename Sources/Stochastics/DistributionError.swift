/// A distribution parameter that is out of range, with which one and why.
///
/// `parameter` is a path into the distribution: `"cv"`, `"mode"`,
/// `"values[3]"`, `"components[1].weight"`, `"components[0].shape"`.
public struct DistributionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which parameter is wrong, e.g. `"cv"` or `"components[1].weight"`.
    public let parameter: String
    /// What is wrong with it, e.g. `"must be greater than 0, got -1.0"`.
    public let message: String

    public init(parameter: String, message: String) {
        self.parameter = parameter
        self.message = message
    }

    public var description: String { "\(parameter) \(message)" }

    /// The same error seen from an enclosing distribution: `components[2].` + parameter.
    func nested(under prefix: String) -> DistributionError {
        DistributionError(parameter: "\(prefix).\(parameter)", message: message)
    }
}
