/// The single-queue form (the foundation's schema): `arrivals`, `team`, `handle_time`,
/// `patience` and `service_level` at the top level, checked at those paths and turned into the
/// equivalent one-channel center (`Scenario.init(name:…arrivals:team:…)`), which is then held to
/// the full form's center checks too (`SingleQueueChecks`).
struct FoundationDecoder {
    let log: IssueCollector
    let baseDirectory: String

    static let arrivalKeys = ["rate"]
    static let teamKeys = ["name", "agents"]
    static let serviceLevelKeys = ["answer_within", "target", "convention"]

    /// Section fields written at the top level by mistake, and the section they belong to.
    static let misplaced: [String: String] = {
        var homes: [String: String] = [:]
        for key in ScenarioDecoder.runKeys { homes[key] = "run" }
        for key in arrivalKeys { homes[key] = "arrivals" }
        homes["agents"] = "team"
        for key in serviceLevelKeys { homes[key] = "service_level" }
        for family in DistributionDecoder.families { homes[family] = "handle_time (or patience)" }
        return homes
    }()

    /// The single-queue center from the root mapping `m`; nil after reporting.
    func decode(_ m: YAMLMapping, run: RunSettings?) -> CenterSpec? {
        var found: [FieldProblem] = []
        let arrivals = m.required("arrivals").flatMap(decodeArrivals)
        if let arrivals { found += arrivals.problems(at: "arrivals") }

        let team = m.required("team").flatMap(decodeTeam)
        if let team { found += team.problems(at: "team") }

        let handleTime = m.required("handle_time").flatMap {
            DistributionDecoder.decode($0, kind: .duration, baseDirectory: baseDirectory)
        }
        if let handleTime { found += Scenario.handleTimeProblems(handleTime) }

        let patienceField = m.optional("patience")
        let patience = patienceField.flatMap { DistributionDecoder.decode($0, kind: .duration, baseDirectory: baseDirectory) }
        if let patience { found += Scenario.patienceProblems(patience) }

        let serviceLevelField = m.optional("service_level")
        let serviceLevel = serviceLevelField == nil ? ServiceLevelTarget() : serviceLevelField.flatMap(decodeServiceLevel)
        if let serviceLevel { found += serviceLevel.problems(at: "service_level") }

        defer { log.report(found) }
        guard let arrivals, let team, let handleTime, patienceField == nil || patience != nil, let serviceLevel else { return nil }
        let center = Scenario(name: "", run: run ?? RunSettings(), arrivals: arrivals, team: team, handleTime: handleTime,
                              patience: patience, serviceLevel: serviceLevel).center
        // The same center checks as the full form, said at this form's paths.
        found += SingleQueueChecks.problems(center, run: run, besides: found)
        return center
    }

    private func decodeArrivals(_ field: YAMLField) -> ArrivalProcess? {
        guard let m = field.mapping(allowed: Self.arrivalKeys), let rate = m.required("rate")?.rate() else { return nil }
        return ArrivalProcess(ratePerSecond: rate)
    }

    private func decodeTeam(_ field: YAMLField) -> TeamSpec? {
        guard let m = field.mapping(allowed: Self.teamKeys) else { return nil }
        let nameField = m.optional("name")
        let name = nameField?.string()
        let agents = m.required("agents")?.agentCount()
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
