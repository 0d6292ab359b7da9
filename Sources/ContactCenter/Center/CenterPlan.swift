import Scenarios
import Stochastics

/// The scenario compiled for simulation: names resolved to indices and every
/// per-contact lookup turned into an array access, built once per replication.
///
/// Work waits in *skill queues*, one per (channel, tier): queue `c × tiers + k`.
///
/// A final class of constants, not a struct: the model and the router hold it by reference,
/// so a call on either passes a pointer. As a ~220-byte struct it was copied whole into every
/// non-mutating call made from the model's mutating event handlers (`memcpy` was 7% of a run).
package final class CenterPlan: Sendable {
    /// An agent group (a team's skill profile, see ``SkillProfiles``) able to take work from a queue.
    struct Server: Sendable {
        let profile: Int
        /// The group's team (``SkillProfiles/Profile/team``), for `team_order`.
        let team: Int32
        let proficiency: Double
        /// 0 for a primary team; otherwise the wait after which the team may take the contact.
        let overflowAfter: Double
        /// Idle live agents the team keeps when it takes this work (threshold reservation; 0 = none).
        let reserve: Int32
    }

    /// A queue an agent group works, with what it needs when picking its next contact.
    struct TeamSkill: Sendable {
        let queue: Int
        let proficiency: Double
        let overflowAfter: Double
        /// The skill's place in the team's list: 0 = most preferred (`agent_preference`).
        let preference: Int
        let reserve: Int32
    }

    let channelCount: Int
    let tierCount: Int
    var queueCount: Int { channelCount * tierCount }

    // Per channel.
    let kinds: [ChannelKind]
    let patience: [Distribution?]
    let chatConcurrency: [Int]
    let chatSlowdown: [Double]
    /// Cumulative tier shares, for drawing a new contact's tier.
    let tierCumulative: [[Double]]
    /// The only tier a channel's new contacts can have, when there is one (then no draw is made).
    let soleTier: [Int?]
    let serviceThreshold: [Double]
    let callbacks: [CallbackOffer?]

    // Per queue.
    /// The channel and tier of each queue (looked up, not divided out, on the hot path).
    let queueChannel: [Int]
    let queueTier: [Int]
    let handleTime: [Distribution?]
    /// Per queue: the handle time's mean when it is exponential (see ``ContactDraws/handleTime(queue:)``).
    let exponentialHandleMean: [Double?]
    /// Per channel: the patience's mean when it is exponential (see ``ContactDraws/patience(channel:)``).
    let exponentialPatienceMean: [Double?]
    /// Mean handle time, for the expected-wait estimate that decides callback offers.
    let meanHandleTime: [Double]
    let priority: [Int]
    /// The channel's answer-within time, which `target_priority` measures waits against.
    let target: [Double]
    let servers: FlatLists<Server>

    // Per tier.
    let resolved: [Double]
    let escalated: [Double]
    let escalation: [Escalation?]
    let repeats: [RepeatContacts?]

    // Per agent group (a team's skill profile; the team's own index when no agent has skills of its own).
    let profiles: SkillProfiles
    let profileSkills: FlatLists<TeamSkill>
    /// Most chats an agent of the group handles at once (1 when the group takes no chat).
    let profileChatCapacity: [Int]
    let policy: RoutingSpec.Policy
    /// Share of a team's live agents on the phones kept idle before backlog work starts.
    let backlogReserve: Double

    package init(_ center: CenterSpec) {
        channelCount = center.channels.count
        tierCount = center.tiers.count
        let tiers = center.tiers.count
        kinds = center.channels.map(\.kind)
        patience = center.channels.map { $0.kind.isLive ? $0.patience : nil }
        chatConcurrency = center.channels.map { $0.kind == .chat ? max(1, $0.chat?.concurrency ?? 1) : 1 }
        chatSlowdown = center.channels.map { $0.kind == .chat ? ($0.chat?.slowdown ?? 0) : 0 }
        tierCumulative = center.channels.map { channel in
            var sum = 0.0
            return channel.tierShares.map { sum += $0; return sum }
        }
        soleTier = center.channels.map { channel in
            let positive = channel.tierShares.indices.filter { channel.tierShares[$0] > 0 }
            return positive.count == 1 ? positive[0] : nil
        }
        serviceThreshold = center.channels.map(\.serviceLevel.answerWithin)
        callbacks = center.channels.map { $0.kind == .voice ? $0.callbacks : nil }

        var handleTime: [Distribution?] = []
        var priority: [Int] = []
        func cell(_ grid: [[Int]], _ c: Int, _ k: Int) -> Int {
            grid.indices.contains(c) && grid[c].indices.contains(k) ? grid[c][k] : 0
        }
        for c in center.channels.indices {
            for k in center.tiers.indices {
                handleTime.append(center.tiers[k].handleTimes.indices.contains(c) ? center.tiers[k].handleTimes[c] : nil)
                priority.append(cell(center.routing.priorities, c, k))
            }
        }
        target = center.channels.flatMap { channel in
            Array(repeating: channel.serviceLevel.answerWithin > 0 ? channel.serviceLevel.answerWithin : 1, count: tiers)
        }
        self.handleTime = handleTime
        queueChannel = (0..<center.channels.count * tiers).map { $0 / tiers }
        queueTier = (0..<center.channels.count * tiers).map { $0 % tiers }
        func exponentialMean(_ distribution: Distribution?) -> Double? {
            if case let .exponential(mean)? = distribution { return mean }
            return nil
        }
        exponentialHandleMean = handleTime.map(exponentialMean)
        exponentialPatienceMean = center.channels.map { exponentialMean($0.kind.isLive ? $0.patience : nil) }
        meanHandleTime = handleTime.map { $0?.mean ?? 0 }
        self.priority = priority

        var servers = Array(repeating: [Server](), count: center.channels.count * tiers)
        var teamSkills: [[TeamSkill]] = []
        var capacity: [Int] = []
        let profiles = SkillProfiles(center)
        for (g, profile) in profiles.profiles.enumerated() {
            let team = center.teams[profile.team]
            var skills: [TeamSkill] = []
            var chat = 1
            for skill in profile.skills {
                let q = skill.channel * tiers + skill.tier
                let after = skill.overflowAfter ?? 0
                // The preference is the skill's place in the team's list, whatever the group keeps of it.
                let rank = team.skills.firstIndex { $0.channel == skill.channel && $0.tier == skill.tier } ?? 0
                servers[q].append(Server(profile: g, team: Int32(profile.team), proficiency: skill.proficiency, overflowAfter: after, reserve: Int32(skill.reserve)))
                skills.append(TeamSkill(queue: q, proficiency: skill.proficiency, overflowAfter: after, preference: rank,
                                        reserve: Int32(skill.reserve)))
                if center.channels[skill.channel].kind == .chat {
                    chat = max(chat, max(1, center.channels[skill.channel].chat?.concurrency ?? 1))
                }
            }
            // A free agent looks at higher-priority queues first.
            skills.sort { priority[$0.queue] > priority[$1.queue] }
            teamSkills.append(skills)
            capacity.append(chat)
        }
        self.servers = FlatLists(servers)
        self.profiles = profiles
        profileSkills = FlatLists(teamSkills)
        profileChatCapacity = capacity
        policy = center.routing.policy
        backlogReserve = center.routing.backlogReserve

        resolved = center.tiers.map(\.resolved)
        escalated = center.tiers.map(\.escalated)
        escalation = center.tiers.map(\.escalation)
        repeats = center.tiers.map(\.repeats)
    }

    @inline(__always)
    package func queue(channel: Int, tier: Int) -> Int { channel * tierCount + tier }

    @inline(__always)
    func channel(ofQueue q: Int) -> Int { queueChannel[q] }

    @inline(__always)
    func tier(ofQueue q: Int) -> Int { queueTier[q] }
}
