import Foundation
import Scenarios
import Stochastics
import Yams

/// Turns a sweep file into a `SweepPlan`, checking everything before anything runs: the sweep
/// file's own fields, every path against the base scenario's YAML, every metric name, and
/// every point's scenario through the scenario loader. Problems are reported together, each
/// located in the sweep file (`FILE:LINE:COL: field.path: problem`).
public enum SweepPlanner {
    /// Largest number of points a sweep may have (a guard against a mistyped grid).
    public static let maxPoints = 100_000
    /// At most this many problems are listed; a bad value shared by many grid points is listed once.
    static let maxIssues = 50

    /// Reads and validates the sweep file at `path`; the base scenario is found relative to it.
    public static func load(path: String) throws(ScenarioError) -> SweepPlan {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScenarioError(file: path, message: "cannot read sweep file: no such file" + NearbyFiles.hint(for: path, folders: ["scenarios/sweeps"]))
        }
        guard !isDirectory.boolValue else { throw ScenarioError(file: path, message: "cannot read sweep file: it is a directory" + NearbyFiles.listing(directory: path)) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(file: path, message: "cannot read sweep file: unreadable or not UTF-8 text")
        }
        return try plan(text: text, file: path)
    }

    /// Validates sweep YAML held in memory; `file` names it in messages and locates the base scenario.
    public static func plan(text: String, file: String) throws(ScenarioError) -> SweepPlan {
        let spec = try SweepFileDecoder.decode(text: text, file: file)
        let issues = spec.parametersField.log

        // The base scenario must be valid on its own; its problems are reported in its own file.
        let base = try ScenarioLoader.load(path: spec.basePath)
        guard let baseText = try? String(contentsOfFile: spec.basePath, encoding: .utf8) else {
            throw ScenarioError(file: spec.basePath, message: "cannot read scenario")
        }
        let baseRoot = try SweepFileDecoder.compose(baseText, file: spec.basePath)
        let seed = spec.seed ?? base.run.seed
        let replications = spec.replications ?? base.run.replications

        let resolved = spec.parameters.enumerated().map { index, parameter in
            resolve(parameter, index: index, in: baseRoot, design: spec.design)
        }
        checkOverlaps(resolved, spec.parameters)

        let available = RunMetrics.names(for: base)
        let metrics = spec.metrics ?? available
        if let field = spec.metricsField, let items = field.list() {
            for item in items {
                guard let name = item.string(), !available.contains(name) else { continue }
                let hint = EditDistance.suggestion(for: name, among: available).map { "did you mean '\($0)'?" }
                    ?? "available: \(available.joined(separator: ", "))"
                item.log.add(item.path, at: item.mark, "unknown metric '\(name)'; \(hint)")
            }
        }
        let availableSeries = IntervalSeries.names(for: base)
        if let field = spec.seriesField, let items = field.list() {
            for item in items {
                guard let name = item.string(), !availableSeries.contains(name) else { continue }
                let hint = EditDistance.suggestion(for: name, among: availableSeries).map { "did you mean '\($0)'?" }
                    ?? "available: \(availableSeries.joined(separator: ", "))"
                let whole = available.contains(name) ? " ('\(name)' is a whole-run metric; list it under 'metrics')" : ""
                item.log.add(item.path, at: item.mark, "unknown per-interval series '\(name)'\(whole); \(hint)")
            }
        }
        var design = spec.design
        if case .latinHypercube(let n, let designSeed) = design, designSeed == .max {
            design = .latinHypercube(points: n, seed: seed)
        }
        // Points are built from the parameters that resolved, even when others did not, so
        // values the scenario rejects are reported in the same pass as bad paths.
        let parameters = resolved.compactMap { $0 }
        guard !parameters.isEmpty else { throw issues.error() }

        let settings: [[Setting]]
        switch design {
        case .grid:
            let sizes = parameters.map(\.levelCount)
            let total = sizes.reduce(1) { $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1 }
            guard total <= maxPoints else {
                issues.add(spec.parametersField.path, at: spec.parametersField.mark,
                           "the grid has \(total == Int.max ? "too many" : String(total)) points (\(sizes.map(String.init).joined(separator: " × "))); at most \(maxPoints) are allowed")
                throw issues.error()
            }
            settings = gridSettings(parameters, sizes: sizes)
        case .latinHypercube(let n, let designSeed):
            let unit = LatinHypercube.sample(points: n, dimensions: parameters.count, seed: designSeed)
            settings = unit.enumerated().map { point, row in
                zip(parameters, row).map { $0.setting(drawn: $1, point: point) }
            }
        }
        if spec.seeding == .independent, settings.count * replications > StreamPlan.maxReplications {
            issues.add("seeding", at: nil, "independent seeding needs points × replications ≤ \(StreamPlan.maxReplications), got \(settings.count) × \(replications)")
            throw issues.error()
        }

        // Build and validate every point's scenario.
        let baseDirectory = (spec.basePath as NSString).deletingLastPathComponent
        var points: [SweepPoint] = []
        var reported: Set<String> = []
        points.reserveCapacity(settings.count)
        for (id, row) in settings.enumerated() {
            var root = baseRoot
            for (parameter, setting) in zip(parameters, row) {
                root = parameter.apply(setting, to: root, base: baseRoot)
            }
            root = DocumentEdit.replacing(Location(steps: [.key("run"), .key("seed")]), in: root) { _ in DocumentEdit.scalar(String(seed)) }
            var values = row.map(\.value)
            for (j, parameter) in parameters.enumerated() where parameter.parameter.operation == .scale {
                values[j].result = parameter.result(in: root)
            }
            let label = SweepPoint.label(values)
            let yaml: String
            do {
                yaml = try Yams.serialize(node: root, width: -1)
            } catch {
                issues.add(spec.parametersField.path, at: spec.parametersField.mark, "point \(id) (\(label)): cannot write its scenario: \(error)")
                continue
            }
            do {
                let scenario = try ScenarioLoader.parse(yaml: yaml, file: spec.basePath, baseDirectory: baseDirectory.isEmpty ? "." : baseDirectory)
                points.append(SweepPoint(id: id, values: values, scenarioYAML: yaml, scenario: scenario))
            } catch {
                for issue in error.issues {
                    let blamed = blame(issue, parameters: parameters, row: row, base: spec.basePath)
                    let key = (blamed.map { "\($0.0.path)|\($0.1)" } ?? "point|\(issue.path)|\(issue.message)")
                    guard reported.insert(key).inserted else { continue }
                    if reported.count > maxIssues { break }
                    if let (field, message) = blamed {
                        issues.add(field.path, at: field.mark, message)
                    } else {
                        issues.add(spec.parametersField.path, at: spec.parametersField.mark,
                                   "point \(id) (\(label)) gives an invalid scenario: \(Self.otherFile(issue, base: spec.basePath))\(issue.path.isEmpty ? "" : issue.path + ": ")\(issue.message)")
                    }
                }
            }
            if reported.count > maxIssues { break }
        }
        guard issues.isEmpty else { throw issues.error() }

        return SweepPlan(
            name: spec.name, file: spec.file, text: text, textHash: SHA256.hex(text),
            baseFile: spec.basePath, baseText: baseText, baseHash: SHA256.hex(baseText),
            seed: seed, replications: replications, seeding: spec.seeding, design: design,
            parameters: parameters.map { ParameterInfo(path: $0.parameter.path.text, operation: $0.parameter.operation.rawValue) },
            metrics: metrics, series: spec.series, points: points)
    }

    /// The grid's points in row-major order: the first parameter varies slowest.
    static func gridSettings(_ parameters: [ResolvedParameter], sizes: [Int]) -> [[Setting]] {
        let total = sizes.reduce(1, *)
        return (0..<total).map { point in
            var rest = point
            var indices = [Int](repeating: 0, count: sizes.count)
            for j in sizes.indices.reversed() {
                indices[j] = rest % sizes[j]
                rest /= sizes[j]
            }
            return zip(parameters, indices).map { $0.setting(level: $1) }
        }
    }

    /// Resolves a parameter's path against the base scenario; reports and returns nil when it
    /// does not exist or cannot take the operation.
    static func resolve(_ parameter: Parameter, index: Int, in root: Node, design: Design) -> ResolvedParameter? {
        let field = parameter.pathField
        if StoreSchema.reservedPointColumns.contains(parameter.path.text) {
            return field.fail("'\(parameter.path.text)' would clash with the store's column of that name")
        }
        let locations: [Location]
        switch parameter.path.locations(in: root) {
        case .success(let found): locations = found
        case .failure(let error):
            field.log.add(field.path, at: field.mark, error.message)
            return nil
        }
        if case .range(_, _, let rangeField) = parameter.levels, case .grid = design {
            return rangeField.fail("a range {from, to} is for design latin_hypercube; a grid needs a list of values")
        }
        var baseTexts: [String?] = []
        for location in locations {
            let node = DocumentEdit.node(at: location, in: root)
            if case .scalar(let scalar)? = node { baseTexts.append(scalar.string) } else { baseTexts.append(nil) }
        }
        let numbersOnly = parameter.operation == .scale || { if case .range = parameter.levels { return true }; return false }()
        if numbersOnly {
            for (location, text) in zip(locations, baseTexts) where text.flatMap(WrittenQuantity.init) == nil {
                let shown = DocumentEdit.node(at: location, in: root).map(YAMLField.shown) ?? "nothing"
                let what = parameter.operation == .scale ? "scale" : "a range"
                return field.fail("\(what) needs a number at '\(location)', but the base scenario has \(shown) there; use set with a list of values instead")
            }
        }
        let whole = baseTexts.map { parameter.whole ?? ($0.map(WrittenQuantity.isWholeNumber) ?? false) }
        return ResolvedParameter(parameter: parameter, locations: locations, baseTexts: baseTexts, whole: whole)
    }

    /// Two parameters must not change the same field, or one a field inside the other's.
    static func checkOverlaps(_ resolved: [ResolvedParameter?], _ parameters: [Parameter]) {
        for j in resolved.indices {
            guard let b = resolved[j] else { continue }
            for i in 0..<j {
                guard let a = resolved[i] else { continue }
                for la in a.locations {
                    if let lb = b.locations.first(where: { $0.steps.starts(with: la.steps) || la.steps.starts(with: $0.steps) }) {
                        let field = parameters[j].pathField
                        field.log.add(field.path, at: field.mark,
                                         "overlaps parameters[\(i)] ('\(a.parameter.path.text)'): both change '\(la.steps.count <= lb.steps.count ? la : lb)'")
                        break
                    }
                }
            }
        }
    }

    /// The sweep-file field to blame for a scenario problem: the value of the parameter whose
    /// field the problem concerns (the field itself, a field inside it, or its container).
    static func blame(_ issue: ScenarioIssue, parameters: [ResolvedParameter], row: [Setting], base: String) -> (YAMLField, String)? {
        func related(_ a: String, _ b: String) -> Bool {
            a == b || a.hasPrefix(b + ".") || a.hasPrefix(b + "[") || b.hasPrefix(a + ".") || b.hasPrefix(a + "[")
        }
        for (parameter, setting) in zip(parameters, row) {
            guard parameter.locations.contains(where: { !issue.path.isEmpty && related(issue.path, $0.description) }) else { continue }
            let what: String
            switch (parameter.parameter.operation, setting.drawn) {
            case (.set, false): what = "this value"
            case (.scale, false): what = "this factor"
            case (_, true): what = "the value \(setting.value.written) drawn from this range"
            }
            return (setting.blame, "\(what) gives an invalid scenario: \(otherFile(issue, base: base))\(issue.path): \(issue.message)")
        }
        return nil
    }

    /// `forecast.csv:106: ` when the problem is in a file the scenario reads (a forecast, a
    /// roster), which the sweep field's own location does not name; empty for the scenario itself.
    static func otherFile(_ issue: ScenarioIssue, base: String) -> String {
        guard issue.file != base, !issue.file.isEmpty else { return "" }
        return "\(issue.file)\(issue.line.map { ":\($0)" } ?? ""): "
    }
}

