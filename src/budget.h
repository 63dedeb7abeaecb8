/* budget.h: how much of P1's joint-vs-largest gain the search budget
 * explains (a study beyond the papers).
 *
 * For each search budget (e.g. 20x20, 70x10, p2) there are many
 * independent runs of each search: the specific searches of every
 * workload and the joint searches.  A paper reports one run of each.  A
 * draw is what such a paper would see: one run drawn independently and
 * uniformly for the largest-workload baseline (from the largest workload's
 * specific runs), one for the joint design and one for each workload's
 * normalising specific design, where for the largest workload the
 * baseline run and the normalising run are two DIFFERENT runs (a paper
 * that reran the search, or kept another seed, would compare the two).
 * Per draw and workload w the metrics of compare.h follow: n_largest,
 * n_joint, loss_joint_pct, gain_diff_pct, gain_rel_pct.  Runs whose own
 * search found no feasible design are left out (and counted).
 *
 * Cases: "symmetric" draws everything from one budget; "asym:BASE:TOP"
 * draws the baseline from budget BASE and the joint and normalising
 * designs from budget TOP (different budgets: no two runs coincide).  The
 * budget named BUDGET_OPTIMUM holds one run per role (the exact optima,
 * sweep-space --per-workload) and has no symmetric case.
 *
 * Draws: Monte-Carlo (GSL mt19937 set to the seed afresh for every case;
 * per draw the baseline, the joint, then each workload's normalising run
 * in workload order, by gsl_rng_uniform_int) or, with draws = 0, every
 * combination once (exact).  docs/statistics.md explains the model.
 *
 * A budget_result owns everything it read and computed; budget_free
 * releases it.
 */
#ifndef IMC_BUDGET_H
#define IMC_BUDGET_H

#include <stddef.h>
#include <stdio.h>

/* The budget of the exact optima. */
#define BUDGET_OPTIMUM "optimum"
/* The joint searches' role name. */
#define BUDGET_JOINT "joint"

#define BUDGET_DRAWS_DEFAULT 100000UL
/* Most Monte-Carlo draws, and most combinations per workload an exact
 * enumeration may take (100 runs per role make 10^6): memory is two
 * doubles per draw. */
#define BUDGET_MAX_DRAWS 2000000UL

#define BUDGET_MAX_INPUTS 256
#define BUDGET_MAX_PAIRS 32

/* One --runs argument: the runs of role in budget. */
typedef struct budget_input {
    const char *budget, *role, *spec;
} budget_input;

/* One asymmetric case. */
typedef struct budget_pair {
    const char *base, *top;
} budget_pair;

typedef struct budget_request {
    size_t ninput;
    budget_input input[BUDGET_MAX_INPUTS];
    size_t npair;
    budget_pair pair[BUDGET_MAX_PAIRS];
    const char *largest;      /* the largest workload (a role) */
    const char *p1;           /* spec of paper-reported.csv, or NULL */
    unsigned long seed;       /* 1 .. 2^32 - 1 */
    unsigned long draws;      /* 0: every combination */
} budget_request;

typedef struct budget_result budget_result;

/* Read the runs (and P1's gains), check them and compute every case.
 * Returns IMC_OK with *out set, or IMC_EINPUT after reporting (a bad
 * file, a role twice or missing in a budget, a run without a row it needs,
 * an optimum role with more than one run, a pair naming an unknown budget,
 * P1 without a gain for some workload, an exact enumeration or a draw
 * count above BUDGET_MAX_DRAWS). */
int budget_run(const budget_request *q, budget_result **out);

/* Release a result; NULL is a no-op. */
void budget_free(budget_result *r);

/* Write per case, workload and metric
 *   budget,case,workload,metric,n_draws,median,p5,p25,p75,p95,mean
 * (budget: the budget of the joint design; n_draws: draws where the
 * metric exists).  Returns IMC_OK. */
int budget_write_distribution(FILE *fp, const budget_result *r);

/* Write per case, definition (gain_rel, gain_diff) and workload (then
 * "all": every workload's gain at once)
 *   budget,case,definition,workload,fraction_reaching_p1
 * the fraction of draws whose gain is at or above P1's.  Returns IMC_OK,
 * or IMC_EINPUT after reporting when no P1 file was read. */
int budget_write_fractions(FILE *fp, const budget_result *r);

/* Write per budget and role
 *   budget,role,n_runs,n_feasible,median_score,min_score,max_score
 * over the feasible runs' scores (the searches' objective values).
 * Returns IMC_OK. */
int budget_write_runs(FILE *fp, const budget_result *r);

/* Cases in which no draw is possible (too few feasible runs); the first
 * such case's label (NULL when none) with its budget in *budget_name; the
 * runs read and those left out as infeasible: for the tool's warnings. */
size_t budget_nimpossible(const budget_result *r);
const char *budget_first_impossible(const budget_result *r,
                                    const char **budget_name);
size_t budget_nexcluded(const budget_result *r);
size_t budget_nruns(const budget_result *r);

#endif
