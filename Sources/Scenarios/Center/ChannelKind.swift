/// How contacts of a channel behave while they wait and while they are handled.
public enum ChannelKind: String, Sendable, Hashable, CaseIterable {
    /// Callers wait in queue with a patience and abandon when it runs out; one call per agent.
    case voice
    /// Customers wait with a patience; an agent handles several chats at once, each slower.
    case chat
    /// Emails and tickets: a backlog with no abandonment; the target is a first response within hours.
    case email

    /// Whether a customer waits live (and so may abandon and is worked before backlog).
    public var isLive: Bool { self != .email }
}
