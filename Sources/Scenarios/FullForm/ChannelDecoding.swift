import Stochastics

/// `channels.<name>`: kind, demand, tier shares, patience, chat concurrency, service level,
/// callbacks and the initial queue.
extension CenterDecoder {
    static let channelKeys = ["kind", "demand", "tiers", "patience", "concurrency", "slowdown",
                              "service_level", "callbacks", "initial_queue"]
    static let channelServiceLevelKeys = ["answer_within", "target", "convention", "max_asa", "max_abandonment", "penalty"]
    static let callbackKeys = ["when_expected_wait_above", "acceptance", "promised_within"]
    static let initialQueueKeys = ["ages", "count", "age"]
    /// Largest `initial_queue.count`, so a typo cannot allocate millions of contacts.
    static let maxInitialQueue = 1_000_000

    func decodeChannel(_ entry: NamedEntry) -> ChannelSpec? {
        guard let m = entry.field.mapping(allowed: Self.channelKeys, misplaced: Self.channelMisplaced) else { return nil }
        let path = entry.field.path

        let kind: ChannelKind?
        if let kindField = m.optional("kind") {
            kind = kindField.choice(ChannelKind.self)
        } else if let named = ChannelKind(rawValue: entry.name) {
            kind = named
        } else {
            _ = m.required("kind")
            kind = nil
        }

        let demandField = m.optional("demand")
        let demand = demandField == nil ? DemandSpec(pattern: .constant(ratePerSecond: 0)) : demandField.flatMap(decodeDemand)

        let sharesField = m.optional("tiers")
        var shares: [Double]?
        if let sharesField {
            shares = decodeShares(sharesField)
        } else if tierNames.names.count == 1 || (demandField == nil && !m.contains("initial_queue")) {
            // One tier takes everything; a channel without demand of its own only carries
            // escalations and repeats, whose tiers are their own.
            shares = tierNames.names.indices.map { $0 == 0 ? 1 : 0 }
        } else {
            entry.field.log.add(joinPath(path, "tiers"), at: entry.field.keyMark,
                                "required field 'tiers' is missing from '\(path)': give each tier's share of new contacts, e.g. {\(tierNames.names.prefix(2).map { "\($0): 50%" }.joined(separator: ", "))}")
        }

        let patienceField = m.optional("patience")
        let patience = patienceField.flatMap { DistributionDecoder.decode($0, kind: .duration, baseDirectory: baseDirectory) }

        let concurrencyField = m.optional("concurrency"), slowdownField = m.optional("slowdown")
        let concurrency = concurrencyField?.integer(), slowdown = slowdownField?.fraction()
        var chat: ChatSettings?
        if concurrencyField != nil || slowdownField != nil {
            chat = ChatSettings(concurrency: concurrency ?? 1, slowdown: slowdown ?? 0)
            if concurrencyField == nil { alias(joinPath(path, "concurrency"), as: joinPath(path, "slowdown")) }
        }

        var serviceLevel: ServiceLevelTarget? = kind.map(ServiceLevelTarget.default(for:))
        var maxASA: Double?, maxAbandonment: Double?, penalty: ServiceLevelPenalty?
        var serviceLevelOK = true
        if let slField = m.optional("service_level") {
            if let sl = slField.mapping(allowed: Self.channelServiceLevelKeys) {
                let within = sl.optional("answer_within")?.duration()
                let target = sl.optional("target")?.fraction()
                let convention = sl.optional("convention")?.choice(ServiceLevelConvention.self)
                maxASA = sl.optional("max_asa")?.duration()
                maxAbandonment = sl.optional("max_abandonment")?.fraction()
                serviceLevelOK = (sl.optional("answer_within") == nil || within != nil) && (sl.optional("target") == nil || target != nil)
                    && (sl.optional("convention") == nil || convention != nil) && (sl.optional("max_asa") == nil || maxASA != nil)
                    && (sl.optional("max_abandonment") == nil || maxAbandonment != nil)
                if let penaltyField = sl.optional("penalty") {
                    penalty = decodePenalty(penaltyField)
                    serviceLevelOK = serviceLevelOK && penalty != nil
                }
                if let within { serviceLevel?.answerWithin = within }
                if let target { serviceLevel?.target = target }
                if let convention { serviceLevel?.convention = convention }
            } else {
                serviceLevelOK = false
            }
        }

        let callbackField = m.optional("callbacks")
        let callbacks = callbackField.flatMap(decodeCallbacks)
        let queueField = m.optional("initial_queue")
        let initialQueue = queueField.flatMap(decodeInitialQueue)

        guard let kind, let demand, let shares, patienceField == nil || patience != nil,
              concurrencyField == nil || concurrency != nil, slowdownField == nil || slowdown != nil,
              serviceLevelOK, let serviceLevel, callbackField == nil || callbacks != nil,
              queueField == nil || initialQueue != nil else { return nil }
        return ChannelSpec(name: entry.name, kind: kind, demand: demand, tierShares: shares, patience: patience,
                           chat: chat, serviceLevel: serviceLevel, maxAverageSpeedOfAnswer: maxASA,
                           maxAbandonmentRate: maxAbandonment, callbacks: callbacks, initialQueue: initialQueue,
                           missPenalty: penalty)
    }

