/// `routing`: the policy, the priorities of channels (and, optionally, of tiers within a channel),
/// and the backlog reserve.
extension CenterDecoder {
    static let routingKeys = ["policy", "priorities", "backlog_reserve"]

    /// The routing of `field` (the defaults when absent): `longest_idle`, live channels at priority 1,
    /// email at 0, no reservation. `priorities: {voice: 3, chat: {tier1: 2, tier2: 4}}` overrides per
    /// channel or per channel and tier; what is not listed keeps its default.
    func decodeRouting(_ field: YAMLField?) -> RoutingSpec? {
        let priorities = channelKinds.map { kind in
            [Int](repeating: kind.map(RoutingSpec.defaultPriority(for:)) ?? 0, count: tierNames.names.count)
        }
        guard let field else { return RoutingSpec(policy: .longestIdle, priorities: priorities) }
        guard let m = field.mapping(allowed: Self.routingKeys) else { return nil }
        let policyField = m.optional("policy")
        let policy = policyField == nil ? .longestIdle : policyField?.choice(RoutingSpec.Policy.self)
        let decodedPriorities = byQueue(m.optional("priorities"), defaults: priorities, example: "priorities by channel, such as {voice: 3, chat: 2, email: 1}") { $0.integer() }
        let backlogField = m.optional("backlog_reserve")
        let backlogReserve = backlogField?.fraction()
        guard let policy, let decodedPriorities, backlogField == nil || backlogReserve != nil else { return nil }
        return RoutingSpec(policy: policy, priorities: decodedPriorities, backlogReserve: backlogReserve ?? 0)
    }

    /// A whole number per channel × tier from `{channel: n, channel: {tier: n}}`, starting from `defaults`;
    /// nil after logging every problem.
    private func byQueue(_ field: YAMLField?, defaults: [[Int]], example: String, _ value: (YAMLField) -> Int?) -> [[Int]]? {
        var grid = defaults
        guard let field else { return grid }
        guard case .mapping(let mapping) = field.node else {
            return field.fail("expected \(example), got \(field.shown)")
        }
        var ok = true
        for (key, node) in mapping {
            let name = key.string ?? ""
            let child = YAMLField(node: node, path: joinPath(field.path, name), keyMark: key.mark, log: field.log)
            guard let c = channelNames.index(of: name) else {
                field.log.add(child.path, at: key.mark, channelNames.unknown(name)); ok = false; continue
            }
            if case .mapping(let byTier) = node {
                for (tierKey, tierValue) in byTier {
                    let tierName = tierKey.string ?? ""
                    let tierChild = YAMLField(node: tierValue, path: joinPath(child.path, tierName), keyMark: tierKey.mark, log: field.log)
                    guard let t = tierNames.index(of: tierName) else {
                        field.log.add(tierChild.path, at: tierKey.mark, tierNames.unknown(tierName)); ok = false; continue
                    }
                    if let n = value(tierChild) { grid[c][t] = n } else { ok = false }
                }
            } else if let n = value(child) {
                grid[c] = [Int](repeating: n, count: tierNames.names.count)
            } else {
                ok = false
            }
        }
        return ok ? grid : nil
    }
}
