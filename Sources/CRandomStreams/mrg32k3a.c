// MRG32k3a as a gsl_rng_type, with RngStreams-style streams and substreams.
// All arithmetic is exact unsigned 64-bit integer arithmetic: every operand
// is below 2^32, so a product of two fits in 64 bits and is reduced at once.

#include "CRandomStreams.h"

#include <pthread.h>
#include <string.h>
#include <gsl/gsl_errno.h>

#define M1 CCSIM_MRG32K3A_M1
#define M2 CCSIM_MRG32K3A_M2
#define A12 1403580ULL
#define A13N 810728ULL
#define A21 527612ULL
#define A23N 1370589ULL
// 1 / (m1 + 1), rounded once at compile time: maps z in [1, m1] into (0, 1)
// with a multiply (as RngStreams' `norm`), not a slower divide.
#define NORM (1.0 / 4294967088.0)

// MARK: - The recurrence

// One step; returns z in [1, m1]. Branch-light: the subtrahends are written
// as additions of (m - s) so the sums stay non-negative, and the modulo by a
// constant compiles to a multiply and shift. The combination is a select.
static inline uint64_t mrg32k3a_step(uint64_t *s) {
    // Component 1: x_n = (1403580 x_{n-2} - 810728 x_{n-3}) mod m1.
    // Bound: 1403580 * 2^32 + 810728 * 2^32 < 2^53.
    uint64_t p1 = (A12 * s[1] + A13N * (M1 - s[0])) % M1;
    // Component 2: y_n = (527612 y_{n-1} - 1370589 y_{n-3}) mod m2.
    uint64_t p2 = (A21 * s[5] + A23N * (M2 - s[3])) % M2;
    s[0] = s[1]; s[1] = s[2]; s[2] = p1;
    s[3] = s[4]; s[4] = s[5]; s[5] = p2;
    // z = (p1 - p2) mod m1, with 0 mapped to m1 (as in the 1999 paper).
    return p1 + (p1 <= p2 ? M1 : 0) - p2;
}

static unsigned long int mrg32k3a_get(void *vstate) {
    ccsim_mrg32k3a_state *st = (ccsim_mrg32k3a_state *)vstate;
    return (unsigned long int)mrg32k3a_step(st->current);
}

static double mrg32k3a_get_double(void *vstate) {
    ccsim_mrg32k3a_state *st = (ccsim_mrg32k3a_state *)vstate;
    // z < 2^32: converting through int64_t is one instruction on x86-64,
    // where an unsigned 64-bit conversion takes several.
    return (double)(int64_t)mrg32k3a_step(st->current) * NORM;
}

// MARK: - 3x3 matrices mod m

void ccsim_mat3_mulmod(const uint64_t a[9], const uint64_t b[9], uint64_t m, uint64_t out[9]) {
    uint64_t t[9];
    for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
            // Each product < 2^64; each reduced term < 2^32; their sum < 2^34.
            uint64_t sum = (a[3 * i] * b[j]) % m;
            sum += (a[3 * i + 1] * b[3 + j]) % m;
            sum += (a[3 * i + 2] * b[6 + j]) % m;
            t[3 * i + j] = sum % m;
        }
    }
    memcpy(out, t, sizeof t);
}

void ccsim_mat3_vec_mod(const uint64_t a[9], const uint64_t v[3], uint64_t m, uint64_t out[3]) {
    uint64_t t[3];
    for (int i = 0; i < 3; i++) {
        uint64_t sum = (a[3 * i] * v[0]) % m;
        sum += (a[3 * i + 1] * v[1]) % m;
        sum += (a[3 * i + 2] * v[2]) % m;
        t[i] = sum % m;
    }
    memcpy(out, t, sizeof t);
}

void ccsim_mat3_pow2_mod(const uint64_t a[9], unsigned e, uint64_t m, uint64_t out[9]) {
    uint64_t t[9];
    memcpy(t, a, sizeof t);
    for (unsigned i = 0; i < e; i++) ccsim_mat3_mulmod(t, t, m, t);
    memcpy(out, t, sizeof t);
}

