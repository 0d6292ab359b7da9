/// Rules of one channel: its demand, tier shares, patience, chat settings, targets, callbacks
/// and initial queue.
extension CenterChecks {
    /// Largest chat concurrency accepted: beyond this an "agent" is a bot, not a person.
    static let maxConcurrency = 20

    func channelProblems(_ c: Int) -> [FieldProblem] {
        guard let channel = channels[c] else { return [] }
        let p = channelPath(c)
        var found = demandProblems(channel.demand, at: joinPath(p, "demand"))

        // Tier shares.
        let sharesPath = joinPath(p, "tiers")
        if channel.tierShares.count != tiers.count {
            found.append(.init(sharesPath, "needs one share per tier (\(tiers.count)), got \(channel.tierShares.count)"))
        } else {
            var allFractions = true
            for (t, share) in channel.tierShares.enumerated() where !share.isFraction {
                allFractions = false
                found.append(.init(joinPath(sharesPath, tierName(t)), "must be between 0% and 100%, got \(Quantity.describe(fraction: share))"))
            }
            let total = channel.tierShares.reduce(0, +)
            if allFractions, abs(total - 1) > 1e-6 {
                let listed = zip(tierNames, channel.tierShares).filter { $0.1 > 0 }
                    .map { "\($0.0) \(Quantity.describe(fraction: $0.1))" }.joined(separator: " + ")
                found.append(.init(sharesPath, "tier shares must add up to 100%, got \(Quantity.describe(fraction: total))\(listed.isEmpty ? "" : " (\(listed))")"))
            }
        }

        // Patience.
        if let patience = channel.patience {
            if channel.kind == .email {
                found.append(.init(joinPath(p, "patience"),
                                   "email contacts wait in a backlog and never abandon; remove patience (or make the channel voice or chat)"))
            } else {
                found += Scenario.patienceProblems(patience, at: joinPath(p, "patience"))
            }
        }

        // Chat concurrency.
        if let chat = channel.chat {
            if channel.kind != .chat {
                found.append(.init(joinPath(p, "concurrency"),
                                   "concurrency and slowdown apply to chat channels only; '\(channelName(c))' is a \(channel.kind.rawValue) channel"))
            } else {
                if !(1...Self.maxConcurrency).contains(chat.concurrency) {
                    found.append(.init(joinPath(p, "concurrency"), "must be between 1 and \(Self.maxConcurrency) chats per agent, got \(chat.concurrency)"))
                }
                if !chat.slowdown.isFraction {
                    found.append(.init(joinPath(p, "slowdown"), "must be between 0% and 100%, got \(Quantity.describe(fraction: chat.slowdown))"))
                }
            }
        }

        // Targets.
        let sl = joinPath(p, "service_level")
        found += channel.serviceLevel.problems(at: sl)
        if let asa = channel.maxAverageSpeedOfAnswer, !asa.isFinitePositive {
            found.append(.init(joinPath(sl, "max_asa"), "must be greater than 0, got \(Quantity.describe(duration: asa))"))
        }
        if let abandonment = channel.maxAbandonmentRate {
            if channel.kind == .email {
                found.append(.init(joinPath(sl, "max_abandonment"), "email contacts never abandon; remove max_abandonment"))
            } else if !abandonment.isFraction {
                found.append(.init(joinPath(sl, "max_abandonment"), "must be between 0% and 100%, got \(Quantity.describe(fraction: abandonment))"))
            }
        }

        if let penalty = channel.missPenalty, !penalty.amount.isFiniteNonNegative {
            found.append(.init(joinPath(sl, "penalty.amount"), "must be 0 or more, got \(penalty.amount)"))
        }

        // Callbacks.
        if let offer = channel.callbacks {
            let cb = joinPath(p, "callbacks")
            if channel.kind != .voice {
                found.append(.init(cb, "callbacks are offered to voice callers only; '\(channelName(c))' is a \(channel.kind.rawValue) channel"))
            } else {
                if !offer.whenExpectedWaitAbove.isFiniteNonNegative {
                    found.append(.init(joinPath(cb, "when_expected_wait_above"), "must be 0 or more, got \(Quantity.describe(duration: offer.whenExpectedWaitAbove))"))
                }
                if !offer.acceptance.isFraction {
                    found.append(.init(joinPath(cb, "acceptance"), "must be between 0% and 100%, got \(Quantity.describe(fraction: offer.acceptance))"))
                }
                if !offer.promisedWithin.isFinitePositive {
                    found.append(.init(joinPath(cb, "promised_within"), "must be greater than 0, got \(Quantity.describe(duration: offer.promisedWithin))"))
                }
            }
        }

        // Initial queue.
        if let queue = channel.initialQueue {
            for (i, age) in queue.ages.enumerated() where !age.isFiniteNonNegative {
                found.append(.init(joinPath(p, "initial_queue.ages[\(i)]"), "a waiting time cannot be negative, got \(Quantity.describe(duration: age))"))
            }
        }
        return found
    }

    /// Whether channel `c` gets new contacts of its own (rather than only escalations and repeats).
    static func hasDemand(_ channel: ChannelSpec) -> Bool {
        let own: Bool
        switch channel.demand.pattern {
        case .constant(let rate): own = rate > 0
        case .daily(let daily): own = daily.volumePerDay > 0 && daily.dayFactors.contains { $0 > 0 }
        case .forecast(let forecast): own = forecast.volumes.contains { $0 > 0 }
        }
        return own || !channel.demand.batches.isEmpty || !(channel.initialQueue?.ages.isEmpty ?? true)
    }
}
