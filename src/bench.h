/* bench.h: throughput of the cost model, for `make bench`.
 *
 * Evaluates random designs of a space on a set of networks through the
 * search's own evaluator (search_peek: the memoised mappings, per-design
 * factors and per-geometry count cache of search.c, no design cache), and
 * reports the time taken.  Owns nothing: the caller keeps model, space and
 * nets.  The designs come from the caller's seeded GSL generator, so the
 * work is the same run to run; only the seconds vary.
 */
#ifndef IMC_BENCH_H
#define IMC_BENCH_H

#include <gsl/gsl_rng.h>

#include "cost.h"
#include "space.h"

typedef struct bench_result {
    double designs;        /* designs evaluated (each on every workload) */
    double evaluations;    /* designs x workloads */
    double layer_evals;    /* designs x layers over all workloads */
    double seconds;        /* wall-clock time of the evaluation loop */
    double checksum;       /* sum of log(E*L*A): keeps the work observable */
} bench_result;

/* Evaluate `ndesigns` uniformly random designs of s on nets[0..nnets-1]
 * (1 to SEARCH_MAX_WORKLOADS) into *out.  IMC_OK, or IMC_EINPUT after
 * reporting (no constants for the space's memory type, too many
 * workloads, out of memory). */
int bench_cost(const cost_model *m, const space *s, net *const *nets,
               size_t nnets, size_t ndesigns, cost_latency_mode mode,
               gsl_rng *rng, bench_result *out);

#endif
