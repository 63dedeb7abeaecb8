/* search.h: the objective a design search minimises, evaluated in-process
 * through the cost model (cost.h), with a cache of every design evaluated.
 *
 * A search_problem ties together a design space (copied in), a cost model
 * and a list of workloads (both borrowed: the caller keeps them alive until
 * search_problem_free), an objective (how per-workload energies and
 * latencies combine), the area constraint and the latency mode.
 *
 * Objective (docs/framework.md section 1.1), with E_w, L_w the energy (J) and
 * latency (s) per inference of workload w and A the chip area (mm2):
 *   single: E * L * A                      (exactly one workload)
 *   joint:  max_w E_w * max_w L_w * A      (P1's joint score)
 *   mean:   mean_w E_w * mean_w L_w * A    (P2)
 *   all:    A * prod_w E_w * prod_w L_w    (P2)
 *   el_cost:  max_w E_w * max_w L_w * C          (P2's node study)
 *   ela_cost: max_w E_w * max_w L_w * A * C      (P2's node study)
 * where C = A * cost_factor(node) is the chip's cost in mm2 at 32 nm prices
 * (nodes.h).  The two cost objectives need a node table
 * (search_problem_set_nodes); without one the cost factor is 1.
 *
 * Constraint violation (0 when the design is feasible, > 0 otherwise; the
 * search ranks by violation first, then by score):
 *   violation = max(0, A / A_max - 1)
 *             + sum over workloads w that do not fit of
 *               (1 + max(0, 1 - X / N_w))
 * where A_max is the area constraint, X the crossbars on the chip
 * (design_macros) and N_w the crossbars one copy of w's weights needs.  A
 * workload "does not fit" when cost_eval_net says so: an RRAM chip must hold
 * all its weights at once through the reference mapping (cost_result.fits);
 * SRAM streams weights and always fits.  The area term is the relative
 * excess; each workload that does not fit costs at least 1 more, plus the
 * fraction of its crossbars missing, so the search is pulled towards larger
 * chips until the weights fit and towards smaller ones once the area is the
 * only excess.  With a node table (search_problem_set_nodes) a design must
 * also be built in a listed node at a voltage V within that node's range
 * [V_min, V_max]; search_node_violation adds
 *     0                          when it is,
 *     1                          when its node is not listed,
 *     1 + (V_min - V) / V_min    when V < V_min,
 *     1 + (V - V_max) / V_max    when V > V_max,
 * so a design outside its node's range weighs like a workload that does
 * not fit, plus its relative distance to the range.  The score is computed
 * for infeasible designs too.
 *
 * The cache: every distinct gene vector evaluated is stored once, in
 * evaluation order, up to the capacity given to search_problem_alloc (all
 * storage is allocated there; search_eval never allocates).  A repeated
 * gene vector is answered from the cache and counted as a hit, not as an
 * evaluation.  Past the capacity designs are still evaluated but no longer
 * stored (search_uncached counts them).
 *
 * Evaluation itself goes through memos that change no result (search.c,
 * docs/performance.md): a cost_plan of the workloads, the per-design
 * factors of energy and area, and action counts cached per crossbar
 * geometry.  They are part of the problem, so a problem must not be used by
 * two threads at once (search_peek included).
 */
#ifndef IMC_SEARCH_H
#define IMC_SEARCH_H

#include <stddef.h>

#include "cost.h"
#include "net.h"
#include "nodes.h"
#include "space.h"

/* Most workloads one search may combine (P2's largest set has 9). */
#define SEARCH_MAX_WORKLOADS 16

/* Largest cache a problem may hold (2^26 designs, a few GB): bounds the
 * hash table so its size computation cannot overflow. */
#define SEARCH_MAX_RECORDS (1UL << 26)

typedef enum {
    SEARCH_SINGLE,  /* E * L * A of the one workload */
    SEARCH_JOINT,   /* max E * max L * A */
    SEARCH_MEAN,    /* mean E * mean L * A */
    SEARCH_ALL,     /* A * prod E * prod L */
    SEARCH_EL_COST, /* max E * max L * cost */
    SEARCH_ELA_COST /* max E * max L * A * cost */
} search_objective;

/* The names, for messages: the objectives every tool offers, and the two
 * that only a tool with a node table may offer (it must refuse them
 * without one: search_objective_needs_nodes_p). */
#define SEARCH_OBJECTIVE_NAMES "single, joint, mean or all"
#define SEARCH_COST_OBJECTIVE_NAMES "el_cost or ela_cost"

/* Look up "single", "joint", "mean", "all", "el_cost" or "ela_cost":
 * IMC_OK, or IMC_EINPUT (not reported) for any other name. */
int search_objective_from_name(const char *s, search_objective *o);
/* The name of objective o, as search_objective_from_name reads it. */
const char *search_objective_name(search_objective o);
/* Predicate: 1 for the objectives that need a node table (el_cost,
 * ela_cost). */
int search_objective_needs_nodes_p(search_objective o);

