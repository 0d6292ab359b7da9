/// The schema walk at the top of a file: the common fields (`name`, `description`, `run`), then
/// one of two forms of the center.
///
/// - The **single-queue form** (the foundation): `arrivals`, `team`, `handle_time`, `patience`,
///   `service_level`; read by `FoundationDecoder` and turned into a one-channel center.
/// - The **full form**: `channels`, `tiers`, `teams`, with `calendar`, `resolution_target` and
///   `routing`; read by `CenterDecoder`.
///
/// A file containing any of `channels`, `tiers` or `teams` is in the full form. Keys of the other
/// form are then reported one by one, with where their content belongs instead.
struct ScenarioDecoder {
    let log: IssueCollector
    let baseDirectory: String

    static let commonKeys = ["name", "description", "run"]
    static let foundationKeys = ["arrivals", "team", "handle_time", "patience", "service_level"]
    static let fullKeys = ["calendar", "resolution_target", "channels", "tiers", "teams", "routing", "training", "scheduling"]
    static let fullMarkers: Set<String> = ["channels", "tiers", "teams"]
    static let runKeys = ["horizon", "warmup", "interval", "replications", "seed", "max_arrivals"]

    /// Where each single-queue field goes in the full form.
    static let foundationHomes: [String: String] = [
        "arrivals": "demand goes under channels.<name>.demand (rate or per_day)",
        "team": "agents go under teams.<name>.shifts",
        "handle_time": "handle times go under tiers.<name>.handle_time.<channel>",
        "patience": "patience goes under channels.<name>.patience",
        "service_level": "service levels go under channels.<name>.service_level",
    ]

    func decode(_ root: YAMLField, source: String) -> Scenario? {
        let rawKeys: Set<String> = {
            guard case .mapping(let mapping) = root.node else { return [] }
            return Set(mapping.keys.compactMap(\.string))
        }()
        let isFull = !rawKeys.isDisjoint(with: Self.fullMarkers)
        guard let m = root.mapping(allowed: Self.commonKeys + Self.foundationKeys + Self.fullKeys,
                                   misplaced: isFull ? Self.fullMisplaced : FoundationDecoder.misplaced,
                                   expected: "a mapping of scenario fields (name, arrivals, team, handle_time, … or name, channels, tiers, teams, …)")
        else { return nil }

        let name = m.required("name")?.string()
        if let name { log.report(Scenario.nameProblems(name)) }
        let descriptionField = m.optional("description")
        let description = descriptionField?.string()
        let run = decodeRun(m.optional("run"))

        var mixed = false
        for entry in m.entries {
            if isFull, let home = Self.foundationHomes[entry.key] {
                mixed = true
                let markers = ["channels", "tiers", "teams"].filter(rawKeys.contains).joined(separator: ", ")
                log.add(entry.key, at: entry.keyMark,
                        "'\(entry.key)' belongs to the single-queue form, but this file uses the full form (\(markers)); \(home)")
            } else if !isFull, Self.fullKeys.contains(entry.key) {
                mixed = true
                let used = Self.foundationKeys.filter(rawKeys.contains)
                let form = used.isEmpty ? "" : ", but this file uses the single-queue form (\(used.joined(separator: ", ")))"
                log.add(entry.key, at: entry.keyMark,
                        "'\(entry.key)' belongs to the full form (channels, tiers, teams)\(form); describe the center with channels, tiers and teams, or remove '\(entry.key)'")
            }
        }

        let center: CenterSpec?
        if isFull {
            center = CenterDecoder(log: log, baseDirectory: baseDirectory, run: run).decode(m)
        } else {
            center = FoundationDecoder(log: log, baseDirectory: baseDirectory).decode(m, run: run)
        }

        let scheduling = isFull ? SchedulingDecoder(log: log).decode(m) : SchedulingDecoder.absent

        guard let name, descriptionField == nil || description != nil, let runValue = run, let center, !mixed else { return nil }
        guard scheduling.ok else { return nil }
        var scenario = Scenario(name: name, description: description, run: runValue, center: center, source: source)
        scenario.scheduling = scheduling.spec
        return scenario
    }

    /// Top-level keys that belong inside a full-form section.
    static let fullMisplaced: [String: String] = {
        var homes: [String: String] = [:]
        for key in runKeys { homes[key] = "run" }
        for key in CenterDecoder.channelKeys where key != "tiers" { homes[key] = "channels.<name>" }
        for key in CenterDecoder.demandKeys { homes[key] = "channels.<name>.demand" }
        for key in CenterDecoder.tierKeys { homes[key] = "tiers.<name>" }
        for key in CenterDecoder.teamKeys { homes[key] = "teams.<name>" }
        for key in CenterDecoder.routingKeys { homes[key] = "routing" }
        homes["agents"] = "teams.<name>.shifts[i]"
        homes["start"] = "calendar"
        return homes
    }()

    /// The run settings (defaults when absent), or nil when a field could not be read.
    /// Semantic checks also run on a partly unreadable section, skipping rules that involve a
    /// field already reported (a default standing in for it would mislead).
    private func decodeRun(_ field: YAMLField?) -> RunSettings? {
        guard let field else { return RunSettings() }
        var run = RunSettings()
        guard let m = field.mapping(allowed: Self.runKeys) else { return nil }
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

        let written = Set(m.keys)
        for var problem in run.problems(at: "run") {
            let key = problem.path.split(separator: ".").last.map(String.init) ?? ""
            if unreadable.contains(key) || (key == "interval" && unreadable.contains("horizon")) { continue }
            if key == "interval" && !written.contains("interval") {
                problem.message += "; \(Quantity.describe(duration: run.interval)) is the default, set run.interval"
            }
            log.report(problem)
        }
        return unreadable.isEmpty ? run : nil
    }
}
