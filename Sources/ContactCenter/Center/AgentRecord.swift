/// One agent's state. Agents never allocate: the model keeps them in an array.
package struct AgentRecord {
    package let team: Int32
    /// Reserved for backlog work (email, tickets): takes no live contact.
    let backlogOnly: Bool
    /// The free-agent pool the agent is filed in: its skill profile's, split by `backlogOnly`.
    var group: Int { Int(profile) * 2 + (backlogOnly ? 1 : 0) }
    /// Agents on duty for the whole run never go off and stay through the final drain.
    let permanent: Bool
    package var onShift: Bool
    /// Breaks and off-phone (shrinkage) blocks in progress.
    package var pauses: Int32 = 0
    /// Contacts in service (several only for chat).
    package var load: Int32 = 0
    /// Whether the contacts in service are chats (then only more chats may be added).
    package var chatting = false
    /// The agent group (the team's skill profile, see `SkillProfiles`) the router files it under.
    /// UInt16 fills the padding after `chatting`, so the record keeps its 48-byte stride.
    let profile: UInt16
    /// Bumped whenever the agent's availability changes, so entries left in the
    /// free-agent pools go stale instead of being searched for.
    var ticket: UInt32 = 0
    /// Since when the agent has been at its current load (longest-idle routing).
    package var since: Double = 0
    /// When the shift ended while the agent was still busy (overtime runs from here).
    var overtimeFrom: Double?

    init(team: Int, profile: Int, permanent: Bool, backlogOnly: Bool = false) {
        self.team = Int32(team)
        self.profile = UInt16(profile)
        self.permanent = permanent
        self.backlogOnly = backlogOnly
        onShift = permanent
    }

    package var available: Bool { onShift && pauses == 0 }
}
