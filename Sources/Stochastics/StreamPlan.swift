/// Derives every random stream of a run from one seed, deterministically.
///
/// Each (replication, purpose) pair gets its own MRG32k3a stream, so results
/// depend only on the seed — never on thread count or scheduling — and no two
/// streams of a run, or of different runs, overlap.
///
/// ## Stream index
/// The run seed `s` (`0 ≤ s < 2^31`), replication `r` (`0 ≤ r < 2^24`) and
/// purpose `p` (`0 ≤ p < 2^8`, ``StreamPurpose/rawValue``) are packed into
///
///     k = (s · 2^24 + r) · 2^8 + p,
///
/// and the stream starts at A^(k · 2^127) · x0, where A is MRG32k3a's one-step
/// transition and x0 = (12345, …, 12345) is the RngStreams default seed.
///
/// ## Why the streams are disjoint
/// * The packing is injective: `p < 2^8` and `r < 2^24` fill disjoint bit
///   fields below `s`, so distinct (s, r, p) give distinct k, and
///   `k < 2^31 · 2^24 · 2^8 = 2^63`.
/// * Stream k is the segment of 2^127 consecutive states starting at step
///   k · 2^127 of the orbit of x0. Since `k · 2^127 + 2^127 ≤ 2^63 · 2^127 = 2^190`,
///   every segment lies within the first 2^190 steps of the orbit.
/// * MRG32k3a's period from x0 is ρ = (m1³ − 1)(m2³ − 1)/2 ≈ 2^191 > 2^190, so
///   the orbit visits no state twice in those steps: segments with different k
///   share no state. Hence no stream ever repeats another stream's numbers,
///   however many draws it makes (up to 2^127 each).
///
/// ```swift
/// let plan = try StreamPlan(seed: 2024)
/// let handle = plan.stream(replication: 7, purpose: .handleTime)
/// ```
public struct StreamPlan: Sendable, Hashable {
    /// The largest accepted run seed, 2^31 − 1.
    public static let maxSeed: UInt64 = (1 << 31) - 1
    /// How many replications a plan provides: replications are `0..<maxReplications` (2^24).
    public static let maxReplications: Int = 1 << 24
    /// How many purposes fit in the index: raw values `0..<maxPurposes` (2^8).
    public static let maxPurposes: Int = 1 << 8

    /// The run seed.
    public let seed: UInt64

    /// - Throws: ``StochasticsError/seedOutOfRange(seed:maximum:)`` unless
    ///   `0 ≤ seed ≤ maxSeed`.
    public init(seed: UInt64) throws {
        guard seed <= Self.maxSeed else {
            throw StochasticsError.seedOutOfRange(seed: seed, maximum: Self.maxSeed)
        }
        GSLSetup.ensure()
        self.seed = seed
    }

    /// The MRG32k3a stream index k = (seed · 2^24 + replication) · 2^8 + purpose.
    ///
    /// - Precondition: `0 ≤ replication < maxReplications`.
    public func streamIndex(replication: Int, purpose: StreamPurpose) -> UInt64 {
        precondition(
            replication >= 0 && replication < Self.maxReplications,
            "replication must be in 0..<\(Self.maxReplications), got \(replication)")
        return ((seed << 24) | UInt64(replication)) << 8 | UInt64(purpose.rawValue)
    }

    /// A fresh generator at the start of the stream for `replication` and `purpose`.
    ///
    /// Calling this twice gives two independent objects producing the same
    /// numbers. Complexity: O(63) small matrix-vector products.
    /// - Precondition: `0 ≤ replication < maxReplications`.
    public func stream(replication: Int, purpose: StreamPurpose) -> RandomStream {
        RandomStream(streamIndex: streamIndex(replication: replication, purpose: purpose))
    }
}
