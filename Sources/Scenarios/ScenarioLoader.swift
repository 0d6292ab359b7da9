import Foundation
import Stochastics

/// Reads scenario files: YAML text → validated `Scenario`, or a `ScenarioError` listing every
/// problem found (see `ScenarioError` for the format and the collect-all policy).
public enum ScenarioLoader {
    /// Reads and validates the scenario at `path`. Relative `empirical.file` paths are resolved
    /// against the scenario file's directory; messages name the file as `path` is written.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScenarioError(file: path, message: "cannot read scenario: no such file")
        }
        guard !isDirectory.boolValue else {
            throw ScenarioError(file: path, message: "cannot read scenario: it is a directory")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(file: path, message: "cannot read scenario: permission denied or I/O error")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(file: path, message: "cannot read scenario: not UTF-8 text")
        }
        let directory = (path as NSString).deletingLastPathComponent
        return try parse(yaml: text, file: path, baseDirectory: directory.isEmpty ? "." : directory)
    }

    /// Reads and validates scenario YAML held in memory.
    /// - Parameters:
    ///   - file: name used in messages and stored as `Scenario.source`.
    ///   - baseDirectory: where relative `empirical.file` paths are resolved; nil = the current directory.
    public static func parse(yaml: String, file: String, baseDirectory: String? = nil) throws(ScenarioError) -> Scenario {
        let root = try YAMLDocument.compose(yaml: yaml, file: file)
        let log = IssueCollector(file: file)
        let scenario = ScenarioDecoder(log: log, baseDirectory: baseDirectory ?? ".")
            .decode(YAMLField(node: root, path: "", keyMark: nil, log: log), source: file)
        guard log.isEmpty, let scenario else { throw log.error() }
        return scenario
    }

    /// Reads a single distribution such as `{lognormal: {mean: 4m, cv: 0.7}}` with the scenario
    /// grammar, for tools and for quantities other than durations (`kind: .number`).
    public static func parseDistribution(yaml: String, kind: QuantityKind = .duration,
                                         file: String = "<distribution>",
                                         baseDirectory: String? = nil) throws(ScenarioError) -> Distribution {
        let root = try YAMLDocument.compose(yaml: yaml, file: file)
        let log = IssueCollector(file: file)
        let field = YAMLField(node: root, path: "", keyMark: nil, log: log)
        let distribution = DistributionDecoder.decode(field, kind: kind, baseDirectory: baseDirectory ?? ".")
        if let distribution { log.report(DistributionChecks.problems(distribution, at: "", kind: kind)) }
        guard log.isEmpty, let distribution else { throw log.error() }
        return distribution
    }
}

/// The schema walk: which keys exist where, what is required, and the defaults.
private struct ScenarioDecoder {
    let log: IssueCollector
    let baseDirectory: String

    static let rootKeys = ["name", "description", "run", "arrivals", "team", "handle_time", "patience", "service_level"]
    static let runKeys = ["horizon", "warmup", "interval", "replications", "seed", "max_arrivals"]
    static let arrivalKeys = ["rate"]
    static let teamKeys = ["name", "agents"]
    static let serviceLevelKeys = ["answer_within", "target", "convention"]

    /// Section fields written at the top level by mistake, and the section they belong to.
    static let misplaced: [String: String] = {
        var homes: [String: String] = [:]
        for key in runKeys { homes[key] = "run" }
        for key in arrivalKeys { homes[key] = "arrivals" }
        homes["agents"] = "team"
        for key in serviceLevelKeys { homes[key] = "service_level" }
        for family in DistributionDecoder.families { homes[family] = "handle_time (or patience)" }
        return homes
    }()

