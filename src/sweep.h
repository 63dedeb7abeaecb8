/* sweep.h: exhaustive search of a whole design space.
 *
 * Every design of a space is evaluated on every workload, and for each
 * target the best feasible design is kept: each workload alone (objective
 * single, E_w L_w A), and with two or more workloads the joint, mean and
 * all aggregations of search.h, then, with a node table (nodes.h), el_cost
 * and ela_cost.  This is the true optimum the evolutionary search is
 * judged against.  One pass also gives:
 *   - the best per target for every area limit of a list (a design of area
 *     A is a candidate for every limit >= A);
 *   - optionally the best per value of one design parameter (--by);
 *   - min_area: the smallest chip of any design that would be feasible for
 *     the target without an area limit (what limit a report would need);
 *   - optionally the K best designs per target and limit (top-K);
 *   - optionally the exact Pareto front over a list of objectives.
 *
 * Feasibility is search.h's: area <= limit and, for a single workload,
 * that workload fits (cost_counts_fit_p: RRAM holds all its weights); for
 * an aggregation, every workload fits.  With a node table a design must
 * also lie in its node's voltage range (nodes_valid_p); designs that do not
 * are skipped and counted.
 *
 * Enumeration order, which breaks ties (the earlier design wins) and
 * numbers the designs: geometry (bits_per_cell, rows, cols, router_groups,
 * tiles_per_group, macros_per_tile), then system (voltage_v, glb_mb,
 * tech_nm), then cycle_ns, the last of each list varying fastest; the
 * index of a design is (geometry * systems + system) * cycles + cycle.
 *
 * Speed.  Action counts (cost.h) depend only on the geometry, so they are
 * computed once per (geometry, workload); voltage, buffer and node then
 * rescale energy and area, and the cycle time only latency.  Exact pruning
 * (on unless sweep_config.prune is 0) skips what cannot change any output:
 *   - a (geometry, workload) pair whose weights cannot fit on the chip
 *     (RRAM: map_net_fits_p, the same crossbar sum cost_counts_fit_p
 *     uses), and a geometry none of whose systems meets the largest limit
 *     and none of which could lower a min_area;
 *   - every cycle time but the shortest of each (geometry, system), when
 *     no top-K list is kept and the --by parameter is not cycle_ns: latency
 *     never decreases as the cycle time grows (cost.h) while energy and
 *     area do not depend on it, so the shortest cycle scores lowest and
 *     comes first; a top-K list follows the cycle times only while they
 *     still enter it; and a longer cycle is never on the Pareto front (it
 *     is weakly dominated by the shortest, which comes first).
 * Pruned and unpruned sweeps give byte-identical outputs (t/195, t/590).
 *
 * Threads and shards.  The geometries are cut into blocks of SWEEP_BLOCK;
 * block b belongs to shard b mod nshards, and the k-th block of a shard to
 * thread k mod threads.  Each thread keeps its own results; they are
 * combined in thread order by (score, index), so every output is the same
 * for any thread count.  A shard's outputs combine with sweep_merge into
 * exactly the whole sweep's.
 *
 * Limits (documented in docs/sweep.md): SWEEP_MAX_DESIGNS designs per run
 * unless sweep_config.force; SWEEP_MAX_TOP designs per top-K list; a Pareto
 * front of at most sweep_config.pareto_max designs per thread while
 * sweeping (more is an error, not a silently cut front).
 *
 * Ownership: sweep_run and sweep_merge allocate a sweep_result that the
 * caller releases with sweep_result_free (NULL is a no-op).  The result
 * borrows the config's model, space, workloads and node table, which must
 * outlive it.  The sweep loop itself allocates nothing and does no I/O.
 */
#ifndef IMC_SWEEP_H
#define IMC_SWEEP_H

#include <stdint.h>
#include <stdio.h>

#include "nodes.h"
#include "pareto.h"
#include "search.h"

/* Targets: every workload, joint, mean, all, el_cost, ela_cost. */
#define SWEEP_MAX_TARGETS (SEARCH_MAX_WORKLOADS + 5)
/* Area limits in one sweep. */
#define SWEEP_MAX_LIMITS 64
/* Designs one run may sweep (its shard of the space) without force: from
 * about 20 s of one core (RRAM, most pairs pruned) to about 10 minutes
 * (SRAM, nine large workloads) at the speeds of docs/sweep.md. */
#define SWEEP_MAX_DESIGNS 1e9
/* Designs per top-K list. */
#define SWEEP_MAX_TOP 1000
/* Objectives of a Pareto front. */
#define SWEEP_MAX_POBJ PARETO_MAX_OBJ
/* Default bound of a Pareto front (designs held per thread). */
#define SWEEP_PARETO_MAX 100000
/* Threads one sweep may use. */
#define SWEEP_MAX_THREADS 64
/* Geometries per block of the thread and shard partition. */
#define SWEEP_BLOCK 16