/// A parameter whose path has been found in the base scenario.
struct ResolvedParameter {
    var parameter: Parameter
    var locations: [Location]
    /// The base scenario's text at each location (nil where it is not a scalar).
    var baseTexts: [String?]
    /// Whether each location holds a whole number (kept whole when scaled or drawn).
    var whole: [Bool]

    var levelCount: Int {
        if case .list(let levels) = parameter.levels { return levels.count }
        return 1
    }

    private var path: String { parameter.path.text }
    private var operation: String { parameter.operation.rawValue }

    /// The setting for listed level `index`.
    func setting(level index: Int) -> Setting {
        guard case .list(let levels) = parameter.levels else { preconditionFailure("grid of a range") }
        let level = levels[index]
        let text: String? = { if case .scalar(let s) = level.node { return s.string }; return nil }()
        switch parameter.operation {
        case .set:
            let written = DocumentEdit.flowText(level.node)
            return Setting(node: level.node, factor: nil, drawn: false, blame: level.field,
                           value: ParameterValue(path: path, operation: operation, written: written,
                                                 number: text.flatMap(WrittenQuantity.init)?.comparable))
        case .scale:
            let factor = text.flatMap(WrittenQuantity.init)?.value ?? 1
            return Setting(node: nil, factor: factor, drawn: false, blame: level.field,
                           value: ParameterValue(path: path, operation: operation, written: "×" + WrittenQuantity.format(factor), number: factor))
        }
    }

