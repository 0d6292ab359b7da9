import CRandomStreams

extension Distribution {
    /// Checks every parameter, so that sampling and the moments are well defined.
    ///
    /// Call once when a scenario is loaded, not per draw. Rules: scales, means,
    /// shapes, sigma and phases must be > 0; every number must be finite;
    /// constants, bounds and observed values must be ≥ 0 (these are durations
    /// and amounts); `lower < upper` and `lower ≤ mode ≤ upper`; an empirical
    /// list must not be empty; mixture weights must be ≥ 0 and not all 0, and
    /// each component must itself be valid.
    ///
    /// - Throws: ``DistributionError`` naming the first bad parameter, e.g.
    ///   `components[1].weight`: "must be at least 0, got -0.5".
    public func validate() throws {
        switch self {
        case let .exponential(mean):
            try Check.positive(mean, "mean")
        case let .gamma(shape, scale):
            try Check.positive(shape, "shape")
            try Check.positive(scale, "scale")
        case let .erlang(phases, mean):
            guard phases >= 1 else {
                throw DistributionError(parameter: "phases", message: "must be at least 1, got \(phases)")
            }
            try Check.positive(mean, "mean")
        case let .lognormal(mu, sigma):
            try Check.finite(mu, "mu")
            try Check.positive(sigma, "sigma")
        case let .weibull(shape, scale):
            try Check.positive(shape, "shape")
            try Check.positive(scale, "scale")
        case let .uniform(lower, upper):
            try Check.nonNegative(lower, "lower")
            try Check.finite(upper, "upper")
            try Check.above(upper, lower, "upper", "lower")
        case let .triangular(lower, mode, upper):
            try Check.nonNegative(lower, "lower")
            try Check.finite(mode, "mode")
            try Check.finite(upper, "upper")
            try Check.above(upper, lower, "upper", "lower")
            guard mode >= lower, mode <= upper else {
                throw DistributionError(
                    parameter: "mode", message: "must be between lower (\(lower)) and upper (\(upper)), got \(mode)")
            }
        case let .deterministic(value):
            try Check.nonNegative(value, "value")
        case let .empirical(values):
            guard !values.isEmpty else {
                throw DistributionError(parameter: "values", message: "must not be empty")
            }
            // gsl_rng_uniform_int picks the index; it serves up to max - min values.
            guard UInt64(values.count) < CCSIM_MRG32K3A_M1 - 1 else {
                throw DistributionError(parameter: "values", message: "must have fewer than 2^32 - 210 entries")
            }
            for (i, value) in values.enumerated() {
                try Check.nonNegative(value, "values[\(i)]")
            }
        case let .mixture(components):
            guard !components.isEmpty else {
                throw DistributionError(parameter: "components", message: "must not be empty")
            }
            var total = 0.0
            for (i, component) in components.enumerated() {
                try Check.nonNegative(component.weight, "components[\(i)].weight")
                total += component.weight
                do {
                    try component.distribution.validate()
                } catch let error as DistributionError {
                    throw error.nested(under: "components[\(i)]")
                }
            }
            guard total > 0, total.isFinite else {
                throw DistributionError(
                    parameter: "components", message: "weights must sum to a finite value greater than 0, got \(total)")
            }
        }
    }
}

/// Parameter checks shared by validation and the mean/cv constructors.
enum Check {
    static func finite(_ x: Double, _ name: String) throws {
        guard x.isFinite else { throw DistributionError(parameter: name, message: "must be finite, got \(x)") }
    }

    static func positive(_ x: Double, _ name: String) throws {
        try finite(x, name)
        guard x > 0 else { throw DistributionError(parameter: name, message: "must be greater than 0, got \(x)") }
    }

    static func nonNegative(_ x: Double, _ name: String) throws {
        try finite(x, name)
        guard x >= 0 else { throw DistributionError(parameter: name, message: "must be at least 0, got \(x)") }
    }

    static func above(_ x: Double, _ bound: Double, _ name: String, _ boundName: String) throws {
        guard x > bound else {
            throw DistributionError(parameter: name, message: "must be greater than \(boundName) (\(bound)), got \(x)")
        }
    }
}
