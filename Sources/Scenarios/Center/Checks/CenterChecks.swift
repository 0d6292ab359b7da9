/// The rules of a full-model center, reported at YAML field paths built from names
/// (`teams.frontline.shifts[0].agents`).
///
/// One set of rules serves both the loader and `Scenario.validate()`, so a file and a scenario
/// built in code are held to the same standard. The loader runs them on what it could decode:
/// a channel, tier or team that failed to read is nil here, and every rule involving it is
/// skipped (its own problems are already reported; a guess would only add noise).
struct CenterChecks {
    var channels: [ChannelSpec?]
    var tiers: [TierSpec?]
    var teams: [AgentTeamSpec?]
    var routing: RoutingSpec?
    /// nil when `run` could not be read: rules involving the interval or the run length are skipped.
    var run: RunSettings?
    var resolutionTarget: Double?
    /// Names as written (from the YAML keys, or the specs' `name`), aligned with the arrays.
    var channelNames: [String]
    var tierNames: [String]
    var teamNames: [String]
    /// False when the loader could not read the `teams` section at all: rules about who handles
    /// what are skipped rather than reporting that nobody does.
    var teamsKnown = true
    /// Training programs (`training`), checked with the teams they name.
    var training: TrainingSpec?

    init(center: CenterSpec, run: RunSettings?) {
        channels = center.channels
        tiers = center.tiers
        teams = center.teams
        routing = center.routing
        self.run = run
        resolutionTarget = center.resolutionTarget
        training = center.training
        channelNames = center.channels.map(\.name)
        tierNames = center.tiers.map(\.name)
        teamNames = center.teams.map(\.name)
    }

    init(channels: [ChannelSpec?], tiers: [TierSpec?], teams: [AgentTeamSpec?], routing: RoutingSpec?,
         run: RunSettings?, resolutionTarget: Double?, channelNames: [String], tierNames: [String], teamNames: [String]) {
        self.channels = channels
        self.tiers = tiers
        self.teams = teams
        self.routing = routing
        self.run = run
        self.resolutionTarget = resolutionTarget
        self.channelNames = channelNames
        self.tierNames = tierNames
        self.teamNames = teamNames
    }

    /// Every problem, by field path.
    func problems() -> [FieldProblem] {
        var found = centerProblems()
        for c in channels.indices { found += channelProblems(c) }
        for t in tiers.indices { found += tierProblems(t) }
        for m in teams.indices { found += teamProblems(m) }
        found += escalationCycleProblems()
        found += reachabilityProblems()
        found += openingHoursProblems()
        found += trainingProblems()
        found += agentGroupProblems()
        return found
    }

    /// The agent groups (teams, and the further skill profiles of rostered agents) fit the limit.
    private func agentGroupProblems() -> [FieldProblem] {
        let groups = teams.reduce(0) { total, team in
            total + 1 + Set(team?.roster?.agents.compactMap(\.skills) ?? []).count
        }
        guard groups > DomainLimits.maxAgentGroups else { return [] }
        return [.init("teams", "\(groups) agent groups (teams and the skill profiles of their rostered agents), more than the \(DomainLimits.maxAgentGroups) a scenario may have")]
    }

    // MARK: Paths

    /// A name usable as a path segment: letters, digits, `_` and `-`, starting with a letter or digit.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    /// `section.name`, or `section[i]` when the name cannot serve as a path segment (invalid or repeated).
    static func path(_ section: String, _ names: [String], _ i: Int) -> String {
        let name = i < names.count ? names[i] : ""
        if isValidName(name), names.firstIndex(of: name) == i { return "\(section).\(name)" }
        return "\(section)[\(i)]"
    }

    func channelPath(_ c: Int) -> String { Self.path("channels", channelNames, c) }
    func tierPath(_ t: Int) -> String { Self.path("tiers", tierNames, t) }
    func teamPath(_ m: Int) -> String { Self.path("teams", teamNames, m) }

    /// The name of channel `c` for messages (`#2` when out of range).
    func channelName(_ c: Int) -> String { channelNames.indices.contains(c) ? channelNames[c] : "#\(c)" }
    func tierName(_ t: Int) -> String { tierNames.indices.contains(t) ? tierNames[t] : "#\(t)" }

    /// The channel at `c` if it is in range and was read.
    func channel(_ c: Int) -> ChannelSpec? { channels.indices.contains(c) ? channels[c] : nil }
    func tier(_ t: Int) -> TierSpec? { tiers.indices.contains(t) ? tiers[t] : nil }

    /// Seconds in a day, the period of daily demand and of shift patterns.
    static let day: Double = 86_400

    /// The reporting interval when it divides a day into whole intervals (daily profiles need it).
    var dailyInterval: Double? {
        guard let interval = run?.interval, interval.isFinite, interval > 0 else { return nil }
        let count = Self.day / interval
        return abs(count - count.rounded()) < 1e-9 && count >= 1 ? interval : nil
    }

    // MARK: Whole center

    func centerProblems() -> [FieldProblem] {
        var found: [FieldProblem] = []
        for (section, names, what) in [("channels", channelNames, "channel"), ("tiers", tierNames, "tier"), ("teams", teamNames, "team")] {
            if names.isEmpty, section != "teams" || teamsKnown { found.append(.init(section, "needs at least one \(what)")) }
            for (i, name) in names.enumerated() {
                let path = Self.path(section, names, i)
                if name.isEmpty {
                    found.append(.init(path, "a \(what) needs a name"))
                } else if !Self.isValidName(name) {
                    found.append(.init(path, "\(what) name '\(name)' may only use letters, digits, '_' and '-', starting with a letter or digit"))
                } else if names.firstIndex(of: name) != i {
                    found.append(.init(path, "\(what) name '\(name)' is used twice"))
                }
            }
        }
        if let target = resolutionTarget, !(target.isFinite && target > 0) {
            found.append(.init("resolution_target", "must be greater than 0, got \(Quantity.describe(duration: target))"))
        }
        if let routing {
            let shapeOK = routing.priorities.count == channels.count && routing.priorities.allSatisfy { $0.count == tiers.count }
            if !shapeOK {
                found.append(.init("routing.priorities",
                                   "needs one row per channel (\(channels.count)), each with one priority per tier (\(tiers.count))"))
            }
            if !(routing.backlogReserve.isFinite && (0..<1).contains(routing.backlogReserve)) {
                found.append(.init("routing.backlog_reserve",
                                   "must be at least 0% and below 100%, got \(Quantity.describe(fraction: routing.backlogReserve))"))
            }
        }
        // Said once: when the interval already fails to divide the horizon, that message stands alone.
        if let run, run.interval.isFinite, run.interval > 0, dailyInterval == nil,
           !run.problems(at: "run").contains(where: { $0.path == "run.interval" }),
           let c = channels.firstIndex(where: { if case .daily? = $0?.demand.pattern { true } else { false } }) {
            found.append(.init("run.interval",
                               "must divide 24h into whole intervals when demand is given per day (\(channelPath(c)).demand.per_day), got \(Quantity.describe(duration: run.interval))"))
        }
        return found
    }
}

/// Small numeric predicates shared by the rules.
extension Double {
    var isFiniteNonNegative: Bool { isFinite && self >= 0 }
    var isFinitePositive: Bool { isFinite && self > 0 }
    var isFraction: Bool { isFinite && (0...1).contains(self) }
}