    func decode(_ root: YAMLField, source: String) -> Scenario? {
        guard let m = root.mapping(allowed: Self.rootKeys, misplaced: Self.misplaced,
                                   expected: "a mapping of scenario fields (name, arrivals, team, handle_time, …)")
        else { return nil }

        let name = m.required("name")?.string()
        if let name { log.report(Scenario.nameProblems(name)) }
        let descriptionField = m.optional("description")
        let description = descriptionField?.string()

        let run: RunSettings?
        if let runField = m.optional("run") {
            // Semantic checks also run on a partly unreadable section, skipping rules that
            // involve a field already reported (a default standing in for it would mislead).
            let (partial, unreadable, written) = decodeRun(runField)
            for var problem in partial.problems(at: "run") {
                let key = problem.path.split(separator: ".").last.map(String.init) ?? ""
                if unreadable.contains(key) || (key == "interval" && unreadable.contains("horizon")) { continue }
                if key == "interval" && !written.contains("interval") {
                    problem.message += "; \(Quantity.describe(duration: partial.interval)) is the default, set run.interval"
                }
                log.report(problem)
            }
            run = unreadable.isEmpty ? partial : nil
        } else {
            run = RunSettings()
        }

        let arrivals = m.required("arrivals").flatMap(decodeArrivals)
        if let arrivals { log.report(arrivals.problems(at: "arrivals")) }

        let team = m.required("team").flatMap(decodeTeam)
        if let team { log.report(team.problems(at: "team")) }

        let handleTime = m.required("handle_time").flatMap {
            DistributionDecoder.decode($0, kind: .duration, baseDirectory: baseDirectory)
        }
        if let handleTime { log.report(Scenario.handleTimeProblems(handleTime)) }

        let patienceField = m.optional("patience")
        let patience = patienceField.flatMap { DistributionDecoder.decode($0, kind: .duration, baseDirectory: baseDirectory) }
        if let patience { log.report(Scenario.patienceProblems(patience)) }

        let serviceLevelField = m.optional("service_level")
        let serviceLevel = serviceLevelField == nil ? ServiceLevelTarget() : serviceLevelField.flatMap(decodeServiceLevel)
        if let serviceLevel { log.report(serviceLevel.problems(at: "service_level")) }

        guard let name, descriptionField == nil || description != nil, let run, let arrivals, let team, let handleTime,
              patienceField == nil || patience != nil, let serviceLevel else { return nil }
        return Scenario(name: name, description: description, run: run, arrivals: arrivals, team: team,
                        handleTime: handleTime, patience: patience, serviceLevel: serviceLevel, source: source)
    }

    /// The run settings with defaults for absent fields, the keys that could not be read
    /// (`"run"` itself when the section is not a mapping), and the keys written.
    private func decodeRun(_ field: YAMLField) -> (RunSettings, unreadable: Set<String>, written: Set<String>) {
        var run = RunSettings()
        guard let m = field.mapping(allowed: Self.runKeys) else { return (run, ["run"], []) }
        var unreadable: Set<String> = []
        func read<T>(_ key: String, _ get: (YAMLField) -> T?, into apply: (T) -> Void) {
            guard let child = m.optional(key) else { return }
            if let value = get(child) { apply(value) } else { unreadable.insert(key) }
        }
        read("horizon", { $0.duration() }) { run.horizon = $0 }
        read("warmup", { $0.duration() }) { run.warmup = $0 }
        read("interval", { $0.duration() }) { run.interval = $0 }
        read("replications", { $0.integer() }) { run.replications = $0 }
        read("seed", { field -> UInt64? in
            guard let seed = field.integer() else { return nil }
            guard seed >= 0, UInt64(seed) <= RunSettings.maxSeed else { return field.fail(RunSettings.seedProblem(String(seed))) }
            return UInt64(seed)
        }) { run.seed = $0 }
        read("max_arrivals", { $0.integer() }) { run.maxArrivals = $0 }
        return (run, unreadable, Set(m.keys))
    }

    private func decodeArrivals(_ field: YAMLField) -> ArrivalProcess? {
        guard let m = field.mapping(allowed: Self.arrivalKeys), let rate = m.required("rate")?.rate() else { return nil }
        return ArrivalProcess(ratePerSecond: rate)
    }

    private func decodeTeam(_ field: YAMLField) -> TeamSpec? {
        guard let m = field.mapping(allowed: Self.teamKeys) else { return nil }
        let nameField = m.optional("name")
        let name = nameField?.string()
        let agents = m.required("agents")?.integer()
        guard let agents, nameField == nil || name != nil else { return nil }
        return TeamSpec(name: name ?? TeamSpec.defaultName, agents: agents)
    }

    private func decodeServiceLevel(_ field: YAMLField) -> ServiceLevelTarget? {
        guard let m = field.mapping(allowed: Self.serviceLevelKeys) else { return nil }
        let answerWithin = m.required("answer_within")?.duration()
        let target = m.required("target")?.fraction()
        let conventionField = m.optional("convention")
        let convention = conventionField?.choice(ServiceLevelConvention.self)
        guard let answerWithin, let target, conventionField == nil || convention != nil else { return nil }
        return ServiceLevelTarget(answerWithin: answerWithin, target: target, convention: convention ?? .offered)
    }
}
