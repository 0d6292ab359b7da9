#ifndef CCSIM_CGSL_SHIM_H
#define CCSIM_CGSL_SHIM_H

// The parts of GSL ccsim uses: the generator interface, the samplers,
// the cumulative distributions and the special functions behind Erlang A.
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_psi.h>

// Swift 6 rejects GSL's generator-type globals (`gsl_rng_mt19937`, ...) as
// mutable global state that is not concurrency-safe. These accessors hand out
// the (never mutated) type descriptors instead.
static inline const gsl_rng_type *ccsim_gsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *ccsim_gsl_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }

// GSL's default error handler aborts the process. ccsim validates inputs
// itself and reads GSL's return codes, so the handler is switched off once,
// before the first generator is made.
static inline void ccsim_gsl_quiet(void) { gsl_set_error_handler_off(); }

#endif
