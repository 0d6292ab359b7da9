import Foundation
import Scenarios
import Stochastics
import Yams

/// Reads a sweep file into a `SweepSpec`, reporting every problem of its own fields at once
/// (`FILE:LINE:COL: field.path: problem`). Whether paths exist and values make valid scenarios
/// is checked next, against the base scenario, by `SweepPlanner`.
enum SweepFileDecoder {
    static let rootKeys = ["name", "base", "seed", "replications", "seeding", "design", "parameters", "metrics", "series"]
    static let parameterKeys = ["path", "set", "scale", "whole"]
    static let designs = ["grid", "latin_hypercube"]

    /// The spec, possibly with problems already recorded in its `issues` (the caller throws them
    /// after its own checks); throws at once when the base scenario or parameters are unusable.
    static func decode(text: String, file: String) throws(ScenarioError) -> SweepSpec {
        let root = try compose(text, file: file)
        let issues = IssueCollector(file: file)
        let top = YAMLField(node: root, path: "", keyMark: nil, log: issues)
        guard let m = top.mapping(allowed: rootKeys, expected: "a mapping of sweep fields (base, parameters, …)") else {
            throw issues.error()
        }

        let name: String? = {
            guard let field = m.optional("name") else { return defaultName(file) }
            guard let text = field.string() else { return nil }
            guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }),
                  text != ".", text != ".." else {
                return field.fail("must be letters, digits, '.', '_' or '-' (it names the results folder), got \(field.shown)")
            }
            return text
        }()

        let baseField = m.required("base")
        var basePath: String?
        if let baseField, let written = baseField.string() {
            let directory = (file as NSString).deletingLastPathComponent
            let resolved = written.hasPrefix("/") || directory.isEmpty ? written : directory + "/" + written
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) {
                baseField.log.add(baseField.path, at: baseField.mark, "no such file: \(resolved) (the base scenario is found relative to the sweep file's folder)")
            } else if isDirectory.boolValue {
                baseField.log.add(baseField.path, at: baseField.mark, "\(resolved) is a directory, not a scenario file")
            } else {
                basePath = (resolved as NSString).standardizingPath
            }
        }

        let seed = m.optional("seed").flatMap { $0.integer(in: 0...Int(StreamPlan.maxSeed)) }.map(UInt64.init)
        let replications = m.optional("replications").flatMap { $0.integer(in: 1...StreamPlan.maxReplications) }
        var seeding = Seeding.common
        if let field = m.optional("seeding"), let choice = field.choice(Seeding.allCases.map(\.rawValue)) {
            seeding = Seeding(rawValue: choice) ?? .common
        }
        let design = m.optional("design").map(decodeDesign) ?? .grid

        let parametersField = m.required("parameters")
        var parameters: [Parameter]?
        if let parametersField, let items = parametersField.list(expected: "a list of parameters (- path: …, set: […])") {
            if items.isEmpty { parametersField.log.add(parametersField.path, at: parametersField.mark, "list at least one parameter") }
            // Parameters that could be read go on to path checks even when others could not,
            // so one pass reports every problem.
            parameters = items.compactMap(decodeParameter)
            if let parameters {
                var seen: [String: Int] = [:]
                for (i, parameter) in parameters.enumerated() {
                    let key = parameter.path.text
                    if let first = seen[key] {
                        parameter.pathField.log.add(parameter.pathField.path, at: parameter.pathField.mark,
                                                       "'\(key)' is already varied by parameters[\(first)]; list each path once")
                    }
                    seen[key] = seen[key] ?? i
                }
            }
        }

        let metricsField = m.optional("metrics")
        var metrics: [String]?
        if let metricsField, let items = metricsField.list(expected: "a list of metric names") {
            if items.isEmpty { metricsField.log.add(metricsField.path, at: metricsField.mark, "list at least one metric, or leave 'metrics' out to keep them all") }
            let names = items.map { $0.string() }
            metrics = names.allSatisfy { $0 != nil } ? names.compactMap { $0 } : nil
            // Each metric is a column of the store's runs table: one name, one column.
            var seen = Set<String>()
            for (item, name) in zip(items, names) {
                guard let name, !seen.insert(name).inserted else { continue }
                item.log.add(item.path, at: item.mark, "'\(name)' is listed twice; list each metric once")
            }
        }

        let seriesField = m.optional("series")
        var series: [String] = []
        if let seriesField, let items = seriesField.list(expected: "a list of per-interval series such as [voice.service_level]") {
            if items.isEmpty { seriesField.log.add(seriesField.path, at: seriesField.mark, "list at least one series, or leave 'series' out to record none") }
            var seen = Set<String>()
            for item in items {
                guard let name = item.string() else { continue }
                if seen.insert(name).inserted { series.append(name) } else {
                    item.log.add(item.path, at: item.mark, "'\(name)' is listed twice; list each series once")
                }
            }
        }

        // Problems so far stay in `issues`; the planner adds the path checks and throws them all.
        guard let name, let baseField, let basePath, let parametersField, let parameters, let design
        else { throw issues.error() }
        return SweepSpec(name: name, file: file, text: text, basePath: basePath, baseField: baseField,
                         seed: seed, replications: replications, seeding: seeding, design: design,
                         parameters: parameters, metrics: metrics, metricsField: metricsField,
                         series: series, seriesField: seriesField, parametersField: parametersField)
    }

    /// The file name without folder and extension: `sweeps/agents.yaml` → `agents`.
    static func defaultName(_ file: String) -> String {
        let last = (file as NSString).lastPathComponent
        let stem = (last as NSString).deletingPathExtension
        return stem.isEmpty ? "sweep" : stem
    }

    /// `grid`, or `{latin_hypercube: {points: N, seed: S}}`.
    private static func decodeDesign(_ field: YAMLField) -> Design? {
        if case .scalar = field.node {
            guard let kind = field.choice(designs) else { return nil }
            if kind == "grid" { return .grid }
            return field.fail("latin_hypercube needs a number of points: write design: {latin_hypercube: {points: 20, seed: 1}}")
        }
        guard let m = field.mapping(allowed: designs, expected: "'grid' or {latin_hypercube: {points: N, seed: S}}") else { return nil }
        if m.optional("grid") != nil || (m.contains("grid") && m.entries.count == 1) { return .grid }
        guard let lhs = m.required("latin_hypercube"),
              let settings = lhs.mapping(allowed: ["points", "seed"]) else { return nil }
        let points = settings.required("points")?.integer(in: 1...1_000_000)
        let seedField = settings.optional("seed")
        let seed = seedField?.integer(in: 0...Int(StreamPlan.maxSeed))
        guard let points, seedField == nil || seed != nil else { return nil }
        // A missing design seed is filled in with the sweep seed by the planner (UInt64.max marks it).
        return .latinHypercube(points: points, seed: seed.map(UInt64.init) ?? .max)
    }

    private static func decodeParameter(_ field: YAMLField) -> Parameter? {
        guard let m = field.mapping(allowed: parameterKeys, expected: "a parameter: {path: team.agents, set: [48, 50]}") else { return nil }
        let pathField = m.required("path")
        var path: FieldPath?
        if let pathField, let text = pathField.string() {
            do {
                path = try FieldPath(parsing: text)
            } catch {
                pathField.log.add(pathField.path, at: pathField.mark, error.message)
            }
        }
        if let path, let pathField, ["run.seed", "run.replications"].contains(path.text) {
            let field = path.text == "run.seed" ? "seed (and seeding)" : "replications"
            pathField.log.add(pathField.path, at: pathField.mark, "\(path.text) is set by the sweep itself; use the sweep's '\(field)' field")
            return nil
        }
        let setField = m.optional("set"), scaleField = m.optional("scale")
        let operation: Parameter.Operation
        let valuesField: YAMLField
        switch (setField, scaleField) {
        case (let set?, nil): operation = .set; valuesField = set
        case (nil, let scale?): operation = .scale; valuesField = scale
        case (.some, .some):
            return field.fail("give either 'set' (values) or 'scale' (factors), not both")
        case (nil, nil):
            return field.fail("give 'set: [values…]' or 'scale: [factors…]' (or a range {from: …, to: …} for latin_hypercube)")
        }
        let levels = decodeLevels(valuesField, operation: operation)
        let wholeField = m.optional("whole")
        let whole = wholeField.map { $0.choice(["true", "false"]).map { $0 == "true" } }
        guard let path, let pathField, let levels, (whole ?? false) != nil else { return nil }
        return Parameter(path: path, operation: operation, levels: levels, whole: whole ?? nil, field: field, pathField: pathField)
    }

    private static func decodeLevels(_ field: YAMLField, operation: Parameter.Operation) -> Parameter.Levels? {
        switch field.node {
        case .sequence:
            guard let items = field.list() else { return nil }
            guard !items.isEmpty else { return field.fail("list at least one value") }
            var levels: [Parameter.Level] = []
            var ok = true
            for item in items {
                if operation == .scale {
                    guard let text = item.scalarText(expected: "a factor such as 1.1") else { ok = false; continue }
                    guard let factor = WrittenQuantity(text), factor.unit.trimmingCharacters(in: .whitespaces).isEmpty else {
                        item.log.add(item.path, at: item.mark, "expected a factor (a plain number such as 1.1), got \(item.shown)")
                        ok = false
                        continue
                    }
                } else if item.isNull {
                    item.log.add(item.path, at: item.mark, "expected a value, got nothing (null)")
                    ok = false
                    continue
                }
                levels.append(.init(node: item.node, field: item))
            }
            return ok ? .list(levels) : nil
        case .mapping:
            guard let m = field.mapping(allowed: ["from", "to"], expected: "a list of values, or a range {from: …, to: …}") else { return nil }
            func end(_ key: String) -> WrittenQuantity? {
                guard let f = m.required(key), let text = f.scalarText(expected: operation == .scale ? "a factor" : "a number with its unit, e.g. 4m") else { return nil }
                guard let q = WrittenQuantity(text) else { return f.fail("expected a number (with its unit, as in scenarios), got \(f.shown)") }
                if operation == .scale, !q.unit.trimmingCharacters(in: .whitespaces).isEmpty {
                    return f.fail("a factor is a plain number, got \(f.shown)")
                }
                return q
            }
            let from = end("from"), to = end("to")
            guard let from, let to else { return nil }
            let a = from.unit.trimmingCharacters(in: .whitespaces), b = to.unit.trimmingCharacters(in: .whitespaces)
            guard a == b else {
                return field.fail("'from' and 'to' must have the same unit, got '\(a)' and '\(b)'")
            }
            return .range(from: from, to: to, field: field)
        default:
            return field.fail(operation == .scale
                ? "expected a list of factors such as [0.9, 1, 1.1], or a range {from: 0.8, to: 1.2}, got \(field.shown)"
                : "expected a list of values such as [46, 48, 50], or a range {from: 46, to: 54}, got \(field.shown)")
        }
    }

    /// Parses YAML text into its root node; syntax errors become one-line issues.
    static func compose(_ text: String, file: String) throws(ScenarioError) -> Node {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                throw ScenarioError(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(problem)")
            case let .duplicatedKeysInMapping(duplicates, context):
                let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
                throw ScenarioError(file: file, line: context.mark.line, column: context.mark.column,
                                    message: "duplicate key \(names) in the same mapping")
            default:
                throw ScenarioError(file: file, message: "YAML syntax error: \(error)")
            }
        } catch {
            throw ScenarioError(file: file, message: "YAML syntax error: \(error)")
        }
        guard let root else { throw ScenarioError(file: file, message: "file is empty; a sweep needs at least 'base' and 'parameters'") }
        return root
    }
}
