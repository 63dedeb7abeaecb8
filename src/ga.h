/* ga.h: the evolutionary algorithm of P1 (a pymoo-style single-objective
 * GA with constraints), as an ask/tell state machine in GSL's
 * INITIALIZE / ITERATE / TEST shape, without callbacks:
 *
 *     ga *g = ga_alloc(n_genes, pop);
 *     ga_set(g, lo, hi, rng);                 INITIALIZE: random population
 *     while (ga_test(g, generations) == GA_CONTINUE) {
 *         ga_iterate(g);                      breed offspring (if needed)
 *         n = ga_ask(g, &genes);              designs to evaluate
 *         ... evaluate genes[i * n_genes ...] into violation[i], score[i]
 *         ga_tell(g, violation, score);       survival; generation + 1
 *     }
 *     ga_best(g, genes, &violation, &score);
 *
 * Genes are integers in [lo_i, hi_i] handled as floats and rounded
 * (pymoo's RoundingRepair): simulated binary crossover (SBX) and polynomial
 * mutation, binary tournament on (violation, then score), elitist
 * (mu + lambda) survival sorted by (violation, score), and elimination of
 * offspring that duplicate a population member or each other
 * (docs/framework.md section 5.1).  Both objectives are minimised; violation 0
 * means feasible.
 *
 * Randomness comes only from the gsl_rng given to ga_set (the caller owns
 * it, seeds it, and frees it after ga_free).  A ga owns its population and
 * work arrays, all allocated by ga_alloc (ga_set_initial may grow the
 * batch); ga_free releases them.  Pointers returned by ga_ask and ga_best
 * stay valid until the next call that changes the state.
 */
#ifndef IMC_GA_H
#define IMC_GA_H

#include <stddef.h>

#include <gsl/gsl_rng.h>

/* ga_test's "not done yet", the value of GSL's GSL_CONTINUE. */
#define GA_CONTINUE (-2)

typedef struct ga_params {
    double cx_prob;      /* probability a mating pair is crossed over */
    double cx_eta;       /* SBX distribution index */
    double cx_gene_prob; /* SBX: probability each gene is crossed (0.5) */
    double cx_swap_prob; /* SBX: probability the two children swap a gene */
    double mut_prob;     /* probability an offspring is mutated */
    double mut_eta;      /* polynomial-mutation distribution index */
    double mut_gene_prob;/* per-gene mutation probability; <= 0: pymoo's
                            min(0.5, 1/n_genes) */
    unsigned max_rounds; /* mating rounds to fill the offspring with
                            non-duplicates before giving up (pymoo: 100) */
} ga_params;

/* P1's operators (docs/framework.md section 5.1): SBX probability 1.0, eta 3;
 * mutation probability 1.0, eta 3, per gene 1/n; pymoo's SBX defaults of
 * 0.5 for the per-gene crossover and swap probabilities. */
extern const ga_params ga_params_p1;

/* P2's four phases (docs/framework.md section 5.2, "optimised EA"):
 * exploration, transition, convergence, fine tuning. */
#define GA_P2_PHASES 4
extern const ga_params ga_params_p2[GA_P2_PHASES];
extern const char *const ga_p2_phase_names[GA_P2_PHASES];

typedef struct ga ga;

/* A GA for n_genes genes (>= 1) and a population of pop (>= 2), with
 * lambda = pop offspring per generation and ga_params_p1.  NULL on
 * out-of-memory or bad sizes (not reported). */
ga *ga_alloc(size_t n_genes, size_t pop);
/* Release g; NULL is a no-op.  The rng is the caller's. */
void ga_free(ga *g);

/* Change the operators (allowed at any time; P2 changes them per phase).
 * Returns 0, or IMC_EINPUT when a probability is outside [0, 1] or an eta
 * is negative. */
int ga_set_params(ga *g, const ga_params *p);

/* INITIALIZE: set the gene bounds (lo[i] <= hi[i], integers) and the rng,
 * reset the generation count to 0 and draw a random initial population of
 * pop distinct integer vectors (uniform per gene; fewer when the space is
 * smaller) to be evaluated.  Returns 0 or IMC_EINPUT on bad bounds. */