typedef struct search_result {
    double score;       /* objective value (J^k s^k mm2, see above) */
    double violation;   /* constraint violation, 0 when feasible */
    double area_mm2;    /* chip area, mm2 */
    size_t nwork;       /* workloads, entries used below */
    double energy_j[SEARCH_MAX_WORKLOADS];     /* per inference, J */
    double latency_s[SEARCH_MAX_WORKLOADS];    /* per inference, s */
    double xbars_needed[SEARCH_MAX_WORKLOADS]; /* one copy of the weights */
    int fits[SEARCH_MAX_WORKLOADS];            /* cost_result.fits */
} search_result;

/* One cache entry: a design evaluated, in evaluation order. */
typedef struct search_record {
    int genes[DESIGN_NPARAM]; /* space_ngenes() of them used */
    long generation;          /* tag set by search_set_generation() */
    search_result result;
} search_record;

typedef struct search_problem search_problem;

/* The objective value from per-workload energies E[0..n-1] (J), latencies
 * L[0..n-1] (s), the area A (mm2) and the node's cost factor (nodes.h; 1
 * at 32 nm); n >= 1.  SEARCH_SINGLE uses E[0] and L[0]; only el_cost and
 * ela_cost use the cost factor. */
double search_score(search_objective o, size_t n, const double *E,
                    const double *L, double area_mm2, double cost_factor);

/* search_score with a cost factor of 1 (the four objectives of P1 and P2's
 * main study do not use it). */
double search_aggregate(search_objective o, size_t n, const double *E,
                        const double *L, double area_mm2);

/* The constraint violation defined above, from the area A and limit A_max
 * (mm2), and for each of n workloads whether it fits and the crossbars it
 * needs, against the xbars_avail crossbars of the chip. */
double search_violation(double area_mm2, double area_max_mm2, size_t n,
                        const int *fits, const double *xbars_needed,
                        double xbars_avail);

/* The node term of the violation defined above for design d under node
 * table t; 0 when t is NULL. */
double search_node_violation(const nodes_table *t, const design *d);

/* Build a problem.  nets[0..nnets-1] and model are borrowed; the space is
 * copied.  max_records is the cache capacity (distinct designs stored).
 * Returns NULL after reporting when nnets is 0 or above
 * SEARCH_MAX_WORKLOADS, max_records is above SEARCH_MAX_RECORDS, the
 * objective is single but nnets != 1, the model has no constants for the
 * space's memory type, area_max_mm2 is not > 0, or memory runs out. */
search_problem *search_problem_alloc(const space *s, const cost_model *model,
                                     const net *const *nets, size_t nnets,
                                     search_objective o, double area_max_mm2,
                                     cost_latency_mode mode,
                                     size_t max_records);
/* Evaluate against node table t from now on (borrowed: the caller keeps
 * it alive until search_problem_free; NULL removes it): el_cost and
 * ela_cost use its cost factors, and search_node_violation joins the
 * violation.  Set it before the first evaluation: the cache is not
 * cleared. */
void search_problem_set_nodes(search_problem *p, const nodes_table *t);

/* Empty the cache and zero the counters, as after search_problem_alloc
 * (a new run over the same problem). */
void search_reset(search_problem *p);
/* Release the problem and its cache; NULL is a no-op. */
void search_problem_free(search_problem *p);

/* Evaluate gene vector genes (space_ngenes() entries) into *r, from the
 * cache when it was evaluated before.  Returns IMC_OK, or IMC_EINPUT
 * (without reporting) when a gene is out of bounds.  No allocation. */
int search_eval(search_problem *p, const int *genes, search_result *r);

/* Evaluate genes like search_eval but neither consult nor fill the
 * design cache nor count an evaluation: a screening look (P2's random
 * feasible initial designs; the evaluation memos are used and filled).
 * Returns IMC_OK or IMC_EINPUT as search_eval. */
int search_peek(const search_problem *p, const int *genes, search_result *r);

/* Tag the records stored from now on with generation g. */
void search_set_generation(search_problem *p, long g);

const space *search_space(const search_problem *p);
size_t search_nworkloads(const search_problem *p);
const net *search_workload(const search_problem *p, size_t i);
search_objective search_get_objective(const search_problem *p);

/* Counters: distinct designs evaluated, cache hits, evaluations that were
 * not stored because the cache was full. */
unsigned long search_evaluations(const search_problem *p);
unsigned long search_cache_hits(const search_problem *p);
unsigned long search_uncached(const search_problem *p);

/* Stored records, 0 <= i < search_nrecords(p), in evaluation order. */
size_t search_nrecords(const search_problem *p);
const search_record *search_record_at(const search_problem *p, size_t i);

/* Indices of the (at most) n best stored records, ranked by violation,
 * then score, then evaluation order, into idx[0..]; returns how many were
 * written (min(n, search_nrecords)).  Uses storage allocated with the
 * problem. */
size_t search_best(search_problem *p, size_t n, size_t *idx);

#endif
