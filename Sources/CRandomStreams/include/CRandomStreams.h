#ifndef CCSIM_CRANDOMSTREAMS_H
#define CCSIM_CRANDOMSTREAMS_H

// L'Ecuyer's MRG32k3a combined multiple-recursive generator, registered as a
// GSL generator type so every gsl_ran_* sampler runs on it unchanged.
//
// Why not a classic GSL generator: those take 32-bit seeds, so streams derived
// by hashing a run seed collide (birthday bound: ~1% at 10^4 streams, ~70% at
// 10^5). MRG32k3a has period ~2^191 and cheap jump-ahead, so the streams of a
// parameter sweep can be disjoint segments of one cycle instead.
//
// State layout follows RngStreams (L'Ecuyer, Simard, Chen & Kelton 2002):
// s[0..2] = x_{n-3}, x_{n-2}, x_{n-1} of component 1 (mod m1),
// s[3..5] = the same for component 2 (mod m2). One step maps s to A s with
//   A1 = {{0,1,0},{0,0,1},{-810728,1403580,0}}    (mod m1)
//   A2 = {{0,1,0},{0,0,1},{-1370589,0,527612}}    (mod m2)
// Streams start 2^127 steps apart, substreams 2^76 steps apart.

#include <stdint.h>
#include <gsl/gsl_rng.h>

#define CCSIM_MRG32K3A_M1 4294967087ULL
#define CCSIM_MRG32K3A_M2 4294944443ULL
/// log2 of the distance between consecutive streams.
#define CCSIM_MRG32K3A_STREAM_LOG2 127
/// log2 of the distance between consecutive substreams.
#define CCSIM_MRG32K3A_SUBSTREAM_LOG2 76
/// The RngStreams default seed: every component starts at this value.
#define CCSIM_MRG32K3A_DEFAULT_SEED 12345ULL

/// Generator state as GSL allocates it (type->size bytes, no pointers, so
/// gsl_rng_clone/gsl_rng_memcpy work).
typedef struct {
    uint64_t current[6];         ///< where the next draw comes from
    uint64_t substream_start[6]; ///< start of the current substream
    uint64_t stream_start[6];    ///< start of the stream
} ccsim_mrg32k3a_state;

/// The generator type. `gsl_rng_get` returns z in [1, m1], `gsl_rng_uniform`
/// returns z / (m1 + 1), which lies in (0, 1): never exactly 0 or 1.
/// `gsl_rng_set(r, k)` positions r at the start of stream k (k = 0 is the
/// default seed 12345 x 6). Streams k < 2^63 are pairwise disjoint.
const gsl_rng_type *ccsim_rng_mrg32k3a(void);

/// Positions r (which must be of type ccsim_rng_mrg32k3a) at the start of
/// stream k: state A^(k * 2^127) x0. Returns GSL_SUCCESS or GSL_EINVAL.
int ccsim_mrg32k3a_seek_stream(gsl_rng *r, uint64_t k);
/// Moves to the start of the next substream (2^76 steps past the current
/// substream's start), like RngStreams' ResetNextSubstream.
int ccsim_mrg32k3a_next_substream(gsl_rng *r);
/// Back to the start of the stream (and its first substream).
int ccsim_mrg32k3a_reset_stream(gsl_rng *r);
/// Back to the start of the current substream.
int ccsim_mrg32k3a_reset_substream(gsl_rng *r);
/// Copies the current state into out[6].
int ccsim_mrg32k3a_get_state(const gsl_rng *r, uint64_t out[6]);
/// Sets the stream, substream and current state to s[6]. Returns GSL_EINVAL
/// (leaving r unchanged) unless s[0..2] < m1, s[3..5] < m2 and neither
/// component is all zero.
int ccsim_mrg32k3a_set_state(gsl_rng *r, const uint64_t s[6]);

/// The start state of stream k, without a generator.
void ccsim_mrg32k3a_stream_start(uint64_t k, uint64_t out[6]);

/// The one-step transition matrix of component 1 or 2 (row-major, reduced).
void ccsim_mrg32k3a_transition(int component, uint64_t out[9]);
/// out = a * b mod m for 3x3 row-major matrices with entries < m < 2^32.
void ccsim_mat3_mulmod(const uint64_t a[9], const uint64_t b[9], uint64_t m, uint64_t out[9]);
/// out = a^(2^e) mod m, by e repeated squarings.
void ccsim_mat3_pow2_mod(const uint64_t a[9], unsigned e, uint64_t m, uint64_t out[9]);
/// out = a^n mod m, by binary exponentiation.
void ccsim_mat3_pow_mod(const uint64_t a[9], uint64_t n, uint64_t m, uint64_t out[9]);
/// out = a * v mod m.
void ccsim_mat3_vec_mod(const uint64_t a[9], const uint64_t v[3], uint64_t m, uint64_t out[3]);
/// The jump matrices A1^(2^e) mod m1 and A2^(2^e) mod m2 (the routine that
/// builds the 2^76 and 2^127 jumps; exposed so tests can check it).
void ccsim_mrg32k3a_jump_matrices(unsigned e, uint64_t a1[9], uint64_t a2[9]);

#endif