    /// The setting for a Latin hypercube coordinate `u` in [0, 1): a listed level (stratum
    /// ⌊u·k⌋ of k) or a value interpolated in the range.
    func setting(drawn u: Double, point: Int) -> Setting {
        switch parameter.levels {
        case .list(let levels):
            return setting(level: min(levels.count - 1, Int(u * Double(levels.count))))
        case .range(let from, let to, let field):
            var value = from.value + u * (to.value - from.value)
            switch parameter.operation {
            case .set:
                let endsWhole = from.unit.isEmpty && to.unit.isEmpty && from.value == from.value.rounded() && to.value == to.value.rounded()
                if parameter.whole ?? (endsWhole && whole.allSatisfy { $0 }) { value = value.rounded() }
                let quantity = WrittenQuantity(value: WrittenQuantity.drawn(value), unit: from.unit)
                return Setting(node: DocumentEdit.scalar(quantity.text), factor: nil, drawn: true, blame: field,
                               value: ParameterValue(path: path, operation: operation, written: quantity.text, number: WrittenQuantity(quantity.text)?.comparable))
            case .scale:
                let factor = WrittenQuantity.drawn(value)
                return Setting(node: nil, factor: factor, drawn: true, blame: field,
                               value: ParameterValue(path: path, operation: operation, written: "×" + WrittenQuantity.format(factor), number: factor))
            }
        }
    }

