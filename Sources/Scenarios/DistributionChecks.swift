import Stochastics

/// Validation of `Distribution` values, addressed by YAML field paths.
///
/// Parameter rules belong to Stochastics (`validate()` and the throwing moment constructors);
/// this file translates Stochastics' parameter paths into YAML paths (`lower` → `min`,
/// `components[1].cv` → `mixture[1].lognormal.cv`) and adds the one rule the scenario layer
/// owns: a *time* cannot be negative (kept here even though Stochastics currently also rejects
/// negative bounds, because it is a property of durations, not of the distribution).
enum DistributionChecks {
    /// Translates a Stochastics parameter path into the YAML path under the family key:
    /// `lower` → `min`, `upper` → `max`, `value` → (the family entry itself), `values[3]` → `[3]`,
    /// `components[1].cv` → `[1].lognormal.cv` (the component's family looked up in `distribution`).
    static func yamlPath(for parameter: String, in distribution: Distribution?) -> String {
        if parameter.hasPrefix("values[") { return String(parameter.dropFirst("values".count)) }
        if parameter.hasPrefix("components["), let close = parameter.firstIndex(of: "]") {
            let indexText = parameter[parameter.index(parameter.startIndex, offsetBy: "components[".count)..<close]
            var rest = parameter[parameter.index(after: close)...]
            if rest.hasPrefix(".") { rest = rest.dropFirst() }
            let element = "[\(indexText)]"
            guard case .mixture(let components)? = distribution, let index = Int(indexText),
                  components.indices.contains(index) else { return joinPath(element, String(rest)) }
            if rest == "weight" || rest.isEmpty { return joinPath(element, String(rest)) }
            let component = components[index].distribution
            return joinPath(element, joinPath(component.family, yamlPath(for: String(rest), in: component)))
        }
        switch parameter {
        case "lower": return "min"
        case "upper": return "max"
        case "value", "values", "components", "": return ""
        default: return parameter
        }
    }

    /// Turns an error from Stochastics about `distribution` (nil: not built yet, as in the
    /// moment constructors) into a problem at `familyPath` + the parameter's YAML path.
    static func problem(from error: any Error, familyPath: String, distribution: Distribution? = nil) -> FieldProblem {
        if let error = error as? DistributionError {
            let relative = yamlPath(for: error.parameter, in: distribution)
            let path = relative.hasPrefix("[") ? familyPath + relative : joinPath(familyPath, relative)
            return FieldProblem(path, error.message)
        }
        return FieldProblem(familyPath, "\(error)")
    }

    /// All problems of `distribution` used at `path` for quantities of `kind`: the first one
    /// Stochastics' `validate()` finds, then (durations only) whether it can go negative.
    static func problems(_ distribution: Distribution, at path: String, kind: QuantityKind) -> [FieldProblem] {
        let familyPath = joinPath(path, distribution.family)
        do {
            try distribution.validate()
        } catch {
            return [problem(from: error, familyPath: familyPath, distribution: distribution)]
        }
        if kind == .duration, let negative = negativeSupport(distribution, familyPath: familyPath) {
            return [negative]
        }
        if kind == .duration, let outside = outsideLimits(distribution, familyPath: familyPath) {
            return [outside]
        }
        return []
    }

    /// A problem if a duration distribution's mean or largest value leaves `DomainLimits`
    /// (native parameters such as lognormal `mu: 1000` are plain numbers, so the parse-time
    /// limits on durations do not catch an astronomically long mean).
    private static func outsideLimits(_ distribution: Distribution, familyPath: String) -> FieldProblem? {
        let mean = distribution.mean
        if !(mean <= DomainLimits.longestDuration) {
            return FieldProblem(familyPath, "has a mean of \(Quantity.describe(duration: mean)), longer than \(DomainLimits.longestDurationText), the longest duration ccsim simulates")
        }
        if mean > 0, mean < DomainLimits.shortestDuration {
            return FieldProblem(familyPath, "has a mean of \(Quantity.describe(duration: mean)), shorter than 1ms, the shortest duration ccsim resolves")
        }
        let largest: Double? = switch distribution {
        case .uniform(_, let upper), .triangular(_, _, let upper): upper
        case .deterministic(let value): value
        case .empirical(let values): values.max()
        default: nil
        }
        if let largest, !(largest <= DomainLimits.longestDuration) {
            return FieldProblem(familyPath, "reaches \(Quantity.describe(duration: largest)), longer than \(DomainLimits.longestDurationText), the longest duration ccsim simulates")
        }
        return nil
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
                                               familyPath: joinPath(componentPath, component.distribution.family)) {
                    return found
                }
            }
            return nil
        case .exponential, .gamma, .erlang, .lognormal, .weibull:
            return nil
        }
    }
}
