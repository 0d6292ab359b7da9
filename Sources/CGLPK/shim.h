#ifndef CCSIM_CGLPK_SHIM_H
#define CCSIM_CGLPK_SHIM_H

// GLPK, the GNU Linear Programming Kit: ccsim's shift scheduler builds an integer
// program and solves it with glp_intopt. Debian ships no pkg-config file for it,
// so the module map links the library by name.
#include <glpk.h>

#endif