/* What a Pareto objective measures (all minimised). */
typedef enum {
    SWEEP_P_MAX_ENERGY,   /* max_energy_j: max_w E_w, J */
    SWEEP_P_MAX_LATENCY,  /* max_latency_s: max_w L_w, s */
    SWEEP_P_AREA,         /* area_mm2 */
    SWEEP_P_EDAP,         /* edap: the joint score max E * max L * A */
    SWEEP_P_COST,         /* cost: A * cost_factor (needs a node table) */
    SWEEP_P_ENERGY,       /* energy_j:<workload>, J */
    SWEEP_P_LATENCY       /* latency_s:<workload>, s */
} sweep_pkind;

typedef struct sweep_pobj {
    sweep_pkind kind;
    size_t workload;      /* SWEEP_P_ENERGY / LATENCY: index into nets */
} sweep_pobj;

/* The accepted objective names, for messages. */
#define SWEEP_POBJ_NAMES                                                     \
    "max_energy_j, max_latency_s, area_mm2, edap, cost, "                    \
    "energy_j:WORKLOAD or latency_s:WORKLOAD"

/* Look up a Pareto objective by name ("energy_j:vgg16" names workload
 * vgg16 among nets[0..nn-1]): IMC_OK, or IMC_EINPUT (not reported) for an
 * unknown name or workload. */
int sweep_pobj_from_name(const char *name, net *const *nets, size_t nn,
                         sweep_pobj *o);

/* Progress report: done of total designs have been swept.  Called from
 * the sweeping threads, one call at a time. */
typedef void sweep_progress_fn(void *arg, uint64_t done, uint64_t total);

typedef struct sweep_config {
    const cost_model *model;  /* borrowed */
    const space *space;       /* borrowed */
    net *const *nets;         /* borrowed, nnets of them */
    size_t nnets;             /* 1 .. SEARCH_MAX_WORKLOADS */
    cost_latency_mode mode;
    size_t nlimits;           /* 1 .. SWEEP_MAX_LIMITS */
    double area_max_mm2[SWEEP_MAX_LIMITS]; /* distinct, > 0, output order */
    int by;                   /* DESIGN_* parameter, or -1 for none */
    const nodes_table *nodes; /* borrowed, NULL for none */
    size_t top_k;             /* 0: no top-K lists */
    size_t npareto;           /* 0: no Pareto front */
    sweep_pobj pareto[SWEEP_MAX_POBJ];
    size_t pareto_max;        /* bound of the front per thread */
    int prune;                /* 1: exact pruning (default) */
    unsigned threads;         /* 1 .. SWEEP_MAX_THREADS */
    unsigned long shard;      /* this part, 0 .. nshards - 1 */
    unsigned long nshards;    /* >= 1 */
    int force;                /* 1: lift SWEEP_MAX_DESIGNS */
    sweep_progress_fn *progress; /* NULL for none */
    void *progress_arg;
} sweep_config;

/* Defaults for sweeping space s with model m over nets[0..nn-1]: limit
 * 800 mm2 (docs/framework.md section 1.2), no --by, no nodes, no top-K, no
 * front (pareto_max SWEEP_PARETO_MAX), pruning on, 1 thread, the whole
 * space. */
void sweep_config_init(sweep_config *c, const cost_model *m, const space *s,
                       net *const *nets, size_t nn);

/* One design kept: the best of a target, or a member of a top-K list. */
typedef struct sweep_best {
    int found;          /* 0: no design (the fields below are unset) */
    double score;       /* the target's objective value */
    double area_mm2;
    uint64_t index;     /* enumeration index (see above) */
    design d;
} sweep_best;

typedef struct sweep_counts {
    uint64_t designs;     /* designs enumerated (this part of the space) */
    uint64_t geometries;  /* geometries enumerated */
    uint64_t feasible;    /* designs feasible for every workload at once
                             under the largest limit */
    uint64_t skipped;     /* designs outside their node's table entry */
} sweep_counts;

typedef struct sweep_result sweep_result;

/* The number of designs the part of the space config c selects holds
 * (exact: below 2^60 for any space). */
uint64_t sweep_part_designs(const sweep_config *c);

/* Sweep the part of the space config c selects into a new *out.  IMC_OK;
 * IMC_EINPUT after reporting on a bad config (workload count, no constants
 * for the memory type, a limit not > 0 or repeated, an unknown --by
 * parameter, a top-K or Pareto request out of range, a Pareto objective or
 * target that needs nodes without a node table, threads or shard out of
 * range), on a space above SWEEP_MAX_DESIGNS without force, on a Pareto
 * front above pareto_max, or when memory runs out; *out is then NULL. */
int sweep_run(const sweep_config *c, sweep_result **out);

/* Combine the outputs of the nshards shards of one sweep (main, top-K,
 * Pareto and per-workload files, in any order, named by paths[0..n-1])
 * into *out, exactly the result of sweeping the whole space.  c gives the
 * model, space, workloads, latency mode and node table (the parts'
 * must match); the limits, --by parameter, top-K size and Pareto objectives
 * come from the parts' comment lines.  Every kept design is evaluated again
 * to rank equal printed scores exactly.  Returns IMC_OK, or reports
 * "file:line: what is wrong" and returns IMC_EINPUT when a part is not a
 * shard output, the parts disagree or do not cover every shard once per
 * kind, no main output is given, or a row does not belong to this sweep. */
