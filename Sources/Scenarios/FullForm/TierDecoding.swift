import Stochastics

/// `tiers.<name>`: handle times per channel, the resolution split, escalation and repeat contacts.
extension CenterDecoder {
    static let tierKeys = ["handle_time", "resolution", "escalation", "repeats"]
    static let resolutionKeys = ["resolved", "escalated"]
    static let escalationKeys = ["to", "mode", "channel"]
    static let repeatKeys = ["after_unresolved", "after_abandonment", "delay", "channel"]

    func decodeTier(_ entry: NamedEntry) -> TierSpec? {
        guard let m = entry.field.mapping(allowed: Self.tierKeys, misplaced: Self.tierMisplaced) else { return nil }

        let handleTimes = m.required("handle_time").flatMap(decodeHandleTimes)

        var resolved = 1.0, escalated = 0.0
        var resolutionOK = true
        if let field = m.optional("resolution") {
            if let r = field.mapping(allowed: Self.resolutionKeys) {
                let resolvedField = r.optional("resolved"), escalatedField = r.optional("escalated")
                let readResolved = resolvedField?.fraction(), readEscalated = escalatedField?.fraction()
                resolutionOK = (resolvedField == nil || readResolved != nil) && (escalatedField == nil || readEscalated != nil)
                escalated = readEscalated ?? 0
                // Unless given, everything not escalated is resolved.
                resolved = readResolved ?? (1 - escalated)
            } else {
                resolutionOK = false
            }
        }

        let escalationField = m.optional("escalation")
        let escalation = escalationField.flatMap(decodeEscalation)
        let repeatsField = m.optional("repeats")
        let repeats = repeatsField.flatMap(decodeRepeats)

        guard resolutionOK, escalationField == nil || escalation != nil, repeatsField == nil || repeats != nil else { return nil }
        let tier = TierSpec(name: entry.name, handleTimes: handleTimes ?? Array(repeating: nil, count: channelNames.names.count),
                            resolved: resolved, escalated: escalated, escalation: escalation, repeats: repeats)
        guard handleTimes != nil else {
            partialTiers[entry.index] = tier
            return nil
        }
        return tier
    }

    static let tierMisplaced: [String: String] = {
        var homes: [String: String] = [:]
        for key in resolutionKeys { homes[key] = "resolution" }
        for family in DistributionDecoder.families { homes[family] = "handle_time.<channel>" }
        homes["after_unresolved"] = "repeats"
        homes["after_abandonment"] = "repeats"
        return homes
    }()

    /// `{voice: {lognormal: …}, chat: {…}}` per channel, or one distribution for every channel.
    private func decodeHandleTimes(_ field: YAMLField) -> [Distribution?]? {
        let channelCount = channelNames.names.count
        guard case .mapping(let mapping) = field.node else {
            return field.fail("expected handle times by channel, such as {\(channelNames.names.first ?? "voice"): {lognormal: {mean: 4m, cv: 0.6}}}, got \(field.shown)")
        }
        let keys = mapping.keys.compactMap(\.string)
        let families = keys.filter { DistributionDecoder.families.contains($0) && self.channelNames.index(of: $0) == nil }
        if !families.isEmpty, families.count == keys.count {
            // One distribution for every channel.
            guard let distribution = DistributionDecoder.decode(field, kind: .duration, baseDirectory: baseDirectory) else { return nil }
            return Array(repeating: distribution, count: channelCount)
        }
        var times = [Distribution?](repeating: nil, count: channelCount)
        var ok = true
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else { field.log.add(field.path, at: key.mark, "channel names must be plain text"); ok = false; continue }
            let name = scalar.string
            let child = YAMLField(node: value, path: joinPath(field.path, name), keyMark: key.mark, log: field.log)
            guard let c = channelNames.index(of: name) else {
                var message = channelNames.unknown(name)
                if DistributionDecoder.families.contains(name) {
                    message += "; to use one distribution on every channel, write handle_time: {\(name): …} with nothing else"
                }
                field.log.add(child.path, at: key.mark, message)
                ok = false
                continue
            }
            if let distribution = DistributionDecoder.decode(child, kind: .duration, baseDirectory: baseDirectory) {
                times[c] = distribution
            } else {
                ok = false
            }
        }
        return ok ? times : nil
    }

    /// `{to: tier2}` (warm transfer) or `{to: tier3, mode: ticket, channel: email}`.
    private func decodeEscalation(_ field: YAMLField) -> Escalation? {
        guard let m = field.mapping(allowed: Self.escalationKeys) else { return nil }
        let to = m.required("to").flatMap(tierNames.resolve)
        let modeField = m.optional("mode")
        let mode = modeField == nil ? .warmTransfer : modeField?.choice(Escalation.Mode.self)
        let channelField = m.optional("channel")
        var channel = channelField.flatMap(channelNames.resolve)
        if channelField == nil, mode == .ticket {
            // The one email channel, when there is exactly one.
            let emails = channelKinds.indices.filter { channelKinds[$0] == .email }
            if emails.count == 1 { channel = emails[0] }
        }
        guard let to, let mode, channelField == nil || channel != nil else { return nil }
        return Escalation(toTier: to, mode: mode, ticketChannel: channel)
    }

    private func decodeRepeats(_ field: YAMLField) -> RepeatContacts? {
        guard let m = field.mapping(allowed: Self.repeatKeys) else { return nil }
        let unresolvedField = m.optional("after_unresolved"), abandonmentField = m.optional("after_abandonment")
        let unresolved = unresolvedField?.fraction(), abandonment = abandonmentField?.fraction()
        let delay = m.required("delay").flatMap { DistributionDecoder.decode($0, kind: .duration, baseDirectory: baseDirectory) }
        let channelField = m.optional("channel")
        let channel = channelField.flatMap(channelNames.resolve)
        guard unresolvedField == nil || unresolved != nil, abandonmentField == nil || abandonment != nil, let delay,
              channelField == nil || channel != nil else { return nil }
        return RepeatContacts(afterUnresolved: unresolved ?? 0, afterAbandonment: abandonment ?? 0, delay: delay, channel: channel)
    }
}
