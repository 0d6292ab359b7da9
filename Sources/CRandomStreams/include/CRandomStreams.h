#ifndef CCSIM_CRANDOMSTREAMS_H
#define CCSIM_CRANDOMSTREAMS_H
// Placeholder: MRG32k3a registered as a gsl_rng_type (being written).
#endif