void ccsim_mat3_pow_mod(const uint64_t a[9], uint64_t n, uint64_t m, uint64_t out[9]) {
    uint64_t result[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    uint64_t base[9];
    memcpy(base, a, sizeof base);
    while (n != 0) {
        if (n & 1) ccsim_mat3_mulmod(result, base, m, result);
        n >>= 1;
        if (n != 0) ccsim_mat3_mulmod(base, base, m, base);
    }
    memcpy(out, result, sizeof result);
}

void ccsim_mrg32k3a_transition(int component, uint64_t out[9]) {
    // -a13 and -a23 are stored reduced: m - a.
    const uint64_t a1[9] = {0, 1, 0, 0, 0, 1, M1 - A13N, A12, 0};
    const uint64_t a2[9] = {0, 1, 0, 0, 0, 1, M2 - A23N, 0, A21};
    memcpy(out, component == 1 ? a1 : a2, sizeof a1);
}

void ccsim_mrg32k3a_jump_matrices(unsigned e, uint64_t a1[9], uint64_t a2[9]) {
    uint64_t t[9];
    ccsim_mrg32k3a_transition(1, t);
    ccsim_mat3_pow2_mod(t, e, M1, a1);
    ccsim_mrg32k3a_transition(2, t);
    ccsim_mat3_pow2_mod(t, e, M2, a2);
}

// MARK: - Jump tables, computed once

// stream_jump[i] = A^(2^(127 + i)), so A^(k * 2^127) is the product of the
// entries for the set bits of k (powers of one matrix commute).
typedef struct {
    uint64_t c1[9];
    uint64_t c2[9];
} jump_pair;

static jump_pair stream_jump[64];
static jump_pair substream_jump;
static pthread_once_t jump_once = PTHREAD_ONCE_INIT;

static void build_jump_tables(void) {
    ccsim_mrg32k3a_jump_matrices(CCSIM_MRG32K3A_SUBSTREAM_LOG2, substream_jump.c1, substream_jump.c2);
    // 2^127 = (2^76)^(2^51): continue squaring from the substream jump.
    ccsim_mat3_pow2_mod(substream_jump.c1, CCSIM_MRG32K3A_STREAM_LOG2 - CCSIM_MRG32K3A_SUBSTREAM_LOG2, M1,
                        stream_jump[0].c1);
    ccsim_mat3_pow2_mod(substream_jump.c2, CCSIM_MRG32K3A_STREAM_LOG2 - CCSIM_MRG32K3A_SUBSTREAM_LOG2, M2,
                        stream_jump[0].c2);
    for (int i = 1; i < 64; i++) {
        ccsim_mat3_mulmod(stream_jump[i - 1].c1, stream_jump[i - 1].c1, M1, stream_jump[i].c1);
        ccsim_mat3_mulmod(stream_jump[i - 1].c2, stream_jump[i - 1].c2, M2, stream_jump[i].c2);
    }
}

static inline void ensure_jump_tables(void) { pthread_once(&jump_once, build_jump_tables); }

static void apply_jump(const jump_pair *j, uint64_t s[6]) {
    ccsim_mat3_vec_mod(j->c1, s, M1, s);
    ccsim_mat3_vec_mod(j->c2, s + 3, M2, s + 3);
}

void ccsim_mrg32k3a_stream_start(uint64_t k, uint64_t out[6]) {
    ensure_jump_tables();
    for (int i = 0; i < 6; i++) out[i] = CCSIM_MRG32K3A_DEFAULT_SEED;
    for (int i = 0; k != 0; i++, k >>= 1) {
        if (k & 1) apply_jump(&stream_jump[i], out);
    }
}

// MARK: - The GSL type

static void mrg32k3a_set(void *vstate, unsigned long int seed) {
    ccsim_mrg32k3a_state *st = (ccsim_mrg32k3a_state *)vstate;
    ccsim_mrg32k3a_stream_start((uint64_t)seed, st->stream_start);
    memcpy(st->substream_start, st->stream_start, sizeof st->stream_start);
    memcpy(st->current, st->stream_start, sizeof st->stream_start);
}

static const gsl_rng_type mrg32k3a_type = {
    "mrg32k3a",                     // name
    (unsigned long int)M1,          // max: largest value get returns
    1UL,                            // min: z is never 0
    sizeof(ccsim_mrg32k3a_state),   // size
    &mrg32k3a_set,
    &mrg32k3a_get,
    &mrg32k3a_get_double,
};

const gsl_rng_type *ccsim_rng_mrg32k3a(void) { return &mrg32k3a_type; }

static ccsim_mrg32k3a_state *state_of(const gsl_rng *r) {
    if (r == NULL || r->type != &mrg32k3a_type) return NULL;
    return (ccsim_mrg32k3a_state *)r->state;
}

int ccsim_mrg32k3a_seek_stream(gsl_rng *r, uint64_t k) {
    ccsim_mrg32k3a_state *st = state_of(r);
    if (st == NULL) return GSL_EINVAL;
    mrg32k3a_set(st, (unsigned long int)k);
    return GSL_SUCCESS;
}

int ccsim_mrg32k3a_next_substream(gsl_rng *r) {
    ccsim_mrg32k3a_state *st = state_of(r);
    if (st == NULL) return GSL_EINVAL;
    ensure_jump_tables();
    apply_jump(&substream_jump, st->substream_start);
    memcpy(st->current, st->substream_start, sizeof st->current);
    return GSL_SUCCESS;
}

int ccsim_mrg32k3a_reset_stream(gsl_rng *r) {
    ccsim_mrg32k3a_state *st = state_of(r);
    if (st == NULL) return GSL_EINVAL;
    memcpy(st->substream_start, st->stream_start, sizeof st->stream_start);
    memcpy(st->current, st->stream_start, sizeof st->stream_start);
    return GSL_SUCCESS;
}

int ccsim_mrg32k3a_reset_substream(gsl_rng *r) {
    ccsim_mrg32k3a_state *st = state_of(r);
    if (st == NULL) return GSL_EINVAL;
    memcpy(st->current, st->substream_start, sizeof st->current);
    return GSL_SUCCESS;
}

int ccsim_mrg32k3a_get_state(const gsl_rng *r, uint64_t out[6]) {
    ccsim_mrg32k3a_state *st = state_of(r);
    if (st == NULL) return GSL_EINVAL;
    memcpy(out, st->current, sizeof st->current);
    return GSL_SUCCESS;
}

int ccsim_mrg32k3a_set_state(gsl_rng *r, const uint64_t s[6]) {
    ccsim_mrg32k3a_state *st = state_of(r);
    if (st == NULL) return GSL_EINVAL;
    for (int i = 0; i < 3; i++) {
        if (s[i] >= M1 || s[i + 3] >= M2) return GSL_EINVAL;
    }
    if ((s[0] | s[1] | s[2]) == 0 || (s[3] | s[4] | s[5]) == 0) return GSL_EINVAL;
    memcpy(st->stream_start, s, sizeof st->stream_start);
    memcpy(st->substream_start, s, sizeof st->stream_start);
    memcpy(st->current, s, sizeof st->stream_start);
    return GSL_SUCCESS;
}
