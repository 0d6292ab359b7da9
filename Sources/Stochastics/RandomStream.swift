import CGSL
import CRandomStreams

/// One independent sequence of random numbers: a GSL generator of the custom
/// MRG32k3a type, positioned at the start of one stream.
///
/// Hand `rng` to any `gsl_ran_*` sampler, or use ``Distribution/sample(from:)``.
/// A stream is mutable state owned by one replication; it is deliberately not
/// `Sendable` — make streams where they are used (see ``StreamPlan``).
///
/// ```swift
/// let plan = try StreamPlan(seed: 42)
/// let arrivals = plan.stream(replication: 0, purpose: .arrivals)
/// let gap = Distribution.exponential(mean: 12).sample(from: arrivals)
/// ```
///
/// Streams (2^127 draws long) are split into substreams of 2^76 draws, as in
/// L'Ecuyer's RngStreams: ``nextSubstream()`` and the resets move between them.
public final class RandomStream {
    /// The underlying GSL generator, freed when the stream is.
    public let rng: UnsafeMutablePointer<gsl_rng>
    /// Which stream of the MRG32k3a cycle this is (see ``StreamPlan``).
    public let streamIndex: UInt64

    /// A generator at the start of stream `streamIndex`, i.e. at state
    /// A^(streamIndex · 2^127) · (12345, …, 12345).
    ///
    /// Streams with index below 2^63 are pairwise disjoint. Complexity: at most
    /// 63 matrix-vector products (the jump tables are built once per process).
    public init(streamIndex: UInt64) {
        GSLSetup.ensure()
        guard let rng = gsl_rng_alloc(ccsim_rng_mrg32k3a()) else {
            fatalError("gsl_rng_alloc failed: out of memory")
        }
        let status = ccsim_mrg32k3a_seek_stream(rng, streamIndex)
        precondition(status == GSL_SUCCESS, "MRG32k3a seek failed")
        self.rng = rng
        self.streamIndex = streamIndex
    }

    deinit { gsl_rng_free(rng) }

    /// A uniform draw in the open interval (0, 1), via `gsl_rng_uniform_pos`.
    @inlinable
    public func uniform() -> Double { gsl_rng_uniform_pos(rng) }

    /// An exponential draw with mean `mean` (not rate): `gsl_ran_exponential`, the very call
    /// ``Distribution/sample(from:)`` makes for `.exponential(mean:)`, so the same numbers from the
    /// same draws; for hot paths that know the case and want no enum in between.
    @inlinable
    public func exponential(mean: Double) -> Double { gsl_ran_exponential(rng, mean) }

    /// Jumps to the start of the next substream, 2^76 draws past the start of
    /// the current one (RngStreams' `ResetNextSubstream`).
    public func nextSubstream() { check(ccsim_mrg32k3a_next_substream(rng)) }

    /// Rewinds to the first draw of the stream (and its first substream).
    public func resetToStreamStart() { check(ccsim_mrg32k3a_reset_stream(rng)) }

    /// Rewinds to the first draw of the current substream.
    public func resetToSubstreamStart() { check(ccsim_mrg32k3a_reset_substream(rng)) }

    /// The six-word generator state the next draw is computed from:
    /// x_{n-3}, x_{n-2}, x_{n-1} of component 1, then of component 2.
    public var state: [UInt64] {
        var out = [UInt64](repeating: 0, count: 6)
        out.withUnsafeMutableBufferPointer { check(ccsim_mrg32k3a_get_state(rng, $0.baseAddress!)) }
        return out
    }

    private func check(_ status: Int32) {
        precondition(status == GSL_SUCCESS, "RandomStream's generator is not MRG32k3a")
    }
}