    /// `penalty: {amount: 500, per: day}`: money owed for each interval, day, week or run whose
    /// service level misses the target; `per` defaults to day.
    private func decodePenalty(_ field: YAMLField) -> ServiceLevelPenalty? {
        guard let m = field.mapping(allowed: ["amount", "per"], expected: "a mapping such as {amount: 500, per: day}") else { return nil }
        let amount = m.required("amount")?.number()
        let perField = m.optional("per")
        let per = perField?.choice(ServiceLevelPenalty.Period.self)
        guard let amount, perField == nil || per != nil else { return nil }
        return ServiceLevelPenalty(amount: amount, per: per ?? .day)
    }

    /// Fields of a channel's sections written directly under the channel.
    static let channelMisplaced: [String: String] = {
        var homes: [String: String] = [:]
        for key in demandKeys { homes[key] = "demand" }
        for key in channelServiceLevelKeys { homes[key] = "service_level" }
        for key in callbackKeys { homes[key] = "callbacks" }
        homes["handle_time"] = "tiers.<tier>.handle_time (handle times belong to tiers, per channel)"
        return homes
    }()

    /// `tiers: {tier1: 60%, tier2: 30%, tier3: 10%}`: each tier's share of new contacts; unlisted tiers get 0%.
    private func decodeShares(_ field: YAMLField) -> [Double]? {
        let example = "{\(tierNames.names.prefix(3).map { "\($0): 50%" }.joined(separator: ", "))}"
        guard case .mapping(let mapping) = field.node else {
            return field.fail("expected each tier's share of new contacts, such as \(example), got \(field.shown)")
        }
        var shares = [Double](repeating: 0, count: tierNames.names.count)
        var ok = true
        for (key, value) in mapping {
            guard let name = key.string, case .scalar = key else {
                field.log.add(field.path, at: key.mark, "tier names must be plain text"); ok = false; continue
            }
            let child = YAMLField(node: value, path: joinPath(field.path, name), keyMark: key.mark, log: field.log)
            guard let t = tierNames.index(of: name) else {
                field.log.add(child.path, at: key.mark, tierNames.unknown(name)); ok = false; continue
            }
            if let share = child.fraction() { shares[t] = share } else { ok = false }
        }
        return ok ? shares : nil
    }

    private func decodeCallbacks(_ field: YAMLField) -> CallbackOffer? {
        guard let m = field.mapping(allowed: Self.callbackKeys) else { return nil }
        let threshold = m.required("when_expected_wait_above")?.duration()
        let acceptance = m.required("acceptance")?.fraction()
        let promised = m.required("promised_within")?.duration()
        guard let threshold, let acceptance, let promised else { return nil }
        return CallbackOffer(whenExpectedWaitAbove: threshold, acceptance: acceptance, promisedWithin: promised)
    }

    /// `{ages: [30s, 2m]}` (one contact per age) or `{count: 12, age: 5m}` (all of the same age).
    private func decodeInitialQueue(_ field: YAMLField) -> InitialQueue? {
        guard let m = field.mapping(allowed: Self.initialQueueKeys) else { return nil }
        if m.optional("ages") != nil, let other = m.entries.first(where: { $0.key != "ages" }) {
            field.log.add(joinPath(field.path, other.key), at: other.keyMark,
                          "give either 'ages' (a list) or 'count' with 'age', not both")
            return nil
        }
        if let agesField = m.optional("ages") {
            guard let items = agesField.list(expected: "a list of waiting times such as [30s, 2m]") else { return nil }
            let ages = items.map { $0.duration() }
            guard ages.allSatisfy({ $0 != nil }) else { return nil }
            return InitialQueue(ages: ages.map { $0! })
        }
        let count = m.required("count")?.integer()
        let age = m.required("age")?.duration()
        guard let count, let age else { return nil }
        guard (0...Self.maxInitialQueue).contains(count) else {
            return m.optional("count")?.fail("must be between 0 and \(Self.maxInitialQueue), got \(count)")
        }
        guard age >= 0 else { return m.optional("age")?.fail("a waiting time cannot be negative, got \(Quantity.describe(duration: age))") }
        return InitialQueue(ages: Array(repeating: age, count: count))
    }
}
