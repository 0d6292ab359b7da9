/// `routing`: the policy and the priorities of channels (and, optionally, of tiers within a channel).
extension CenterDecoder {
    static let routingKeys = ["policy", "priorities", "backlog_reserve"]

    /// The routing of `field` (the defaults when absent): `longest_idle`, live channels at priority 1,
    /// email at 0. `priorities: {voice: 3, chat: {tier1: 2, tier2: 4}}` overrides per channel or per
    /// channel and tier; what is not listed keeps its default.
    func decodeRouting(_ field: YAMLField?) -> RoutingSpec? {
        var priorities = channelKinds.map { kind in
            [Int](repeating: kind.map(RoutingSpec.defaultPriority(for:)) ?? 0, count: tierNames.names.count)
        }
        guard let field else { return RoutingSpec(policy: .longestIdle, priorities: priorities) }
        guard let m = field.mapping(allowed: Self.routingKeys) else { return nil }
        let policyField = m.optional("policy")
        let policy = policyField == nil ? .longestIdle : policyField?.choice(RoutingSpec.Policy.self)
        var ok = true
        if let prioritiesField = m.optional("priorities") {
            if case .mapping(let mapping) = prioritiesField.node {
                for (key, value) in mapping {
                    let name = key.string ?? ""
                    let child = YAMLField(node: value, path: joinPath(prioritiesField.path, name), keyMark: key.mark, log: field.log)
                    guard let c = channelNames.index(of: name) else {
                        field.log.add(child.path, at: key.mark, channelNames.unknown(name)); ok = false; continue
                    }
                    if case .mapping(let byTier) = value {
                        for (tierKey, tierValue) in byTier {
                            let tierName = tierKey.string ?? ""
                            let tierChild = YAMLField(node: tierValue, path: joinPath(child.path, tierName), keyMark: tierKey.mark, log: field.log)
                            guard let t = tierNames.index(of: tierName) else {
                                field.log.add(tierChild.path, at: tierKey.mark, tierNames.unknown(tierName)); ok = false; continue
                            }
                            if let p = tierChild.integer() { priorities[c][t] = p } else { ok = false }
                        }
                    } else if let p = child.integer() {
                        priorities[c] = [Int](repeating: p, count: tierNames.names.count)
                    } else {
                        ok = false
                    }
                }
            } else {
                _ = prioritiesField.fail("expected priorities by channel, such as {voice: 3, chat: 2, email: 1}, got \(prioritiesField.shown)") as Int?
                ok = false
            }
        }
        let reserveField = m.optional("backlog_reserve")
        let reserve = reserveField?.fraction()
        guard let policy, ok, reserveField == nil || reserve != nil else { return nil }
        return RoutingSpec(policy: policy, priorities: priorities, backlogReserve: reserve ?? 0)
    }
}
