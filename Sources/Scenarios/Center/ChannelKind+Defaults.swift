/// What a channel gets when the scenario does not say: targets practitioners quote for each kind,
/// and a routing priority that serves waiting customers before the backlog.
extension ServiceLevelTarget {
    /// 80% answered within 20 s for voice; first response within 2 min for 80% of chats;
    /// first response within 24 h for 90% of emails.
    public static func `default`(for kind: ChannelKind) -> ServiceLevelTarget {
        switch kind {
        case .voice: ServiceLevelTarget(answerWithin: 20, target: 0.8)
        case .chat: ServiceLevelTarget(answerWithin: 120, target: 0.8)
        case .email: ServiceLevelTarget(answerWithin: 86_400, target: 0.9)
        }
    }
}

extension RoutingSpec {
    /// Priority of a channel's contacts when the scenario gives none: 1 for live channels, 0 for
    /// email, so a free agent never leaves a caller waiting to answer an email that has waited longer.
    public static func defaultPriority(for kind: ChannelKind) -> Int {
        kind.isLive ? 1 : 0
    }
}
