/// Parameter columns under names every tool takes unquoted: `teams.phones.shifts[*].agents`
/// needs quoting in SQL and is mangled by R and pandas' attribute access, so tidy exports
/// name it `teams_phones_shifts_all_agents` and keep the path in a mapping table.
public struct ParameterColumn: Sendable, Hashable {
    /// What the column holds.
    public enum Holds: String, Sendable {
        /// The value a `set` parameter put at the path (durations in seconds, rates per hour, shares).
        case value
        /// The factor of a `scale` parameter.
        case factor
        /// The number a `scale` parameter gave at the path (summed over a wildcard's fields).
        case result
    }

    /// snake_case: lower-case letters, digits and `_`, starting with a letter.
    public var name: String
    /// The parameter's field path, as written in the sweep file.
    public var path: String
    public var operation: String
    public var holds: Holds

    /// The columns of `parameters`, in order: one per `set` parameter, two per `scale` (the
    /// resulting value under the path's name, then `_factor`). Names are unique.
    public static func columns(for parameters: [ParameterInfo]) -> [ParameterColumn] {
        var taken: Set<String> = []
        func unique(_ base: String) -> String {
            var name = base
            var n = 2
            while !taken.insert(name).inserted {
                name = "\(base)_\(n)"
                n += 1
            }
            return name
        }
        var columns: [ParameterColumn] = []
        for parameter in parameters {
            let base = snakeCase(parameter.path)
            if parameter.operation == "scale" {
                columns.append(ParameterColumn(name: unique(base), path: parameter.path, operation: parameter.operation, holds: .result))
                columns.append(ParameterColumn(name: unique(base + "_factor"), path: parameter.path, operation: parameter.operation, holds: .factor))
            } else {
                columns.append(ParameterColumn(name: unique(base), path: parameter.path, operation: parameter.operation, holds: .value))
            }
        }
        return columns
    }

    /// `teams.phones.shifts[*].agents` → `teams_phones_shifts_all_agents`;
    /// `handle_time.mixture[1].lognormal.cv` → `handle_time_mixture_1_lognormal_cv`.
    static func snakeCase(_ path: String) -> String {
        var out = ""
        for character in path.replacingOccurrences(of: "[*]", with: "_all_") {
            if character.isASCII, character.isLetter || character.isNumber {
                out += character.lowercased()
            } else if !out.hasSuffix("_") {
                out += "_"
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        while out.hasPrefix("_") { out.removeFirst() }
        if out.isEmpty { return "parameter" }
        return out.first!.isLetter ? out : "p_" + out
    }
}
