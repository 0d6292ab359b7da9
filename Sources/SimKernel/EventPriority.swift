/// Orders events that fall at the same instant, before insertion order does.
///
/// Lower values run first. Most events use `.normal`; ties among equal
/// priorities run first-in, first-out, so a run is deterministic. The named
/// priorities are computed, not stored: a stored static of another module is
/// reached through an accessor call, on every `schedule`.
public struct EventPriority: Hashable, Comparable, Sendable {
    public let rawValue: UInt8

    @inlinable
    public init(_ rawValue: UInt8) { self.rawValue = rawValue }

    /// Runs before anything else at the same time (e.g. closing a reporting interval).
    @inlinable public static var urgent: EventPriority { EventPriority(0) }
    @inlinable public static var normal: EventPriority { EventPriority(128) }
    /// Runs after everything else at the same time.
    @inlinable public static var late: EventPriority { EventPriority(255) }

    @inlinable
    public static func < (a: EventPriority, b: EventPriority) -> Bool { a.rawValue < b.rawValue }
}