    /// What a `scale` parameter gave at a point: the number at its field, or the sum over its
    /// fields when the path selects several (`shifts[*].agents` × 0.6 → the agents of every
    /// shift together), so a study reads agents, not only factors.
    func result(in root: Node) -> Double? {
        var total = 0.0
        for location in locations {
            guard case .scalar(let scalar)? = DocumentEdit.node(at: location, in: root),
                  let number = WrittenQuantity(scalar.string)?.comparable else { return nil }
            total += number
        }
        return locations.isEmpty ? nil : total
    }

    /// `root` with this parameter's setting applied at every location; scaling reads the base values.
    func apply(_ setting: Setting, to root: Node, base: Node) -> Node {
        var result = root
        for (i, location) in locations.enumerated() {
            if let node = setting.node {
                result = DocumentEdit.replacing(location, in: result) { _ in node }
            } else if let factor = setting.factor, let text = baseTexts[i], let quantity = WrittenQuantity(text) {
                var value = quantity.value * factor
                if whole[i] { value = value.rounded() }
                let scaled = WrittenQuantity(value: value, unit: quantity.unit)
                result = DocumentEdit.replacing(location, in: result) { _ in DocumentEdit.scalar(scaled.text) }
            }
        }
        return result
    }
}

/// What one parameter does at one point.
struct Setting {
    /// The node to put at the locations (set), or the factor to multiply by (scale).
    var node: Node?
    var factor: Double?
    /// True when drawn from a range rather than listed.
    var drawn: Bool
    /// Where in the sweep file this value comes from.
    var blame: YAMLField
    var value: ParameterValue
}
