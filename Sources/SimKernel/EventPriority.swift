/// Orders events that fall at the same instant, before insertion order does.
///
/// Lower values run first. Most events use `.normal`; ties among equal
/// priorities run first-in, first-out, so a run is deterministic.
public struct EventPriority: Hashable, Comparable, Sendable {
    public let rawValue: UInt8

    @inlinable
    public init(_ rawValue: UInt8) { self.rawValue = rawValue }

    /// Runs before anything else at the same time (e.g. closing a reporting interval).
    public static let urgent = EventPriority(0)
    public static let normal = EventPriority(128)
    /// Runs after everything else at the same time.
    public static let late = EventPriority(255)

    @inlinable
    public static func < (a: EventPriority, b: EventPriority) -> Bool { a.rawValue < b.rawValue }
}
