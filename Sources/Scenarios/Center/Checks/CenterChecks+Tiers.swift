/// Rules of one tier: handle times, the resolution split, escalation and repeat contacts;
/// and, across tiers, that escalations never lead back to where they started.
extension CenterChecks {
    func tierProblems(_ t: Int) -> [FieldProblem] {
        guard let tier = tiers[t] else { return [] }
        let q = tierPath(t)
        var found: [FieldProblem] = []

        let handlePath = joinPath(q, "handle_time")
        if tier.handleTimes.count != channels.count {
            found.append(.init(handlePath, "needs one entry per channel (\(channels.count)), got \(tier.handleTimes.count)"))
        } else {
            for (c, handleTime) in tier.handleTimes.enumerated() {
                if let handleTime { found += Scenario.handleTimeProblems(handleTime, at: joinPath(handlePath, channelName(c))) }
            }
        }

        let r = joinPath(q, "resolution")
        let resolvedOK = tier.resolved.isFraction, escalatedOK = tier.escalated.isFraction
        if !resolvedOK {
            found.append(.init(joinPath(r, "resolved"), "must be between 0% and 100%, got \(Quantity.describe(fraction: tier.resolved))"))
        }
        if !escalatedOK {
            found.append(.init(joinPath(r, "escalated"), "must be between 0% and 100%, got \(Quantity.describe(fraction: tier.escalated))"))
        }
        if resolvedOK, escalatedOK, tier.resolved + tier.escalated > 1 + 1e-9 {
            found.append(.init(r, "resolved (\(Quantity.describe(fraction: tier.resolved))) + escalated (\(Quantity.describe(fraction: tier.escalated))) exceed 100%; the rest (unresolved) cannot be negative"))
        }
        if tier.escalated > 0, tier.escalation == nil {
            found.append(.init(joinPath(r, "escalated"), "\(Quantity.describe(fraction: tier.escalated)) are escalated, but the tier has no escalation target; add escalation: {to: <tier>}"))
        }

        if let escalation = tier.escalation {
            let e = joinPath(q, "escalation")
            if !tiers.indices.contains(escalation.toTier) {
                found.append(.init(joinPath(e, "to"), "tier index \(escalation.toTier) does not exist (there are \(tiers.count) tiers)"))
            } else if escalation.toTier == t {
                found.append(.init(joinPath(e, "to"), "a tier cannot escalate to itself ('\(tierName(t))')"))
            }
            switch escalation.mode {
            case .ticket:
                if let channel = escalation.ticketChannel {
                    if !channels.indices.contains(channel) {
                        found.append(.init(joinPath(e, "channel"), "channel index \(channel) does not exist (there are \(channels.count) channels)"))
                    } else if let spec = channels[channel], spec.kind != .email {
                        found.append(.init(joinPath(e, "channel"), "tickets are queued on an email channel, but '\(channelName(channel))' is a \(spec.kind.rawValue) channel"))
                    }
                } else {
                    found.append(.init(joinPath(e, "channel"), "a ticket escalation needs the email channel the tickets are queued on, e.g. channel: email"))
                }
            case .warmTransfer:
                if escalation.ticketChannel != nil {
                    found.append(.init(joinPath(e, "channel"), "only mode: ticket names a channel; a warm transfer stays on the customer's channel"))
                }
            }
        }

        if let repeats = tier.repeats {
            let rp = joinPath(q, "repeats")
            if !repeats.afterUnresolved.isFraction {
                found.append(.init(joinPath(rp, "after_unresolved"), "must be between 0% and 100%, got \(Quantity.describe(fraction: repeats.afterUnresolved))"))
            }
            if !repeats.afterAbandonment.isFraction {
                found.append(.init(joinPath(rp, "after_abandonment"), "must be between 0% and 100%, got \(Quantity.describe(fraction: repeats.afterAbandonment))"))
            }
            found += DistributionChecks.problems(repeats.delay, at: joinPath(rp, "delay"), kind: .duration)
            if let channel = repeats.channel, !channels.indices.contains(channel) {
                found.append(.init(joinPath(rp, "channel"), "channel index \(channel) does not exist (there are \(channels.count) channels)"))
            }
        }
        return found
    }

    /// One problem per escalation cycle (`tier1 → tier2 → tier1`), at the `escalation.to` of the
    /// tier where the cycle is first entered from the lowest-numbered tier on it.
    func escalationCycleProblems() -> [FieldProblem] {
        func next(_ t: Int) -> Int? {
            guard let target = tier(t)?.escalation?.toTier, tiers.indices.contains(target), target != t else { return nil }
            return target
        }
        var found: [FieldProblem] = []
        var reported: Set<Int> = []
        for start in tiers.indices where !reported.contains(start) {
            var chain = [start]
            var current = start
            while let n = next(current) {
                if let loopStart = chain.firstIndex(of: n) {
                    let cycle = Array(chain[loopStart...])
                    if reported.isDisjoint(with: cycle) {
                        reported.formUnion(cycle)
                        let names = (cycle + [n]).map(tierName).joined(separator: " → ")
                        found.append(.init(joinPath(tierPath(current), "escalation.to"),
                                           "escalations form a cycle (\(names)); escalation must lead to a higher tier"))
                    }
                    break
                }
                chain.append(n)
                current = n
            }
        }
        return found
    }
}
