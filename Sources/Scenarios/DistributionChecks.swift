import Stochastics

/// Validation of `Distribution` values, addressed by YAML field paths.
///
/// Parameter rules belong to Stochastics (`validate()` and the throwing moment constructors);
/// this file only adds what the scenario layer knows on top — a *time* cannot be negative — and
/// translates Stochastics' parameter names into the YAML spelling (`lower` → `min`).
enum DistributionChecks {
    /// YAML key naming a distribution family, as in `{lognormal: {...}}`.
    static func family(of distribution: Distribution) -> String {
        switch distribution {
        case .exponential: "exponential"
        case .gamma: "gamma"
        case .erlang: "erlang"
        case .lognormal: "lognormal"
        case .weibull: "weibull"
        case .uniform: "uniform"
        case .triangular: "triangular"
        case .deterministic: "deterministic"
        case .empirical: "empirical"
        case .mixture: "mixture"
        }
    }

    /// Stochastics parameter name → YAML key under the family ("" = the family entry itself).
    static func yamlParameter(_ parameter: String) -> String {
        switch parameter {
        case "lower": "min"
        case "upper": "max"
        case "value", "values", "": ""
        default: parameter
        }
    }

    /// Turns an error from Stochastics into a problem at `familyPath.parameter`.
    static func problem(from error: any Error, familyPath: String) -> FieldProblem {
        if let error = error as? DistributionError {
            return FieldProblem(joinPath(familyPath, yamlParameter(error.parameter)), error.message)
        }
        return FieldProblem(familyPath, "\(error)")
    }

    /// All problems of `distribution` used at `path` for quantities of `kind`.
    ///
    /// Mixture components are checked one by one so a bad component is reported at
    /// `path.mixture[i]...` rather than at the mixture as a whole.
    static func problems(_ distribution: Distribution, at path: String, kind: QuantityKind) -> [FieldProblem] {
        let familyPath = joinPath(path, family(of: distribution))
        if case .mixture(let components) = distribution, !components.isEmpty {
            var found: [FieldProblem] = []
            for (index, component) in components.enumerated() {
                let componentPath = familyPath + "[\(index)]"
                if !(component.weight.isFinite && component.weight > 0) {
                    found.append(.init(joinPath(componentPath, "weight"),
                                       "must be greater than 0, got \(Quantity.describe(number: component.weight))"))
                }
                found += problems(component.distribution, at: componentPath, kind: kind)
            }
            if !found.isEmpty { return found }
        }
        do {
            try distribution.validate()
        } catch {
            return [problem(from: error, familyPath: familyPath)]
        }
        if kind == .duration, let negative = negativeSupport(distribution, familyPath: familyPath) {
            return [negative]
        }
        return []
    }

    /// A problem if a duration distribution can produce negative values (parameters already valid).
    private static func negativeSupport(_ distribution: Distribution, familyPath: String) -> FieldProblem? {
        func negative(_ path: String, _ value: Double) -> FieldProblem {
            FieldProblem(path, "a duration cannot be negative, got \(Quantity.describe(duration: value))")
        }
        switch distribution {
        case .uniform(let lower, _), .triangular(let lower, _, _):
            return lower < 0 ? negative(joinPath(familyPath, "min"), lower) : nil
        case .deterministic(let value):
            return value < 0 ? negative(familyPath, value) : nil
        case .empirical(let values):
            guard let index = values.firstIndex(where: { $0 < 0 }) else { return nil }
            return negative(familyPath + "[\(index)]", values[index])
        case .mixture(let components):
            for (index, component) in components.enumerated() {
                let componentPath = familyPath + "[\(index)]"
                if let found = negativeSupport(component.distribution,
                                               familyPath: joinPath(componentPath, family(of: component.distribution))) {
                    return found
                }
            }
            return nil
        case .exponential, .gamma, .erlang, .lognormal, .weibull:
            return nil
        }
    }
}
