import Foundation
import Stochastics

/// Reads a `Distribution` from its YAML form, `{family: parameters}`.
///
/// Exactly one family key per distribution (a mixture component also carries `weight`).
/// Times are written with units and parameters are read for a `QuantityKind`, so the same
/// grammar decodes handle times (durations, in seconds) and, later, dimensionless quantities.
/// Only the *form* is checked here (right keys, right types, one family); parameter values are
/// judged by Stochastics, through the moment constructors and `DistributionChecks`.
///
/// | YAML | Distribution |
/// |---|---|
/// | `{exponential: {mean: 5m}}` | `.exponential(mean:)` |
/// | `{lognormal: {mean: 4m, cv: 0.7}}` or `{lognormal: {mu: 5.2, sigma: 0.6}}` | `Distribution.lognormal(mean:cv:)` / `.lognormal(mu:sigma:)` |
/// | `{gamma: {mean: 5m, cv: 0.5}}` or `{gamma: {shape: 2, scale: 150s}}` | `Distribution.gamma(mean:cv:)` / `.gamma(shape:scale:)` |
/// | `{erlang: {phases: 3, mean: 5m}}` | `.erlang(phases:mean:)` |
/// | `{weibull: {mean: 3m, cv: 1.2}}` or `{weibull: {shape: 0.8, scale: 200s}}` | `Distribution.weibull(mean:cv:)` / `.weibull(shape:scale:)` |
/// | `{uniform: {min: 1m, max: 3m}}` | `.uniform(lower:upper:)` |
/// | `{triangular: {min: 1m, mode: 2m, max: 6m}}` | `.triangular(lower:mode:upper:)` |
/// | `{deterministic: 5m}` | `.deterministic(_:)` |
/// | `{empirical: [120s, 300s]}` or `{empirical: {file: f.csv, column: c, unit: s}}` | `.empirical(_:)` |
/// | `{mixture: [{weight: 70%, exponential: {...}}, ...]}` | `.mixture(_:)` (weights must add up to 100%) |
enum DistributionDecoder {
    /// The family keys, in the order they are documented and suggested.
    static let families = [
        "exponential", "lognormal", "gamma", "erlang", "weibull",
        "uniform", "triangular", "deterministic", "empirical", "mixture",
    ]

    static let example = "{exponential: {mean: 5m}}"

    /// Decodes the distribution at `field`; nil after recording issues.
    /// - Parameter baseDirectory: directory against which `empirical.file` paths are resolved.
    static func decode(_ field: YAMLField, kind: QuantityKind, baseDirectory: String) -> Distribution? {
        decodeEntry(field, kind: kind, baseDirectory: baseDirectory, isComponent: false)?.distribution
    }

    private static func decodeEntry(_ field: YAMLField, kind: QuantityKind, baseDirectory: String,
                                    isComponent: Bool) -> (distribution: Distribution, weight: Double?)? {
        if case .scalar = field.node, !field.isNull {
            let fixed = kind == .duration ? "{deterministic: 5m}" : "{deterministic: 5}"
            return field.fail("expected a distribution such as \(example), got \(field.shown); write \(fixed) for a fixed value")
        }
        let allowed = isComponent ? ["weight"] + families : families
        guard let mapping = field.mapping(allowed: allowed, expected: "a distribution such as \(example)") else { return nil }

        let named = mapping.entries.filter { families.contains($0.key) }
        if named.count > 1 {
            let second = named[1]
            field.log.add(joinPath(field.path, second.key), at: second.keyMark,
                          "a distribution takes exactly one family, but '\(named[0].key)' and '\(second.key)' are both given; use 'mixture' to combine distributions")
            return nil
        }
        var weight: Double?
        if isComponent {
            guard let value = mapping.required("weight")?.fraction() else { return nil }
            weight = value
        }
        guard let entry = named.first else {
            // An unknown (misspelt) family has been reported already.
            if case .mapping(let raw) = field.node, raw.count > mapping.entries.count { return nil }
            return field.fail("no distribution family given; use one of: \(families.joined(separator: ", "))")
        }
        guard let value = mapping.optional(entry.key) else {
            field.log.add(joinPath(field.path, entry.key), at: entry.keyMark, "'\(entry.key)' needs parameters, e.g. \(example)")
            return nil
        }
        guard let distribution = decodeFamily(entry.key, value, kind: kind, baseDirectory: baseDirectory) else { return nil }
        return (distribution, weight)
    }