int ga_set(ga *g, const double *lo, const double *hi, gsl_rng *rng);

/* Replace the pending initial batch by n given vectors (row-major, n_genes
 * each; n may exceed pop, e.g. P2's 500 thinned designs; when told, the
 * best pop survive).  Only valid after ga_set and before the first
 * ga_tell.  Returns 0, or IMC_EINPUT out of state / memory. */
int ga_set_initial(ga *g, const int *genes, size_t n);

/* Restart from already evaluated individuals: the population becomes the
 * best pop of genes[0..n-1] (ranked by violation, then score, stable),
 * without a new evaluation and without changing the generation count.
 * Returns 0, or IMC_EINPUT when n is 0 or no ga_set was done. */
int ga_restart(ga *g, const int *genes, const double *violation,
               const double *score, size_t n);

/* ITERATE, step 1: when the population has been evaluated, breed the next
 * offspring batch (tournament, SBX, mutation, rounding, duplicate
 * elimination with at most max_rounds rounds; the batch may come out
 * smaller than pop, even empty, when duplicates persist).  When the
 * initial batch still awaits ga_tell, do nothing.  Returns 0. */
int ga_iterate(ga *g);

/* The batch awaiting evaluation: sets *genes to n rows of n_genes ints and
 * returns n (0 when nothing is pending). */
size_t ga_ask(const ga *g, const int **genes);

/* Report violation[i] and score[i] of the batch of ga_ask (NaN scores rank
 * last); runs survival: the initial batch, or population + offspring, is
 * sorted stably by (violation, score) and truncated to pop.  The generation
 * count goes up by 1.  Returns 0, or IMC_EINPUT when nothing was asked. */
int ga_tell(ga *g, const double *violation, const double *score);

/* TEST: GA_CONTINUE while fewer than max_generations generations have
 * been told, 0 after. */
int ga_test(const ga *g, size_t max_generations);

/* Generations told so far (the initial population is generation 1). */
size_t ga_generation(const ga *g);
size_t ga_ngenes(const ga *g);
/* Current (evaluated) population size, and member i (sorted: 0 is best). */
size_t ga_population(const ga *g);
void ga_member(const ga *g, size_t i, const int **genes, double *violation,
               double *score);
/* The best member: copies its genes into genes[] (n_genes ints) and its
 * values into *violation and *score.  Returns 0, or IMC_EINPUT when no
 * population has been evaluated yet. */
int ga_best(const ga *g, int *genes, double *violation, double *score);

/* ---- operators, exposed for tests and for P2's initialisation ------- */

/* SBX on one pair of parents (float genes) into two children, bounds
 * respected: each gene crosses with cx_gene_prob when the parents differ,
 * children swap it with cx_swap_prob (pymoo's cross_sbx). */
void ga_sbx(const ga_params *p, size_t n, const double *lo, const double *hi,
            const double *p1, const double *p2, double *c1, double *c2,
            gsl_rng *rng);

/* Polynomial mutation of x in place: each gene mutates with probability
 * gene_prob, result clipped to [lo, hi] (pymoo's mut_pm). */
void ga_pm(double eta, double gene_prob, size_t n, const double *lo,
           const double *hi, double *x, gsl_rng *rng);

/* Binary tournament between (va, sa) and (vb, sb): returns 0 when a wins,
 * 1 when b wins.  If either is infeasible (violation > 0) the lower
 * violation wins, otherwise the lower score; ties are broken by the rng. */
int ga_compare(double va, double sa, double vb, double sb, gsl_rng *rng);

/* Greedy max-min Hamming thinning: choose keep of the n vectors
 * genes[0..n-1] (n_genes each), starting from vector 0 and repeatedly
 * adding the vector whose smallest Hamming distance to those chosen is
 * largest (lowest index on ties).  Writes the chosen indices, in order of
 * choice, to out[0..keep-1].  Returns 0, or IMC_EINPUT when keep > n or
 * memory runs out (not reported). */
int ga_thin_hamming(const int *genes, size_t n, size_t n_genes, size_t keep,
                    size_t *out);

#endif
