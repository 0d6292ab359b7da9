/// Cross-references that follow the work: every (channel, tier) pair that contacts can reach —
/// as new contacts, by escalation, or as repeat contacts — needs a handle time and a team.
extension CenterChecks {
    /// Why contacts of a tier show up on a channel.
    enum Arrival: Equatable {
        /// New contacts: the channel's tier share is positive.
        case share
        /// New contacts: the forecast gives the tier a positive share in some interval.
        case forecastShare
        /// Escalated from tier `from` (warm transfer on the same channel, or a ticket).
        case escalation(from: Int, ticket: Bool)
        /// Repeat contacts of the tier, first seen on channel `from`.
        case repeated(from: Int)
    }

    /// Every reachable (channel, tier) pair with the first reason found, in a stable order.
    /// Propagation stops at a channel or tier that could not be read.
    func reachablePairs() -> [(key: Skill.Key, why: Arrival)] {
        var order: [(key: Skill.Key, why: Arrival)] = []
        var seen: Set<Skill.Key> = []
        func add(_ c: Int, _ t: Int, _ why: Arrival) {
            guard channels.indices.contains(c), tiers.indices.contains(t) else { return }
            let key = Skill.Key(channel: c, tier: t)
            if seen.insert(key).inserted { order.append((key, why)) }
        }
        for (c, channel) in channels.enumerated() {
            guard let channel, Self.hasDemand(channel), channel.tierShares.count == tiers.count else { continue }
            for (t, share) in channel.tierShares.enumerated() where share > 0 { add(c, t, .share) }
        }
        for (c, channel) in channels.enumerated() {
            guard let channel, case let .forecast(forecast) = channel.demand.pattern, let mixes = forecast.tierShares else { continue }
            for t in tiers.indices where mixes.contains(where: { mix in mix.map { t < $0.count && $0[t] > 0 } ?? false }) { add(c, t, .forecastShare) }
        }
        var next = 0
        while next < order.count {
            let (key, _) = order[next]
            next += 1
            guard let tier = tier(key.tier), let channel = channel(key.channel) else { continue }
            if tier.escalated > 0, let escalation = tier.escalation {
                switch escalation.mode {
                case .warmTransfer:
                    add(key.channel, escalation.toTier, .escalation(from: key.tier, ticket: false))
                case .ticket:
                    if let ticketChannel = escalation.ticketChannel {
                        add(ticketChannel, escalation.toTier, .escalation(from: key.tier, ticket: true))
                    }
                }
            }
            if let repeats = tier.repeats {
                let unresolved = 1 - tier.resolved - tier.escalated
                let abandons = channel.kind.isLive && channel.patience != nil
                if (repeats.afterUnresolved > 0 && unresolved > 1e-12) || (repeats.afterAbandonment > 0 && abandons) {
                    add(repeats.channel ?? key.channel, key.tier, .repeated(from: key.channel))
                }
            }
        }
        return order
    }

    func reachabilityProblems() -> [FieldProblem] {
        var found: [FieldProblem] = []
        let allTeamsRead = teamsKnown && teams.allSatisfy { $0 != nil }
        for (key, why) in reachablePairs() {
            let c = key.channel, t = key.tier
            let channel = channelName(c), tierLabel = tierName(t)
            let how: String = switch why {
            case .share: "takes \(Quantity.describe(fraction: self.channel(c)?.tierShares[t] ?? 0)) of new \(channel) contacts"
            case .forecastShare: "takes new \(channel) contacts in the forecast's tier shares"
            case .escalation(let from, false): "receives \(channel) contacts escalated from \(tierName(from)) (warm transfer)"
            case .escalation(let from, true): "receives tickets on \(channel) escalated from \(tierName(from))"
            case .repeated(let from): "gets repeat contacts on \(channel) (after \(from == c ? "" : "first contacting on \(channelName(from)), ")unresolved or abandoned contacts)"
            }

            if let tier = tier(t), tier.handleTimes.count == channels.count, tier.handleTimes[c] == nil {
                found.append(.init(joinPath(tierPath(t), "handle_time.\(channel)"),
                                   "\(tierLabel) \(how) but has no handle time for \(channel)"))
            }

            guard allTeamsRead else { continue }
            let skilled = teams.indices.filter { m in teams[m]!.skills.contains { $0.key == key } }
            // A negative count is reported at the shift; counting it as staffed avoids a second, derived problem.
            // Agents on duty throughout (`constant_agents`, the single-queue form's team) staff it too.
            let staffed = skilled.filter { m in
                teams[m]!.constantAgents != 0 || teams[m]!.shifts.contains { $0.agents != 0 && !$0.days.isEmpty }
                    || teams[m]!.roster.map { !$0.shifts.isEmpty } ?? false
            }
            guard staffed.isEmpty else { continue }
            let path: String = switch why {
            case .share: joinPath(channelPath(c), "tiers.\(tierLabel)")
            case .forecastShare: joinPath(channelPath(c), "demand.forecast")
            case .escalation(let from, _): joinPath(tierPath(from), "escalation.to")
            case .repeated: joinPath(tierPath(t), "repeats")
            }
            let fix = "{channel: \(channel), tier: \(tierLabel)}"
            if skilled.isEmpty {
                found.append(.init(path, "no team handles \(channel) contacts of \(tierLabel), which \(how); add \(fix) to a team's skills"))
            } else {
                let names = skilled.map { teamNames[$0] }.joined(separator: ", ")
                // A roster for another week: every row dropped as outside the run, which is the real problem.
                let elsewhere = skilled.compactMap { m in
                    teams[m]!.roster.flatMap { $0.shifts.isEmpty && $0.rowsOutsideRun > 0 ? "\(teamNames[m])'s roster \($0.file) has all \($0.rowsOutsideRun) rows dated outside the run" : nil }
                }
                let hint = elsewhere.isEmpty ? "" : " (\(elsewhere.joined(separator: "; ")): a roster for another week, or calendar.start off?)"
                found.append(.init(path, "no agents handle \(channel) contacts of \(tierLabel), which \(how): the teams with skill \(fix) (\(names)) have no agents scheduled\(hint)"))
            }
        }
        return found
    }
}