int sweep_merge(const sweep_config *c, const char *const *paths, size_t n,
                sweep_result **out);

/* Release a result; NULL is a no-op. */
void sweep_result_free(sweep_result *r);

/* Accessors.  Targets 0 .. sweep_ntargets - 1; groups 0 (all designs) and
 * 1 .. nvalues of the --by parameter; limits in the config's order. */
size_t sweep_ntargets(const sweep_result *r);
const char *sweep_target_name(const sweep_result *r, size_t t);
search_objective sweep_target_objective(const sweep_result *r, size_t t);
size_t sweep_ngroups(const sweep_result *r);
const sweep_config *sweep_result_config(const sweep_result *r);
void sweep_result_counts(const sweep_result *r, sweep_counts *out);
const sweep_best *sweep_result_best(const sweep_result *r, size_t group,
                                    size_t limit, size_t target);
/* min_area_mm2 of a target in a group: IMC_OK, or IMC_EOF when no design
 * of the group would be feasible for it at any area. */
int sweep_result_min_area(const sweep_result *r, size_t group,
                          size_t target, double *area_mm2);
/* The top-K list of (limit, target): *n designs, best first. */
const sweep_best *sweep_result_top(const sweep_result *r, size_t limit,
                                   size_t target, size_t *n);
/* The Pareto front (pareto.h; objectives in the config's order), members
 * in output order; NULL when the config asks for none. */
const pareto_front *sweep_result_front(const sweep_result *r);

/* Writers (CSV; each starts with a '# sweep-space ...' line recording the
 * counts and settings, with shard=I/N on a shard's outputs).  IMC_OK, or
 * IMC_EINPUT (not reported) on a write error.  Columns: docs/sweep.md.
 *   sweep_write: area_max_mm2,target,objective,feasible,score,area_mm2,
 *     min_area_mm2,<design columns>[,by_value]; empty fields where there
 *     is no design.
 *   sweep_write_per_workload: area_max_mm2,target,objective,<design>,
 *     workload,energy_j,latency_s,area_mm2,edap,score,violation,feasible,
 *     in_objective[,by_value] (each kept design evaluated again).
 *   sweep_write_top: area_max_mm2,target,objective,rank,score,area_mm2,
 *     <design>.
 *   sweep_write_pareto: the objectives' names, then <design>. */
int sweep_write(FILE *fp, const sweep_result *r);
int sweep_write_per_workload(FILE *fp, const sweep_result *r);
int sweep_write_top(FILE *fp, const sweep_result *r);
int sweep_write_pareto(FILE *fp, const sweep_result *r);

/* Where to write a sweep's outputs: NULL for an output not wanted (main:
 * NULL or "-" is stdout). */
typedef struct sweep_paths {
    const char *main, *per_workload, *top, *pareto;
} sweep_paths;

/* Write every output asked for through temporaries committed together
 * (csvio_out_commit_all), so a failure leaves none behind; then, when
 * some (limit, target) has no feasible design, one line "<program>:
 * warning: <sweep_infeasible's text>" on warn.  IMC_OK, or IMC_EINPUT
 * after reporting. */
int sweep_write_files(const sweep_result *r, const sweep_paths *p,
                      FILE *warn);

/* The (limit, target) pairs without a feasible design: returns how many
 * (group 0's and the --by groups'), and writes a one-line description
 * into msg[0..size-1], e.g. "no design meets the constraints for 3 of 14
 * (limit, target) pairs: 100 mm2 (vgg16, joint), 200 mm2 (vgg16)", then
 * "; no design for N of M (tech_nm, limit, target) triples" for the --by
 * groups; cut with "..." when it does not fit. */
size_t sweep_infeasible(const sweep_result *r, char *msg, size_t size);

/* What a sweep reads: a space, workloads and optionally a node table. */
typedef struct sweep_inputs {
    cost_model *model;    /* owned; set by the caller (NULL: none) */
    space space;
    net **nets;           /* nnets layer tables (net_read_tables) */
    size_t nnets;
    nodes_table nodes;
    int has_nodes;        /* 1 when a node table was read */
} sweep_inputs;

/* Read the space at space_path, the layer tables layers[0..n-1] and, when
 * nodes_path is not NULL, a node table.  IMC_OK, or IMC_EINPUT after
 * reporting (in->nets is then NULL).  Release with sweep_inputs_free. */
int sweep_inputs_read(sweep_inputs *in, const char *space_path,
                      const char *nodes_path, char *const *layers, size_t n);
/* Release the workloads and the model of in; a zeroed or failed
 * sweep_inputs is a no-op. */
void sweep_inputs_free(sweep_inputs *in);

#endif