    private static func decodeFamily(_ family: String, _ field: YAMLField, kind: QuantityKind,
                                     baseDirectory: String) -> Distribution? {
        /// Builds through a throwing Stochastics constructor, reporting its complaint at `family.parameter`.
        func construct(_ make: () throws -> Distribution) -> Distribution? {
            do {
                return try make()
            } catch {
                field.log.report(DistributionChecks.problem(from: error, familyPath: field.path))
                return nil
            }
        }

        switch family {
        case "exponential":
            guard let m = field.mapping(allowed: ["mean"]), let mean = m.required("mean")?.quantity(kind) else { return nil }
            return .exponential(mean: mean)

        case "lognormal", "gamma", "weibull":
            let native = family == "lognormal" ? ("mu", "sigma") : ("shape", "scale")
            guard let m = field.mapping(allowed: ["mean", "cv", native.0, native.1]),
                  let useMoments = chooseForm(m, ("mean", "cv"), native) else { return nil }
            if useMoments {
                let mean = m.required("mean")?.quantity(kind)
                let cv = m.required("cv")?.number(atMost: DomainLimits.maxCV, what: "coefficient of variation")
                guard let mean, let cv else { return nil }
                return construct {
                    switch family {
                    case "lognormal": try Distribution.lognormal(mean: mean, cv: cv)
                    case "gamma": try Distribution.gamma(mean: mean, cv: cv)
                    default: try Distribution.weibull(mean: mean, cv: cv)
                    }
                }
            }
            if family == "lognormal" {
                // mu and sigma live in log space of the quantity (log-seconds for durations): plain numbers.
                let mu = m.required("mu")?.number()
                let sigma = m.required("sigma")?.number()
                guard let mu, let sigma else { return nil }
                return .lognormal(mu: mu, sigma: sigma)
            }
            let shape = m.required("shape")?.number()
            let scale = m.required("scale")?.quantity(kind)
            guard let shape, let scale else { return nil }
            return family == "gamma" ? .gamma(shape: shape, scale: scale) : .weibull(shape: shape, scale: scale)

        case "erlang":
            guard let m = field.mapping(allowed: ["phases", "mean"]) else { return nil }
            let phases = m.required("phases")?.integer()
            let mean = m.required("mean")?.quantity(kind)
            guard let phases, let mean else { return nil }
            return .erlang(phases: phases, mean: mean)

        case "uniform":
            guard let m = field.mapping(allowed: ["min", "max"]) else { return nil }
            let lower = m.required("min")?.quantity(kind)
            let upper = m.required("max")?.quantity(kind)
            guard let lower, let upper else { return nil }
            return .uniform(lower: lower, upper: upper)

        case "triangular":
            guard let m = field.mapping(allowed: ["min", "mode", "max"]) else { return nil }
            let lower = m.required("min")?.quantity(kind)
            let mode = m.required("mode")?.quantity(kind)
            let upper = m.required("max")?.quantity(kind)
            guard let lower, let mode, let upper else { return nil }
            return .triangular(lower: lower, mode: mode, upper: upper)

        case "deterministic":
            return field.quantity(kind).map { .deterministic($0) }

        case "empirical":
            return decodeEmpirical(field, kind: kind, baseDirectory: baseDirectory)

        case "mixture":
            guard let items = field.list(expected: "a list of weighted components such as [{weight: 70%, \(example.dropFirst())]") else { return nil }
            guard !items.isEmpty else { return field.fail("needs at least one component") }
            let components = items.map { decodeEntry($0, kind: kind, baseDirectory: baseDirectory, isComponent: true) }
            let decoded = components.compactMap { $0 }
            guard decoded.count == components.count else { return nil }
            let total = decoded.reduce(0) { $0 + ($1.weight ?? 0) }
            guard abs(total - 1) <= 1e-6 else {
                return field.fail("component weights must add up to 100%, got \(Quantity.describe(fraction: total))")
            }
            // Scale away rounding (0.333 + 0.333 + 0.334 style) so Stochastics sees an exact partition.
            return .mixture(decoded.map { MixtureComponent(weight: ($0.weight ?? 0) / total, distribution: $0.distribution) })

        default:
            return nil
        }
    }

    /// Picks between a distribution's moment form (mean, cv) and its native form; nil after reporting.
    private static func chooseForm(_ m: YAMLMapping, _ moments: (String, String), _ native: (String, String)) -> Bool? {
        let usesMoments = m.contains(moments.0) || m.contains(moments.1)
        let usesNative = m.contains(native.0) || m.contains(native.1)
        let forms = "either \(moments.0) and \(moments.1), or \(native.0) and \(native.1)"
        if usesMoments && usesNative {
            return m.field.fail("give \(forms), not a mix of both")
        }
        if !usesMoments && !usesNative {
            m.field.log.add(m.field.path, at: m.field.keyMark ?? m.field.mark, "needs \(forms)")
            return nil
        }
        return usesMoments
    }

    private static func decodeEmpirical(_ field: YAMLField, kind: QuantityKind, baseDirectory: String) -> Distribution? {
        if case .sequence = field.node {
            guard let items = field.list() else { return nil }
            guard !items.isEmpty else { return field.fail("must list at least one value") }
            let values = items.map { $0.quantity(kind) }
            let known = values.compactMap { $0 }
            return known.count == values.count ? .empirical(known) : nil
        }
        let expected = "a list of values or {file: values.csv, column: name, unit: s}"
        guard let m = field.mapping(allowed: ["file", "column", "unit"], expected: expected) else { return nil }
        let fileField = m.required("file")
        let file = fileField?.string()
        let columnField = m.optional("column")
        let column = columnField?.string()
        var unitSeconds: Double?
        if let unitField = m.optional("unit"), let unit = unitField.string() {
            guard kind == .duration else { return unitField.fail("'unit' applies only to durations") }
            guard let seconds = Quantity.durationUnits.first(where: { $0.symbol == unit })?.seconds else {
                let hint = Quantity.unitSymbol(spelled: unit).map { "did you mean '\($0)'? " } ?? ""
                return unitField.fail("unknown duration unit '\(unit)'; \(hint)use ms, s, m, h or d")
            }
            unitSeconds = seconds
        }
        guard let fileField, let file else { return nil }
        if columnField != nil && column == nil { return nil }

        let resolved = file.hasPrefix("/") ? file : (baseDirectory as NSString).appendingPathComponent(file)
        let display = (baseDirectory.isEmpty || baseDirectory == "." || file.hasPrefix("/")) ? file : resolved
        switch EmpiricalCSV.values(path: resolved, displayName: display, column: column, unitSeconds: unitSeconds, kind: kind) {
        case .success(let values):
            return .empirical(values)
        case .failure(let failure):
            return (failure.concernsColumn ? columnField ?? fileField : fileField).fail(failure.message)
        }
    }
}
